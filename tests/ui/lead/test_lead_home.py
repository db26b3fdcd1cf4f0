"""The lead console driven like a lead would, against a real SQLite central database."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from sqlalchemy import insert, select, update

from app.domain.events import Actor, Event
from app.scanning.interpret import interpret
from app.services import sync
from app.services.lead.console import LeadConsole
from db.schema import exceptions, orders, pick_lists, pick_tasks, products, stations
from tests.integration.lead.site import STATION, build_site, confirm_task, list_ids, short_task
from ui.lead import LeadHome
from ui.lead.board_tab import ReassignDialog
from ui.worker import DatabaseWorker, SynchronousWorker


def drop_on(picker_list, name, mime) -> None:
    """Deliver a real drop event on the picker's row, as a mouse release would."""
    (item,) = picker_list.findItems(name, Qt.MatchFlag.MatchExactly)
    where = QPointF(picker_list.visualItemRect(item).center())
    event = QDropEvent(
        where,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    picker_list.dropEvent(event)
    assert event.isAccepted()


def open_home(qtbot, site, user=None, worker=None):
    console = LeadConsole(site.central.uow, user or site.lead, STATION)
    home = LeadHome(console, worker or SynchronousWorker(), poll_ms=60_000)
    qtbot.addWidget(home)
    home.resize(1400, 900)
    return home


def test_plan_preview_and_release_from_the_waves_tab(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    home = open_home(qtbot, site)
    home.waves.capacity.setValue(3)
    home.waves.preview_button.click()
    assert home.waves.carts.rowCount() >= 2
    assert "orders" in home.waves.totals.text() and "min" in home.waves.totals.text()
    assert home.board.lists.rowCount() == 0
    home.waves.release_button.click()
    assert home.board.lists.rowCount() == home.board.lists.rowCount() > 0
    assert {r.status for r in home.board.lists.rows} == {"released"}
    assert {r.status for r in site.rows(select(orders.c.status))} == {"released"}
    assert home.message.kind == "ok"


def test_a_filter_that_matches_nothing_says_so(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    home = open_home(qtbot, site)
    home.waves.carrier.setText("Nobody Express")
    home.waves.preview_button.click()
    assert home.waves.carts.rowCount() == 0 and not home.waves.release_button.isEnabled()


def test_drag_a_list_onto_another_picker_mid_way(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    first = list_ids(site)[0]
    home.board.list_view.selectRow(0)
    ReassignDialog.exec = lambda dialog: (dialog.picker.setCurrentText("Pia"), 1)[1]
    try:
        home.board.buttons["reassign"].click()  # the dialog way
    finally:
        del ReassignDialog.exec
    assert home.board.lists.rows[0].assignee == "Pia"
    tasks = site.rows(
        select(pick_tasks.c.id).where(pick_tasks.c.pick_list_id == first).order_by(pick_tasks.c.seq)
    )
    confirm_task(site, tasks[0].id, "Pia")

    mime = home.board.lists.mimeData([home.board.lists.index(0, 0)])  # the drag-and-drop way
    drop_on(home.board.picker_list, "Paul", mime)

    row = home.board.lists.rows[0]
    assert (row.id, row.assignee, row.done) == (first, "Paul", 1)
    picked_by = [
        r.picked_by
        for r in site.rows(
            select(pick_tasks.c.picked_by)
            .where(pick_tasks.c.pick_list_id == first)
            .order_by(pick_tasks.c.seq)
        )
    ]
    assert picked_by[0] == "Pia" and set(picked_by[1:]) == {None}
    assert (
        site.rows(select(pick_lists.c.assignee_id).where(pick_lists.c.id == first))[0][0]
        == site.paul.id
    )


def test_hold_and_cancel_a_wave_from_the_board(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    status = home.board.waves.index(0, 1).data()
    assert status == "released"  # on the floor: not "waiting", the word for an unclaimed list
    home.board.wave_view.selectRow(0)
    home.board.buttons["hold"].click()
    assert {r.status for r in home.board.lists.rows} == {"held"}
    home.board.confirm = lambda question: True
    home.board.buttons["cancel"].click()
    assert home.board.lists.rowCount() == 0
    assert {r.status for r in site.rows(select(orders.c.status))} == {"received"}


@pytest.mark.parametrize(
    ("kind", "resolution"),
    [
        ("short_pick", "reallocate"),
        ("short_pick", "backorder"),
        ("short_pick", "mark_damaged"),
        ("short_pick", "cancel_line"),
        ("pack_mismatch", "acknowledge"),
        ("printer_failure", "acknowledge"),
        ("pack_override", "acknowledge"),
        ("late", "prioritise"),
        ("hold", "release_hold"),
    ],
)
def test_resolve_each_kind_from_the_queue(qtbot, tmp_path, sqlite_url, run_cli, kind, resolution):
    site = build_site(tmp_path, sqlite_url, run_cli)
    milk, order_ref = site.rows(
        select(pick_tasks.c.id, orders.c.id)
        .join(products)
        .join(orders, orders.c.order_id == "SO-M")
        .where(products.c.sku == "MILK")
    )[0]
    if kind == "short_pick":
        short_task(site, milk, "Pia", 1, order_ref)
    elif kind == "late":
        site.run(
            update(orders)
            .where(orders.c.id == order_ref)
            .values(ship_by=datetime.now(UTC) - timedelta(hours=1))
        )
    elif kind == "hold":
        site.run(
            update(orders)
            .where(orders.c.id == order_ref)
            .values(status="on_hold", reason="address check")
        )
    else:
        site.run(
            insert(exceptions).values(
                kind=kind,
                status="open",
                order_ref=order_ref,
                details={"summary": "printer 2 out of labels"},
                created_at=datetime.now(UTC),
                note="",
            )
        )
    home = open_home(qtbot, site)
    assert home.exceptions.queue.rowCount() == 1
    assert "(1)" in home.tabs.tabText(2)
    home.exceptions.view.selectRow(0)
    home.exceptions.choose(resolution)
    home.exceptions.note.setText("checked at the shelf")
    home.exceptions.resolve_button.click()
    assert home.message.kind == "ok", home.message.text()
    assert home.exceptions.queue.rowCount() == 0
    status, priority = site.rows(
        select(orders.c.status, orders.c.priority).where(orders.c.id == order_ref)
    )[0]
    expected = {"late": ("released", 9), "hold": ("received", 0)}
    if kind in expected:
        assert (status, priority) == expected[kind]
    else:
        assert site.rows(select(exceptions.c.note))[0][0] == "checked at the shelf"


def test_kpis_tab_shows_figures_and_exports_csv(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    # Inside one clock hour two hours ago: 3 lines in 1 working hour, well within the shift.
    now = (datetime.now(UTC) - timedelta(hours=2)).replace(minute=20)
    with site.uow() as uow:
        uow.events.add_all(
            [
                Event(
                    "pick.confirmed",
                    {"quantity": 2},
                    Actor("Pia", "p1"),
                    None,
                    now - timedelta(minutes=m),
                )
                for m in (5, 10, 15)
            ]
            + [Event("scan.refused", {}, Actor("Pia", "p1"), None, now - timedelta(minutes=3))]
        )
        uow.commit()
    home = open_home(qtbot, site)
    assert home.kpis.report is None  # nothing computed until the lead opens the tab
    home.tabs.setCurrentWidget(home.kpis)
    assert home.kpis.report.good_scans == 3
    assert "250.0" in home.kpis.figures["accuracy"].text()
    table = home.kpis.rates.table
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[:3] == ["Pia", "picker", "3.0"]  # 3 lines in one clock hour
    target = tmp_path / "kpis.csv"
    home.kpis.export(str(target))
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == ["section", "name", "metric", "value"]
    assert ["pick_rate", "Pia", "lines_per_hour", "3.00"] in rows


def test_scan_a_tote_or_type_an_order_to_see_its_timeline(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    home.lookup.query.setText("web/SO-M")
    home.lookup.find_button.click()
    steps = [
        home.lookup.timeline.index(r, 1).data() for r in range(home.lookup.timeline.rowCount())
    ]
    assert steps[:2] == ["Imported", "Stock reserved"] and "Pick (still open)" in steps
    home.handle_scan(interpret("SO-1"))
    assert home.tabs.currentWidget() is home.lookup
    assert home.lookup.shown.order == "web/SO-1"


def test_a_picker_gets_a_refusal_not_the_board(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site, user=site.pia)
    assert home.message.kind == "error" and "only a shift lead" in home.message.text()
    assert home.board.lists.rowCount() == 0


def test_the_board_loads_off_the_ui_thread(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    worker = DatabaseWorker()
    try:
        # Not handed to qtbot: the test deletes it itself, as a sign-out does.
        home = LeadHome(LeadConsole(site.central.uow, site.lead, STATION), worker, 60_000)
        assert home.board.lists.rowCount() == 0  # nothing yet: the query runs on the worker
        qtbot.waitUntil(lambda: home.board.lists.rowCount() == len(list_ids(site)), timeout=5000)
        home.poll(force=True)  # the lead signs out while this poll is on the worker
        home.deleteLater()
        qtbot.wait(300)  # its late result must find no widget and do nothing
    finally:
        worker.shutdown()


def test_shipshape_run_gives_badge_and_pin_the_lead_console(qtbot, tmp_path, sqlite_url, run_cli):
    """The composition root: sign in as a lead in the station window, land on the console."""
    from tests.ui.stations import station_on

    site = build_site(tmp_path, sqlite_url, run_cli)
    # One database thread for the whole station, as in shipshape run.
    station = station_on(site.central, "LEAD-01", tmp_path, window=True)
    window = station.window
    qtbot.addWidget(window)
    window.show()
    try:
        window.handle_scan("B:1011")
        qtbot.waitUntil(lambda: window.sign_in.pin_field.isVisible(), timeout=5000)
        qtbot.keyClicks(window.sign_in.pin_field, "246810")
        qtbot.keyClick(window.sign_in.pin_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(window.home, LeadHome), timeout=5000)
        home = window.home
        qtbot.waitUntil(lambda: home.board.lists.rowCount() == len(list_ids(site)), timeout=5000)
        window.handle_scan("SO-2")  # a scanned order number opens its timeline
        qtbot.waitUntil(lambda: home.lookup.shown is not None, timeout=5000)
        assert home.lookup.shown.order == "web/SO-2"
    finally:
        station.stop()


def test_a_poll_with_the_same_lists_updates_rows_in_place(qtbot, tmp_path, sqlite_url, run_cli):
    """The lead scrolled and selected a list: a refresh must not throw them back to the top."""
    site = build_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    model, view = home.board.lists, home.board.list_view
    view.selectRow(1)
    chosen = model.rows[1].id
    confirm_task(
        site,
        site.rows(
            select(pick_tasks.c.id)
            .where(pick_tasks.c.pick_list_id == chosen)
            .order_by(pick_tasks.c.seq)
        )[0][0],
        "Pia",
    )
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        home.poll(force=True)
    assert model.rows[1].done == 1
    assert home.board.selected_list_ids() == [chosen]


def test_the_stations_tab_shows_each_stations_sync_state(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    sync.report_status(site.central.uow(), "PICK-01", "Pia", 0)
    sync.report_status(site.central.uow(), "PACK-02", "Ben", 37)
    with site.central.engine.begin() as conn:  # PACK-02 has not been heard from for 10 minutes
        long_ago = datetime.now(UTC) - timedelta(minutes=10)
        conn.execute(
            update(stations).where(stations.c.name == "PACK-02").values(last_seen=long_ago)
        )
    home = open_home(qtbot, site)
    rows = {row["name"]: row for row in home.stations.stations.rows}
    assert rows["PICK-01"]["online"] and not rows["PACK-02"]["online"]
    assert rows["PACK-02"]["facts_waiting"] == 37
    assert home.tabs.tabText(home.tabs.indexOf(home.stations_tab)) == "Stations (1 offline)"


def test_the_short_pick_leads_the_queue_with_counts_and_a_filter(
    qtbot, tmp_path, sqlite_url, run_cli
):
    site = build_site(tmp_path, sqlite_url, run_cli)
    milk, order_ref = site.rows(
        select(pick_tasks.c.id, orders.c.id)
        .join(products)
        .join(orders, orders.c.order_id == "SO-M")
        .where(products.c.sku == "MILK")
    )[0]
    site.run(
        update(orders)
        .where(orders.c.id != order_ref)
        .values(ship_by=datetime.now(UTC) - timedelta(days=2))
    )
    short_task(site, milk, "Pia", 1, order_ref)
    home = open_home(qtbot, site)
    tab = home.exceptions
    late = tab.total - 1
    assert late >= 1
    assert tab.queue.rows[0].kind == "short_pick"  # first, though the late orders are older
    assert f"Short pick 1 · Late order {late}" in tab.count.text()
    tab.show_kind("late")
    assert {row.kind for row in tab.queue.rows} == {"late"}
    assert tab.queue.rowCount() == late
    assert f"({tab.total})" in home.tabs.tabText(2)  # the tab counts the whole queue
    tab.show_kind(None)
    assert tab.queue.rowCount() == tab.total
    items = [tab.kind_filter.itemText(i) for i in range(tab.kind_filter.count())]
    assert items == [f"All problems ({tab.total})", "Short pick (1)", f"Late order ({late})"]


def test_a_single_warehouse_has_no_selector(qtbot, tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    home = open_home(qtbot, site)
    home.show()
    assert not home.warehouse_corner.isVisible() and not home.kpis.compare_button.isVisible()
    assert home.console.warehouse_id is None  # no filter: everything, as before
