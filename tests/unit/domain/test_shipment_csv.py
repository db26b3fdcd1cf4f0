"""The daily CSV's rows (app/domain/shipment_csv.py): one per carton line, every column as the
message holds it, the day in the site's time, and a repeated delivery never doubling rows."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, timedelta, timezone

import pytest

from app.domain.shipment_csv import (
    COLUMNS,
    NotADayFile,
    file_name,
    merged,
    message_day,
    shipment_rows,
)

SHANGHAI = timezone(timedelta(hours=8))


def shipped(message_id: str = "m-1", **data) -> dict:
    return {
        "id": message_id,
        "kind": "order.shipped",
        "occurred_at": "2026-12-04T16:31:02.004512+00:00",
        "site": 'DC "East", 上海',
        "order": {"channel": "webshop", "order_id": "100,234"},
        "data": {
            "carrier": "SF",
            "service": "标准快递",
            "shipments": [
                {"carton": 1, "sscc": "069012340000000017", "tracking_number": "SF017",
                 "weight_kg": 2.35, "lines": [
                     {"sku": "TEA-100", "quantity": 2, "lots": ["L2411", "L2412"], "serials": []},
                     {"sku": 'KETTLE "1"', "quantity": 1, "lots": [],
                      "serials": ["KT-1", "KT-2"]}]},
                {"carton": 2, "sscc": "069012340000000024", "tracking_number": "SF024",
                 "weight_kg": 0.5, "lines": [
                     {"sku": "茶杯, 白", "quantity": 6, "lots": [], "serials": []}]},
            ],
        }
        | data,
    }  # fmt: skip


def test_one_row_per_carton_line_with_the_order_and_carton_on_each():
    rows = shipment_rows(shipped())
    assert len(COLUMNS) == 15 and all(len(row) == len(COLUMNS) for row in rows)
    named = [dict(zip(COLUMNS, row, strict=True)) for row in rows]
    assert [(r["carton"], r["sku"], r["quantity"]) for r in named] == [
        ("1", "TEA-100", "2"),
        ("1", 'KETTLE "1"', "1"),
        ("2", "茶杯, 白", "6"),
    ]
    first, second, third = named
    assert first["lots"] == "L2411;L2412" and first["serials"] == ""
    assert second["serials"] == "KT-1;KT-2" and second["lots"] == ""
    assert (first["sscc"], first["tracking_number"], first["weight_kg"]) == (
        "069012340000000017",
        "SF017",
        "2.35",
    )
    assert (third["sscc"], third["weight_kg"]) == ("069012340000000024", "0.5")
    assert {(r["message_id"], r["site"], r["channel"], r["order_id"]) for r in named} == {
        ("m-1", 'DC "East", 上海', "webshop", "100,234")
    }
    assert {(r["occurred_at"], r["carrier"], r["service"]) for r in named} == {
        ("2026-12-04T16:31:02.004512+00:00", "SF", "标准快递")
    }


def test_rows_survive_the_csv_module_with_commas_quotes_and_chinese():
    rows = shipment_rows(shipped())
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([list(COLUMNS), *rows])
    text = out.getvalue()
    assert text.count("\r\n") == 4 and "\n" not in text.replace("\r\n", "")
    assert '"KETTLE ""1"""' in text and '"茶杯, 白"' in text and '"100,234"' in text
    assert list(csv.reader(io.StringIO(text, newline=""))) == [list(COLUMNS), *rows]


def test_only_a_shipment_makes_rows_and_a_carton_without_lines_still_makes_one():
    held = shipped() | {"kind": "order.held", "data": {"status": "on_hold"}}
    assert shipment_rows(held) == []
    (row,) = shipment_rows(shipped(shipments=[]))
    assert row[:7] == ["m-1", "2026-12-04T16:31:02.004512+00:00", 'DC "East", 上海', "webshop",
                       "100,234", "SF", "标准快递"]  # fmt: skip
    assert row[7:] == [""] * 8
    empty = {"carton": 3, "sscc": "x", "tracking_number": None, "weight_kg": None, "lines": []}
    (row,) = shipment_rows(shipped(shipments=[empty]))
    assert row[7:] == ["3", "x", "", "", "", "", "", ""]


def test_the_day_is_the_sites_local_date_of_occurred_at():
    message = shipped()  # 16:31 UTC on the 4th is 00:31 on the 5th in Shanghai
    assert message_day(message, UTC) == date(2026, 12, 4)
    assert message_day(message, SHANGHAI) == date(2026, 12, 5)
    assert file_name(date(2026, 12, 5)) == "shipments-2026-12-05.csv"


def test_a_delivery_adds_its_rows_once_and_a_repeat_changes_nothing():
    first, second = shipment_rows(shipped("m-1")), shipment_rows(shipped("m-2"))
    day = merged([], "m-1", first)
    assert day == [list(COLUMNS), *first]
    day = merged(day, "m-2", second)
    assert day == [list(COLUMNS), *first, *second]
    assert merged(day, "m-1", first) is None  # delivered again after a crash: no second copy
    shorter = first[:1]  # a message's rows that differ (never in practice) replace its old ones
    assert merged(day, "m-1", shorter) == [list(COLUMNS), *second, *shorter]


def test_a_file_that_is_not_ours_is_left_alone():
    with pytest.raises(NotADayFile):
        merged([["order", "qty"], ["1", "2"]], "m-1", shipment_rows(shipped()))
