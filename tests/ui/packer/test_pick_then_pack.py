"""End to end as on the floor: a picker's facts fill the totes, then `shipshape run`'s own
composition (home_factories) gives badge 1007 the packer home, which packs and prints a tote."""

from __future__ import annotations

from datetime import date

from app.domain.events import Actor
from app.domain.users import Role, User
from app.services.picking_central import CentralPickingBackend
from app.services.scripted_picking import picking_inputs
from app.steps import picking
from tests.ui.stations import station_on
from ui.packer import PackerHome


def pick_a_whole_list(central) -> tuple[str, list]:
    """What the picker screen records for a cart, scan by scan: totes bound, every task by its
    location, item (and lot) and tote scans, then finished."""
    picker = CentralPickingBackend(central.uow, "PICK-01")
    view = picker.my_pick_list(User("李娜", Role.PICKER, "1001"))
    state = picking.start(view, Actor("李娜", "PICK-01"))
    order_number = {slot.order_ref: n for n, slot in enumerate(view.cart, start=1)}
    for _given, verdict in picking_inputs(
        state, date.today().isoformat(), lambda slot: f"E2E-{order_number[slot.order_ref]:02d}"
    ):
        if verdict.facts:
            picker.record(list(verdict.facts))
    first = view.cart[0].order_ref
    return f"E2E-{order_number[first]:02d}", [t for t in view.tasks if t.order_ref == first]


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
