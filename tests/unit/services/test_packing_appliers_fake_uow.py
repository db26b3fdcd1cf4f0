"""Central's packing fact appliers (app/services/packing_appliers.py) run by the fact engine
(app/services/facts.py) on the in-memory unit of work: what each fact changes, that a fact
pushed twice changes nothing more, that a late or odd fact is never refused but goes to the
lead, and that a fact central cannot read keeps nothing of its push."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.events import Actor, Event
from app.domain.fact_payloads import LabelFailed, PackageClosed, PackItem, PackOverride, PackUndone
from app.domain.orders import OrderStatus
from app.services import facts
from tests.fakes.site import add_orders, kinds, order, stored
from tests.fakes.uow import FakeUnitOfWork

PACKER = Actor("Paul", "pack-1")
CLOSED_AT = datetime(2026, 12, 1, 14, 30, tzinfo=UTC)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    """Order SO-1 (2 GLUE, 1 BOLT) picked into tote 0001; SO-2 (1 PHONE) picked into 0002."""
    uow = FakeUnitOfWork()
    first, second = add_orders(
        uow,
        order("SO-1", ("GLUE", 2), ("BOLT", 1), status=OrderStatus.PICKED),
        order("SO-2", ("PHONE", 1), status=OrderStatus.PICKED),
    )
    uow.state.totes = {"0001": first, "0002": second}
    return uow


def ref(uow: FakeUnitOfWork, order_id: str) -> int:
    return next(o.id for o in uow.state.orders.values() if o.order_id == order_id)


def line_id(uow: FakeUnitOfWork, order_id: str, sku: str) -> int:
    (line,) = [ln for ln in stored(uow, ref(uow, order_id)).lines if ln.sku == sku]
    assert line.id is not None
    return line.id


def packed(uow: FakeUnitOfWork, order_id: str) -> list[int]:
    return [line.packed for line in stored(uow, ref(uow, order_id)).lines]


def item(
    uow: FakeUnitOfWork, order_id: str, sku: str, quantity: int = 1, serial: str | None = None
):
    payload = PackItem(
        line_id=line_id(uow, order_id, sku), sku=sku, quantity=quantity, serial=serial
    )
    return payload.fact(PACKER, ref(uow, order_id))


def sscc(order_id: str, carton: int) -> str:
    """An 18-digit SSCC of its own for each order's carton."""
    return f"0034012345{int(order_id[-1]):04d}{carton:04d}"


def carton(
    uow: FakeUnitOfWork,
    order_id: str,
    items: list[tuple[str, int, str | None]],
    *,
    final: bool = True,
    number: int = 1,
    weight_ok: bool = True,
    weight_override: str | None = None,
) -> Event:
    closed = PackageClosed(
        carton=number,
        count=number if final else number + 1,
        final=final,
        package_type="S",
        weight_kg=1.25,
        weight_source="scale",
        tracking_number=f"TRK-{order_id}",
        sscc=sscc(order_id, number),
        carrier="DHL",
        items=[
            {"line_id": line_id(uow, order_id, sku), "sku": sku, "quantity": qty, "serial": serial}
            for sku, qty, serial in items
        ],
        weight_override=weight_override,
        expected_kg=1.0,
        weight_ok=weight_ok,
    )
    return Event("package.closed", closed.to_payload(), PACKER, ref(uow, order_id), CLOSED_AT)


def test_packed_items_count_on_their_line_and_an_undo_takes_them_back(uow):
    glue, bolt = item(uow, "SO-1", "GLUE", 2), item(uow, "SO-1", "BOLT")
    facts.apply_facts(uow, [glue, bolt])
    assert packed(uow, "SO-1") == [2, 1]
    undo = PackUndone(line_id=line_id(uow, "SO-1", "GLUE"), sku="GLUE", quantity=1)
    facts.apply_facts(uow, [undo.fact(PACKER, ref(uow, "SO-1"))])
    assert packed(uow, "SO-1") == [1, 1]


