"""Write the "vectors" array of specs/hashing_spec.json from the reference implementation.

Usage: python3 Tests/reference/make_vectors.py [--spec PATH] [--check]

Everything in the spec file except the "vectors" array is kept byte for byte. The output
is deterministic: running the script twice gives the same file. With --check the file is
not written; the script exits 1 if the stored vectors differ from freshly computed ones.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import rowproof_ref as ref
from vector_inputs import (
    array,
    boolean,
    date,
    decimal,
    float4_widened,
    float_bits,
    float_value,
    interval,
    json_text,
    null,
    raw_bytes,
    text,
    text_hex,
    time,
    timestamp,
    uuid,
)

DEFAULT_SPEC = Path(__file__).resolve().parents[2] / "specs" / "hashing_spec.json"
DEFAULT_M = 10000
DEFAULT_K = 100


class VectorBook:
    """Collects vectors, computing expected results with the reference implementation."""

    def __init__(self) -> None:
        self.vectors: list[dict[str, Any]] = []
        self._names: set[str] = set()

    def _add(self, vector: dict[str, Any]) -> dict[str, Any]:
        name = vector["name"]
        if name in self._names:
            raise ValueError(f"duplicate vector name {name!r}")
        self._names.add(name)
        self.vectors.append(vector)
        return vector

    def row(self, name: str, *values: dict[str, Any]) -> int:
        canonical = ref.canonical_row(values)
        row_hash = ref.xxh64(canonical)
        self._add({
            "name": name,
            "kind": "row",
            "values": list(values),
            "canonical_hex": canonical.hex(),
            "row_hash": ref.hex64(row_hash),
        })
        return row_hash

    def key(self, name: str, *values: dict[str, Any], modulus: int = DEFAULT_M, keep: int = DEFAULT_K) -> None:
        encoding = ref.encode_key(values, key_arity=len(values))
        self._add({
            "name": name,
            "kind": "key",
            "values": list(values),
            "M": modulus,
            "K": keep,
            "key_hex": encoding.hex(),
            "sample_u64": str(ref.sample_u64(encoding)),
            "selected": ref.is_selected(encoding, modulus, keep),
        })

    def digest(self, name: str, row_hashes: list[int]) -> None:
        self._add({
            "name": name,
            "kind": "digest",
            "row_hashes": [ref.hex64(h) for h in row_hashes],
            **ref.chunk_digest(row_hashes),
        })

    def error(self, name: str, code: str, *values: dict[str, Any], as_key: bool = False,
              key_arity: int | None = None) -> None:
        try:
            if as_key:
                ref.encode_key(values, key_arity=key_arity if key_arity is not None else len(values))
            else:
                ref.canonical_row(values)
        except ref.RowProofError as error:
            if error.code != code:
                raise ValueError(f"vector {name!r}: expected {code}, the reference says {error}") from None
        else:
            raise ValueError(f"vector {name!r}: expected {code}, the reference accepted the input")
        vector: dict[str, Any] = {
            "name": name,
            "kind": "error",
            "as": "key" if as_key else "row",
            "values": list(values),
            "error": code,
        }
        if key_arity is not None:
            vector["key_arity"] = key_arity
        self._add(vector)


def add_row_vectors(book: VectorBook) -> dict[str, int]:
    hashes: dict[str, int] = {}

    # NULL and its look-alikes
    hashes["null"] = book.row("null_alone", null())
    book.row("text_empty", text(""))
    book.row("decimal_zero", decimal("0"))
    book.row("bool_false", boolean(False))
    book.row("bool_true", boolean(True))
    book.row("null_empty_zero_false_differ", null(), text(""), decimal("0"), boolean(False))
    book.row("row_without_columns")

    # decimals and integers
    book.row("int64_max", decimal("9223372036854775807"))
    book.row("int64_min", decimal("-9223372036854775808"))
    book.row("int_and_numeric_encode_alike", decimal("5"), decimal("5.00"))
    book.row("decimal_trailing_and_leading_zeros", decimal("-0012.500"))
    book.row("decimal_exponent_positive", decimal("1.5e3"))
    book.row("decimal_exponent_negative", decimal("12345e-4"))
    book.row("decimal_exponent_forms", decimal("1E+2"), decimal("-2.50E-3"), decimal("0e99"))
    book.row("decimal_negative_zero", decimal("-0"), decimal("-0.000"), decimal("+0.0e-5"))
    book.row("decimal_bare_point_forms", decimal(".5"), decimal("5."), decimal("-.25"))
    book.row("decimal_38_digits_integer", decimal("12345678901234567890123456789012345678"))
    book.row("decimal_38_digits_fraction", decimal("-0.00000000000000000000000000000000000001"))
    book.row("decimal_38_digits_mixed", decimal("1234567890123456789.0123456789012345678000"))
    book.row("decimal_nan", decimal("NaN"), decimal("nan"))
    book.row("decimal_infinities", decimal("Infinity"), decimal("+inf"), decimal("-Infinity"), decimal("-INF"))

    # floats
    book.row("float_simple", float_value(1.5), float_value(-2.25))
    book.row("float_negative_zero_is_zero", float_bits("8000000000000000", "-0.0"), float_value(0.0))
    book.row("float_nan_quiet", float_bits("7ff8000000000000", "NaN"))
    book.row("float_nan_other_patterns", float_bits("fff0000000000001", "-NaN (signalling payload 1)"),
             float_bits("7ff4000000000000", "NaN (signalling)"))
    book.row("float_infinities", float_value(float("inf"), "Infinity"), float_value(float("-inf"), "-Infinity"))
    book.row("float_subnormal", float_bits("0000000000000001", "5e-324"), float_bits("800fffffffffffff", "-2.225073858507201e-308"))
    book.row("float_extremes", float_bits("7fefffffffffffff", "1.7976931348623157e308"))
    book.row("float4_widened", float4_widened(0.1, "0.1 as float4 (0.100000001490116...)"))

    # text
    book.row("text_ascii", text("hello, world"))
    book.row("text_nfd_becomes_nfc", text("e\u0301"))
    book.row("text_nfc_unchanged", text("\u00e9"))
    book.row("text_nfd_word", text("Cafe\u0301 cre\u0300me bru\u0302le\u0301e"))
    book.row("text_combining_marks_reordered", text("q\u0307\u0323"))
    book.row("text_singleton_decomposition", text("\u212b \u2126"))
    book.row("text_hangul_jamo_compose", text("\u1100\u1161\u11a8"))
    book.row("text_cjk", text("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8"))
    book.row("text_emoji", text("\U0001f600 \U0001f468\u200d\U0001f469\u200d\U0001f467"))
    book.row("text_with_nul", text("a\u0000b"))
    book.row("text_from_hex_nfd", text_hex("65cc81"))
    book.row("text_control_characters", text("tab\tnewline\nbell\u0007"))

    # bytes
    book.row("bytes_simple", raw_bytes("deadbeef"))
    book.row("bytes_empty", raw_bytes(""))
    book.row("bytes_with_zeros", raw_bytes("00ff0000"))

    # dates
    book.row("date_epoch", date("1970-01-01"))
    book.row("date_leap_day", date("2024-02-29"))
    book.row("date_pre_1970", date("1969-12-31"), date("1900-03-01"))
    book.row("date_extremes", date("0001-01-01"), date("9999-12-31"))
    book.row("date_infinities", date("infinity"), date("-infinity"))

    # times
    book.row("time_midnight", time("00:00:00"))
    book.row("time_fraction", time("12:34:56.789"), time("23:59:59.999999"))
    book.row("time_end_of_day", time("24:00:00"))
    book.row("time_with_offset", time("13:45:00+05:30"), time("02:00:00+05:30"), time("22:00:00-03:00"))

    # timestamps
    book.row("timestamp_epoch", timestamp("1970-01-01T00:00:00Z"))
    book.row("timestamp_zulu", timestamp("2024-01-15T10:30:00Z"))
    book.row("timestamp_offset_equals_zulu", timestamp("2024-01-15T16:00:00+05:30"))
    book.row("timestamp_naive_is_utc", timestamp("2024-01-15T10:30:00"))
    book.row("timestamp_negative_offset_crosses_day", timestamp("2024-12-31T22:15:30.25-05:00"))
    book.row("timestamp_seven_fraction_digits_floored", timestamp("2024-01-15T10:30:00.1234567Z"))
    book.row("timestamp_nine_fraction_digits_floored", timestamp("2024-01-15T10:30:00.999999999Z"))
    book.row("timestamp_pre_1970_fraction", timestamp("1969-12-31T23:59:59.5Z"),
             timestamp("1960-06-15T12:00:00.1234567-08:00"))
    book.row("timestamp_infinities", timestamp("infinity"), timestamp("-infinity"))
    book.row("timestamp_extremes", timestamp("0001-01-01T00:00:00Z"), timestamp("9999-12-31T23:59:59.999999Z"))

    # intervals
    book.row("interval_month_differs_from_30_days", interval(1, 0, 0), interval(0, 30, 0))
    book.row("interval_negative_parts", interval(-14, -3, -4500000))
    book.row("interval_extremes", interval(2147483647, -2147483648, 9223372036854775807))

    # uuids
    book.row("uuid_lowercase", uuid("123e4567-e89b-12d3-a456-426614174000"))
    book.row("uuid_uppercase_same_bytes", uuid("123E4567-E89B-12D3-A456-426614174000"))
    book.row("uuid_without_hyphens", uuid("123e4567e89b12d3a456426614174000"))
    book.row("uuid_nil", uuid("00000000-0000-0000-0000-000000000000"))

    # json
    book.row("json_keys_reordered", json_text('{"b": 1, "a": 2, "c": {"z": true, "y": null}}'))
    book.row("json_nested_whitespace", json_text(' {\n  "list" : [ 1 , [ 2, {"k":[] } ] , {} ],\n\t"s":"v" }\r\n'))
    book.row("json_numbers_es6_format", json_text(
        "[1e21, 1E-7, 0.000001, -0, 1.2345678901234568e20, 100, 1.0, 4.50, 2e-3,"
        " 9007199254740993, 5e-324, 1.7976931348623157e308, 123456789012345678901234567890, -1.5E+300]"))
    book.row("json_number_underflow_is_zero", json_text("[1e-400, -1e-400]"))
    book.row("json_string_escapes", json_text(r'["\u0041\n\t\r\b\f\u001f\u007f\"\\\/", "\u00e9\u20ac"]'))
    book.row("json_keys_utf16_order", json_text('{"\\ufb33": 1, "\\ud83d\\ude00": 2, "\\u00f6": 3, "a": 4}'))
    book.row("json_rfc8785_sort_example", json_text(
        '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",'
        ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",'
        ' "\\u00f6": "Latin Small Letter O With Diaeresis"}'))
    book.row("json_rfc8785_example", json_text(
        '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n'
        '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n'
        '  "literals": [null, true, false]\n}'))
    book.row("json_duplicate_key_last_wins", json_text('{"a": 1, "b": 0, "a": 2}'))
    book.row("json_string_not_normalized", json_text('"e\\u0301"'))
    book.row("json_scalars", json_text("null"), json_text("true"), json_text('"x"'), json_text("-0.0"))
    book.row("json_empty_containers", json_text("{}"), json_text("[]"))

    # arrays
    book.row("array_of_integers", array(decimal("1"), decimal("2.0"), decimal("30e-1")))
    book.row("array_with_nulls", array(text("a"), null(), text("e\u0301"), null()))
    book.row("array_empty", array())
    book.row("array_of_timestamps", array(timestamp("2024-01-15T10:30:00Z"), timestamp("infinity")))

    # multi-column rows
    hashes["orders_1"] = book.row(
        "orders_row",
        decimal("1001"),                          # id bigint
        decimal("42"),                            # customer_id int
        decimal("199.90"),                        # amount numeric(12,2)
        text("shipped"),                          # status text
        timestamp("2024-03-10T14:05:09.123456+01:00"),  # created_at timestamptz
        null(),                                   # note text
        decimal("3"),                             # qty int
        float_value(66.63333333333334),           # price double
    )
    hashes["orders_2"] = book.row(
        "orders_row_with_note",
        decimal("1002"),
        decimal("7"),
        decimal("-15.00"),
        text("refunded"),
        timestamp("2024-03-11T00:00:00Z"),
        text("Kunde hat storniert \u2013 Ru\u0308ckerstattung"),
        decimal("-1"),
        float_value(15.0),
    )
    hashes["orders_3"] = book.row(
        "orders_row_zero_amount",
        decimal("1003"),
        decimal("7"),
        decimal("0.00"),
        text(""),
        timestamp("1999-12-31T23:59:59.999999Z"),
        text("free sample"),
        decimal("0"),
        float_bits("8000000000000000", "-0.0"),
    )
    book.row(
        "every_type_in_one_row",
        null(), boolean(True), decimal("-3.14"), float_value(2.5), text("x"), raw_bytes("00"),
        date("2000-01-01"), time("08:00:00"), timestamp("2000-01-01T08:00:00Z"), interval(0, 1, 0),
        uuid("00112233-4455-6677-8899-aabbccddeeff"), json_text('{"k": [1, 2]}'),
        array(decimal("1"), null()),
    )
    return hashes


def first_selected_integer_key() -> int:
    """The smallest positive integer key the default sample (M=10000, K=100) selects."""
    candidate = 1
    while not ref.is_selected(ref.encode_key([decimal(str(candidate))]), DEFAULT_M, DEFAULT_K):
        candidate += 1
    return candidate


def add_key_vectors(book: VectorBook) -> None:
    book.key("key_int", decimal("42"))
    book.key("key_int_from_numeric_scale", decimal("42.000"))
    book.key("key_int_from_exponent", decimal("4.2e1"))
    book.key("key_int_zero", decimal("0"))
    book.key("key_int_negative", decimal("-1"))
    book.key("key_int64_min", decimal("-9223372036854775808"))
    book.key("key_int64_max", decimal("9223372036854775807"))
    book.key("key_int_selected_by_default_sample", decimal(str(first_selected_integer_key())))
    book.key("key_bool", boolean(True))
    book.key("key_text", text("abc"))
    book.key("key_text_empty", text(""))
    book.key("key_text_with_nul", text("a\u0000b"))
    book.key("key_text_not_normalized_nfd", text("e\u0301"))
    book.key("key_text_not_normalized_nfc", text("\u00e9"))
    book.key("key_text_from_hex", text_hex("f09f9880"))
    book.key("key_bytes", raw_bytes("0001ff00"))
    book.key("key_composite_int_text", decimal("7"), text("x"))
    book.key("key_composite_text_int", text("x"), decimal("-7"))
    book.key("key_uuid", uuid("123e4567-e89b-12d3-a456-426614174000"))
    book.key("key_date", date("2024-02-29"))
    book.key("key_date_pre_1970", date("1969-12-31"))
    book.key("key_date_infinity", date("infinity"))
    book.key("key_time_end_of_day", time("24:00:00"))
    book.key("key_timestamp", timestamp("2024-01-15T10:30:00Z"))
    book.key("key_timestamp_pre_1970_fraction", timestamp("1969-12-31T23:59:59.5Z"))
    book.key("key_timestamp_minus_infinity", timestamp("-infinity"))
    # other sampling parameters
    book.key("key_int_m1_k1_selects_all", decimal("42"), modulus=1, keep=1)
    book.key("key_int_k0_selects_none", decimal("42"), modulus=10000, keep=0)
    book.key("key_int_m2_k1", decimal("42"), modulus=2, keep=1)
    book.key("key_int_m7_k3", decimal("42"), modulus=7, keep=3)
    book.key("key_text_m1000000_k5000", text("abc"), modulus=1000000, keep=5000)
    book.key("key_composite_m100_k50", decimal("7"), text("x"), modulus=100, keep=50)


def add_digest_vectors(book: VectorBook, hashes: dict[str, int]) -> None:
    a, b, c = hashes["orders_1"], hashes["orders_2"], hashes["orders_3"]
    book.digest("digest_empty_chunk", [])
    book.digest("digest_one_row", [a])
    book.digest("digest_three_rows", [a, b, c])
    book.digest("digest_three_rows_other_order", [c, a, b])
    book.digest("digest_duplicates_do_not_cancel", [a, a])
    book.digest("digest_null_row_twice", [hashes["null"], hashes["null"]])
    book.digest("digest_sums_wrap_modulo_2_64", [0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFE, 3])


def add_error_vectors(book: VectorBook) -> None:
    book.error("error_invalid_utf8_truncated", "INVALID_UTF8", text_hex("c328"))
    book.error("error_invalid_utf8_lone_byte", "INVALID_UTF8", decimal("1"), text_hex("61ff62"))
    book.error("error_invalid_utf8_overlong", "INVALID_UTF8", text_hex("c0af"))
    book.error("error_invalid_utf8_surrogate", "INVALID_UTF8", text_hex("eda080"))
    book.error("error_invalid_utf8_in_array", "INVALID_UTF8", array(text("ok"), text_hex("80")))
    book.error("error_invalid_utf8_key", "INVALID_UTF8", text_hex("e282"), as_key=True)
    book.error("error_decimal_39_digits", "DECIMAL_OUT_OF_RANGE", decimal("123456789012345678901234567890123456789"))
    book.error("error_decimal_exponent_too_large", "DECIMAL_OUT_OF_RANGE", decimal("1e38"))
    book.error("error_decimal_39_fraction_digits", "DECIMAL_OUT_OF_RANGE",
               decimal("0.000000000000000000000000000000000000001"))
    book.error("error_decimal_not_a_number", "INVALID_DECIMAL", decimal("abc"))
    book.error("error_decimal_two_points", "INVALID_DECIMAL", decimal("1.2.3"))
    book.error("error_decimal_empty", "INVALID_DECIMAL", decimal(""))
    book.error("error_decimal_exponent_without_digits", "INVALID_DECIMAL", decimal("1e"))
    book.error("error_decimal_point_only", "INVALID_DECIMAL", decimal("."))
    book.error("error_decimal_surrounding_space", "INVALID_DECIMAL", decimal(" 1"))
    book.error("error_decimal_comma", "INVALID_DECIMAL", decimal("1,5"))
    book.error("error_json_unterminated", "INVALID_JSON", json_text('{"a": 1'))
    book.error("error_json_two_values", "INVALID_JSON", json_text('{"a": 1} {"b": 2}'))
    book.error("error_json_nan_literal", "INVALID_JSON", json_text("[NaN]"))
    book.error("error_json_number_overflow", "INVALID_JSON", json_text("1e400"))
    book.error("error_json_empty", "INVALID_JSON", json_text(""))
    book.error("error_json_single_quotes", "INVALID_JSON", json_text("{'a': 1}"))
    book.error("error_json_trailing_comma", "INVALID_JSON", json_text("[1, 2,]"))
    book.error("error_json_lone_surrogate", "INVALID_JSON", json_text('"\\ud800"'))
    book.error("error_date_february_30", "INVALID_TEMPORAL", date("2024-02-30"))
    book.error("error_date_not_leap_year", "INVALID_TEMPORAL", date("2023-02-29"))
    book.error("error_date_month_13", "INVALID_TEMPORAL", date("2024-13-01"))
    book.error("error_date_garbage", "INVALID_TEMPORAL", date("yesterday"))
    book.error("error_time_past_end_of_day", "INVALID_TEMPORAL", time("24:00:01"))
    book.error("error_time_hour_25", "INVALID_TEMPORAL", time("25:00:00"))
    book.error("error_time_minute_60", "INVALID_TEMPORAL", time("12:60:00"))
    book.error("error_timestamp_bad_day", "INVALID_TEMPORAL", timestamp("2024-04-31T00:00:00Z"))
    book.error("error_timestamp_hour_24", "INVALID_TEMPORAL", timestamp("2024-01-15T24:00:00Z"))
    book.error("error_uuid_too_short", "INVALID_UUID", uuid("123e4567-e89b-12d3-a456-42661417400"))
    book.error("error_uuid_not_hex", "INVALID_UUID", uuid("123e4567-e89b-12d3-a456-42661417400g"))
    book.error("error_uuid_misplaced_hyphen", "INVALID_UUID", uuid("123e4567e-89b-12d3-a456-426614174000"))
    book.error("error_uuid_braces", "INVALID_UUID", uuid("{123e4567-e89b-12d3-a456-426614174000}"))
    book.error("error_nested_array", "UNSUPPORTED_TYPE", array(array(decimal("1"))))
    book.error("error_key_float", "UNSUPPORTED_KEY_TYPE", float_value(1.0), as_key=True)
    book.error("error_key_json", "UNSUPPORTED_KEY_TYPE", json_text("{}"), as_key=True)
    book.error("error_key_interval", "UNSUPPORTED_KEY_TYPE", interval(0, 1, 0), as_key=True)
    book.error("error_key_array", "UNSUPPORTED_KEY_TYPE", array(decimal("1")), as_key=True)
    book.error("error_key_fractional_decimal", "UNSUPPORTED_KEY_TYPE", decimal("1.5"), as_key=True)
    book.error("error_key_decimal_beyond_int64", "UNSUPPORTED_KEY_TYPE", decimal("9223372036854775808"), as_key=True)
    book.error("error_key_decimal_nan", "UNSUPPORTED_KEY_TYPE", decimal("NaN"), as_key=True)
    book.error("error_key_null", "NULL_KEY", null(), as_key=True)
    book.error("error_key_null_second_component", "NULL_KEY", decimal("1"), null(), as_key=True)
    book.error("error_key_too_many_components", "KEY_ARITY", decimal("1"), text("a"), as_key=True, key_arity=1)
    book.error("error_key_too_few_components", "KEY_ARITY", decimal("1"), as_key=True, key_arity=2)


def build_vectors() -> list[dict[str, Any]]:
    book = VectorBook()
    hashes = add_row_vectors(book)
    add_key_vectors(book)
    add_digest_vectors(book, hashes)
    add_error_vectors(book)
    return book.vectors


def render_vectors(vectors: list[dict[str, Any]]) -> str:
    """The vectors array, one field per line and each field's value on a single line."""
    blocks = []
    for vector in vectors:
        fields = [f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=True)}" for k, v in vector.items()]
        blocks.append("    {\n" + ",\n".join(fields) + "\n    }")
    return "[\n" + ",\n".join(blocks) + "\n  ]"


