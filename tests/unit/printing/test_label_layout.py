import re

import pytest

from app.domain.shipment_label import parse_shipment
from printing.barcodes import QUIET_MODULES
from printing.fonts import text_width
from printing.label_layout import Bars, Box, Text, page_dots, plan_label
from printing.labels import render_label_zpl
from printing.samples import ALL
from printing.textfit import fit, wrap

LAYOUTS = [(name, size, dpi) for name in ALL for size in ("4x6", "100x150") for dpi in (203, 300)]


def test_page_sizes_in_dots():
    assert page_dots("4x6", 203) == (812, 1218)
    assert page_dots("4x6", 300) == (1200, 1800)
    assert page_dots("100x150", 203) == (799, 1199)


@pytest.mark.parametrize(("name", "size", "dpi"), LAYOUTS)
def test_nothing_leaves_the_label_and_quiet_zones_stay_clear(name, size, dpi):
    plan = plan_label(parse_shipment(ALL[name]), size, dpi)
    for item in plan.items:
        if isinstance(item, Text):
            right = item.x + max(item.width, text_width(item.text, item.size))
            assert item.x >= 0 and right <= plan.width, item
            if item.width:
                assert text_width(item.text, item.size) <= item.width, item
            assert item.y >= 0 and item.y + item.size * 1.2 <= plan.height, item
        elif isinstance(item, Box):
            assert item.x >= 0 and item.x + item.w <= plan.width
        elif isinstance(item, Bars):
            quiet = QUIET_MODULES * item.module
            assert item.x - quiet >= 0
            assert item.x + len(item.symbol.modules) * item.module + quiet <= plan.width
            assert item.y + item.height <= plan.height
            assert item.module * 25.4 / dpi >= 0.25  # X dimension never below 0.25 mm
    bars = [i for i in plan.items if isinstance(i, Bars)]
    assert [b.gs1 for b in bars] == [False, True]


def test_no_sscc_means_no_sscc_barcode():
    data = dict(ALL["ascii"], sscc=None)
    plan = plan_label(parse_shipment(data))
    assert [b.data for b in plan.items if isinstance(b, Bars)] == [data["tracking_number"]]


def test_wrap_breaks_at_spaces_and_inside_cjk():
    assert wrap("aaa bbb ccc", 10, text_width("aaa bbb", 10)) == ["aaa bbb", "ccc"]
    lines = wrap("浦东新区世纪大道100号", 10, 45)
    assert len(lines) > 1 and "".join(lines) == "浦东新区世纪大道100号"
    assert all(text_width(line, 10) <= 45 for line in lines)


def test_fit_shrinks_then_truncates_but_never_overflows():
    fitted = fit(["word " * 200], 100, 50, 20, 6)
    assert fitted.size == 6
    assert len(fitted.lines) * fitted.line_pitch <= 50
    assert fitted.lines[-1].endswith("…")


def test_zpl_header_and_utf8():
    zpl = render_label_zpl(parse_shipment(ALL["chinese"])).decode("utf-8")
    assert zpl.startswith("^XA^CI28^PW812^LL1218")
    assert zpl.rstrip().endswith("^XZ")
    assert "^FD>;>800376130321109103420^FS" in zpl
    assert "^FD>:SF1234567890123^FS" in zpl
    assert re.search(r"\^GFA,\d+,\d+,\d+,[0-9A-F]+", zpl)  # the Chinese lines as graphics
    assert "^FB444,1,0,L,0^FH\\^FDShipshape DC East^FS" in zpl  # Latin: the printer's font


def test_zpl_escapes_command_characters_in_text():
    data = dict(ALL["ascii"], order_ref="A^B~C\\D")
    zpl = render_label_zpl(parse_shipment(data)).decode()
    assert "Order A\\5EB\\7EC\\5CD" in zpl
