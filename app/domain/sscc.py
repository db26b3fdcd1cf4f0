"""SSCC-18 building (GS1 General Specifications §2.2.1): extension digit, company prefix, serial
reference, check digit. Pure; where serials come from is a `SerialCounter` (a file on a station,
a sequence in the central database)."""

from __future__ import annotations

from typing import Protocol

from app.domain.gs1 import check_digit
from app.errors import BadInput


class SerialCounter(Protocol):
    """Hands out serial references, each at most once, ever, across restarts and stations."""

    def next_serial(self) -> int: ...


def validate_company_prefix(prefix: str) -> str:
    prefix = str(prefix).strip()
    if not prefix.isdigit() or not 4 <= len(prefix) <= 12:
        raise BadInput(f"GS1 company prefix {prefix!r}: must be 4 to 12 digits")
    return prefix


def serial_capacity(company_prefix: str) -> int:
    """How many distinct serial references fit beside this prefix (16 digits in all)."""
    return 10 ** (16 - len(validate_company_prefix(company_prefix)))


def build_sscc(company_prefix: str, extension_digit: int | str, serial: int) -> str:
    prefix = validate_company_prefix(company_prefix)
    extension = str(extension_digit)
    if len(extension) != 1 or not extension.isdigit():
        raise BadInput(f"SSCC extension digit {extension_digit!r}: must be one digit 0-9")
    capacity = serial_capacity(prefix)
    if not 0 <= serial < capacity:
        raise BadInput(
            f"SSCC serial {serial} does not fit beside prefix {prefix} (0..{capacity - 1}); "
            "use another extension digit or company prefix"
        )
    body = extension + prefix + str(serial).zfill(16 - len(prefix))
    return body + check_digit(body)


def allocate_sscc(company_prefix: str, extension_digit: int | str, counter: SerialCounter) -> str:
    """Take the next serial from `counter` and build its SSCC."""
    return build_sscc(company_prefix, extension_digit, counter.next_serial())
