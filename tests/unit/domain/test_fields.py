"""The value checks every importer shares (app/domain/fields.py) and the priority scale."""

from __future__ import annotations

import pytest

from app.domain import fields
from app.domain.fields import FieldProblem
from app.domain.priority import parse_priority


@pytest.mark.parametrize(
    "value, code",
    [
        ("a\x00b", "control_character"),
        ("a\x1db", "control_character"),
        ("a\ud800", "control_character"),
        ("x" * 11, "too_long"),
        ({"a": 1}, "not_text"),
        (True, "not_text"),
        ("  ", "empty"),
    ],
)
def test_text_refusals_carry_a_reason_code(value, code):
    with pytest.raises(FieldProblem) as caught:
        fields.text(value, "name", 10, required=True)
    assert caught.value.code == code and caught.value.params["field"] == "name"


def test_text_accepts_any_script_and_json_numbers():
    assert fields.text(" 王小明 ", "name", 10) == "王小明"
    assert fields.text(1001, "order_id", 10) == "1001"
    assert fields.text(None, "company", 10) == ""


@pytest.mark.parametrize("value", ["²", "١", "1.0", "1e3", True, 2.0, "9" * 31, "", "-", "0x10"])
def test_whole_number_refuses_what_int_would_take_or_crash_on(value):
    with pytest.raises(FieldProblem, match="is not a whole number in 0..100"):
        fields.whole_number(value, "quantity", 0, 100)


def test_whole_number_ranges():
    assert fields.whole_number(" 7 ", "q", 0, 10) == 7 and fields.whole_number(-3, "q", -9, 9) == -3
    with pytest.raises(FieldProblem):
        fields.whole_number(2**31, "q", 0, fields.INT32_MAX)


@pytest.mark.parametrize("value", ["inf", "-Infinity", "nan", "1e999", float("inf"), 10**400])
def test_finite_number_refuses_infinity_and_nan(value):
    with pytest.raises(FieldProblem, match="is not a finite number"):
        fields.finite_number(value, "unit_weight_kg", 0, 10_000)


@pytest.mark.parametrize("value", ["heavy", "1,5", "", "²"])
def test_finite_number_refuses_words(value):
    with pytest.raises(FieldProblem, match="is not a number"):
        fields.finite_number(value, "unit_weight_kg", 0, 10_000)


@pytest.mark.parametrize(
    "value", ["9999-12-31T23:59:59-12:00", "0001-01-01", "2100-01-01", "1969-12-31T23:00:00"]
)
def test_timestamps_outside_the_window_are_refused(value):
    with pytest.raises(FieldProblem) as caught:
        fields.timestamp(value, "ship_by")
    assert caught.value.code == "date_out_of_window"


def test_dates_inside_the_window():
    assert fields.timestamp("2026-11-01T10:00:00Z", "ship_by").year == 2026
    assert str(fields.calendar_date("2099-12-31", "expiry")) == "2099-12-31"
    with pytest.raises(FieldProblem, match="is not a YYYY-MM-DD date"):
        fields.calendar_date("2026-1-1", "expiry")


@pytest.mark.parametrize(
    "text", ["[" * 21 + "]" * 21, '{"a": ' * 5000 + "1" + "}" * 5000, "[" * 200_000, '{"x": NaN}']
)
def test_parse_json_refuses_bombs_without_recursion(text):
    with pytest.raises(FieldProblem):
        fields.parse_json(text)


def test_parse_json_ignores_brackets_inside_strings():
    assert fields.parse_json('{"a": "' + "[" * 100 + '\\"]"}') == {"a": "[" * 100 + '"]'}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", 0),
        (None, 0),
        ("normal", 0),
        ("Low", -1),
        ("HIGH", 1),
        ("urgent", 2),
        ("Express", 2),
        ("低", -1),
        ("普通", 0),
        ("高", 1),
        ("加急", 2),
        ("5", 5),
        (-9, -9),
    ],
)
def test_priority_words_and_numbers_map_to_one_scale(value, expected):
    assert parse_priority(value) == expected


@pytest.mark.parametrize("value", ["asap", "10", "-10", "1.5", True, "²", 2**64])
def test_an_unknown_priority_names_the_accepted_values(value):
    with pytest.raises(FieldProblem, match="is not one of low, 低, normal, 普通, high") as caught:
        parse_priority(value)
    assert caught.value.code == "unknown_priority"
