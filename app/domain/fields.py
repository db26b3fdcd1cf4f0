"""Checks for every value that comes from outside: import files, rule files, scans.

A file from a sales channel or a spreadsheet is untrusted. Each function here takes one raw value
and returns it in the shape the database can hold, or raises `FieldProblem` (a `BadInput`) that
names the field and carries a reason code with parameters, so a screen can translate it and the
CLI prints the English sentence. The limits match the columns in db/schema.py, so a value that
passes here fits on SQLite and PostgreSQL alike. Pure: no I/O.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

from app.errors import BadInput
from app.messages import message

INT32_MAX = 2**31 - 1  # an Integer column on PostgreSQL
EARLIEST = date(1970, 1, 1)  # dates outside this window are typos or hostile, never real
LATEST = date(2099, 12, 31)
MAX_DIGITS = 30  # a number written with more digits than this is not a quantity


class FieldProblem(BadInput):
    """One value that cannot be accepted. `code` and `params` say why (the message id
    `field.<code>`, app/messages.py); str() is the English."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(message(f"field.{code}", **params))  # shown in the reader's language


def shown(value: Any, limit: int = 40) -> str:
    """A value as quoted in a message: repr, shortened so a 1 MB field does not flood the screen."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 5]}…{text[-4:]}"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # categories Cc and Cs


def text(value: Any, field: str, limit: int, *, required: bool = False) -> str:
    """Stripped text of at most `limit` characters, without control characters.

    JSON numbers are read as their digits (an order id of 1001 is "1001"); None is "".
    """
    if value is None:
        value = ""
    elif isinstance(value, int | float) and not isinstance(value, bool):
        value = json.dumps(value)
    elif not isinstance(value, str):
        raise FieldProblem("not_text", field=field, found=type(value).__name__)
    value = value.strip()
    if required and not value:
        raise FieldProblem("empty", field=field)
    if len(value) > limit:
        raise FieldProblem("too_long", field=field, length=len(value), limit=limit)
    # Cc (NUL, tab, GS, DEL, C1) and Cs (a lone surrogate from a JSON escape): neither prints,
    # and PostgreSQL refuses NUL. In a name or a code they are typos or attacks.
    if bad := _CONTROL.search(value):
        raise FieldProblem(
            "control_character",
            field=field,
            codepoint=f"{ord(bad.group()):04X}",
            position=bad.start() + 1,
        )
    return value


_WHOLE = re.compile(r"[+-]?[0-9]+")


def whole_number(
    value: Any, field: str, minimum: int, maximum: int, code: str = "not_whole_number"
) -> int:
    """An integer within minimum..maximum: a JSON integer or ASCII digits ("²", "1.0", True and
    a 30-digit number are not). `code` names the refusal (e.g. "not_positive_integer")."""
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        digits = value.strip()
        number = int(digits) if len(digits) <= MAX_DIGITS else None
    if number is None or not minimum <= number <= maximum:
        raise FieldProblem(code, field=field, value=shown(value), minimum=minimum, maximum=maximum)
    return number


_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?")


def finite_number(value: Any, field: str, minimum: float, maximum: float, unit: str = "") -> float:
    """A finite decimal number within minimum..maximum; inf, nan and "1e999" are refused."""
    of_unit = f" of {unit}" if unit else ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value) if abs(value) < 1e300 else math.inf
    elif isinstance(value, str) and len(value) <= 64 and _DECIMAL.fullmatch(value.strip()):
        number = float(value.strip())
    elif isinstance(value, str) and value.strip().lower().lstrip("+-") in (
        "inf",
        "infinity",
        "nan",
    ):
        raise FieldProblem("not_finite", field=field, value=shown(value), of_unit=of_unit)
    else:
        raise FieldProblem("not_number", field=field, value=shown(value), of_unit=of_unit)
    if not math.isfinite(number):
        raise FieldProblem("not_finite", field=field, value=shown(value), of_unit=of_unit)
    if not minimum <= number <= maximum:
        raise FieldProblem(
            "out_of_range", field=field, value=shown(value), minimum=minimum, maximum=maximum
        )
    return number


def calendar_date(value: str, field: str) -> date | None:
    """A YYYY-MM-DD date within the sane window; empty means not given."""
    if not value:
        return None
    if len(value) != 10:
        raise FieldProblem("not_date", field=field, value=shown(value))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise FieldProblem("not_date", field=field, value=shown(value)) from None
    _check_window(day, field, value)
    return day


def timestamp(value: str, field: str) -> datetime | None:
    """An ISO 8601 date or date-time within the sane window; empty means not given."""
    if not value:
        return None
    if len(value) > 40:
        raise FieldProblem("not_timestamp", field=field, value=shown(value))
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise FieldProblem("not_timestamp", field=field, value=shown(value)) from None
    # The local date, before any conversion: 9999-12-31T23:59:59-12:00 has no UTC equivalent.
    _check_window(moment.date(), field, value)
    return moment


def _check_window(day: date, field: str, value: str) -> None:
    if not EARLIEST <= day <= LATEST:
        raise FieldProblem(
            "date_out_of_window",
            field=field,
            value=shown(value),
            earliest=EARLIEST.isoformat(),
            latest=LATEST.isoformat(),
        )


MAX_CENTS = 99_999_999_999  # 999,999,999.99: more is a typo, and fits every BIGINT
_MONEY = re.compile(r"([+-]?)([0-9]{1,12})(?:\.([0-9]{1,2}))?")


def money_cents(value: object, field: str, *, negative: bool = False) -> int | None:
    """An amount with at most two decimals as whole cents; empty (or JSON null) is None.
    `1250`, `1250.5`, `1250.50` and the JSON number 1250.5 are 125050; `1,250.50`, `1e3`,
    `12.345`, `inf` and `true` are refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FieldProblem("not_money", field=field, value=shown(value))
    found = _MONEY.fullmatch(value.strip() if isinstance(value, str) else repr(value))
    if found is None:
        raise FieldProblem("not_money", field=field, value=shown(value))
    sign, whole, fraction = found.groups()
    cents = int(whole) * 100 + int((fraction or "0").ljust(2, "0"))
    cents = -cents if sign == "-" else cents
    lowest = -MAX_CENTS if negative else 0
    if not lowest <= cents <= MAX_CENTS:
        raise FieldProblem(
            "out_of_range",
            field=field,
            value=shown(value),
            minimum=format_cents(lowest),
            maximum=format_cents(MAX_CENTS),
        )
    return cents


