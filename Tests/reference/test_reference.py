"""Tests of the reference implementation itself.

Run: python3 -m venv /tmp/venv-ref && /tmp/venv-ref/bin/pip install -r Tests/reference/requirements.txt
     /tmp/venv-ref/bin/python -m pytest Tests/reference
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_vectors  # noqa: E402
import random_rows  # noqa: E402
import rowproof_ref as ref  # noqa: E402
import vector_inputs as v  # noqa: E402

SPEC_PATH = Path(__file__).resolve().parents[2] / "specs" / "hashing_spec.json"
SPEC = json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def from_bits(bits_hex: str) -> float:
    return struct.unpack(">d", bytes.fromhex(bits_hex))[0]


def error_code(call, *args) -> str:
    with pytest.raises(ref.RowProofError) as caught:
        call(*args)
    return caught.value.code


# ---------------------------------------------------------------------------
# RFC 8785 numbers and canonical JSON
# ---------------------------------------------------------------------------

# RFC 8785, Appendix B: IEEE-754 bit patterns and their ECMAScript string form.
RFC8785_APPENDIX_B = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


@pytest.mark.parametrize(("bits", "expected"), RFC8785_APPENDIX_B)
def test_es_number_matches_rfc8785_appendix_b(bits: str, expected: str) -> None:
    assert ref.es_number_to_string(from_bits(bits)) == expected


@pytest.mark.parametrize(("literal", "expected"), [
    ("1e21", "1e+21"),
    ("1e20", "100000000000000000000"),
    ("1e-7", "1e-7"),
    ("0.000001", "0.000001"),
    ("-0", "0"),
    ("1.2345678901234568e20", "123456789012345680000"),
    ("100", "100"),
    ("1.0", "1"),
    ("-1.5e-9", "-1.5e-9"),
    ("123e-20", "1.23e-18"),
    ("0.1", "0.1"),
])
def test_es_number_formats_literals(literal: str, expected: str) -> None:
    assert ref.canonicalize_json(literal) == expected


@pytest.mark.parametrize("bits", ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])
def test_es_number_rejects_nan_and_infinity(bits: str) -> None:
    assert error_code(ref.es_number_to_string, from_bits(bits)) == "INVALID_JSON"


def test_rfc8785_section_3_2_2_example() -> None:
    source = (
        '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n'
        '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n'
        '  "literals": [null, true, false]\n}'
    )
    expected = (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    )
    assert ref.canonicalize_json(source) == expected


def test_rfc8785_section_3_2_3_sorting_example() -> None:
    source = json.dumps({
        "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One", "\U0001f600": "Emoji: Grinning Face", "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    })
    keys = list(json.loads(ref.canonicalize_json(source)))
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


def test_json_utf16_order_differs_from_code_point_order() -> None:
    canonical = ref.canonicalize_json('{"\\uffff": 1, "\\ud83d\\ude00": 2}')
    assert canonical == '{"\U0001f600":2,"\uffff":1}'
    assert sorted(["\uffff", "\U0001f600"]) == ["\uffff", "\U0001f600"]  # code point order is the other way


def test_json_duplicates_last_wins_and_strings_not_normalized() -> None:
    assert ref.canonicalize_json('{"a":1,"a":"e\\u0301"}') == '{"a":"e\u0301"}'


@pytest.mark.parametrize("source", ["", "{", "[1,]", "NaN", "[Infinity]", "1e400", "-1e999", "1 2", '"\\ud800"', "{'a':1}"])
def test_json_errors(source: str) -> None:
    assert error_code(ref.canonicalize_json, source) == "INVALID_JSON"


def test_json_control_characters_escaped_lowercase() -> None:
    assert ref.canonicalize_json('"\\u001F\\u0000\\u007F"') == '"\\u001f\\u0000\u007f"'


# ---------------------------------------------------------------------------
# Decimal
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("literal", "expected"), sorted(SPEC["decimal_rules"]["examples"].items()))
def test_decimal_examples_from_spec(literal: str, expected: str) -> None:
    assert ref.normalize_decimal(literal) == expected


@pytest.mark.parametrize(("literal", "expected"), [
    ("0", "0"), ("+7", "7"), ("5.", "5"), ("-.5", "-0.5"), ("1E+2", "100"), ("-2.50E-3", "-0.0025"),
    ("0e999999999999", "0"), ("-0.000e-5", "0"), ("100", "100"), ("0010.0100", "10.01"),
    ("NaN", "NaN"), ("nan", "NaN"), ("Infinity", "Infinity"), ("+inf", "Infinity"), ("-INF", "-Infinity"),
    ("-infinity", "-Infinity"),
])
def test_decimal_normalization(literal: str, expected: str) -> None:
    assert ref.normalize_decimal(literal) == expected


def test_decimal_precision_limit_is_38_digits() -> None:
    assert ref.normalize_decimal("9" * 38) == "9" * 38
    assert ref.normalize_decimal("0." + "0" * 37 + "1") == "0." + "0" * 37 + "1"
    assert ref.normalize_decimal("1" * 19 + "." + "2" * 19) == "1" * 19 + "." + "2" * 19
    assert error_code(ref.normalize_decimal, "9" * 39) == "DECIMAL_OUT_OF_RANGE"
    assert error_code(ref.normalize_decimal, "0." + "0" * 38 + "1") == "DECIMAL_OUT_OF_RANGE"
    assert error_code(ref.normalize_decimal, "1e38") == "DECIMAL_OUT_OF_RANGE"
    assert error_code(ref.normalize_decimal, "1e-99999999999999") == "DECIMAL_OUT_OF_RANGE"


@pytest.mark.parametrize("literal", ["", ".", "e5", "1e", "1.2.3", " 1", "1 ", "1,5", "--1", "+NaN", "0x10", "\u0661"])
def test_decimal_rejects_non_literals(literal: str) -> None:
    assert error_code(ref.normalize_decimal, literal) == "INVALID_DECIMAL"


# ---------------------------------------------------------------------------
# Hand-computed value encodings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected_hex"), [
    (v.null(), "0000000000"),
    (v.text(""), "0400000000"),
    (v.decimal("0"), "020000000130"),
    (v.boolean(False), "010000000100"),
    (v.boolean(True), "010000000101"),
    (v.decimal("5.00"), "020000000135"),
    (v.decimal("-12.5"), "02000000052d31322e35"),
    (v.float_bits("8000000000000000", "-0"), "03000000080000000000000000"),
    (v.float_bits("fff0000000000001", "NaN"), "03000000087ff8000000000000"),
    (v.float_value(1.0), "03000000083ff0000000000000"),
    (v.float4_widened(0.1), "03000000083fb99999a0000000"),
    (v.text("e\u0301"), "0400000002c3a9"),
    (v.text("A\u0000"), "04000000024100"),
    (v.raw_bytes("00ff"), "050000000200ff"),
    (v.date("1970-01-02"), "060000000400000001"),
    (v.date("1969-12-31"), "0600000004ffffffff"),
    (v.date("infinity"), "06000000047fffffff"),
    (v.time("24:00:00"), "0700000008" + f"{86_400_000_000:016x}"),
    (v.time("00:00:01.5"), "0700000008" + f"{1_500_000:016x}"),
    (v.timestamp("1970-01-01T00:00:01Z"), "0800000008" + f"{1_000_000:016x}"),
    (v.timestamp("1970-01-01T05:30:00+05:30"), "08000000080000000000000000"),
    (v.timestamp("1969-12-31T23:59:59.9999999Z"), "0800000008" + f"{(1 << 64) - 1:016x}"),
    (v.timestamp("-infinity"), "08000000088000000000000000"),
    (v.interval(1, -1, 2), "0900000010" + "00000001" + "ffffffff" + "0000000000000002"),
    (v.uuid("00112233-4455-6677-8899-AABBCCDDEEFF"), "0a0000001000112233445566778899aabbccddeeff"),
    (v.json_text('{"b":1, "a":[]}'), "0b0000000e" + b'{"a":[],"b":1}'.hex()),
    (v.array(v.decimal("1"), v.null()), "0c0000000f" + "00000002" + "020000000131" + "0000000000"),
    (v.array(), "0c0000000400000000"),
])
def test_value_encoding(value: dict, expected_hex: str) -> None:
    assert ref.encode_value(value).hex() == expected_hex


def test_nfc_leaves_ascii_and_composes_hangul_jamo() -> None:
    assert ref.text_payload(v.text("plain ASCII\u0000")) == b"plain ASCII\x00"
    assert ref.text_payload(v.text("\u1100\u1161\u11a8")) == "\uac01".encode()
    assert ref.text_payload(v.text("\u212b")) == "\u00c5".encode()
    assert ref.text_payload(v.text_hex("65cc81")) == "\u00e9".encode()


@pytest.mark.parametrize("raw_hex", ["ff", "c328", "c0af", "eda080", "f4908080", "e282"])
def test_invalid_utf8_is_rejected(raw_hex: str) -> None:
    assert error_code(ref.encode_value, v.text_hex(raw_hex)) == "INVALID_UTF8"


@pytest.mark.parametrize(("value", "code"), [
    (v.date("2023-02-29"), "INVALID_TEMPORAL"),
    (v.date("0000-01-01"), "INVALID_TEMPORAL"),
    (v.time("24:00:00.000001"), "INVALID_TEMPORAL"),
    (v.timestamp("2024-01-15 10:30:00Z"), "INVALID_TEMPORAL"),
    (v.timestamp("2024-01-15T10:30:00+5:30"), "INVALID_TEMPORAL"),
    (v.uuid("0011223344556677-8899aabbccddeeff"), "INVALID_UUID"),
    (v.array(v.array()), "UNSUPPORTED_TYPE"),
    ({"type": "money", "value": "1"}, "UNSUPPORTED_TYPE"),
])
def test_value_errors(value: dict, code: str) -> None:
    assert error_code(ref.encode_value, value) == code


def test_row_error_names_the_column() -> None:
    with pytest.raises(ref.RowProofError) as caught:
        ref.canonical_row([v.decimal("1"), v.decimal("x")])
    assert caught.value.code == "INVALID_DECIMAL"
    assert "column 1" in str(caught.value)


def test_xxh64_package_matches_published_value() -> None:
    # XXH64 of no bytes with seed 0, from the xxHash reference documentation.
    import xxhash
    assert xxhash.xxh64_hexdigest(b"", seed=0) == "ef46db3751d8e999"
    assert ref.hex64(ref.row_hash([])) == xxhash.xxh64_hexdigest(b"", seed=0x526F7750726F6F66)
    assert int(SPEC["row_hash"]["seed"], 16) == int(SPEC["row_hash"]["seed_decimal"]) == ref.ROW_HASH_SEED


# ---------------------------------------------------------------------------
# Keys, sampling, digests
# ---------------------------------------------------------------------------

def test_integer_key_order_is_memcmp_order() -> None:
    numbers = [ref.I64_MIN, -(1 << 40), -2, -1, 0, 1, 255, 256, 1 << 40, ref.I64_MAX]
    encodings = [ref.encode_key([v.decimal(str(n))]) for n in numbers]
    assert encodings == sorted(encodings)


def test_text_key_order_is_collate_c_with_nul_escaping() -> None:
    texts = ["", "a", "a\u0000", "a\u0000b", "a\u0001", "ab", "b", "\u00e9", "\U0001f600"]
    encodings = [ref.encode_key([v.text(t)]) for t in texts]
    assert encodings == sorted(encodings)
    assert ref.encode_key([v.text("e\u0301")]) != ref.encode_key([v.text("\u00e9")])


def test_temporal_key_order() -> None:
    dates = ["-infinity", "0001-01-01", "1969-12-31", "1970-01-01", "9999-12-31", "infinity"]
    stamps = ["-infinity", "1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000001Z", "infinity"]
    for maker, inputs in [(v.date, dates), (v.timestamp, stamps)]:
        encodings = [ref.encode_key([maker(x)]) for x in inputs]
        assert encodings == sorted(encodings)


def test_composite_key_is_lexicographic() -> None:
    keys = [(1, "b"), (1, "ba"), (2, ""), (2, "a")]
    encodings = [ref.encode_key([v.decimal(str(n)), v.text(t)]) for n, t in keys]
    assert encodings == sorted(encodings)


@pytest.mark.parametrize(("values", "arity", "code"), [
    ([v.null()], 1, "NULL_KEY"),
    ([v.float_value(1.0)], 1, "UNSUPPORTED_KEY_TYPE"),
    ([v.decimal("0.5")], 1, "UNSUPPORTED_KEY_TYPE"),
    ([v.decimal("-9223372036854775809")], 1, "UNSUPPORTED_KEY_TYPE"),
    ([v.decimal("Infinity")], 1, "UNSUPPORTED_KEY_TYPE"),
    ([v.decimal("1")], 2, "KEY_ARITY"),
    ([v.text_hex("ff")], 1, "INVALID_UTF8"),
])
def test_key_errors(values: list, arity: int, code: str) -> None:
    assert error_code(ref.encode_key, values, arity) == code


def test_sampling_bounds_and_fraction() -> None:
    encodings = [ref.encode_key([v.decimal(str(n))]) for n in range(20000)]
    assert not any(ref.is_selected(e, 10000, 0) for e in encodings)
    assert all(ref.is_selected(e, 7, 7) for e in encodings)
    selected = sum(ref.is_selected(e, 100, 10) for e in encodings)
    assert 1700 < selected < 2300  # 10% of 20,000 keys, give or take
    with pytest.raises(ValueError):
        ref.is_selected(encodings[0], 0, 0)


def test_sample_u64_is_first_eight_bytes_of_sha256() -> None:
    import hashlib
    key = ref.encode_key([v.decimal("42")])
    assert key.hex() == "02800000000000002a"
    assert ref.sample_u64(key) == int(hashlib.sha256(bytes.fromhex("02800000000000002a")).hexdigest()[:16], 16)


def test_digest_properties() -> None:
    hashes = [ref.row_hash([v.decimal(str(n))]) for n in range(5)]
    forward, backward = ref.chunk_digest(hashes), ref.chunk_digest(hashes[::-1])
    assert forward["multiset_sum"] == backward["multiset_sum"]
    assert forward["multiset_mix"] == backward["multiset_mix"]
    assert forward["ordered"] != backward["ordered"]
    twice = ref.chunk_digest([hashes[0], hashes[0]])
    assert twice["multiset_sum"] != "0" * 16 and twice["multiset_mix"] != "0" * 16
    assert twice["multiset_sum"] == ref.hex64(2 * hashes[0])
    empty = ref.chunk_digest([])
    assert empty == {"count": 0, "ordered": ref.hex64(ref.xxh64(b"")), "multiset_sum": "0" * 16, "multiset_mix": "0" * 16}
    split = [ref.chunk_digest(hashes[:2]), ref.chunk_digest(hashes[2:])]
    assert ref.hex64(sum(int(d["multiset_mix"], 16) for d in split)) == forward["multiset_mix"]


def test_fmix64_follows_murmur3_finalizer_steps() -> None:
    assert ref.fmix64(0) == 0
    h = 1
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) % (1 << 64)
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) % (1 << 64)
    h ^= h >> 33
    assert ref.fmix64(1) == h
    assert len({ref.fmix64(n) for n in range(1000)}) == 1000


# ---------------------------------------------------------------------------
# The stored vectors and the random rows
# ---------------------------------------------------------------------------

def test_spec_vectors_are_current() -> None:
    assert SPEC["vectors"] == make_vectors.build_vectors()


def test_spec_vectors_have_unique_names_and_known_kinds() -> None:
    names = [vector["name"] for vector in SPEC["vectors"]]
    assert len(names) == len(set(names))
    assert len(names) >= 60
    assert {vector["kind"] for vector in SPEC["vectors"]} == {"row", "key", "digest", "error"}
    assert {vector["error"] for vector in SPEC["vectors"] if vector["kind"] == "error"} == set(SPEC["error_codes"])


def test_random_rows_are_deterministic_and_valid() -> None:
    first, second = random_rows.RowGenerator(7), random_rows.RowGenerator(7)
    for _ in range(300):
        row = first.row()
        assert row == second.row()
        line = random_rows.expected_line(row)
        assert bytes.fromhex(line["canonical_hex"]) == ref.canonical_row(row)
        if "key_hex" in line:
            assert line["sample_u64"] == str(ref.sample_u64(bytes.fromhex(line["key_hex"])))
