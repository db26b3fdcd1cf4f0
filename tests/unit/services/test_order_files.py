import json

import pytest

from app.errors import BadInput
from app.services.order_files import CSV_COLUMNS, build_order, parse_quantity, read_order_file

HEADER = ",".join(CSV_COLUMNS)


def csv_row(order_id="SO-1", sku="SKU-1", quantity="2", channel="web", **overrides) -> str:
    values = {
        "channel": channel,
        "order_id": order_id,
        "order_date": "2026-11-01T10:00:00+00:00",
        "priority": "1",
        "carrier": "DHL",
        "service": "Express",
        "ship_by": "2026-11-02",
        "name": "Anna",
        "company": "",
        "street1": "Hauptstr. 1",
        "street2": "",
        "city": "Köln",
        "region": "",
        "postal_code": "50667",
        "country": "DE",
        "phone": "",
        "email": "anna@example.com",
        "sku": sku,
        "quantity": quantity,
    }
    values.update(overrides)
    return ",".join(values[c] for c in CSV_COLUMNS)


def write(tmp_path, *rows, name="orders.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_rows_with_the_same_key_form_one_order_even_apart(tmp_path):
    path = write(tmp_path, csv_row(sku="A"), csv_row("SO-2"), csv_row(sku="B", quantity="3"))
    drafts = read_order_file(path)
    assert [d.key for d in drafts] == [("web", "SO-1"), ("web", "SO-2")]
    assert drafts[0].rows == ["row 2", "row 4"]
    order = build_order(drafts[0], {"A", "B"})
    assert [(line.sku, line.quantity) for line in order.lines] == [("A", 2), ("B", 3)]
    assert order.ship_to.city == "Köln" and order.priority == 1


def test_same_order_id_in_two_channels_is_two_orders(tmp_path):
    path = write(tmp_path, csv_row(channel="web"), csv_row(channel="edi"))
    assert len(read_order_file(path)) == 2


@pytest.mark.parametrize(
    "overrides, reason",
    [
        ({"sku": "NOPE"}, "row 2: unknown SKU 'NOPE'"),
        ({"quantity": "0"}, "row 2: quantity '0' is not a positive integer"),
        ({"quantity": "1.5"}, "quantity '1.5' is not a positive integer"),
        ({"quantity": "-2"}, "quantity '-2' is not a positive integer"),
        ({"quantity": "abc"}, "quantity 'abc' is not a positive integer"),
        ({"street1": ""}, "address field street1 is empty"),
        ({"postal_code": ""}, "address field postal_code is empty"),
        ({"country": ""}, "address field country is empty"),
        ({"name": ""}, "address field name is empty"),
        ({"ship_by": "tomorrow"}, "ship_by 'tomorrow' is not an ISO date"),
    ],
)
def test_each_rejection_reason_names_the_row(tmp_path, overrides, reason):
    kwargs = {"sku": overrides.pop("sku", "SKU-1"), "quantity": overrides.pop("quantity", "2")}
    path = write(tmp_path, csv_row(**kwargs, **overrides))
    (draft,) = read_order_file(path)
    with pytest.raises(BadInput, match=reason.replace("(", r"\(").replace(".", r"\.")):
        build_order(draft, {"SKU-1"})


def test_missing_column_rejects_the_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("order_id,sku\nSO-1,A\n")
    with pytest.raises(BadInput, match="bad.csv: row 1: missing column"):
        read_order_file(path)


def test_channel_option_fills_a_missing_channel_column(tmp_path):
    header = ",".join(c for c in CSV_COLUMNS if c != "channel")
    row = csv_row().split(",", 1)[1]
    path = tmp_path / "edi.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    (draft,) = read_order_file(path, default_channel="edi")
    assert draft.key == ("edi", "SO-1")


def test_json_orders(tmp_path):
    document = {
        "orders": [
            {
                "channel": "web",
                "order_id": "SO-9",
                "priority": 2,
                "ship_to": {
                    "name": "王小明",
                    "street1": "浦东新区世纪大道100号",
                    "city": "上海",
                    "postal_code": "200120",
                    "country": "CN",
                },
                "lines": [{"sku": "A", "quantity": 1}, {"sku": "B", "quantity": "2"}],
            },
            {"channel": "web", "order_id": "SO-10", "ship_to": {}, "lines": []},
        ]
    }
    path = tmp_path / "orders.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    good, bad = read_order_file(path)
    order = build_order(good, {"A", "B"})
    assert order.ship_to.name == "王小明" and [line.quantity for line in order.lines] == [1, 2]
    with pytest.raises(BadInput, match=r"orders\[1\]: no lines"):
        build_order(bad, {"A"})


def test_broken_json_names_the_file(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{not json")
    with pytest.raises(BadInput, match="x.json: not valid JSON"):
        read_order_file(path)


@pytest.mark.parametrize(
    "value, expected", [(3, 3), ("7", 7), (" 2 ", 2), (True, None), (0, None), (2.0, None)]
)
def test_parse_quantity(value, expected):
    assert parse_quantity(value) == expected