def format_cents(cents: int) -> str:
    """5000.00 as people read it in a message: `5,000.00`; negative `-12.50`."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


TRUE_WORDS = frozenset({"1", "true", "yes", "y"})
FALSE_WORDS = frozenset({"", "0", "false", "no", "n"})


def flag(value: str, field: str) -> bool:
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise FieldProblem("not_flag", field=field, value=shown(value))


MAX_JSON_DEPTH = 20  # our documents are 4 levels deep; 20 leaves room and stops a bomb


def parse_json(text_: str) -> Any:
    """A JSON document from untrusted text. Refuses NaN/Infinity and nesting beyond the limit,
    which the standard parser would otherwise hand on or hit as a RecursionError."""
    _check_depth(text_)

    def refuse_constant(name: str) -> Any:
        raise FieldProblem("not_json", detail=f"{name} is not a JSON number")

    try:
        return json.loads(text_, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        raise FieldProblem("not_json", detail=f"line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise FieldProblem("too_deep", limit=MAX_JSON_DEPTH) from None


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def _check_depth(text_: str) -> None:
    """Count brackets outside strings: cheap, and no recursion whatever the input."""
    depth = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub("", text_)):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_JSON_DEPTH:
            raise FieldProblem("too_deep", limit=MAX_JSON_DEPTH)
