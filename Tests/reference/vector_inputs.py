"""Constructors for values in the spec's vector input form (``vector_format.value_input``).

Shared by ``make_vectors.py`` and ``random_rows.py`` so both write exactly the input
forms the spec documents.
"""

from __future__ import annotations

import struct
from typing import Any

Value = dict[str, Any]


def null() -> Value:
    return {"type": "null"}


def boolean(flag: bool) -> Value:
    return {"type": "bool", "value": flag}


def decimal(text: str) -> Value:
    return {"type": "decimal", "value": text}


def float_bits(bits_hex: str, label: str) -> Value:
    return {"type": "float", "bits": bits_hex.lower(), "value": label}


def float_value(number: float, label: str | None = None) -> Value:
    bits = struct.pack(">d", number).hex()
    return float_bits(bits, label if label is not None else repr(number))


def float4_widened(number: float, label: str | None = None) -> Value:
    """A float4 (binary32) value widened exactly to binary64."""
    narrowed = struct.unpack(">f", struct.pack(">f", number))[0]
    return float_value(narrowed, label if label is not None else f"{number!r} as float4")


def text(value: str) -> Value:
    return {"type": "text", "value": value}


def text_hex(raw_hex: str) -> Value:
    return {"type": "text", "hex": raw_hex}


def raw_bytes(raw_hex: str) -> Value:
    return {"type": "bytes", "hex": raw_hex}


def date(value: str) -> Value:
    return {"type": "date", "value": value}


def time(value: str) -> Value:
    return {"type": "time", "value": value}


def timestamp(value: str) -> Value:
    return {"type": "timestamp", "value": value}


def interval(months: int, days: int, micros: int) -> Value:
    return {"type": "interval", "months": months, "days": days, "micros": micros}


def uuid(value: str) -> Value:
    return {"type": "uuid", "value": value}


def json_text(value: str) -> Value:
    return {"type": "json", "value": value}


def array(*elements: Value) -> Value:
    return {"type": "array", "elements": list(elements)}
