"""Packing slips and rack / tote / badge sheets: read back the text and every barcode."""

import json
import subprocess

import pytest

from app.cli import main
from app.domain.shipment_label import parse_shipment
from printing.samples import CHINESE
from printing.sheets import badge_sheet, location_sheet, tote_sheet
from printing.slip import SlipItem, render_packing_slip
from tests.integration.printing.conftest import decode, need, pdf_fonts, pdf_text


def page_size(pdf: bytes) -> str:
    need("pdfinfo", "poppler-utils")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    return next(line for line in info.decode().splitlines() if line.startswith("Page size"))


@pytest.mark.parametrize(("paper", "points"), [("A4", "595.276 x 841.89"), ("Letter", "612 x 792")])
def test_packing_slip(rasterise_pdf, paper, points):
    items = [SlipItem("SKU-1", "Blue mug 蓝色杯子", 2), SlipItem("SKU-22", "Кружка", 1)]
    ship_to = parse_shipment(CHINESE).ship_to
    pdf = render_packing_slip(
        "SO-1001",
        items,
        "ann",
        ship_to=ship_to,
        paper=paper,
        packed_at="2026-11-29 15:30",
        package="1/2",
    )
    assert points in page_size(pdf)
    text = pdf_text(pdf)
    for expected in ("SO-1001", "SKU-22", "蓝色杯子", "Кружка", "Packed by ann", "王小明", "3"):
        assert expected in text
    assert decode(rasterise_pdf(pdf, 300)) == {"SO-1001": "]C0"}
    assert all(row[-5] == "yes" for row in pdf_fonts(pdf))


def test_a_chinese_sites_packing_slip(rasterise_pdf):
    items = [SlipItem("SKU-1", "蓝色杯子", 2), SlipItem("SKU-22", "Blue mug", 1)]
    ship_to = parse_shipment(CHINESE).ship_to
    pdf = render_packing_slip(
        "SO-1001",
        items,
        "陈静",
        ship_to=ship_to,
        language="zh_CN",
        packed_at="2026-11-29 15:30",
        package="1/2",
    )
    text = pdf_text(pdf)
    for expected in (
        "装箱单 — 订单 SO-1001",
        "货号",
        "商品",
        "数量",
        "合计件数",
        "包装员 陈静",
        "时间 2026-11-29 15:30",
        "包裹 1/2",
        "王小明",
    ):
        assert expected in text, expected
    for english in ("Packing slip", "Packed by", "Total items", "Qty"):
        assert english not in text
    assert decode(rasterise_pdf(pdf, 300)) == {"SO-1001": "]C0"}
    assert all(row[-5] == "yes" for row in pdf_fonts(pdf))


def test_location_tote_and_badge_sheets_scan(rasterise_pdf):
    locations = [f"A{a:02d}-{n:03d}-L-1" for a in range(1, 3) for n in range(1, 16)]  # 30: 2 pages
    pdf = location_sheet(locations)
    assert pdf_text(pdf).count("A01-") >= 15
    first_page = decode(rasterise_pdf(pdf, 300))  # pdftoppm -singlefile: the first page
    assert set(first_page) == {f"L:{code}" for code in locations[:24]}
    totes = decode(rasterise_pdf(tote_sheet(["0001", "0002"]), 300))
    assert totes == {"T:0001": "]C0", "T:0002": "]C0"}
    badges = decode(rasterise_pdf(badge_sheet([("王小明", "1001"), ("Ann Lee", "1002")]), 300))
    assert set(badges) == {"B:1001", "B:1002"}


def test_print_sheets_command(tmp_path, capsys):
    users = tmp_path / "users.jsonl"
    users.write_text(json.dumps({"name": "Ann", "role": "picker", "badge": "1001"}) + "\n")
    out = tmp_path / "badges.pdf"
    assert main(["print-sheets", "badges", str(users), "--out", str(out)]) == 0
    assert "Ann" in pdf_text(out.read_bytes())
    assert main(["print-sheets", "totes", "0001-0030", "--out", str(out), "--paper", "Letter"]) == 0
    assert "T:0030" in pdf_text(out.read_bytes())
    users.write_text("not json\n")
    assert main(["print-sheets", "badges", str(users), "--out", str(out)]) == 2
    assert "line 1" in capsys.readouterr().err


def test_location_sheet_from_a_layout_file(tmp_path, rasterise_pdf):
    layout = {
        "format": "shipshape.layout/1",
        "name": "Tiny",
        "aisle_length": 10.0,
        "aisles": [{"id": "A01", "x": 0.0}],
        "cross_aisles": [0.0, 10.0],
        "depot": {"x": 0.0, "y": 0.0},
        "locations": [
            {"code": f"A01-00{n}-L-1", "aisle": "A01", "y": float(n), "side": "L", "level": 1}
            for n in range(1, 4)
        ],
    }
    path = tmp_path / "layout.json"
    path.write_text(json.dumps(layout))
    out = tmp_path / "racks.pdf"
    assert main(["print-sheets", "locations", str(path), "--out", str(out)]) == 0
    found = decode(rasterise_pdf(out.read_bytes(), 300))
    assert set(found) == {"L:A01-001-L-1", "L:A01-002-L-1", "L:A01-003-L-1"}
