"""Reference implementation of the RowProof hashing specification.

This module is a second, independent implementation of ``specs/hashing_spec.json``,
written from the text of that document alone. It exists so that the Swift
implementation can be checked against something that was not derived from it:
``make_vectors.py`` writes the spec's vectors with it and ``random_rows.py``
produces randomized rows for a row-by-row comparison.

Every value is given in the spec's vector input form (``vector_format``), for
example ``{"type": "decimal", "value": "5.00"}``. Faults raise
:class:`RowProofError`, whose ``code`` is one of the spec's error codes.

Requires Python 3.11 and the ``xxhash`` package.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import struct
import unicodedata
from typing import Any, Iterable, Sequence

import xxhash

ROW_HASH_SEED = 0x526F7750726F6F66
U64_MASK = 0xFFFFFFFFFFFFFFFF
I64_MIN = -(1 << 63)
I64_MAX = (1 << 63) - 1
I32_MIN = -(1 << 31)
I32_MAX = (1 << 31) - 1
MICROS_PER_SECOND = 1_000_000
MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND
MAX_DECIMAL_DIGITS = 38

TAG_NULL = 0x00
TAG_BOOL = 0x01
TAG_DECIMAL = 0x02
TAG_FLOAT = 0x03
TAG_TEXT = 0x04
TAG_BYTES = 0x05
TAG_DATE = 0x06
TAG_TIME = 0x07
TAG_TIMESTAMP = 0x08
TAG_INTERVAL = 0x09
TAG_UUID = 0x0A
TAG_JSON = 0x0B
TAG_ARRAY = 0x0C

CANONICAL_NAN_BITS = 0x7FF8000000000000


class RowProofError(Exception):
    """A value, row or key the spec rejects. ``code`` is the spec's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


# ---------------------------------------------------------------------------
# Framing
# ---------------------------------------------------------------------------

def hex_bytes(text: str) -> bytes:
    """Bytes from a vector's hex field: an even number of hex digits, nothing else."""
    if not re.fullmatch(r"(?:[0-9a-fA-F]{2})*", text):
        raise ValueError(f"{text!r} is not an even number of hex digits")
    return bytes.fromhex(text)


def frame(tag: int, payload: bytes) -> bytes:
    """tag (u8) || payload length (u32 BE) || payload."""
    return bytes([tag]) + struct.pack(">I", len(payload)) + payload


# ---------------------------------------------------------------------------
# Decimal
# ---------------------------------------------------------------------------

_DECIMAL_RE = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?")
_INFINITY_RE = re.compile(r"([+-]?)(?:inf|infinity)", re.IGNORECASE)
_NAN_RE = re.compile(r"nan", re.IGNORECASE)


def normalize_decimal(text: str) -> str:
    """Return the normalized decimal payload text ("-12.5", "0", "NaN", ...)."""
    if _NAN_RE.fullmatch(text):
        return "NaN"
    special = _INFINITY_RE.fullmatch(text)
    if special:
        return "-Infinity" if special.group(1) == "-" else "Infinity"

    match = _DECIMAL_RE.fullmatch(text)
    if not match:
        raise RowProofError("INVALID_DECIMAL", f"{text!r} is not a decimal literal")
    sign, int_digits, frac_digits, exponent_text = match.groups()
    frac_digits = frac_digits or ""
    if not int_digits and not frac_digits:
        raise RowProofError("INVALID_DECIMAL", f"{text!r} has no digits")
    exponent = int(exponent_text) if exponent_text is not None else 0

    # value = significand * 10**scale, with significand free of leading zeros
    significand = (int_digits + frac_digits).lstrip("0")
    scale = exponent - len(frac_digits)
    if not significand:
        return "0"
    stripped = significand.rstrip("0")
    scale += len(significand) - len(stripped)
    significand = stripped

    if scale >= 0:
        digit_count = len(significand) + scale
        _check_decimal_digits(text, digit_count)
        body = significand + "0" * scale
    else:
        fraction_length = -scale
        digit_count = max(len(significand), fraction_length)
        _check_decimal_digits(text, digit_count)
        if len(significand) > fraction_length:
            split = len(significand) - fraction_length
            body = significand[:split] + "." + significand[split:]
        else:
            body = "0." + "0" * (fraction_length - len(significand)) + significand
    return ("-" if sign == "-" else "") + body


