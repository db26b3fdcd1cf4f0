"""SSCC-18 building (GS1 General Specifications §2.2.1): extension digit, company prefix, serial
reference, check digit. Pure; where serials come from is a `SerialCounter` (a file on a station,
a sequence in the central database)."""

from __future__ import annotations

from typing import Protocol

from app.domain.gs1 import check_digit
from app.errors import BadInput
from app.messages import message


class SerialCounter(Protocol):
    """Hands out serial references, each at most once, ever, across restarts and stations."""

    def next_serial(self) -> int: ...


def validate_company_prefix(prefix: str) -> str:
    prefix = str(prefix).strip()
    if not prefix.isdigit() or not 4 <= len(prefix) <= 12:
        raise BadInput(message("numbers.company_prefix", prefix=prefix))
    return prefix


def serial_capacity(company_prefix: str) -> int:
    """How many distinct serial references fit beside this prefix (16 digits in all)."""
    return 10 ** (16 - len(validate_company_prefix(company_prefix)))


def build_sscc(company_prefix: str, extension_digit: int | str, serial: int) -> str:
    prefix = validate_company_prefix(company_prefix)
    extension = str(extension_digit)
    if len(extension) != 1 or not extension.isdigit():
        raise BadInput(message("numbers.sscc_extension", digit=extension_digit))
    capacity = serial_capacity(prefix)
    if not 0 <= serial < capacity:
        raise BadInput(
            message("numbers.sscc_full", serial=serial, prefix=prefix, last=capacity - 1)
        )
    body = extension + prefix + str(serial).zfill(16 - len(prefix))
    return body + check_digit(body)


def allocate_sscc(company_prefix: str, extension_digit: int | str, counter: SerialCounter) -> str:
    """Take the next serial from `counter` and build its SSCC."""
    return build_sscc(company_prefix, extension_digit, counter.next_serial())
