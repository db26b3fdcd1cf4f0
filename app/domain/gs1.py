"""GS1 check digits (GTIN-8/12/13/14, SSCC-18): the one place this arithmetic lives."""

from __future__ import annotations


def check_digit(body: str) -> str:
    """The GS1 mod-10 check digit for `body` (all digits, without the check digit)."""
    if not _digits(body):
        raise ValueError(f"not all digits: {body!r}")
    total = 0
    # Weights alternate 3,1,3,... starting from the rightmost digit of the body.
    for position, char in enumerate(reversed(body)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def has_valid_check_digit(code: str) -> bool:
    return len(code) >= 2 and _digits(code) and check_digit(code[:-1]) == code[-1]


def _digits(code: str) -> bool:
    """ASCII 0-9 only: "²" and "٣" pass str.isdigit but are no barcode digits."""
    return code.isascii() and code.isdigit()


def normalize_gtin(code: str) -> str:
    """Return the 14-digit GTIN for an 8/12/13/14-digit code, or raise ValueError saying why."""
    code = code.strip()
    if not _digits(code) or len(code) not in (8, 12, 13, 14):
        raise ValueError(f"GTIN {code!r} must be 8, 12, 13 or 14 digits")
    if not has_valid_check_digit(code):
        raise ValueError(
            f"GTIN {code!r} has a wrong check digit (expected {check_digit(code[:-1])})"
        )
    return code.zfill(14)