def _check_decimal_digits(text: str, digit_count: int) -> None:
    if digit_count > MAX_DECIMAL_DIGITS:
        raise RowProofError(
            "DECIMAL_OUT_OF_RANGE",
            f"{text!r} needs {digit_count} digits after normalization; at most "
            f"{MAX_DECIMAL_DIGITS} are allowed",
        )


# ---------------------------------------------------------------------------
# Float
# ---------------------------------------------------------------------------

def float_payload(bits_hex: str) -> bytes:
    """8 big-endian bytes of the binary64 given as 16 hex digits; -0 -> +0, NaN -> one NaN."""
    if not re.fullmatch(r"[0-9a-fA-F]{16}", bits_hex):
        raise RowProofError("UNSUPPORTED_TYPE", f"float bits {bits_hex!r} are not 16 hex digits")
    bits = int(bits_hex, 16)
    exponent = (bits >> 52) & 0x7FF
    mantissa = bits & ((1 << 52) - 1)
    if exponent == 0x7FF and mantissa != 0:
        bits = CANONICAL_NAN_BITS
    elif bits == 0x8000000000000000:
        bits = 0
    return bits.to_bytes(8, "big")


# ---------------------------------------------------------------------------
# Text and bytes
# ---------------------------------------------------------------------------

def raw_text_bytes(value: dict[str, Any]) -> bytes:
    """The text value's bytes as stored, validated as UTF-8 (not normalized)."""
    if "hex" in value:
        raw = hex_bytes(value["hex"])
        try:
            raw.decode("utf-8", errors="strict")
        except UnicodeDecodeError as error:
            raise RowProofError(
                "INVALID_UTF8", f"text bytes {value['hex']} are not valid UTF-8 at byte {error.start}"
            ) from None
        return raw
    try:
        return value["value"].encode("utf-8", errors="strict")
    except UnicodeEncodeError as error:
        raise RowProofError(
            "INVALID_UTF8", f"text contains a lone surrogate at position {error.start}"
        ) from None


def text_payload(value: dict[str, Any]) -> bytes:
    raw = raw_text_bytes(value)
    if raw.isascii():
        return raw
    return unicodedata.normalize("NFC", raw.decode("utf-8")).encode("utf-8")


# ---------------------------------------------------------------------------
# Date, time, timestamp
# ---------------------------------------------------------------------------

DATE_POS_INFINITY = I32_MAX
DATE_NEG_INFINITY = I32_MIN
TIMESTAMP_POS_INFINITY = I64_MAX
TIMESTAMP_NEG_INFINITY = I64_MIN

_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME_RE = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?")
_ZONE_RE = re.compile(r"Z|([+-])([0-9]{2}):([0-9]{2})")


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _parse_date_part(text: str, whole: str) -> int:
    match = _DATE_RE.fullmatch(text)
    if not match:
        raise RowProofError("INVALID_TEMPORAL", f"{whole!r} is not a YYYY-MM-DD date")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= year <= 9999 or not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        raise RowProofError("INVALID_TEMPORAL", f"{whole!r} is not a calendar date (years 0001-9999)")
    return days_from_civil(year, month, day)


def _parse_clock(text: str, whole: str, allow_24: bool) -> int:
    """Microseconds since midnight; fraction digits beyond the sixth are dropped."""
    match = _TIME_RE.fullmatch(text)
    if not match:
        raise RowProofError("INVALID_TEMPORAL", f"{whole!r} is not an HH:MM:SS[.ffffff] time")
    hours, minutes, seconds = (int(g) for g in match.groups()[:3])
    fraction = match.group(4) or ""
    micros = int((fraction + "000000")[:6])
    if minutes > 59 or seconds > 59:
        raise RowProofError("INVALID_TEMPORAL", f"{whole!r} has minutes or seconds above 59")
    if hours == 24 and allow_24:
        if minutes or seconds or fraction.strip("0"):
            raise RowProofError("INVALID_TEMPORAL", f"{whole!r} is past 24:00:00")
    elif hours > 23:
        raise RowProofError("INVALID_TEMPORAL", f"{whole!r} has hours above 23")
    return ((hours * 60 + minutes) * 60 + seconds) * MICROS_PER_SECOND + micros


