"""The sync status widget and the lead's stations table show what the sync thread reports."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from app.services.sync import SyncStatus
from ui.sync_status import StationsTable, SyncStatusBridge, SyncStatusWidget


def test_status_from_the_sync_thread_shows_offline_and_waiting_facts(qtbot):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    bridge = SyncStatusBridge()
    bridge.changed.connect(widget.show_status)
    assert "Offline" in widget.text() and "not synced yet" in widget.text()
    last = datetime(2026, 11, 29, 14, 2, 11, tzinfo=UTC)
    offline = SyncStatus("station-1", False, 12, last, "OperationalError: connection refused")
    with qtbot.waitSignal(bridge.changed):
        threading.Thread(target=bridge.report, args=(offline,)).start()
    assert "Offline" in widget.text() and "waiting to sync: 12" in widget.text()
    assert last.astimezone().strftime("%H:%M:%S") in widget.text()
    assert widget.property("state") == "offline" and "connection refused" in widget.toolTip()
    widget.show_status(SyncStatus("station-1", True, 0, last))
    assert "Online" in widget.text() and "waiting to sync: 0" in widget.text()
    assert widget.property("state") == "online"


def test_the_lead_sees_every_station(qtbot):
    table = StationsTable()
    qtbot.addWidget(table)
    now = datetime.now(UTC)
    table.set_rows(
        [
            {
                "name": "pick-01",
                "user_name": "Pia",
                "online": True,
                "facts_waiting": 0,
                "last_sync_at": now,
            },
            {
                "name": "pick-02",
                "user_name": None,
                "online": False,
                "facts_waiting": 37,
                "last_sync_at": now - timedelta(minutes=50),
            },
        ]
    )
    model = table.model()
    cells = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert cells[0][:4] == ["pick-01", "Pia", "● Online", "0"]
    assert cells[1][:4] == ["pick-02", "–", "● Offline", "37"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Waiting"


def test_a_station_with_a_store_shows_its_sync_state_at_the_bottom(qtbot, tmp_path):
    from app.bootstrap import open_central
    from app.domain.events import Actor, Event
    from db.station.store import StationStore
    from tests.ui.stations import station_on

    central = open_central(f"sqlite:///{tmp_path / 'central.sqlite'}")
    store = StationStore(tmp_path / "station.sqlite", "pick-07")
    store.record([Event("scan.refused", {"reason": "test"}, Actor("Pia", "pick-07"))])
    station = station_on(central, "pick-07", tmp_path, store=store, window=True)
    qtbot.addWidget(station.window)
    station.start()
    try:
        widget = station.window.statusBar().findChild(SyncStatusWidget)
        qtbot.waitUntil(lambda: widget.property("state") == "online", timeout=5000)
        qtbot.waitUntil(lambda: "waiting to sync: 0" in widget.text(), timeout=5000)
        assert "last sync" in widget.text()
    finally:
        station.stop()
        central.close()
