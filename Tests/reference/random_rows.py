"""Deterministic random rows with their expected canonical bytes, row hash and key.

Usage: python3 Tests/reference/random_rows.py --seed N --count C

Prints one JSON object per line:
  {"values": [...], "canonical_hex": "...", "row_hash": "...", "key_hex": "...", "sample_u64": "..."}
"values" uses the spec's vector input form. "key_hex" and "sample_u64" are present when the
first value can be a single-column key (not NULL, not float/json/interval/array, not a
fractional, special or out-of-range decimal). The same seed and count always print the same
lines. Every generated value is valid; a generator bug that produced an invalid one stops
the script with the spec's error code instead of printing a row.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import struct
import sys
from typing import Any, Callable

import rowproof_ref as ref
import vector_inputs as v

Value = dict[str, Any]

# Characters assigned since Unicode 6.0 or earlier, so NFC gives the same result under every
# Unicode version a Swift toolchain or Python may ship (normalization stability policy).
ASCII = [chr(c) for c in range(0x20, 0x7F)]
CONTROLS = ["\u0000", "\t", "\n", "\r", "\u0007", "\u001b", "\u007f"]
LATIN_PRECOMPOSED = [chr(c) for c in range(0x00C0, 0x0100)] + [chr(c) for c in range(0x1E00, 0x1E9C)]
COMBINING_MARKS = [chr(c) for c in range(0x0300, 0x0370)]
BASE_LETTERS = list("aeiouAEIOUcnszgkqCNSZ") + ["\u00e9", "\u1e0d", "\u0391", "\u0430"]
GREEK = [chr(c) for c in range(0x0391, 0x03CA) if c != 0x03A2]
CYRILLIC = [chr(c) for c in range(0x0410, 0x0450)]
CJK = [chr(c) for c in range(0x4E00, 0x9FA6)]
HANGUL = [chr(c) for c in range(0xAC00, 0xD7A4)]
JAMO_L = [chr(c) for c in range(0x1100, 0x1113)]
JAMO_V = [chr(c) for c in range(0x1161, 0x1176)]
JAMO_T = [chr(c) for c in range(0x11A8, 0x11C3)]
EMOJI = [chr(c) for c in range(0x1F600, 0x1F641)]
SINGLETONS = ["\u212b", "\u2126", "\u212a", "\u0340", "\u0341", "\u0343", "\u0374", "\u037e", "\u0387"]

DECIMAL_SPECIALS = ["NaN", "nan", "NAN", "Infinity", "infinity", "-Infinity", "inf", "+inf", "-inf", "INF", "+Infinity"]
NAN_PATTERNS = ["7ff8000000000000", "fff8000000000000", "7ff0000000000001", "7fffffffffffffff", "fff4000000000000"]

MIN_ORDINAL = datetime.date(1, 1, 2).toordinal()
MAX_ORDINAL = datetime.date(9999, 12, 30).toordinal()
EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


class RowGenerator:
    """Random values in vector input form, drawn from one ``random.Random``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.scalar_makers: list[Callable[[], Value]] = [
            self.boolean, self.decimal, self.floating, self.text, self.raw_bytes, self.date,
            self.time, self.timestamp, self.interval, self.uuid, self.json,
        ]
        self.key_makers: list[Callable[[], Value]] = [
            self.integer, self.integer, self.text, self.raw_bytes, self.date, self.time,
            self.timestamp, self.uuid, self.boolean,
        ]

    # -- rows ---------------------------------------------------------------

    def row(self) -> list[Value]:
        rng = self.rng
        width = rng.randint(1, 12)
        first = v.null() if rng.random() < 0.05 else rng.choice(self.key_makers)()
        return [first] + [self.any_value() for _ in range(width - 1)]

    def any_value(self) -> Value:
        roll = self.rng.random()
        if roll < 0.12:
            return v.null()
        if roll < 0.20:
            return self.array()
        return self.rng.choice(self.scalar_makers)()

    def array(self) -> Value:
        maker = self.rng.choice(self.scalar_makers)
        elements = [v.null() if self.rng.random() < 0.2 else maker() for _ in range(self.rng.randint(0, 6))]
        return v.array(*elements)

    # -- scalars ------------------------------------------------------------

    def boolean(self) -> Value:
        return v.boolean(self.rng.random() < 0.5)

    def integer(self) -> Value:
        rng = self.rng
        roll = rng.random()
        if roll < 0.5:
            number = rng.randint(-1000, 1_000_000)
        elif roll < 0.9:
            number = rng.randint(ref.I64_MIN, ref.I64_MAX)
        else:
            number = rng.choice([ref.I64_MIN, ref.I64_MAX, 0, -1, 1])
        text = str(number)
        if rng.random() < 0.2:  # an integral numeric with a scale, e.g. 42.00
            text += "." + "0" * rng.randint(1, 4)
        return v.decimal(text)

    def decimal(self) -> Value:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return v.decimal(rng.choice(DECIMAL_SPECIALS))
        if roll < 0.35:
            return self.integer()
        int_count = rng.randint(0, 38)
        frac_count = rng.randint(0, 38 - int_count)
        if int_count + frac_count == 0:
            int_count = 1
        digits = "".join(rng.choice("0123456789") for _ in range(int_count + frac_count))
        return v.decimal(self._decimal_literal(digits, int_count))

    def _decimal_literal(self, digits: str, point: int) -> str:
        """Write digits with the point after ``point`` digits in a random equivalent literal."""
        rng = self.rng
        shift = rng.randint(-5, 5) if rng.random() < 0.3 else 0
        point -= shift  # the exponent moves the point back by ``shift`` places
        if point <= 0:
            int_part, frac_part = ("0" if rng.random() < 0.7 else ""), "0" * -point + digits
        elif point >= len(digits):
            int_part, frac_part = digits + "0" * (point - len(digits)), ""
        else:
            int_part, frac_part = digits[:point], digits[point:]
        int_part = "0" * rng.choice([0, 0, 0, 1, 2]) + int_part
        if frac_part or rng.random() < 0.2:
            frac_part += "0" * rng.choice([0, 0, 1, 3])
        if not int_part and not frac_part:
            int_part = "0"
        body = int_part + ("." + frac_part if frac_part or (int_part and rng.random() < 0.05) else "")
        if shift:
            body += rng.choice(["e", "E"]) + ("+" if shift > 0 and rng.random() < 0.5 else "") + str(shift)
        sign = rng.choice(["", "", "", "-", "+"])
        return sign + body

    def floating(self) -> Value:
        rng = self.rng
        roll = rng.random()
        if roll < 0.15:
            pattern = rng.choice(
                ["0000000000000000", "8000000000000000", "7ff0000000000000", "fff0000000000000",
                 "0000000000000001", "7fefffffffffffff", "0010000000000000"] + NAN_PATTERNS
            )
            return v.float_bits(pattern, "special")
        if roll < 0.25:  # subnormal
            bits = (rng.getrandbits(1) << 63) | rng.randint(1, (1 << 52) - 1)
            return v.float_bits(f"{bits:016x}", "subnormal")
        if roll < 0.45:
            return v.float_bits(f"{rng.getrandbits(64):016x}", "random bits")
        if roll < 0.65:
            return v.float4_widened(rng.uniform(-1e6, 1e6))
        return v.float_value(round(rng.uniform(-1e7, 1e7), rng.randint(0, 6)))

    def text(self) -> Value:
        rng = self.rng
        pieces = []
        for _ in range(rng.randint(0, 12)):
            roll = rng.random()
            if roll < 0.35:
                pieces.append("".join(rng.choice(ASCII) for _ in range(rng.randint(1, 6))))
            elif roll < 0.55:
                marks = "".join(rng.choice(COMBINING_MARKS) for _ in range(rng.randint(1, 3)))
                pieces.append(rng.choice(BASE_LETTERS) + marks)
            elif roll < 0.62:
                pieces.append(rng.choice(LATIN_PRECOMPOSED))
            elif roll < 0.68:
                pieces.append(rng.choice(JAMO_L) + rng.choice(JAMO_V) + (rng.choice(JAMO_T) if rng.random() < 0.5 else ""))
            elif roll < 0.73:
                pieces.append(rng.choice(HANGUL))
            elif roll < 0.80:
                pieces.append(rng.choice(CJK))
            elif roll < 0.85:
                pieces.append(rng.choice(GREEK + CYRILLIC))
            elif roll < 0.91:
                pieces.append(rng.choice(EMOJI) + ("\u200d" + rng.choice(EMOJI) if rng.random() < 0.3 else ""))
            elif roll < 0.95:
                pieces.append(rng.choice(SINGLETONS))
            else:
                pieces.append(rng.choice(CONTROLS))
        value = "".join(pieces)
        if rng.random() < 0.15:
            return v.text_hex(value.encode("utf-8").hex())
        return v.text(value)

    def raw_bytes(self) -> Value:
        rng = self.rng
        size = rng.choice([0, 1, 2, 4, 8, 16, 33])
        raw = bytes(rng.choice([0, 0, 255, rng.getrandbits(8)]) for _ in range(size))
        return v.raw_bytes(raw.hex())

    def date(self) -> Value:
        rng = self.rng
        if rng.random() < 0.03:
            return v.date(rng.choice(["infinity", "-infinity"]))
        if rng.random() < 0.5:
            ordinal = EPOCH_ORDINAL + rng.randint(-40000, 40000)
        else:
            ordinal = rng.randint(MIN_ORDINAL, MAX_ORDINAL)
        return v.date(datetime.date.fromordinal(ordinal).isoformat())

    def _clock(self, micros: int, fraction_digits: int) -> str:
        seconds, fraction = divmod(micros, 1_000_000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        text = f"{hour:02d}:{minute:02d}:{second:02d}"
        if fraction_digits:
            digits = f"{fraction:06d}"
            if fraction_digits > 6:
                digits += "".join(self.rng.choice("0123456789") for _ in range(fraction_digits - 6))
            text += "." + digits[:fraction_digits]
        return text

    def time(self) -> Value:
        rng = self.rng
        if rng.random() < 0.02:
            return v.time(rng.choice(["24:00:00", "24:00:00.000000", "24:00:00.0"]))
        return v.time(self._clock(rng.randrange(ref.MICROS_PER_DAY), rng.randint(0, 6)))

    def timestamp(self) -> Value:
        rng = self.rng
        if rng.random() < 0.03:
            return v.timestamp(rng.choice(["infinity", "-infinity"]))
        if rng.random() < 0.5:
            ordinal = EPOCH_ORDINAL + rng.randint(-30000, 30000)
        else:
            ordinal = rng.randint(MIN_ORDINAL, MAX_ORDINAL)
        local_micros = rng.randrange(ref.MICROS_PER_DAY)
        clock = self._clock(local_micros, rng.choice([0, 0, 3, 6, 6, 7, 9]))
        zone_roll = rng.random()
        if zone_roll < 0.4:
            zone = "Z"
        elif zone_roll < 0.7:
            minutes = rng.choice([0, 15, 30, 45, rng.randint(0, 59)])
            zone = f"{rng.choice('+-')}{rng.randint(0, 14):02d}:{minutes:02d}"
        else:
            zone = ""
        return v.timestamp(f"{datetime.date.fromordinal(ordinal).isoformat()}T{clock}{zone}")

    def interval(self) -> Value:
        rng = self.rng
        if rng.random() < 0.1:
            return v.interval(rng.choice([ref.I32_MIN, ref.I32_MAX, 0]), rng.choice([ref.I32_MIN, ref.I32_MAX, 0]),
                              rng.choice([ref.I64_MIN, ref.I64_MAX, 0]))
        return v.interval(rng.randint(-1200, 1200), rng.randint(-400, 400),
                          rng.randint(-100 * ref.MICROS_PER_DAY, 100 * ref.MICROS_PER_DAY))

    def uuid(self) -> Value:
        rng = self.rng
        digits = f"{rng.getrandbits(128):032x}"
        if rng.random() < 0.3:
            digits = digits.upper()
        elif rng.random() < 0.1:
            digits = "".join(c.upper() if rng.random() < 0.5 else c for c in digits)
        if rng.random() < 0.8:
            digits = "-".join([digits[:8], digits[8:12], digits[12:16], digits[16:20], digits[20:]])
        return v.uuid(digits)

    # -- JSON ---------------------------------------------------------------

    def json(self) -> Value:
        return v.json_text(self._ws() + self._json_node(depth=0) + self._ws())

    def _ws(self) -> str:
        if self.rng.random() < 0.7:
            return ""
        return "".join(self.rng.choice(" \n\t\r") for _ in range(self.rng.randint(1, 3)))

    def _json_node(self, depth: int) -> str:
        rng = self.rng
        roll = rng.random()
        if depth < 3 and roll < 0.25:
            members = [self._json_string(self._json_key()) + self._ws() + ":" + self._ws() + self._json_node(depth + 1)
                       for _ in range(rng.randint(0, 5))]
            return "{" + self._ws() + ("," + self._ws()).join(members) + self._ws() + "}"
        if depth < 3 and roll < 0.4:
            items = [self._json_node(depth + 1) for _ in range(rng.randint(0, 5))]
            return "[" + self._ws() + ("," + self._ws()).join(items) + self._ws() + "]"
        if roll < 0.65:
            return self._json_number()
        if roll < 0.9:
            return self._json_string(self._json_key() if rng.random() < 0.5 else self._plain_text())
        return rng.choice(["true", "false", "null"])

    def _plain_text(self) -> str:
        value = self.text()
        return value["value"] if "value" in value else bytes.fromhex(value["hex"]).decode("utf-8")

    def _json_key(self) -> str:
        rng = self.rng
        pool = ASCII[33:] + ["\u00e9", "\u00f6", "\u20ac", "\ufb33", "\uffee", "\U0001f600", "\U0001f44d", "\u0301", "\r"]
        return "".join(rng.choice(pool) for _ in range(rng.randint(0, 4)))

    def _json_string(self, value: str) -> str:
        rng = self.rng
        out = ['"']
        for char in value:
            code = ord(char)
            if char == '"' or char == "\\":
                out.append("\\" + char)
            elif code < 0x20 or rng.random() < 0.1:
                if code > 0xFFFF:
                    high, low = divmod(code - 0x10000, 0x400)
                    out.append(f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04X}")
                else:
                    out.append(f"\\u{code:04x}" if rng.random() < 0.5 else f"\\u{code:04X}")
            elif char == "/" and rng.random() < 0.5:
                out.append("\\/")
            else:
                out.append(char)
        out.append('"')
        return "".join(out)

    def _json_number(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return str(rng.randint(-10**6, 10**6))
        if roll < 0.4:
            return str(rng.randint(-10**30, 10**30))
        if roll < 0.55:
            return rng.choice(["0", "-0", "-0.0", "1e21", "1E-7", "0.000001", "1e-6", "4.50", "2e-3",
                               "1e+23", "9007199254740993", "5e-324", "1.7976931348623157e308",
                               "333333333.33333329", "1e-400"])
        if roll < 0.8:
            while True:
                number = struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0]
                if number == number and abs(number) != float("inf"):
                    return repr(number)
        mantissa = f"{rng.randint(1, 9)}.{rng.randint(0, 999999):06d}"
        return f"{'-' if rng.random() < 0.5 else ''}{mantissa}{rng.choice('eE')}{rng.choice(['', '+', '-'])}{rng.randint(0, 300)}"


def expected_line(values: list[Value]) -> dict[str, Any]:
    canonical = ref.canonical_row(values)
    line: dict[str, Any] = {
        "values": values,
        "canonical_hex": canonical.hex(),
        "row_hash": ref.hex64(ref.xxh64(canonical)),
    }
    try:
        key = ref.encode_key(values[:1], key_arity=1)
    except ref.RowProofError as error:
        if error.code not in ("NULL_KEY", "UNSUPPORTED_KEY_TYPE"):
            raise
    else:
        line["key_hex"] = key.hex()
        line["sample_u64"] = str(ref.sample_u64(key))
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description="Deterministic random rows with expected hashes.")
    parser.add_argument("--seed", type=int, required=True, help="seed of random.Random")
    parser.add_argument("--count", type=int, required=True, help="number of rows to print")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must be >= 0")

    generator = RowGenerator(args.seed)
    out = sys.stdout
    for index in range(args.count):
        values = generator.row()
        try:
            line = expected_line(values)
        except ref.RowProofError as error:
            print(f"row {index}: generated an invalid value ({error}); this is a bug in random_rows.py",
                  file=sys.stderr)
            return 1
        out.write(json.dumps(line, ensure_ascii=True, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