def _split_zone(text: str) -> tuple[str, int | None]:
    """Split a trailing 'Z' or '+HH:MM' / '-HH:MM'; return (rest, offset micros or None)."""
    if text.endswith("Z"):
        return text[:-1], 0
    if len(text) >= 6 and text[-6] in "+-":
        match = _ZONE_RE.fullmatch(text[-6:])
        if match:
            sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3))
            if hours > 23 or minutes > 59:
                raise RowProofError("INVALID_TEMPORAL", f"{text!r} has an impossible zone offset")
            offset = (hours * 60 + minutes) * 60 * MICROS_PER_SECOND
            return text[:-6], -offset if sign == "-" else offset
    return text, None


def parse_date(text: str) -> int:
    if text == "infinity":
        return DATE_POS_INFINITY
    if text == "-infinity":
        return DATE_NEG_INFINITY
    return _parse_date_part(text, text)


def parse_time(text: str) -> int:
    """Microseconds since midnight; a zoned time is converted to UTC modulo one day."""
    clock, offset = _split_zone(text)
    micros = _parse_clock(clock, text, allow_24=True)
    if offset is None:
        return micros
    return (micros - offset) % MICROS_PER_DAY


def parse_timestamp(text: str) -> int:
    """UTC microseconds since the epoch; naive values are taken as UTC."""
    if text == "infinity":
        return TIMESTAMP_POS_INFINITY
    if text == "-infinity":
        return TIMESTAMP_NEG_INFINITY
    body, offset = _split_zone(text)
    if len(body) < 11 or body[10] != "T":
        raise RowProofError("INVALID_TEMPORAL", f"{text!r} is not YYYY-MM-DDTHH:MM:SS[.f][Z|+HH:MM]")
    days = _parse_date_part(body[:10], text)
    clock = _parse_clock(body[11:], text, allow_24=False)
    micros = days * MICROS_PER_DAY + clock - (offset or 0)
    if not I64_MIN < micros < I64_MAX:
        raise RowProofError("INVALID_TEMPORAL", f"{text!r} is out of range")
    return micros


# ---------------------------------------------------------------------------
# Interval and UUID
# ---------------------------------------------------------------------------

def _require_int(value: dict[str, Any], field: str, low: int, high: int) -> int:
    number = value.get(field)
    if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
        raise RowProofError(
            "INVALID_TEMPORAL", f"interval {field} {number!r} is not an integer in {low}..{high}"
        )
    return number


def interval_payload(value: dict[str, Any]) -> bytes:
    months = _require_int(value, "months", I32_MIN, I32_MAX)
    days = _require_int(value, "days", I32_MIN, I32_MAX)
    micros = _require_int(value, "micros", I64_MIN, I64_MAX)
    return struct.pack(">iiq", months, days, micros)


_UUID_PLAIN_RE = re.compile(r"[0-9a-fA-F]{32}")
_UUID_HYPHEN_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def parse_uuid(text: str) -> bytes:
    if _UUID_PLAIN_RE.fullmatch(text) or _UUID_HYPHEN_RE.fullmatch(text):
        return bytes.fromhex(text.replace("-", ""))
    raise RowProofError(
        "INVALID_UUID", f"{text!r} is not 32 hex digits (optionally hyphenated 8-4-4-4-12)"
    )


# ---------------------------------------------------------------------------
# JSON (RFC 8785)
# ---------------------------------------------------------------------------

def es_number_to_string(number: float) -> str:
    """ECMAScript Number.prototype.toString for a finite binary64 (RFC 8785 section 3.2.2.3)."""
    if math.isnan(number) or math.isinf(number):
        raise RowProofError("INVALID_JSON", f"{number!r} has no JSON form")
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    # repr() gives the shortest digit string that round-trips, like ECMAScript.
    mantissa, _, exponent_text = repr(abs(number)).partition("e")
    int_part, _, frac_part = mantissa.partition(".")
    all_digits = int_part + frac_part
    significant = all_digits.lstrip("0")
    # value = 0.<digits> * 10**n (ECMAScript's k digits and exponent n); every
    # leading zero dropped moves the decimal point one place to the left.
    n = len(int_part) + int(exponent_text or 0) - (len(all_digits) - len(significant))
    digits = significant.rstrip("0")
    k = len(digits)

    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        exponent_sign = "+" if exponent >= 0 else "-"
        head = digits[0] + ("." + digits[1:] if k > 1 else "")
        body = f"{head}e{exponent_sign}{abs(exponent)}"
    return sign + body


_JSON_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


