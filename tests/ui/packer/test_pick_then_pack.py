"""End to end as on the floor: a picker's facts fill the totes, then `shipshape run`'s own
composition (home_factories) gives badge 1007 the packer home, which packs and prints a tote."""

from __future__ import annotations

from tests.picking_script import pick_a_whole_list
from tests.ui.stations import station_on
from ui.packer import PackerHome


def test_badge_1007_packs_a_tote_the_picker_filled(qtbot, central, tmp_path, monkeypatch):
    monkeypatch.setenv("SHIPSHAPE_LABEL_PRINTER", f"file:{tmp_path / 'labels'}")
    monkeypatch.setenv("SHIPSHAPE_SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.delenv("SHIPSHAPE_SCALE", raising=False)  # no scale here: the weight is typed
    tote, tasks = pick_a_whole_list(central)
    # One database thread for the whole station, as in shipshape run.
    station = station_on(central, "PACK-01", tmp_path, window=True)
    window = station.window
    qtbot.addWidget(window)
    try:
        window.handle_scan("B:1007")
        qtbot.waitUntil(lambda: isinstance(window.home, PackerHome), timeout=15000)
        home = window.home
        window.handle_scan(f"T:{tote}")
        qtbot.waitUntil(lambda: home.state is not None, timeout=15000)
        for task in tasks:
            for unit in range(task.quantity):
                window.handle_scan(task.gtins[0])
                qtbot.waitUntil(lambda: home.message.kind == "ok", timeout=15000)
                if home.state.awaiting_serial is not None:  # an electronics item: its S/N
                    window.handle_scan(f"(21)SN{task.id}U{unit}")
                    qtbot.waitUntil(lambda: "packed" in home.message.text(), timeout=15000)
        qtbot.waitUntil(lambda: not home.state.open_lines(), timeout=15000)
        home.weight.setText(f"{home.state.expected_kg(home.carton_type.currentData()):.3f}")
        window.handle_scan("C:CONFIRM")
        qtbot.waitUntil(
            lambda: home.state.finished and "Packed" in home.message.text(), timeout=20000
        )
        printed = tmp_path / "labels"
        qtbot.waitUntil(lambda: len(list(printed.glob("*.bin"))) == 2, timeout=20000)  # label, slip
        assert all(p.read_bytes().startswith(b"%PDF") for p in printed.glob("*.bin"))
    finally:
        station.stop()
