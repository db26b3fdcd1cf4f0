"""A lead's reassignment reaches the picker's screen from the sync thread (its `on_work`, over
the UI-thread bridge), not at the screen's own 20 s still-mine poll. The station is the one
`shipshape run --station-store` builds (station/), with its threads running."""

from __future__ import annotations

from app.domain.users import Role
from app.services import lead, users
from db.station.store import StationStore
from tests.ui.stations import station_on
from ui.picker import PickerHome


def test_a_reassignment_reaches_the_picker_screen_without_the_poll(qtbot, demo_central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", "PICK-12")
    station = station_on(demo_central, "PICK-12", tmp_path, store=store, window=True)
    window = station.window
    qtbot.addWidget(window)
    station.start()
    try:
        # The first sync round fills the store's copy of the users: then badges sign in here.
        qtbot.waitUntil(lambda: station.sync.status.last_sync is not None, timeout=15000)
        window.handle_scan("B:1001")
        qtbot.waitUntil(lambda: isinstance(window.home, PickerHome), timeout=15000)
        home = window.home
        qtbot.waitUntil(lambda: home.state is not None, timeout=15000)
        home._still_mine_timer.stop()  # the old way of noticing is off: only on_work is left
        list_id = home.state.pick_list.id

        maria = users.find_user(demo_central.uow(), "1011")
        assert maria is not None and maria.role is Role.LEAD
        lead.reassign(demo_central.uow(), maria, [list_id], "Jan de Boer", "LEAD-01")

        # SQLite has no NOTIFY: the sync thread's next round (poll 5 s) pulls the change.
        qtbot.waitUntil(lambda: home.state is None, timeout=12000)
        assert home.pages.currentWidget() is home.idle
        assert home.banner.kind == "error" and "someone else" in home.banner.text()
    finally:
        station.stop()