def test_an_item_pushed_again_or_twice_in_one_push_is_counted_once(uow):
    glue = item(uow, "SO-1", "GLUE")
    assert facts.apply_facts(uow, [glue, glue]) == [glue.uuid, glue.uuid]
    facts.apply_facts(uow, [glue])  # the station did not hear back and pushes it again
    assert packed(uow, "SO-1") == [1, 0]
    assert [e.uuid for e in uow.state.events] == [glue.uuid]


def test_the_final_carton_packs_the_order_and_frees_its_tote(uow):
    closed = carton(uow, "SO-1", [("GLUE", 2, None), ("BOLT", 1, None)])
    facts.apply_facts(uow, [closed])
    order_ref = ref(uow, "SO-1")
    assert stored(uow, order_ref).status is OrderStatus.PACKED
    ((kind, payload, actor, at, about),) = [
        (e.kind, e.payload, e.actor, e.occurred_at, e.order_ref)
        for e in uow.state.events
        if e.kind.startswith("order.")
    ]
    assert (kind, payload["from"], actor, at, about) == (
        "order.packed",
        "picked",
        PACKER,
        CLOSED_AT,
        order_ref,
    )
    assert uow.state.totes == {"0001": None, "0002": ref(uow, "SO-2")}
    (package,) = uow.state.packages
    assert (package["tracking_number"], package["carton"]) == ("TRK-SO-1", 1)
    assert uow.state.exceptions == []


def test_a_final_carton_pushed_again_changes_nothing(uow):
    closed = carton(uow, "SO-1", [("GLUE", 2, None), ("BOLT", 1, None)])
    facts.apply_facts(uow, [closed])
    before = (
        list(uow.state.events),
        list(uow.state.packages),
        stored(uow, ref(uow, "SO-1")).status,
    )
    facts.apply_facts(uow, [closed])
    after = (list(uow.state.events), list(uow.state.packages), stored(uow, ref(uow, "SO-1")).status)
    assert after == before
    assert uow.state.exceptions == []  # not "cannot go from packed to packed"


def test_a_carton_that_is_not_the_last_leaves_the_order_and_its_tote(uow):
    facts.apply_facts(uow, [carton(uow, "SO-1", [("GLUE", 2, None)], final=False)])
    assert stored(uow, ref(uow, "SO-1")).status is OrderStatus.PICKED
    assert uow.state.totes["0001"] == ref(uow, "SO-1")
    assert len(uow.state.packages) == 1 and kinds(uow) == ["package.closed"]


@pytest.mark.parametrize("status", [OrderStatus.PICKING, OrderStatus.EXCEPTION])
def test_an_order_still_picking_or_in_exception_is_picked_then_packed(uow, status):
    uow.state.orders[ref(uow, "SO-1")].status = status  # the station packed what it had
    facts.apply_facts(uow, [carton(uow, "SO-1", [("GLUE", 2, None), ("BOLT", 1, None)])])
    moves = [
        (e.payload["from"], e.payload["to"])
        for e in uow.state.events
        if e.kind.startswith("order.")
    ]
    assert moves == [(status.value, "picked"), ("picked", "packed")]
    assert stored(uow, ref(uow, "SO-1")).status is OrderStatus.PACKED


@pytest.mark.parametrize("status", [OrderStatus.CANCELLED, OrderStatus.SHIPPED])
def test_a_late_final_carton_the_order_cannot_take_goes_to_the_lead_and_is_kept(uow, status):
    uow.state.orders[ref(uow, "SO-1")].status = status
    closed = carton(uow, "SO-1", [("GLUE", 2, None), ("BOLT", 1, None)])
    facts.apply_facts(uow, [closed])
    assert stored(uow, ref(uow, "SO-1")).status is status
    (row,) = uow.state.exceptions
    assert (row["kind"], row["order_ref"], row["status"]) == (
        "pack_status",
        ref(uow, "SO-1"),
        "open",
    )
    assert row["details"] == {"error": f"an order cannot go from {status.value} to packed"}
    assert len(uow.state.packages) == 1  # what was packed is on record
    assert uow.state.totes["0001"] == ref(uow, "SO-1")  # and its tote is not freed
    assert kinds(uow) == ["package.closed"]


