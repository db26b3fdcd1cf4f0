"""Words for a refused settings field (`FieldProblem`), in the screen's language.

`app/domain/fields.py` raises FieldProblem with a reason code and parameters and keeps the English
for the CLI; here are the same templates marked for Qt so the Settings tab says it in Chinese too
(tests/ui/lead/test_settings_tab.py keeps the two in step). The field's path
(`carriers[1].tracking.digits`) stays as it is: it names the field exactly in either language.
UI thread only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.fields import FieldProblem

TEMPLATES = {
    "not_text": QT_TRANSLATE_NOOP("FieldProblems", "{field} must be text, found {found}"),
    "empty": QT_TRANSLATE_NOOP("FieldProblems", "{field} is empty"),
    "too_long": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} is {length} characters long; at most {limit} are allowed"
    ),
    "control_character": QT_TRANSLATE_NOOP(
        "FieldProblems",
        "{field} contains the control character U+{codepoint} at position {position}: remove it",
    ),
    "not_whole_number": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not a whole number in {minimum}..{maximum}"
    ),
    "not_positive_integer": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not a positive integer (1..{maximum})"
    ),
    "out_of_range": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is outside {minimum}..{maximum}"
    ),
    "not_number": QT_TRANSLATE_NOOP("FieldProblems", "{field} {value} is not a number{of_unit}"),
    "not_finite": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not a finite number{of_unit}"
    ),
    "not_date": QT_TRANSLATE_NOOP("FieldProblems", "{field} {value} is not a YYYY-MM-DD date"),
    "not_timestamp": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not an ISO date or date-time (ISO 8601)"
    ),
    "date_out_of_window": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is outside {earliest}..{latest}"
    ),
    "unknown_priority": QT_TRANSLATE_NOOP(
        "FieldProblems",
        "priority {value} is not one of {accepted} or a whole number {minimum}..{maximum}",
    ),
    "not_flag": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not one of 1/0, true/false, yes/no"
    ),
    "not_json": QT_TRANSLATE_NOOP("FieldProblems", "not valid JSON ({detail})"),
    "too_deep": QT_TRANSLATE_NOOP("FieldProblems", "JSON nested more than {limit} levels deep"),
    "not_object": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} must be a JSON object, found {found}"
    ),
    "not_list": QT_TRANSLATE_NOOP("FieldProblems", "{field} must be a list of at least {minimum}"),
    "unknown_key": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} is not a setting here (known: {accepted})"
    ),
    "not_one_of": QT_TRANSLATE_NOOP("FieldProblems", "{field} {value} is not one of {accepted}"),
    "not_digits": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} must be {minimum} to {maximum} digits"
    ),
    "bad_code": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value}: use capital letters, digits, - and _ only"
    ),
    "not_time": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not a time of day HH:MM (00:00..23:59)"
    ),
    "not_country": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} {value} is not a two-letter country code (ISO 3166, e.g. CN)"
    ),
    "s10_shape": QT_TRANSLATE_NOOP(
        "FieldProblems",
        "{field} {value}: a UPU S10 number has 2 letters, 8 digits and a 2-letter country suffix",
    ),
    "duplicate": QT_TRANSLATE_NOOP("FieldProblems", "{field} {value} is the same as {other}"),
    "range_overlap": QT_TRANSLATE_NOOP(
        "FieldProblems", "{field} can make the same tracking numbers as {other}"
    ),
}
_CARRIER_FIELD = re.compile(r"carriers\[(\d+)\](?:\.tracking)?(?:\.(\w+))?")


def problem_text(problem: FieldProblem) -> str:
    """The refusal in the screen's language; the English when a code is new to this table."""
    template = TEMPLATES.get(problem.code)
    if template is None:
        return str(problem)
    return QCoreApplication.translate("FieldProblems", template).format(**problem.params)


def carrier_cell(field: str) -> tuple[int, str | None] | None:
    """`carriers[2].tracking.digits` → (2, "digits"); `carriers[1]` → (1, None); else None."""
    found = _CARRIER_FIELD.match(field)
    if found is None:
        return None
    return int(found.group(1)), found.group(2)
