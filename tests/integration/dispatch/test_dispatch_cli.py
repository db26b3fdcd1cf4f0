"""`shipshape dispatch load|close|manifest` as a person runs them: exit codes, JSON lines, and a
manifest PDF whose barcodes decode (zxing-cpp) and whose totals match the parcels."""

from __future__ import annotations

import json
import subprocess
import sys

from station.demo_dispatch import pack_demo_orders
from station.demo_packing import demo_central
from tests.integration.printing.conftest import decode, need, pdf_text, rasterise_pdf  # noqa: F401

LEAD = ["--badge", "1011", "--pin", "694907"]


def shipshape(url: str, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "app.cli", *args, "--database", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_load_close_and_reprint(tmp_path, tmp_path_factory, rasterise_pdf):  # noqa: F811
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    cartons = pack_demo_orders(central, 3, carrier="SF")
    url = central.url
    central.close()
    first = shipshape(
        url,
        "dispatch",
        "load",
        cartons[0].sscc,
        "00" + cartons[1].sscc,
        "--unit",
        "U:CAGE-7",
        "--carrier",
        "SF",
        "--badge",
        "1013",
        "--json",
    )
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert [x["verdict"] for x in lines] == ["loaded", "loaded"]
    assert set(lines[0]) == {"code", "verdict", "reason", "channel", "order_id", "carton"}
    mixed = shipshape(
        url,
        "dispatch",
        "load",
        cartons[0].sscc,
        "NOSUCH12345",
        cartons[2].tracking_number,
        "--unit",
        "CAGE-7",
        "--carrier",
        "SF",
        "--badge",
        "1013",
        "--json",
    )
    assert mixed.returncode == 2
    verdicts = [json.loads(line) for line in mixed.stdout.splitlines()]
    assert [(v["verdict"], v["reason"]) for v in verdicts] == [
        ("refused", "already_loaded"),
        ("refused", "unknown_parcel"),
        ("loaded", "order_complete"),
    ]
    not_a_loader = shipshape(
        url,
        "dispatch",
        "load",
        cartons[0].sscc,
        "--unit",
        "CAGE-7",
        "--carrier",
        "SF",
        "--badge",
        "1001",
    )
    assert not_a_loader.returncode == 1 and "only a loader" in not_a_loader.stderr
    pdf = tmp_path / "out" / "manifest.pdf"
    closed = shipshape(
        url, "dispatch", "close", "--carrier", "SF", *LEAD, "--manifest", str(pdf), "--json"
    )
    assert closed.returncode == 0, closed.stderr
    summary = json.loads(closed.stdout)
    assert summary["parcels"] == 3 and summary["orders_shipped"] == 3
    assert summary["left_behind"] == []
    again = shipshape(url, "dispatch", "close", "--carrier", "SF", *LEAD, "--json")
    assert again.returncode == 2 and "closed already" in again.stderr
    empty = shipshape(url, "dispatch", "close", "--carrier", "DHL", *LEAD)
    assert empty.returncode == 2 and "nothing is loaded for DHL" in empty.stderr
    unknown = shipshape(url, "dispatch", "close", "--carrier", "DHL", *LEAD, "--warehouse", "NOPE")
    assert unknown.returncode == 2 and "WH1" in unknown.stderr, unknown.stderr
    mine = shipshape(url, "dispatch", "close", "--carrier", "DHL", *LEAD, "--warehouse", "wh1")
    assert mine.returncode == 2 and "nothing is loaded for DHL" in mine.stderr, mine.stderr
    _check_manifest(pdf, summary["manifest_id"], cartons, rasterise_pdf)
    orders = [json.loads(x) for x in shipshape(url, "orders", "--json").stdout.splitlines()]
    shipped = [o for o in orders if o["shipments"]]
    assert {s["status"] for o in shipped for s in o["shipments"]} == {"shipped"}
    reprint = shipshape(url, "dispatch", "manifest", summary["manifest_id"], "--json")
    assert json.loads(reprint.stdout)["parcels"] == 3


def _check_manifest(pdf, manifest_id, cartons, rasterise) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    found = decode(rasterise(data, dpi=300))
    assert manifest_id in found
    text = pdf_text(data)
    total = sum(c.weight_kg for c in cartons)
    assert f"Parcels: {len(cartons)}" in text and f"Total weight: {total:.2f} kg" in text
    for carton in cartons:
        assert carton.tracking_number in text
    document = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    assert round(document["weight_kg"], 2) == round(total, 2)
    csv_rows = pdf.with_suffix(".csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) == 1 + len(cartons)


def test_dock_sheets_of_units_and_carrier_codes_scan(tmp_path, rasterise_pdf):  # noqa: F811
    from app.cli import main
    from app.domain.dispatch import carrier_code, unit_code

    for kind, codes in (("units", "CAGE-01,TRAILER-SF"), ("carriers", "SF Express,DHL")):
        out = tmp_path / f"{kind}.pdf"
        assert main(["print-sheets", kind, codes, "--out", str(out)]) == 0
        found = decode(rasterise_pdf(out.read_bytes(), dpi=300))
        read = {unit_code(text) or carrier_code(text) for text in found}
        assert read == set(codes.split(","))