_VECTORS_TAIL = re.compile(r'"vectors"\s*:\s*\[.*\]\s*\}\s*\Z', re.DOTALL)


def spec_with_vectors(spec_text: str, vectors: list[dict[str, Any]]) -> str:
    original = json.loads(spec_text)
    if list(original)[-1] != "vectors":
        raise ValueError('"vectors" must be the last member of the spec object')
    if not _VECTORS_TAIL.search(spec_text):
        raise ValueError('could not find the "vectors" array at the end of the spec')
    updated = _VECTORS_TAIL.sub(lambda _: '"vectors": ' + render_vectors(vectors) + "\n}\n", spec_text)
    parsed = json.loads(updated)
    if parsed["vectors"] != vectors or {k: v for k, v in parsed.items() if k != "vectors"} != {
        k: v for k, v in original.items() if k != "vectors"
    }:
        raise ValueError("rewriting the vectors changed something else in the spec")
    return updated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="path of hashing_spec.json")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the vectors are stale")
    args = parser.parse_args()

    spec_text = args.spec.read_text(encoding="utf-8")
    vectors = build_vectors()
    updated = spec_with_vectors(spec_text, vectors)
    if args.check:
        if updated != spec_text:
            print(f"{args.spec}: vectors are stale; run make_vectors.py", file=sys.stderr)
            return 1
        print(f"{args.spec}: {len(vectors)} vectors up to date")
        return 0
    args.spec.write_text(updated, encoding="utf-8")
    kinds: dict[str, int] = {}
    for vector in vectors:
        kinds[vector["kind"]] = kinds.get(vector["kind"], 0) + 1
    print(f"{args.spec}: wrote {len(vectors)} vectors {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
