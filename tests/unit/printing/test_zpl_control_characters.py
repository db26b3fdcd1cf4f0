"""Stored names and addresses reach the printer as text, never as commands: control bytes and
bidi controls are dropped, ZPL's own command characters are hex-escaped (^FH)."""

from __future__ import annotations

import re

from printing.barcodes import code128
from printing.label_layout import Bars, LabelPlan, Text
from printing.zpl import code128_field, plan_to_zpl


def _plan(*items) -> LabelPlan:
    return LabelPlan(width=812, height=1218, dpi=203, items=list(items), size_mm=(101.6, 152.4))


def test_control_bytes_never_reach_the_printer():
    hostile = "Jane\x1b^XZ\r\n^XA~JA\x07Doe\u202e\x85"
    zpl = plan_to_zpl(_plan(Text(10, 10, 30, hostile, width=500))).decode("utf-8")
    body = zpl.removesuffix("\n").replace("\n", "")  # our own separators between commands
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", body)
    assert "^FH\\^FDJane\\5EXZ\\5EXA\\7EJADoe^FS" in body
    assert body.count("^XA") == 1 and body.count("^XZ") == 1  # no label injected


def test_control_bytes_in_a_script_drawn_as_a_graphic_are_dropped_too():
    zpl = plan_to_zpl(_plan(Text(10, 10, 30, "张\x1b三", width=500))).decode("utf-8")
    assert (
        "\x1b" not in zpl
        and zpl == plan_to_zpl(_plan(Text(10, 10, 30, "张三", width=500))).decode()
    )


def test_barcode_field_data_carries_no_control_bytes():
    assert code128_field("T:0\x1b001", gs1=False) == code128_field("T:0001", gs1=False)
    symbol = code128("T:0001")
    zpl = plan_to_zpl(_plan(Bars(10, 10, 2, 100, symbol, "T:0\x07001"))).decode("utf-8")
    assert "\x07" not in zpl
