"""The packing use cases against a real (SQLite) central database seeded with the demo site."""

import pytest
from sqlalchemy import select

from app.domain.events import Actor
from app.domain.gs1 import has_valid_check_digit
from app.domain.users import Role, User
from app.errors import NotAllowed, NotFound
from app.scanning.interpret import interpret
from app.services.packing_central import CentralPackingBackend, CentralSerialCounter
from db.schema import events, exceptions, order_lines, orders, package_items, packages, totes
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.packing_driver import Packer

PACKER = User("陈静", Role.PACKER, "1007")


def pack_everything(backend, order, final=True):
    view = backend.open_for_packing(interpret(f"T:{order.tote}"), PACKER)
    session = Packer(view, Actor(PACKER.name, "pack-1"))
    backend.record([session.started()])
    for line in order.lines:
        for text in line.unit_scans():
            verdict = session.scan_item(interpret(text))
            assert verdict.ok, verdict
            backend.record(list(verdict.facts))
    carton = session.suggested_carton()
    numbers = backend.allocate_numbers(view)
    weight = session.expected_kg(carton)
    closed = session.close_carton(carton, weight, "scale", numbers, final=final)
    backend.record([closed.fact])
    return view, session, closed


def test_a_tote_opens_its_order_and_a_closed_carton_becomes_a_packed_shipment(central):
    order = pick_into_tote(central, released_orders(central, 2)[0], "0101")
    backend = CentralPackingBackend(central.uow, "pack-1")
    view, session, closed = pack_everything(backend, order)
    assert view.order_id == order.order_id and not view.flags
    assert closed.final and closed.index == closed.count == 1
    assert has_valid_check_digit(closed.numbers.sscc) and len(closed.numbers.sscc) == 18
    with central.engine.connect() as conn:
        assert (
            conn.execute(select(orders.c.status).where(orders.c.id == order.order_ref)).scalar()
            == "packed"
        )
        packed = conn.execute(
            select(order_lines.c.packed, order_lines.c.quantity).where(
                order_lines.c.order_id == order.order_ref
            )
        ).all()
        assert all(p == q for p, q in packed)
        assert conn.execute(select(packages.c.sscc)).scalars().all() == [closed.numbers.sscc]
        assert conn.execute(select(totes.c.order_id).where(totes.c.code == "0101")).scalar() is None
        trail = conn.execute(
            select(events.c.kind, events.c.station, events.c.user_name).where(
                events.c.order_ref == order.order_ref
            )
        ).all()
    kinds = [k for k, _, _ in trail]
    assert {"pack.started", "pack.item", "package.closed", "order.packed"} <= set(kinds)
    assert {(s, u) for k, s, u in trail if k.startswith("pack")} == {("pack-1", PACKER.name)}


def test_two_cartons_share_the_tracking_number_and_each_get_an_sscc(central):
    order = pick_into_tote(central, released_orders(central, 2)[0], "0102")
    backend = CentralPackingBackend(central.uow, "pack-1")
    view = backend.open_for_packing(interpret(order.order_id), PACKER)
    session = Packer(view, Actor(PACKER.name, "pack-1"))
    first, rest = order.lines[0], order.lines[1:]
    for text in first.unit_scans():
        backend.record(list(session.scan_item(interpret(text)).facts))
    box = view.package_types[0]
    one = session.close_carton(
        box, session.expected_kg(box), "typed", backend.allocate_numbers(view), final=False
    )
    backend.record([one.fact])
    assert not one.final and (one.index, one.count) == (1, 2)
    for line in rest:
        for text in line.unit_scans():
            backend.record(list(session.scan_item(interpret(text)).facts))
    two = session.close_carton(
        box, session.expected_kg(box), "typed", backend.allocate_numbers(view), final=True
    )
    backend.record([two.fact])
    assert (two.index, two.count) == (2, 2)
    assert one.numbers.tracking_number == two.numbers.tracking_number
    assert one.numbers.sscc != two.numbers.sscc
    with central.engine.connect() as conn:
        assert conn.execute(
            select(packages.c.index).order_by(packages.c.index)
        ).scalars().all() == [1, 2]


def test_a_serial_already_shipped_is_refused_on_another_order(central):
    first, second = released_orders(central, 1, 1)[:2]
    backend = CentralPackingBackend(central.uow, "pack-1")
    order = pick_into_tote(central, first, "0103")
    view = backend.open_for_packing(interpret("T:0103"), PACKER)
    session = Packer(view, Actor(PACKER.name, "pack-1"))
    line = order.lines[0]
    verdict = session.scan_item(interpret(f"01{line.gtin}21SN-0001"))
    assert verdict.ok
    assert session.scan_item(interpret(f"01{line.gtin}21SN-0001")).reason in (
        "serial_repeated",
        "extra_item",
    )
    backend.record(list(verdict.facts))
    backend.record([session.override_by(User("Maria Jansen", Role.LEAD, "1011"), "test")])
    box = view.package_types[0]
    closed = session.close_carton(
        box, session.expected_kg(box), "typed", backend.allocate_numbers(view), True
    )
    backend.record([closed.fact])
    with central.engine.connect() as conn:
        assert conn.execute(select(package_items.c.serial)).scalars().all() == ["SN-0001"]
        kinds = select(exceptions.c.kind).where(exceptions.c.order_ref == first)
        assert conn.execute(kinds).scalars().all() == ["pack_override"]
    # The same product on another order: the serial has gone out already.
    again = released_orders(central, 1, 3)
    with central.engine.begin() as conn:
        conn.execute(
            order_lines.update()
            .where(order_lines.c.order_id == second)
            .values(
                product_id=conn.execute(
                    select(order_lines.c.product_id).where(order_lines.c.id == line.line_id)
                ).scalar()
            )
        )
    assert again
    other = pick_into_tote(central, second, "0104")
    view2 = backend.open_for_packing(interpret("T:0104"), PACKER)
    refused = Packer(view2, Actor(PACKER.name, "pack-1")).scan_item(
        interpret(f"01{other.lines[0].gtin}21SN-0001")
    )
    assert (refused.ok, refused.reason) == (False, "serial_shipped")


def test_unknown_tote_and_wrong_pin_say_what_to_do(central):
    backend = CentralPackingBackend(central.uow, "pack-1")
    with pytest.raises(NotFound, match="Tote 9999 holds no order"):
        backend.open_for_packing(interpret("T:9999"), PACKER)
    with pytest.raises(NotAllowed):
        backend.authenticate_lead("1011", "0000")
    assert backend.authenticate_lead("1011", "694907").role is Role.LEAD


def test_the_central_sscc_counter_never_repeats(central):
    counter = CentralSerialCounter(central.uow, "sscc-test")
    assert [counter.next_serial() for _ in range(3)] == [1, 2, 3]
