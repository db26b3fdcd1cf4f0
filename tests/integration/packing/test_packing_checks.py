"""The packer's checks on a real central database and on an offline packing station: a serial-
required unit needs its serial (never one packed before, on any order), and a carton outside the
weight tolerance closes only with a lead's override, which central records for the lead."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.domain.events import Actor
from app.domain.users import Role, User
from app.errors import IllegalTransition
from app.scanning.interpret import interpret
from app.services.packing_central import CentralPackingBackend
from db.schema import events, exceptions, order_lines, package_items, products
from db.station.store import StationStore
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.integration.packing.test_central_packing import PACKER
from tests.integration.packing.test_station_packing import offline_backend, sync_round
from tests.packing_driver import Packer

LEAD = User("Maria Jansen", Role.LEAD, "1011")


def serial_orders(central, count: int, tote: int = 501):
    """`count` one-line orders of one product, now marked serial-required, in totes."""
    refs = released_orders(central, 1, 1)[:count]
    with central.engine.begin() as conn:
        product = conn.execute(
            select(order_lines.c.product_id).where(order_lines.c.order_id == refs[0])
        ).scalar()
        conn.execute(
            update(order_lines).where(order_lines.c.order_id.in_(refs)).values(product_id=product)
        )
        conn.execute(update(products).where(products.c.id == product).values(serial_required=True))
    return [
        pick_into_tote(central, ref, f"{tote + n:04d}", quantity=1) for n, ref in enumerate(refs)
    ]


def open_session(backend, tote: str) -> tuple:
    view = backend.open_for_packing(interpret(f"T:{tote}"), PACKER)
    return view, Packer(view, Actor(PACKER.name, "pack-1"))


def scan(backend, session, text: str):
    verdict = session.scan_item(interpret(text))
    backend.record(list(verdict.facts))
    return verdict


def close(backend, session, view, weight=None, source="scale"):
    box = view.package_types[0]
    kg = session.expected_kg(box) if weight is None else weight
    closed = session.close_carton(box, kg, source, backend.allocate_numbers(view), final=True)
    backend.record([closed.fact])
    return closed


def test_a_serial_required_unit_is_packed_with_its_serial_and_that_serial_only_once(
    central, tote: int = 501
):
    first, second = serial_orders(central, 2, tote)
    backend = CentralPackingBackend(central.uow, "pack-1")
    view, session = open_session(backend, first.tote)
    assert view.lines[0].serial_required
    assert scan(backend, session, first.lines[0].gtin).reason == "scan_serial"
    with pytest.raises(IllegalTransition, match="serial_missing"):
        close(backend, session, view)
    assert scan(backend, session, "SN-77").reason == "packed"
    close(backend, session, view)
    with central.engine.connect() as conn:
        packed = select(package_items.c.serial).where(
            package_items.c.order_line_id == first.lines[0].line_id
        )
        assert conn.execute(packed).scalars().all() == ["SN-77"]
        item = select(events.c.payload).where(
            events.c.kind == "pack.item", events.c.order_ref == first.order_ref
        )
        assert conn.execute(item).scalar_one()["serial"] == "SN-77"

    view, session = open_session(backend, second.tote)
    scan(backend, session, second.lines[0].gtin)
    assert scan(backend, session, "SN-77").reason == "serial_shipped"
    assert scan(backend, session, f"01{second.lines[0].gtin}21SN-78").reason == "packed"


def test_central_tells_the_lead_when_two_stations_packed_the_same_serial(central, tote: int = 511):
    first, second = serial_orders(central, 2, tote)
    backend = CentralPackingBackend(central.uow, "pack-1")
    sessions = [open_session(backend, order.tote) for order in (first, second)]
    for (_view, session), order in zip(sessions, (first, second), strict=True):
        assert scan(backend, session, f"01{order.lines[0].gtin}21DUP-1").ok  # neither knew
    for view, session in sessions:
        close(backend, session, view)
    with central.engine.connect() as conn:
        rows = conn.execute(
            select(exceptions.c.order_ref, exceptions.c.details).where(
                exceptions.c.kind == "serial_duplicate"
            )
        ).all()
    assert [(ref, details["serials"]) for ref, details in rows] == [(second.order_ref, ["DUP-1"])]


def test_a_carton_off_its_weight_closes_only_with_a_lead_and_central_records_it(central):
    order = pick_into_tote(central, released_orders(central, 2)[0], "0601")
    backend = CentralPackingBackend(central.uow, "pack-1")
    view, session = open_session(backend, order.tote)
    for line in order.lines:
        for _ in range(line.quantity):
            scan(backend, session, line.gtin)
    heavy = session.expected_kg(view.package_types[0]) + 1.0
    for _ in range(2):  # closing again is no way round it
        with pytest.raises(IllegalTransition, match="weight_out_of_tolerance"):
            close(backend, session, view, heavy)
    lead = backend.authenticate_lead("1011", "694907")
    override = session.override_weight(
        lead, "gift box added", view.package_types[0], heavy, "scale"
    )
    backend.record([override])
    closed = close(backend, session, view, heavy)
    assert closed.fact.payload["weight_override"] == override.uuid
    with central.engine.connect() as conn:
        rows = conn.execute(
            select(
                exceptions.c.kind,
                exceptions.c.status,
                exceptions.c.resolved_by,
                exceptions.c.note,
                exceptions.c.details,
            ).where(exceptions.c.order_ref == order.order_ref)
        ).all()
    ((kind, status, by, note, details),) = rows  # no open weight_mismatch: the lead decided
    assert (kind, status, by, note) == ("pack_override", "resolved", LEAD.name, "gift box added")
    assert details["scope"] == "weight" and details["problems"] == ["out_of_tolerance"]


def test_the_view_carries_the_products_dimensions(central):
    order = pick_into_tote(central, released_orders(central, 1, 1)[0], "0701")
    with central.engine.begin() as conn:
        product = conn.execute(
            select(order_lines.c.product_id).where(order_lines.c.id == order.lines[0].line_id)
        ).scalar()
        conn.execute(
            update(products)
            .where(products.c.id == product)
            .values(length_cm=30.0, width_cm=4.0, height_cm=4.0)
        )
    view, session = open_session(CentralPackingBackend(central.uow, "pack-1"), order.tote)
    assert view.lines[0].dimensions_cm == (30.0, 4.0, 4.0)
    assert session.suggested_carton().code != "S"  # 30 cm does not fit the 25 cm small box


def test_offline_the_same_checks_hold_and_reach_central(central, dead_central, tmp_path):
    first, second = serial_orders(central, 2, tote=801)
    store = StationStore(tmp_path / "station.sqlite", "pack-7")
    sync_round(store, central)  # online once: orders, leads, settings, numbers
    backend = offline_backend(store, dead_central)
    view, session = open_session(backend, first.tote)
    assert view.lines[0].serial_required and len(view.lines[0].dimensions_cm) == 3  # via JSON
    assert scan(backend, session, first.lines[0].gtin).reason == "scan_serial"
    assert scan(backend, session, "OFF-1").reason == "packed"
    box, heavy = view.package_types[0], session.expected_kg(view.package_types[0]) + 0.5
    with pytest.raises(IllegalTransition, match="weight_out_of_tolerance"):
        close(backend, session, view, heavy)
    lead = backend.authenticate_lead("1011", "694907")  # the cached lead, central unreachable
    backend.record([session.override_weight(lead, "padding", box, heavy, "scale")])
    close(backend, session, view, heavy)

    # The other order, same product, same station, still offline: OFF-1 is in a carton already.
    view, session = open_session(backend, second.tote)
    scan(backend, session, second.lines[0].gtin)
    assert scan(backend, session, "OFF-1").reason == "serial_shipped"

    sync_round(store, central)
    with central.engine.connect() as conn:
        assert conn.execute(select(package_items.c.serial)).scalars().all() == ["OFF-1"]
        kinds = conn.execute(select(exceptions.c.kind, exceptions.c.details)).all()
    # (the demo's orders its stock cannot cover wait as waiting_for_stock items: not packing's)
    packing = [(k, d) for k, d in kinds if k != "waiting_for_stock"]
    assert [(k, d["scope"], d["station"]) for k, d in packing] == [
        ("pack_override", "weight", "pack-1")
    ]


def test_the_sites_tolerance_applies_on_central_and_offline(central, dead_central, tmp_path):
    from db.schema import settings

    with central.engine.begin() as conn:  # a site that weighs loosely: 10 %, at least 400 g
        values = {"weight_tolerance_pct": 10, "weight_tolerance_g": 400}
        conn.execute(settings.insert().values(key="packing", value=values))
    order = pick_into_tote(central, released_orders(central, 2)[0], "0901")
    store = StationStore(tmp_path / "station.sqlite", "pack-7")
    sync_round(store, central)
    for backend in (
        CentralPackingBackend(central.uow, "pack-1"),
        offline_backend(store, dead_central),
    ):
        view, session = open_session(backend, order.tote)
        for line in order.lines:
            for text in line.unit_scans():
                session.scan_item(interpret(text))
        box = view.package_types[0]
        assert session.weight_check.tolerance_kg == 0.4
        assert session.close_refusal(True, box, session.expected_kg(box) + 0.35) is None
        assert session.close_refusal(True, box, session.expected_kg(box) + 5) == (
            "weight_out_of_tolerance"
        )
