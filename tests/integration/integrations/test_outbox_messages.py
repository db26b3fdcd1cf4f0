"""The outbox on SQLite: each order change writes its message in the change's transaction, with
the §12 format; `order.shipped` carries the cartons as packed; endpoints get what they want."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.domain.events import Actor, Event
from app.services import dispatch_close, holds, integrate
from db.integration_store import SqlIntegrationStore
from db.schema import integration_deliveries, integration_messages, orders
from station.demo_dispatch import pack_demo_orders
from station.demo_packing import demo_central
from tests.integration.dispatch.story import LEAD, cutoff_passed, load, loading

SETUP = Actor("setup", "cli")
SECRET = "s3cret-s3cret-s3cret"


def endpoints(folder) -> dict:
    return {
        "endpoints": [
            {"name": "shop", "kind": "webhook", "url": "http://127.0.0.1:9/hook",
             "secret": SECRET, "kinds": ["order.shipped", "order.held"]},
            {"name": "erp", "kind": "file", "folder": str(folder)},
        ]
    }  # fmt: skip


def messages(central) -> list[dict]:
    query = select(integration_messages.c.body).order_by(integration_messages.c.seq)
    with central.engine.connect() as conn:
        return [json.loads(body) for body in conn.execute(query).scalars()]


def test_a_shipped_order_tells_its_cartons_and_each_endpoint_gets_what_it_wants(
    tmp_path, tmp_path_factory
):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        integrate.set_endpoints(SqlIntegrationStore(central.engine), endpoints(tmp_path), SETUP)
        cartons = pack_demo_orders(central, 2, carrier="SF")
        backend, state = loading(central)
        for carton in cartons:
            state = load(backend, state, carton.sscc).state
        at, site = cutoff_passed(central, "SF")
        dispatch_close.close_carrier(central.uow(), LEAD, "SF", "LEAD-01", site, now=lambda: at)
        found = messages(central)
        with central.engine.connect() as conn:
            deliveries = conn.execute(
                select(integration_deliveries.c.endpoint, integration_messages.c.kind).join(
                    integration_messages,
                    integration_messages.c.seq == integration_deliveries.c.message_seq,
                )
            ).all()
            order_ids = dict(conn.execute(select(orders.c.id, orders.c.order_id)).all())
    finally:
        central.close()
    first = cartons[0]
    mine = [m for m in found if m["order"]["order_id"] == order_ids[first.order_ref]]
    assert [m["kind"] for m in mine] == ["order.allocated", "order.packed", "order.shipped"]
    shipped = mine[-1]
    assert set(shipped) == {"id", "kind", "occurred_at", "site", "order", "data"}
    assert shipped["site"] == site.name and shipped["occurred_at"].endswith("+00:00")
    assert shipped["order"] == {"channel": first.channel, "order_id": first.order_id}
    assert set(shipped["data"]) == {"carrier", "service", "shipments"}
    (carton,) = shipped["data"]["shipments"]
    assert (carton["carton"], carton["sscc"]) == (1, first.sscc)
    assert set(carton) == {"carton", "sscc", "tracking_number", "weight_kg", "lines"}
    assert carton["tracking_number"] and carton["weight_kg"] > 0
    assert all(set(line) == {"sku", "quantity", "lots", "serials"} for line in carton["lines"])
    assert sum(line["quantity"] for line in carton["lines"]) > 0
    shop = sorted(kind for endpoint, kind in deliveries if endpoint == "shop")
    assert shop == ["order.shipped", "order.shipped"]  # only the kinds it asked for
    erp = sorted(kind for endpoint, kind in deliveries if endpoint == "erp")
    # Every kind, but only what was written after it was set (the demo's allocations were not).
    assert erp == ["order.packed", "order.packed", "order.shipped", "order.shipped"]


def test_held_and_released_by_a_lead_and_no_message_without_the_change(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    try:
        (carton,) = pack_demo_orders(central, 1, carrier="SF")
        ref = f"{carton.channel}/{carton.order_id}"
        holds.hold_order(central.uow(), LEAD, ref, "address to check", "LEAD-01")
        holds.release_hold(central.uow(), LEAD, ref, "checked", "LEAD-01")
        with central.uow() as uow:  # a change rolled back writes no message either
            uow.events.add_all(
                [Event("order.cancelled", {"from": "packed"}, order_ref=carton.order_ref)]
            )
        found = messages(central)
    finally:
        central.close()
    assert [m["kind"] for m in found][-3:] == ["order.packed", "order.held", "order.released"]
    held = found[-2]["data"]
    assert held == {"status": "on_hold", "previous_status": "packed", "reason": "address to check",
                    "note": "address to check"}  # fmt: skip
    assert found[-1]["data"]["status"] == "packed"
