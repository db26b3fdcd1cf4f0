"""The whole floor through the real widgets of one station window: a picker's cart (recorded
scan by scan), the packer home packs the tote, the loader home loads the carton onto a cage,
and the lead console's Dispatch tab closes the carrier: the order is shipped, with a manifest."""

from __future__ import annotations

from sqlalchemy import select

from db.schema import events, orders, packages, shipments
from tests.ui.packer.test_pick_then_pack import pick_a_whole_list
from tests.ui.stations import station_on
from ui.lead import LeadHome
from ui.loader import LoaderHome
from ui.packer import PackerHome

WAIT = 20000


def pack_the_tote(qtbot, window, tote: str, tasks) -> None:
    window.handle_scan("B:1007")
    qtbot.waitUntil(lambda: isinstance(window.home, PackerHome), timeout=WAIT)
    home = window.home
    window.handle_scan(f"T:{tote}")
    qtbot.waitUntil(lambda: home.state is not None, timeout=WAIT)
    for task in tasks:
        for unit in range(task.quantity):
            window.handle_scan(task.gtins[0])
            qtbot.waitUntil(lambda: home.message.kind == "ok", timeout=WAIT)
            if home.state.awaiting_serial is not None:
                window.handle_scan(f"(21)SN{task.id}U{unit}")
                qtbot.waitUntil(lambda: "packed" in home.message.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: not home.state.open_lines(), timeout=WAIT)
    home.weight.setText(f"{home.state.expected_kg(home.carton_type.currentData()):.3f}")
    window.handle_scan("C:CONFIRM")
    qtbot.waitUntil(lambda: home.state.finished, timeout=WAIT)


def carton_of(central, order_id: str) -> tuple[int, str, str]:
    query = (
        select(orders.c.id, orders.c.carrier, packages.c.sscc)
        .join(shipments, shipments.c.order_id == orders.c.id)
        .join(packages, packages.c.shipment_id == shipments.c.id)
        .where(orders.c.order_id == order_id)
    )
    with central.engine.connect() as conn:
        return tuple(conn.execute(query).first())


def test_pick_pack_load_and_close_through_the_widgets(qtbot, central, tmp_path, monkeypatch):
    monkeypatch.setenv("SHIPSHAPE_LABEL_PRINTER", f"file:{tmp_path / 'labels'}")
    monkeypatch.setenv("SHIPSHAPE_SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.delenv("SHIPSHAPE_SCALE", raising=False)
    tote, tasks = pick_a_whole_list(central)
    station = station_on(
        central, "DOCK-01", tmp_path, window=True, manifest_dir=str(tmp_path / "manifests")
    )
    window = station.window
    qtbot.addWidget(window)
    try:
        pack_the_tote(qtbot, window, tote, tasks)
        with central.engine.connect() as conn:
            order_id = conn.execute(
                select(orders.c.order_id).where(orders.c.id == tasks[0].order_ref)
            ).scalar()
        order_ref, carrier, sscc = carton_of(central, order_id)
        window.handle_scan("C:LOGOUT")
        window.handle_scan("B:1013")  # Kofi Mensah, loader
        qtbot.waitUntil(lambda: isinstance(window.home, LoaderHome), timeout=WAIT)
        loader = window.home
        window.handle_scan("U:CAGE-01")
        qtbot.waitUntil(lambda: loader.state.unit == "CAGE-01", timeout=WAIT)
        window.handle_scan("00" + "99999999999999999")  # no such parcel: refused in red
        window.handle_scan(f"CARRIER:{carrier}")
        qtbot.waitUntil(lambda: loader.state.carrier == carrier, timeout=WAIT)
        window.handle_scan("NOSUCHPARCEL1")
        qtbot.waitUntil(lambda: loader.banner.kind == "error", timeout=WAIT)
        assert "UNKNOWN PARCEL" in loader.banner.text() and loader.tones.played[-1] == "error"
        window.handle_scan(f"]C100{sscc}")  # the label's GS1-128
        qtbot.waitUntil(lambda: len(loader.state.loaded) == 1, timeout=WAIT)
        assert loader.banner.kind == "ok" and "Order complete" in loader.banner.text()
        assert order_id in loader.parcel_label.text()
        window.handle_scan("C:LOGOUT")
        window.handle_scan("B:1011")  # a lead: the PIN is asked once central says so
        qtbot.waitUntil(lambda: not window.sign_in.pin_field.isHidden(), timeout=WAIT)
        window.sign_in.pin_field.setText("694907")
        window.sign_in.submit()
        qtbot.waitUntil(lambda: isinstance(window.home, LeadHome), timeout=WAIT)
        lead = window.home
        lead.tabs.setCurrentWidget(lead.dispatch)
        qtbot.waitUntil(lambda: bool(lead.dispatch.dock.rows), timeout=WAIT)
        lead.dispatch.carrier.setText(carrier)
        lead.dispatch.close_button.click()
        qtbot.waitUntil(lambda: lead.dispatch.closed is not None, timeout=WAIT)
        manifest, written = lead.dispatch.closed
        assert len(manifest.parcels) == 1 and manifest.orders_shipped == 1
        assert written and (tmp_path / "manifests" / f"{manifest.code}.pdf").exists()
        with central.engine.connect() as conn:
            status = conn.execute(select(orders.c.status).where(orders.c.id == order_ref)).scalar()
            shipped = conn.execute(
                select(events.c.user_name, events.c.station, events.c.payload).where(
                    events.c.kind == "order.shipped", events.c.order_ref == order_ref
                )
            ).one()
        assert status == "shipped"
        assert shipped.user_name == "Maria Jansen" and shipped.station == "DOCK-01"
        assert shipped.payload["load_unit"] == "CAGE-01"
    finally:
        station.stop()
