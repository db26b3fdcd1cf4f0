"""`shipshape import-receipts` and `shipshape receive` on the demo site (SQLite), as a person or a
script runs them: reports, exit codes, and nothing changed on bad input."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.domain.events import Actor
from app.domain.fact_payloads import ReceiptClosed
from app.services.facts import apply_facts
from db.schema import events, receipt_lines, receipts, stock, stock_movements

RECEIPT = "PO-4500012001"
CABLE = "8712345000875"  # ELE-10087: announced 48 on PO-4500012001; orders wait for it
COFFEE = "(01)08712345000202(17)270831(10)L2708R"  # FOD-10020, lot-controlled


@pytest.fixture
def site(demo_central):
    return demo_central.url, demo_central


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def counts(central) -> dict:
    with central.engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (receipts, receipt_lines, stock, stock_movements, events)
        } | {
            "received": conn.execute(select(func.sum(receipt_lines.c.received))).scalar_one(),
            "on_hand": conn.execute(select(func.sum(stock.c.on_hand))).scalar_one(),
        }


def test_import_receipts_csv_and_json_whole_or_not_at_all(capsys, tmp_path, site):
    url, central = site
    good = tmp_path / "receipts.csv"
    good.write_text(
        "receipt_id,supplier,sku,quantity,lot,expiry\n"
        "ASN-1,Acme,ELE-10087,10,,\n"
        "ASN-1,Acme,FOD-10020,5,L9,2027-09-30\n"
        "ASN-2,Acme,NOPE-1,3,,\n"  # row 4: unknown SKU
        "ASN-3,Acme,ELE-10087,0,,\n"  # row 5: not a positive quantity
        "ASN-4,Acme,ELE-10087,2,,2027-02-30\n"  # row 6: no such date
        f"{RECEIPT},Café Müller Trading,ELE-10087,48,,\n",  # already imported
        encoding="utf-8",
    )
    status, out, err = run(capsys, "import-receipts", str(good), "--json", "--database", url)
    report = json.loads(out)
    assert status == 2 and report["imported"] == 1
    assert [r.split(":")[0] for r in report["rejected"]] == ["ASN-2", "ASN-3", "ASN-4"]
    assert "row 4" in report["rejected"][0] and "unknown SKU 'NOPE-1'" in report["rejected"][0]
    assert "row 5" in report["rejected"][1] and "row 6" in report["rejected"][2]
    assert report["duplicates"] == [f"{RECEIPT} (row 7): already imported"]
    assert "rejected" in err
    with central.uow() as uow:
        asn = uow.receiving.receipt("ASN-1")
        assert [(x.sku, x.lot, x.expected) for x in asn.lines] == [
            ("ELE-10087", "", 10),
            ("FOD-10020", "L9", 5),
        ]
        assert uow.receiving.receipt("ASN-2") is None
    document = {
        "receipts": [
            {
                "receipt_id": "ASN-9",
                "supplier": "Acme",
                "sscc": "087123450000020019",
                "lines": [{"sku": "ELE-10087", "quantity": 4, "lot": "", "expiry": None}],
            }
        ]
    }
    path = tmp_path / "asn.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert run(capsys, "import-receipts", str(path), "--database", url)[0] == 0
    with central.uow() as uow:
        assert uow.receiving.receipt("087123450000020019").receipt_id == "ASN-9"
    assert run(capsys, "import-receipts", str(path), "--database", url)[0] == 0  # a duplicate


def test_receive_puts_away_and_allocates_the_orders_waiting(capsys, site):
    url, central = site
    with central.uow() as uow:
        waiting = uow.orders.waiting_for_stock({"ELE-10087"})
    assert waiting
    status, out, err = run(
        capsys,
        "receive",
        RECEIPT,
        "--scan",
        f"{CABLE}*40",
        COFFEE,
        CABLE,
        "--to",
        "L:A01-001-L-1",
        "--badge",
        "1015",
        "--json",
        "--database",
        url,
    )
    assert status == 0, err
    record = json.loads(out)
    assert record["receipt_id"] == RECEIPT and record["location"] == "A01-001-L-1"
    assert record["items"] == [
        {"sku": "ELE-10087", "lot": "", "expiry": None, "quantity": 40},
        {"sku": "FOD-10020", "lot": "L2708R", "expiry": "2027-08-31", "quantity": 1},
        {"sku": "ELE-10087", "lot": "", "expiry": None, "quantity": 1},
    ]
    cable = next(x for x in record["lines"] if x["sku"] == "ELE-10087")
    assert cable == {"sku": "ELE-10087", "lot": "", "expected": 48, "received": 41, "put_away": 41}
    with central.uow() as uow:
        assert uow.stock.get("A01-001-L-1", "ELE-10087", "").on_hand == 41
        assert not uow.orders.waiting_for_stock({"ELE-10087"})
    with central.engine.connect() as conn:
        ledger = conn.execute(
            select(stock_movements.c.kind, stock_movements.c.delta, stock_movements.c.actor).where(
                stock_movements.c.kind != "import"  # the demo's own stock, imported at set-up
            )
        ).all()
    assert sorted(ledger) == [
        ("put_away", 1, "Sanne de Vries"),
        ("put_away", 1, "Sanne de Vries"),
        ("put_away", 40, "Sanne de Vries"),
    ]


@pytest.mark.parametrize(
    ("receipt", "scans", "to", "said"),
    [
        ("PO-NOPE", [CABLE], "A01-001-L-1", "no receipt PO-NOPE"),
        (RECEIPT, ["4006381333931"], "A01-001-L-1", "4006381333931 is not an item"),
        (RECEIPT, [CABLE, "GARBAGE"], "A01-001-L-1", "GARBAGE is not an item"),
        (RECEIPT, [CABLE], "L:NOPE-1", "no location L:NOPE-1"),
        (RECEIPT, [CABLE, "8712345000202"], "A01-001-L-1", "needs its lot"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    capsys, site, receipt, scans, to, said
):
    url, central = site
    before = counts(central)
    status, out, err = run(
        capsys,
        "receive",
        receipt,
        "--scan",
        *scans,
        "--to",
        to,
        "--badge",
        "1015",
        "--database",
        url,
    )
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and said in err
    assert counts(central) == before


def test_a_closed_receipt_takes_nothing_more(capsys, site):
    url, central = site
    apply_facts(
        central.uow(), [ReceiptClosed(receipt_id=RECEIPT).fact(Actor("Sanne de Vries", "S"))]
    )
    before = counts(central)
    status, _, err = run(
        capsys,
        "receive",
        RECEIPT,
        "--scan",
        CABLE,
        "--to",
        "A01-001-L-1",
        "--badge",
        "1015",
        "--database",
        url,
    )
    assert status == 2 and "is closed" in err
    assert counts(central) == before