def _json_string(text: str) -> str:
    out = ['"']
    for char in text:
        if char in _JSON_ESCAPES:
            out.append(_JSON_ESCAPES[char])
        elif ord(char) < 0x20:
            out.append(f"\\u{ord(char):04x}")
        elif 0xD800 <= ord(char) <= 0xDFFF:
            raise RowProofError("INVALID_JSON", f"string contains a lone surrogate U+{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _utf16_sort_key(name: str) -> bytes:
    # Big-endian UTF-16 bytes compare exactly like sequences of UTF-16 code units.
    return name.encode("utf-16-be", errors="surrogatepass")


def _serialize_json(node: Any) -> str:
    if node is None:
        return "null"
    if node is True:
        return "true"
    if node is False:
        return "false"
    if isinstance(node, float):
        return es_number_to_string(node)
    if isinstance(node, str):
        return _json_string(node)
    if isinstance(node, list):
        return "[" + ",".join(_serialize_json(item) for item in node) + "]"
    if isinstance(node, dict):
        members = sorted(node.items(), key=lambda item: _utf16_sort_key(item[0]))
        return "{" + ",".join(_json_string(k) + ":" + _serialize_json(v) for k, v in members) + "}"
    raise TypeError(f"unexpected JSON node {node!r}")


def _json_number(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise RowProofError("INVALID_JSON", f"number {text} is outside the binary64 range")
    return number


def _reject_constant(name: str) -> None:
    raise RowProofError("INVALID_JSON", f"{name} is not JSON")


def canonicalize_json(text: str) -> str:
    """RFC 8785 canonical form of a JSON text. Duplicate member names: the last one wins."""
    try:
        document = json.loads(
            text,
            parse_float=_json_number,
            parse_int=_json_number,
            parse_constant=_reject_constant,
        )
    except RowProofError:
        raise
    except (ValueError, RecursionError) as error:
        raise RowProofError("INVALID_JSON", f"not a single JSON value: {error}") from None
    return _serialize_json(document)


# ---------------------------------------------------------------------------
# Values and rows
# ---------------------------------------------------------------------------

def encode_value(value: dict[str, Any], *, inside_array: bool = False) -> bytes:
    """The full encoding (tag, length, payload) of one value in vector input form."""
    kind = value.get("type")
    if kind == "null":
        return frame(TAG_NULL, b"")
    if kind == "bool":
        return frame(TAG_BOOL, b"\x01" if value["value"] else b"\x00")
    if kind == "decimal":
        return frame(TAG_DECIMAL, normalize_decimal(value["value"]).encode("ascii"))
    if kind == "float":
        return frame(TAG_FLOAT, float_payload(value["bits"]))
    if kind == "text":
        return frame(TAG_TEXT, text_payload(value))
    if kind == "bytes":
        return frame(TAG_BYTES, hex_bytes(value["hex"]))
    if kind == "date":
        return frame(TAG_DATE, struct.pack(">i", parse_date(value["value"])))
    if kind == "time":
        return frame(TAG_TIME, struct.pack(">q", parse_time(value["value"])))
    if kind == "timestamp":
        return frame(TAG_TIMESTAMP, struct.pack(">q", parse_timestamp(value["value"])))
    if kind == "interval":
        return frame(TAG_INTERVAL, interval_payload(value))
    if kind == "uuid":
        return frame(TAG_UUID, parse_uuid(value["value"]))
    if kind == "json":
        return frame(TAG_JSON, canonicalize_json(value["value"]).encode("utf-8"))
    if kind == "array":
        if inside_array:
            raise RowProofError("UNSUPPORTED_TYPE", "nested arrays are not supported")
        elements = value["elements"]
        payload = struct.pack(">I", len(elements)) + b"".join(
            encode_value(element, inside_array=True) for element in elements
        )
        return frame(TAG_ARRAY, payload)
    raise RowProofError("UNSUPPORTED_TYPE", f"no encoding for value type {kind!r}")


def canonical_row(values: Sequence[dict[str, Any]]) -> bytes:
    """The row's canonical bytes: its values' encodings in column-plan order."""
    out = bytearray()
    for column, value in enumerate(values):
        try:
            out += encode_value(value)
        except RowProofError as error:
            raise RowProofError(error.code, f"column {column}: {error.message}") from None
    return bytes(out)


def xxh64(data: bytes) -> int:
    return xxhash.xxh64_intdigest(data, seed=ROW_HASH_SEED)


def row_hash(values: Sequence[dict[str, Any]]) -> int:
    return xxh64(canonical_row(values))


def hex64(number: int) -> str:
    return f"{number & U64_MASK:016x}"


# ---------------------------------------------------------------------------
# Keys and sampling
# ---------------------------------------------------------------------------

_KEY_TYPES_UNSUPPORTED = {"float", "json", "interval", "array"}


def _escape_zero(raw: bytes) -> bytes:
    return raw.replace(b"\x00", b"\x00\xff") + b"\x00\x00"


def encode_key_component(value: dict[str, Any]) -> bytes:
    kind = value.get("type")
    if kind == "null":
        raise RowProofError("NULL_KEY", "a key component is NULL")
    if kind in _KEY_TYPES_UNSUPPORTED:
        raise RowProofError("UNSUPPORTED_KEY_TYPE", f"a {kind} value cannot be a key component")
    if kind == "bool":
        return b"\x01" + (b"\x01" if value["value"] else b"\x00")
    if kind == "decimal":
        normalized = normalize_decimal(value["value"])
        if normalized in ("NaN", "Infinity", "-Infinity") or "." in normalized:
            raise RowProofError(
                "UNSUPPORTED_KEY_TYPE", f"decimal key {value['value']!r} is not an integer"
            )
        integer = int(normalized)
        if not I64_MIN <= integer <= I64_MAX:
            raise RowProofError(
                "UNSUPPORTED_KEY_TYPE", f"decimal key {value['value']!r} is outside the signed 64-bit range"
            )
        return b"\x02" + ((integer & U64_MASK) ^ (1 << 63)).to_bytes(8, "big")
    if kind == "text":
        return b"\x04" + _escape_zero(raw_text_bytes(value))
    if kind == "bytes":
        return b"\x05" + _escape_zero(hex_bytes(value["hex"]))
    if kind == "date":
        days = parse_date(value["value"])
        return b"\x06" + ((days & 0xFFFFFFFF) ^ (1 << 31)).to_bytes(4, "big")
    if kind == "time":
        return b"\x07" + (parse_time(value["value"]) ^ (1 << 63)).to_bytes(8, "big")
    if kind == "timestamp":
        micros = parse_timestamp(value["value"])
        return b"\x08" + ((micros & U64_MASK) ^ (1 << 63)).to_bytes(8, "big")
    if kind == "uuid":
        return b"\x0a" + parse_uuid(value["value"])
    raise RowProofError("UNSUPPORTED_KEY_TYPE", f"no key encoding for value type {kind!r}")


def encode_key(values: Sequence[dict[str, Any]], key_arity: int | None = None) -> bytes:
    """Order-preserving key encoding; ``key_arity`` is the job's number of key columns."""
    if key_arity is not None and len(values) != key_arity:
        raise RowProofError(
            "KEY_ARITY", f"the key has {len(values)} components but the job has {key_arity} key columns"
        )
    out = bytearray()
    for column, value in enumerate(values):
        try:
            out += encode_key_component(value)
        except RowProofError as error:
            raise RowProofError(error.code, f"key column {column}: {error.message}") from None
    return bytes(out)


def sample_u64(key_encoding: bytes) -> int:
    return int.from_bytes(hashlib.sha256(key_encoding).digest()[:8], "big")


def is_selected(key_encoding: bytes, modulus: int = 10000, keep: int = 100) -> bool:
    if modulus < 1 or not 0 <= keep <= modulus:
        raise ValueError(f"sampling needs 1 <= M and 0 <= K <= M, got M={modulus} K={keep}")
    return sample_u64(key_encoding) % modulus < keep


# ---------------------------------------------------------------------------
# Chunk digests
# ---------------------------------------------------------------------------

def fmix64(h: int) -> int:
    """MurmurHash3's 64-bit finalizer."""
    h &= U64_MASK
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & U64_MASK
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & U64_MASK
    h ^= h >> 33
    return h


def chunk_digest(row_hashes: Iterable[int]) -> dict[str, Any]:
    hashes = list(row_hashes)
    return {
        "count": len(hashes),
        "ordered": hex64(xxh64(b"".join(h.to_bytes(8, "big") for h in hashes))),
        "multiset_sum": hex64(sum(hashes)),
        "multiset_mix": hex64(sum(fmix64(h) for h in hashes)),
    }
