"""One dispatch story, run on SQLite (tests/integration) and PostgreSQL (tests/pg): packed demo
orders are loaded through the central backend, replayed, held late, closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from app.domain.events import Actor, utcnow
from app.domain.orders import OrderStatus
from app.domain.users import Role, User
from app.errors import BadInput
from app.scanning.interpret import interpret
from app.services import dispatch_close, holds
from app.services import site as site_settings
from app.services.dispatch_central import CentralDispatchBackend
from app.services.facts import apply_facts
from app.steps import dispatch
from db.schema import events, exceptions, orders, parcel_loads
from station.demo_dispatch import pack_demo_orders

LEAD = User("Maria Jansen", Role.LEAD, "1011")


def loading(central, carrier: str = "SF"):
    backend = CentralDispatchBackend(central.uow, "DOCK-01")
    start = dispatch.start(Actor("Kofi Mensah", "DOCK-01"), backend.site())
    state = dispatch.on_unit(start, "CAGE-1", None).state
    state = dispatch.on_scan(state, interpret(f"CARRIER:{carrier}")).state
    return backend, state


def load(backend, state, code: str):
    verdict = dispatch.on_parcel(state, code, backend.parcel(code))
    backend.record(list(verdict.facts))
    return verdict


def cutoff_passed(central, code: str, after: timedelta = timedelta(minutes=2)):
    """A close `after` from now, with the carrier's one cut-off set to the minute of it: every
    carton packed so far was packed before the cut-off, at any time of day the test runs."""
    at = utcnow() + after
    site = site_settings.current_site(central.uow())
    carriers = tuple(
        replace(c, cutoffs=(f"{at.astimezone():%H:%M}",)) if c.code == code else c
        for c in site.carriers
    )
    return at, replace(site, carriers=carriers)


def rows(central, query):
    with central.engine.connect() as conn:
        return conn.execute(query).all()


def run_story(central) -> None:
    single = pack_demo_orders(central, 3, carrier="SF")
    double = pack_demo_orders(central, 1, cartons=2, carrier="SF", tote_base=9500)
    backend, state = loading(central)
    facts = []
    for carton in [*single, double[0]]:
        verdict = load(backend, state, carton.sscc)
        assert verdict.ok, verdict.reason
        state = verdict.state
        facts += verdict.facts
    assert backend.unit_carrier("CAGE-1") == "SF"
    # A replay of every load changes nothing.
    apply_facts(central.uow(), facts)
    assert len(rows(central, select(parcel_loads.c.package_id))) == 4
    assert load(backend, state, single[0].sscc).reason == "already_loaded"
    # Undo, then load again.
    armed = dispatch.on_scan(state, interpret("C:UNDO")).state
    off = load(backend, armed, single[2].sscc)
    assert off.reason == "unloaded" and len(rows(central, select(parcel_loads.c.package_id))) == 3
    assert load(backend, off.state, single[2].sscc).ok
    # An order held after it was loaded: its late news goes to the lead; a held one is refused.
    held = f"{single[1].channel}/{single[1].order_id}"
    holds.hold_order(central.uow(), LEAD, held, "address to check", "LEAD-01")
    assert load(backend, state, single[1].sscc).reason in ("already_loaded", "order_on_hold")
    late = [f for f in facts if f.order_ref == single[1].order_ref]
    with central.engine.begin() as conn:
        conn.execute(parcel_loads.delete().where(parcel_loads.c.order_ref == single[1].order_ref))
        conn.execute(events.delete().where(events.c.uuid.in_([f.uuid for f in late])))
    apply_facts(central.uow(), late)  # the station was offline: its fact arrives now
    kinds = [r.kind for r in rows(central, select(exceptions.c.kind))]
    assert "load_on_hold" in kinds
    # Close: the complete orders ship, the missing carton (packed before the cut-off, which
    # here falls between the packing and the close) is left behind.
    at, site = cutoff_passed(central, "SF")
    manifest = dispatch_close.close_carrier(
        central.uow(), LEAD, "sf", "LEAD-01", site, now=lambda: at
    )
    assert len(manifest.parcels) == 4
    assert manifest.orders_shipped == 2  # single[0], single[2]; single[1] is held
    assert [(x.order_id, x.carton) for x in manifest.left_behind] == [(double[1].order_id, 2)]
    statuses = dict(rows(central, select(orders.c.id, orders.c.status)))
    assert statuses[single[0].order_ref] == OrderStatus.SHIPPED
    assert statuses[double[0].order_ref] == OrderStatus.PACKED
    shipped = rows(central, select(events.c.payload).where(events.c.kind == "order.shipped"))
    assert {p[0]["load_unit"] for p in shipped} == {"CAGE-1"}
    assert "left_behind" in [r.kind for r in rows(central, select(exceptions.c.kind))]
    assert backend.unit_carrier("CAGE-1") is None  # free for tomorrow
    try:
        dispatch_close.close_carrier(central.uow(), LEAD, "SF", "LEAD-01")
    except BadInput as exc:
        assert "closed already" in str(exc)
    else:
        raise AssertionError("closing twice must be refused")
    # Released, the held order is packed again and loads.
    assert holds.release_hold(central.uow(), LEAD, held, "checked", "LEAD-01").status == "packed"
    stored = dispatch_close.stored_manifest(central.uow(), manifest.code)
    assert stored.weight_kg == manifest.weight_kg and len(stored.parcels) == 4
