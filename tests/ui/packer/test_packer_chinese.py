"""The packing station in Chinese: a refusal the use case raises reads in Chinese, online and
offline (it used to arrive as the English sentence built in app/)."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtCore import QSettings

from app.scanning.interpret import interpret
from app.services.packing_central import set_site_language
from app.services.users import authenticate_lead
from tests.integration.printing.conftest import pdf_text
from tests.ui.packer.conftest import Station, offline_packer_home
from ui.app import load_fonts, use_fonts
from ui.i18n import LanguageSwitch
from ui.marks import is_ok_html

ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:.'()]+[A-Za-z]{2,}){2,}")


@pytest.fixture
def chinese(qapp, tmp_path):
    """Chinese installed, with the bundled CJK font, as `shipshape run` (the floor style is the
    packer tests' own, tests/ui/packer/conftest.py: restyling the application again here crashed
    Qt in widgets earlier tests left for deletion)."""
    font = qapp.font()
    use_fonts(qapp, load_fonts())
    switch = LanguageSwitch(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    switch.apply("zh_CN")
    yield switch
    switch.uninstall()
    qapp.setFont(font)


def test_a_tote_with_no_order_is_refused_in_chinese(qtbot, central, tmp_path, chinese):
    station = Station(qtbot, central, tmp_path)
    try:
        text = station.scan("T:9999")
        assert station.home.message.kind == "error"
        assert "周转箱 9999 中没有订单。请扫描其他周转箱或订单。" in text
        assert ENGLISH_RUN.search(text) is None, text
        station.home.resize(1280, 800)
        if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
            station.home.grab().save(
                os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "packer-zh-notfound.png")
            )
        chinese.apply("en")  # a live switch re-renders the same refusal in English
        qtbot.waitUntil(lambda: "Tote 9999 holds no order." in station.home.message.text())
    finally:
        station.stop()


def test_offline_the_unknown_tote_is_refused_in_chinese(qtbot, central, tmp_path, chinese):
    with offline_packer_home(qtbot, central, tmp_path) as home:
        home.handle_scan(interpret("T:9999"))
        qtbot.waitUntil(lambda: "离线" in home.message.text(), timeout=10000)
        text = home.message.text()
        assert text.startswith("✖") and "T:9999：不在本工作站的待打包订单中" in text
        assert ENGLISH_RUN.search(text) is None, text
        qtbot.wait(50)  # the banner grows to its new text
        assert home.message.height() >= home.message.heightForWidth(home.message.width())
        if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
            home.grab().save(
                os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "packer-zh-offline.png")
            )


def test_the_slip_and_label_print_in_the_sites_language(qtbot, central, tmp_path, chinese):
    lead = authenticate_lead(central.uow(), "1011", "694907")  # the demo lead
    assert set_site_language(central.uow(), lead, "zh_CN", "lead-desk") == "zh_CN"
    station = Station(qtbot, central, tmp_path)
    try:
        order = station.order()
        station.scan(f"T:{order.tote}")
        station.pack_all(order)
        station.type_weight(station.expected_kg())
        assert is_ok_html(station.close())
        qtbot.waitUntil(
            lambda: bool(station.files(station.slips) and station.files(station.labels))
        )
        slip = pdf_text(station.files(station.slips)[0].read_bytes())
        assert f"装箱单 — 订单 {order.order_id}" in slip and "货号" in slip and "包装员" in slip
        assert "Packing slip" not in slip and "Packed by" not in slip
        label = pdf_text(station.files(station.labels)[0].read_bytes())
        assert "收货人" in label and f"订单 {order.order_id}" in label
    finally:
        station.stop()


def test_a_number_typed_when_none_is_expected_is_refused_in_chinese(
    qtbot, central, tmp_path, chinese
):
    station = Station(qtbot, central, tmp_path)
    try:
        station.home.handle_typed_number("12")
        text = station.home.message.text()
        assert station.home.message.kind == "error"
        assert "现在不需要输入数字。扫描周转箱、订单或拣货单开始包装。" in text
        assert ENGLISH_RUN.search(text) is None, text
        station.home.resize(1280, 800)
        if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
            station.home.grab().save(
                os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "packer-zh-number.png")
            )
    finally:
        station.stop()