def test_a_carton_off_its_weight_without_a_leads_override_goes_to_the_lead(uow):
    facts.apply_facts(uow, [carton(uow, "SO-1", [("GLUE", 2, None)], final=False, weight_ok=False)])
    (row,) = uow.state.exceptions
    assert (row["kind"], row["status"]) == ("weight_mismatch", "open")
    assert row["details"] == {
        "carton": 1,
        "weight_kg": 1.25,
        "expected_kg": 1.0,
        "sscc": sscc("SO-1", 1),
    }


def test_a_carton_off_its_weight_with_a_leads_override_is_on_record_once_resolved(uow):
    override = PackOverride(
        scope="weight",
        lead="Lea",
        reason="gift box added",
        details={"carton": 1, "problems": ["out_of_tolerance"]},
    )
    allowed = Event("pack.override", override.to_payload(), PACKER, ref(uow, "SO-1"), CLOSED_AT)
    closed = carton(
        uow,
        "SO-1",
        [("GLUE", 2, None), ("BOLT", 1, None)],
        weight_ok=False,
        weight_override=allowed.uuid,
    )
    facts.apply_facts(uow, [allowed, closed])
    (row,) = uow.state.exceptions
    assert (row["kind"], row["status"], row["resolution"], row["resolved_by"], row["note"]) == (
        "pack_override",
        "resolved",
        "override",
        "Lea",
        "gift box added",
    )
    assert row["resolved_at"] == CLOSED_AT
    assert row["details"] == override.to_payload() | {"packer": "Paul", "station": "pack-1"}
    assert stored(uow, ref(uow, "SO-1")).status is OrderStatus.PACKED


def test_a_serial_another_order_packed_already_goes_to_the_lead_with_the_second_carton(uow):
    second = add_orders(uow, order("SO-3", ("PHONE", 1), status=OrderStatus.PICKED))[0]
    facts.apply_facts(uow, [carton(uow, "SO-2", [("PHONE", 1, "SN-1")])])
    assert uow.state.exceptions == []  # the first time a serial is packed is no duplicate
    facts.apply_facts(uow, [carton(uow, "SO-3", [("PHONE", 1, "SN-1")])])
    (row,) = uow.state.exceptions
    assert (row["kind"], row["order_ref"]) == ("serial_duplicate", second)
    assert row["details"] == {
        "sscc": sscc("SO-3", 1),
        "serials": ["SN-1"],
        "station": "pack-1",
        "serial_list": "SN-1",
    }
    assert stored(uow, second).status is OrderStatus.PACKED  # packed is packed: the lead sorts it


def test_a_label_the_printer_refused_is_an_open_item_for_the_lead(uow):
    failed = LabelFailed(
        job_id="J-7", sscc=sscc("SO-1", 1), carton=1, printer="zebra-1", message="paper out"
    )
    facts.apply_facts(uow, [failed.fact(PACKER, ref(uow, "SO-1"))])
    (row,) = uow.state.exceptions
    assert (row["kind"], row["status"], row["order_ref"]) == (
        "printer_failure",
        "open",
        ref(uow, "SO-1"),
    )
    assert row["details"] == failed.to_payload()


def test_a_fact_central_cannot_read_keeps_nothing_of_its_push(uow):
    glue = item(uow, "SO-1", "GLUE")
    broken = Event("package.closed", {"carton": 1, "final": True}, PACKER, ref(uow, "SO-1"))
    with pytest.raises(TypeError, match="needs 'weight_kg'"):
        facts.apply_facts(uow, [glue, broken])
    assert packed(uow, "SO-1") == [0, 0]
    assert uow.state.events == [] and uow.commits == 1  # the orders' set-up only
    no_order = carton(uow, "SO-1", [("GLUE", 2, None)])
    with pytest.raises(ValueError, match="names no order"):
        facts.apply_facts(uow, [Event(no_order.kind, no_order.payload, PACKER, None)])
    assert uow.state.packages == []
