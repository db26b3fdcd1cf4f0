"""The Waves tab's cart weight and volume limits and its "Planning…" state, against a real
SQLite central."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from sqlalchemy import update

from app.services.lead.console import LeadConsole
from db.schema import products
from tests.integration.lead.site import STATION
from tests.integration.lead.waves_site import milk_and_bolt_site, refs
from ui.lead import LeadHome
from ui.worker import DatabaseWorker, SynchronousWorker


class GatedConsole(LeadConsole):
    """The real console, whose plans wait until the test lets them go: a slow plan."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.gate = threading.Event()
        self.plans = 0

    def plan(self, *args):
        self.plans += 1
        assert self.gate.wait(20)
        return super().plan(*args)


def open_home(qtbot, console, worker) -> LeadHome:
    home = LeadHome(console, worker, poll_ms=60_000)
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.tabs.setCurrentWidget(home.waves)
    home.show()
    qtbot.waitExposed(home)
    return home


def test_the_weight_typed_on_the_keyboard_reaches_the_plan(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, LeadConsole(site.central.uow, site.lead, STATION), SynchronousWorker())
    waves = home.waves
    waves.capacity.setValue(3)
    waves.capacity.setFocus()
    qtbot.waitUntil(waves.capacity.hasFocus)

    qtbot.keyClick(waves.capacity, Qt.Key.Key_Tab)  # the field right after "Orders per cart"
    assert waves.max_weight.hasFocus()
    qtbot.keyClicks(waves.max_weight, "2,5x")  # a comma is a decimal point; letters are not taken
    qtbot.keyClick(waves.max_weight, Qt.Key.Key_Return)  # Enter previews

    assert waves.max_weight.text() == "2,5"
    assert waves.wave is not None and waves.wave.plan["max_weight_kg"] == 2.5
    names = {ref: name for name, ref in refs(site).items()}
    carts = [{names[r] for r in cart.order_refs} for cart in waves.wave.pick_lists]
    assert not any({"SO-M", "SO-M2"} <= cart for cart in carts)  # 3.09 kg: never one cart

    waves.max_weight.clear()  # empty: no limit, and the MILK orders share a cart again
    waves.preview_button.click()
    assert waves.wave.plan["max_weight_kg"] is None
    assert {"SO-M", "SO-M2"} in [{names[r] for r in c.order_refs} for c in waves.wave.pick_lists]


def test_the_volume_typed_on_the_keyboard_reaches_the_plan(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    site.run(  # MILK 2 l a unit: SO-M (2 MILK) and SO-M2 (1 MILK) take 6 l together
        update(products)
        .where(products.c.sku == "MILK")
        .values(length_cm=10.0, width_cm=10.0, height_cm=20.0)
    )
    home = open_home(qtbot, LeadConsole(site.central.uow, site.lead, STATION), SynchronousWorker())
    waves = home.waves
    waves.capacity.setValue(3)
    waves.max_weight.setFocus()
    qtbot.waitUntil(waves.max_weight.hasFocus)

    qtbot.keyClick(waves.max_weight, Qt.Key.Key_Tab)  # the field right after the weight
    assert waves.max_volume.hasFocus()
    qtbot.keyClicks(waves.max_volume, "5,5l")  # a comma is a decimal point; letters are not taken
    qtbot.keyClick(waves.max_volume, Qt.Key.Key_Return)  # Enter previews

    assert waves.max_volume.text() == "5,5"
    assert waves.wave is not None and waves.wave.plan["max_volume_l"] == 5.5
    assert waves.wave.plan["max_weight_kg"] is None  # the weight field stayed empty
    names = {ref: name for name, ref in refs(site).items()}
    carts = [{names[r] for r in cart.order_refs} for cart in waves.wave.pick_lists]
    assert not any({"SO-M", "SO-M2"} <= cart for cart in carts)  # 6 l: never one cart

    waves.max_volume.setText("5.5")  # a point does the same
    waves.preview_button.click()
    assert waves.wave.plan["max_volume_l"] == 5.5

    waves.max_volume.clear()  # empty: no limit, and the MILK orders share a cart again
    waves.preview_button.click()
    assert waves.wave.plan["max_volume_l"] is None
    assert {"SO-M", "SO-M2"} in [{names[r] for r in c.order_refs} for c in waves.wave.pick_lists]


def test_the_preview_button_is_greyed_while_the_plan_runs(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    console = GatedConsole(site.central.uow, site.lead, STATION)
    worker = DatabaseWorker()
    try:
        waves = open_home(qtbot, console, worker).waves
        waves.preview_button.click()

        assert not waves.preview_button.isEnabled()
        assert waves.totals.text() == "Planning… (a few seconds)"
        waves.preview()  # Enter in a field meanwhile starts no second plan
        console.gate.set()
        qtbot.waitUntil(waves.preview_button.isEnabled, timeout=20_000)

        assert console.plans == 1
        assert waves.carts.rowCount() >= 1 and waves.release_button.isEnabled()
        assert waves.totals.text().startswith("Wave ")
    finally:
        console.gate.set()
        worker.shutdown()


def test_a_refused_plan_gives_the_button_back_and_says_why(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    console = GatedConsole(site.central.uow, site.lead, STATION)
    worker = DatabaseWorker()
    try:
        waves = open_home(qtbot, console, worker).waves
        waves.max_weight.setText("0")  # the planner refuses a cart that takes nothing
        waves.preview_button.click()
        assert not waves.preview_button.isEnabled()
        console.gate.set()
        qtbot.waitUntil(waves.preview_button.isEnabled, timeout=20_000)

        assert waves.totals.text() == (
            "the weight limit per cart must be more than 0 kg (none: no limit), got 0.0"
        )
        assert not waves.release_button.isEnabled() and waves.carts.rowCount() == 0
    finally:
        console.gate.set()
        worker.shutdown()


def test_a_volume_of_nothing_is_refused_on_the_tab(qtbot, tmp_path, sqlite_url, run_cli):
    site = milk_and_bolt_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, LeadConsole(site.central.uow, site.lead, STATION), SynchronousWorker())
    waves = home.waves
    waves.max_volume.setText("0,0")
    waves.preview_button.click()

    assert waves.totals.text() == (
        "the volume limit per cart must be more than 0 l (none: no limit), got 0.0"
    )
    assert waves.preview_button.isEnabled() and not waves.release_button.isEnabled()
