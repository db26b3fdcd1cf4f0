"""Top-up and re-balance from the lead's board, through the real widgets and use cases on a
real SQLite central; the board fits 1280×800 with the preview shown, in English and Chinese."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.domain.events import Actor
from app.services.picking_appliers import claim_next
from app.services.waves import WaveFilter, plan_wave, save_wave
from db.schema import events, orders
from tests.integration.lead.waves_site import add_orders, carts, milk_and_bolt_site, mixed_wave
from tests.integration.site_files import order_row
from tests.ui.fit import SCREEN, fit_problems, settle
from tests.ui.lead.test_lead_chinese import ENGLISH_RUN, chinese  # noqa: F401 - a fixture
from tests.ui.lead.test_lead_home import open_home
from ui.app import load_fonts, load_stylesheet, use_fonts

MIXED = [["SO-M", "SO-B1"], ["SO-M2", "SO-B2"]]


def select_wave(home, name_part: str) -> None:
    row = next(i for i, w in enumerate(home.board.waves.rows) if name_part in w.name)
    home.board.wave_view.selectRow(row)


def test_top_up_a_planned_wave_from_the_board(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    save_wave(site.uow(), plan_wave(site.uow(), 3, WaveFilter()), False)
    add_orders(site, tmp_path, sqlite_url, run_cli, order_row("SO-M3", "MILK", "1"))
    home = open_home(qtbot, site)
    home.board.wave_view.selectRow(0)
    assert home.board.buttons["top_up"].isEnabled()
    assert not home.board.buttons["rebalance"].isEnabled()  # planned, not released
    lines = sum(r.total for r in home.board.lists.rows)

    home.board.buttons["top_up"].click()

    assert home.message.kind == "ok"
    assert "1 order(s) joined wave" in home.message.text()
    assert next(c for c in carts(site).values() if "SO-M3" in c) == {"SO-M", "SO-M2", "SO-M3"}
    assert sum(r.total for r in home.board.lists.rows) == lines + 1  # the board reloaded


def test_rebalance_preview_then_apply(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    mixed_wave(site, MIXED, 2, release=True)
    home = open_home(qtbot, site)
    board = home.board
    assert not board.apply_button.isVisible() and not board.rebalance_text.isVisible()
    select_wave(home, "W-MIX")
    assert board.buttons["rebalance"].isEnabled() and not board.buttons["top_up"].isEnabled()

    board.buttons["rebalance"].click()

    text = board.rebalance_text.text()
    assert "walking saved" in text and "%" in text and board.apply_button.isEnabled()
    assert sorted(map(sorted, carts(site).values())) == sorted(map(sorted, MIXED))  # not yet
    board.apply_button.click()

    assert home.message.kind == "ok" and "re-balanced: walking saved" in home.message.text()
    assert sorted(map(sorted, carts(site).values())) == [["SO-B1", "SO-B2"], ["SO-M", "SO-M2"]]
    assert site.rows(select(events.c.user_name).where(events.c.kind == "wave.rebalanced")) == [
        ("Lena",)
    ]
    assert board.rebalance is None and not board.apply_button.isVisible()


def test_a_station_claiming_after_the_preview_wins(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    mixed_wave(site, MIXED, 2, release=True)
    home = open_home(qtbot, site)
    select_wave(home, "W-MIX")
    home.board.buttons["rebalance"].click()
    with site.uow() as uow:  # a picker's station claims a cart meanwhile
        claim_next(uow, Actor("Pia", "picker-1"), "1001", datetime.now(UTC))
        uow.commit()

    home.board.apply_button.click()

    assert home.message.kind == "error" and "preview again" in home.message.text()
    assert sorted(map(sorted, carts(site).values())) == sorted(map(sorted, MIXED))
    statuses = {s for (s,) in site.rows(select(orders.c.status))}
    assert statuses == {"released"}


def _board_fits(qtbot, tmp_path, sqlite_url, run_cli, shot: str):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    mixed_wave(site, MIXED, 2, release=True)
    home = open_home(qtbot, site)
    home.resize(SCREEN)
    home.show()
    home.tabs.setCurrentWidget(home.board)
    qtbot.waitExposed(home)
    select_wave(home, "W-MIX")
    home.board.buttons["rebalance"].click()
    settle()
    if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
        home.grab().save(os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], shot))
    names = {w.objectName() for w in home.board.findChildren(QWidget)} - {""}
    problems = [p for p in fit_problems(home) if any(n in p for n in names) or "window" in p]
    return home, problems


@pytest.fixture
def floor_style(qapp):
    """The bundled fonts and the floor style, as `shipshape run` shows English."""
    font, style = qapp.font(), qapp.styleSheet()
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(style)


def test_the_board_with_a_preview_fits_in_english(
    qtbot, tmp_path, sqlite_url, run_cli, floor_style
):
    _, problems = _board_fits(qtbot, tmp_path, sqlite_url, run_cli, "lead_rebalance.png")
    assert not problems


def test_the_board_with_a_preview_reads_and_fits_in_chinese(
    qtbot,
    tmp_path,
    sqlite_url,
    run_cli,
    chinese,  # noqa: F811
):
    home, problems = _board_fits(qtbot, tmp_path, sqlite_url, run_cli, "lead_rebalance_zh.png")
    board = home.board
    for text in (board.rebalance_text.text(), board.buttons["top_up"].text()):
        assert not ENGLISH_RUN.search(text), text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert not problems
