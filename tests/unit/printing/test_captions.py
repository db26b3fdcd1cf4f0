"""Label and slip captions per site language (printing/captions.py)."""

from __future__ import annotations

import re

import pytest

from app.domain.shipment_label import LANGUAGES, parse_shipment
from app.errors import BadInput
from printing.captions import CAPTIONS, caption
from printing.label_layout import Bars, Text, plan_label
from printing.samples import CHINESE


def test_every_language_has_every_caption_with_the_same_placeholders():
    assert set(CAPTIONS) == set(LANGUAGES)
    english = CAPTIONS["en"]
    for language, table in CAPTIONS.items():
        assert set(table) == set(english), language
        for key, text in table.items():
            assert re.findall(r"{\w+}", text) == re.findall(r"{\w+}", english[key]), key


def test_an_unknown_language_prints_english():
    assert caption("fr", "ship_to") == "SHIP TO"


def test_a_chinese_label_has_chinese_captions_and_the_same_barcodes():
    english = plan_label(parse_shipment(CHINESE))
    chinese = plan_label(parse_shipment(CHINESE | {"language": "zh_CN"}))
    words = {item.text for item in chinese.items if isinstance(item, Text)}
    assert {"收货人 SHIP TO", "发货人 FROM", "运单号 TRACKING"} <= words
    assert f"订单 {CHINESE['order_ref']}" in words and "第 1/2 件" in words
    assert "SHIP TO" not in words and not any(w.startswith("Order ") for w in words)
    bars = [item for item in english.items if isinstance(item, Bars)]
    assert bars == [item for item in chinese.items if isinstance(item, Bars)]


def test_a_shipment_file_names_a_language_we_print_or_is_refused():
    assert parse_shipment(CHINESE).language == "en"
    with pytest.raises(BadInput, match="language: 'fr' is not a label language"):
        parse_shipment(CHINESE | {"language": "fr"})
