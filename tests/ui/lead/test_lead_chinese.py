"""The lead console in Chinese: what the use cases say (hold reasons, short picks, printer
failures, resolution outcomes) reads in Chinese, not in the English it is stored for the CLI."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import insert, select

from db.schema import exceptions, orders, pick_tasks, products
from tests.integration.lead.site import build_site, short_task
from tests.integration.site_files import order_row, write_orders
from tests.ui.lead.test_lead_home import open_home
from ui.app import load_fonts, load_stylesheet, use_fonts
from ui.i18n import LanguageSwitch

ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:.'()]+[A-Za-z]{2,}){2,}")


@pytest.fixture
def chinese(qapp, tmp_path):
    """Chinese installed, with the bundled CJK font and the floor style, as `shipshape run`."""
    font, style = qapp.font(), qapp.styleSheet()
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    switch = LanguageSwitch(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    switch.apply("zh_CN")
    yield switch
    switch.uninstall()
    qapp.setFont(font)
    qapp.setStyleSheet(style)


def test_the_exceptions_tab_reads_in_chinese(qtbot, tmp_path, sqlite_url, run_cli, chinese):
    site = build_site(tmp_path, sqlite_url, run_cli)
    # The review holds an order with a German postal code of 4 digits (the real allocation run).
    held = write_orders(tmp_path / "held.csv", order_row("SO-H", "BOLT", "1", postal_code="5066"))
    assert run_cli("import-orders", held, "--database", sqlite_url)[0] == 0
    assert run_cli("allocate", "--database", sqlite_url)[0] == 0
    milk, order_ref = site.rows(
        select(pick_tasks.c.id, orders.c.id)
        .join(products)
        .join(orders, orders.c.order_id == "SO-M")
        .where(products.c.sku == "MILK")
    )[0]
    short_task(site, milk, "Pia", 1, order_ref, reason="empty")
    site.run(
        insert(exceptions).values(
            kind="printer_failure",
            status="open",
            order_ref=order_ref,
            details={"job_id": "j-1", "carton": 1, "printer": "pack-2", "message": "paper out"},
            note="",
            created_at=datetime.now(UTC),
        )
    )
    home = open_home(qtbot, site)
    home.resize(1280, 800)
    home.show()
    home.tabs.setCurrentWidget(home.exceptions)
    queue = home.exceptions.queue
    assert queue.rowCount() == 3
    said = {queue.rows[row].kind: queue.data(queue.index(row, 2)) for row in range(3)}
    assert said["hold"] == "地址无法送达：邮编“5066”不符合 DE 的格式"
    assert said["short_pick"].startswith("MILK 在 ") and "缺 1 件" in said["short_pick"]
    assert said["printer_failure"] == "打印机 pack-2 拒绝打印第 1 箱的面单：paper out"
    for text in said.values():
        assert ENGLISH_RUN.search(text) is None, text
    if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
        home.grab().save(os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "lead-zh.png"))

    chinese.apply("en")  # a live switch: the same rows in English
    qtbot.waitUntil(lambda: queue.data(queue.index(0, 2)) != said[queue.rows[0].kind])
    english = {queue.rows[row].kind: queue.data(queue.index(row, 2)) for row in range(3)}
    assert english["hold"] == "address undeliverable: postal code '5066' is not valid for DE"
    assert english["short_pick"].endswith(": 1 missing (empty), reported by Pia")
    if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
        qtbot.wait(100)  # every widget has had its LanguageChange
        home.grab().save(os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "lead-en.png"))
    chinese.apply("zh_CN")
    home.exceptions.view.selectRow([q.kind for q in queue.rows].index("hold"))
    home.exceptions.choose("release_hold")
    home.exceptions.resolve_button.click()
    assert home.message.kind == "ok"
    assert home.message.text().endswith("已处理：web/SO-H 将在下一次库存分配中处理")


def test_the_order_lookup_names_the_status_in_chinese(
    qtbot, tmp_path, sqlite_url, run_cli, chinese
):
    """The lookup's heading says where the order stands in the lead's language, not the stored
    English word (every status of app/domain/orders.py has its word)."""
    from app.domain.orders import OrderStatus
    from ui.lead.lookup_tab import status_text

    words = {status.value: status_text(status.value) for status in OrderStatus}
    assert words["shipped"] == "已发运" and words["partially_returned"] == "部分退货"
    assert not any(ENGLISH_RUN.search(w) or w.isascii() for w in words.values()), words
    site = build_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    home.lookup.query.setText("web/SO-M")
    home.lookup.find_button.click()
    qtbot.waitUntil(lambda: home.lookup.shown is not None, timeout=5000)
    status = home.lookup.shown.status
    assert status_text(status) in home.lookup.heading.text()
    assert f" {status} " not in home.lookup.heading.text()
