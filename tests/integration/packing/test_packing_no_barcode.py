"""An order holding a product without a barcode is packed to the end without a lead: on central
and on an offline station the view says which line has no barcode, its count is typed, and the
facts say so (`confirmed_by: typed_no_barcode`), up to central's order timeline."""

from __future__ import annotations

from sqlalchemy import select

from app.services.packing_central import CentralPackingBackend
from db.schema import events, orders, package_items
from db.station.store import StationStore
from tests.integration.packing.packing_site import loose_hardware_order
from tests.integration.packing.test_packing_checks import close, open_session, scan
from tests.integration.packing.test_station_packing import offline_backend, sync_round


def pack_all(backend, order) -> None:
    view, session = open_session(backend, order.tote)
    flags = {line.line_id: line.no_barcode for line in view.lines}
    assert flags == {line.line_id: line.no_barcode for line in order.lines}
    loose = next(line for line in order.lines if line.no_barcode)
    assert scan(backend, session, str(loose.quantity + 1)).reason == "count_too_many"
    for line in order.lines:
        for text in line.unit_scans():
            verdict = scan(backend, session, text)
            assert verdict.reason == "packed", verdict
    assert session.override is None
    assert close(backend, session, view).final


def assert_packed_with_a_typed_count(central, order) -> None:
    loose = next(line for line in order.lines if line.no_barcode)
    with central.engine.connect() as conn:
        status = conn.execute(select(orders.c.status).where(orders.c.id == order.order_ref))
        assert status.scalar_one() == "packed"
        items = conn.execute(
            select(package_items.c.quantity).where(package_items.c.order_line_id == loose.line_id)
        )
        assert sum(items.scalars()) == loose.quantity
        payloads = conn.execute(
            select(events.c.payload).where(
                events.c.kind == "pack.item", events.c.order_ref == order.order_ref
            )
        ).scalars()
        typed = [p for p in payloads if p["line_id"] == loose.line_id]
    assert [
        (p["quantity"], p["item_scanned"], p["no_barcode"], p["confirmed_by"]) for p in typed
    ] == [(loose.quantity, False, True, "typed_no_barcode")]


def test_central_packs_an_order_with_loose_hardware_without_an_override(central):
    order = loose_hardware_order(central, "0951")
    pack_all(CentralPackingBackend(central.uow, "pack-1"), order)
    assert_packed_with_a_typed_count(central, order)


def test_an_offline_station_packs_it_too_and_central_gets_the_typed_count(
    central, dead_central, tmp_path
):
    order = loose_hardware_order(central, "0952")
    store = StationStore(tmp_path / "station.sqlite", "pack-7")
    sync_round(store, central)  # online once: the order's view, with its no-barcode line
    pack_all(offline_backend(store, dead_central), order)
    sync_round(store, central)
    assert_packed_with_a_typed_count(central, order)


def test_the_lead_timeline_shows_the_typed_count(central):
    from app.domain.users import Role, User
    from app.services.lead.reports import order_timeline

    order = loose_hardware_order(central, "0953")
    pack_all(CentralPackingBackend(central.uow, "pack-1"), order)
    lead = User("Maria Jansen", Role.LEAD, "1011")
    timeline = order_timeline(central.uow(), lead, order.order_id)
    packed = [str(e.detail) for e in timeline.entries if e.what == "pack.item"]
    typed = [detail for detail in packed if "count typed: the product has no barcode" in detail]
    assert len(typed) == 1 and len(packed) > 1
