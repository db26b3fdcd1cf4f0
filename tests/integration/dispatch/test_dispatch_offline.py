"""A dock station on its store: it loads while central is away, checking parcels against the
dock it pulled with its own loads laid over; the loads reach central exactly once when the
network is back, and a load of an order held meanwhile goes to the lead."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.events import Actor
from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services import holds
from app.services.facts import apply_facts
from app.steps import dispatch
from db.schema import exceptions, parcel_loads
from db.station.dispatch import DispatchPuller, StationDispatchBackend
from db.station.store import StationStore
from station.demo_dispatch import pack_demo_orders
from station.demo_packing import demo_central

LEAD = User("Maria Jansen", Role.LEAD, "1011")


def gone():
    raise OSError("central unreachable")


def test_loading_offline_then_syncing(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    single = pack_demo_orders(central, 2, carrier="SF Express")
    double = pack_demo_orders(central, 1, cartons=2, carrier="SF Express", tote_base=9500)
    store = StationStore(tmp_path / "dock.sqlite", "DOCK-02")
    online = {"up": True}
    backend = StationDispatchBackend(
        store, lambda: None, central.uow, "DOCK-02", lambda: online["up"]
    )
    assert backend.unit_carrier("CAGE-9") is None  # a loader's first scan: keep the dock here
    DispatchPuller(store).pull(central.uow, None, False)
    online["up"] = False  # the network drops: everything from the store now
    state = dispatch.start(Actor("Kofi Mensah", "DOCK-02"))
    state = dispatch.on_unit(state, "CAGE-9", backend.unit_carrier("CAGE-9")).state
    state = dispatch.on_scan(state, interpret("CARRIER:SF Express")).state

    def scan(code):
        nonlocal state
        verdict = dispatch.on_parcel(state, code, backend.parcel(code))
        backend.record(list(verdict.facts))
        if verdict.ok:
            state = verdict.state
        return verdict

    assert scan(single[0].sscc).reason == "order_complete"
    assert scan(double[0].sscc).reason == "loaded"
    # The order's tracking number: the carton this station has not loaded yet.
    assert scan(double[1].tracking_number).reason == "order_complete"
    assert scan("NOSUCH12345").reason == "unknown_parcel"
    # A new screen (a restart) still knows what this station loaded: from the store.
    again = dispatch.on_unit(
        dispatch.start(Actor("Kofi Mensah", "DOCK-02")), "CAGE-9", backend.unit_carrier("CAGE-9")
    )
    assert again.state.carrier == "SF Express"
    parcel = backend.parcel(single[0].sscc)
    assert parcel is not None and parcel.status == "loaded"
    # Meanwhile a lead holds an order this station loaded offline, and one it did not.
    holds.hold_order(central.uow(), LEAD, f"{single[1].channel}/{single[1].order_id}", "", "x")
    holds.hold_order(central.uow(), LEAD, f"{single[0].channel}/{single[0].order_id}", "", "x")
    assert scan(single[1].sscc).reason == "order_complete"  # the pulled dock had it packed
    # Back online: the outbox is pushed (as the sync thread does), twice: applied once.
    pending = [fact for _, fact in store.pending(100)]
    apply_facts(central.uow(), pending)
    apply_facts(central.uow(), pending)
    with central.engine.connect() as conn:
        loads = conn.execute(select(parcel_loads.c.unit)).scalars().all()
        kinds = conn.execute(select(exceptions.c.kind)).scalars().all()
    assert loads == ["CAGE-9"] * 4
    assert kinds.count("load_on_hold") == 2
    online["up"] = True
    assert backend.parcel(single[1].sscc).order_status == "on_hold"  # central answers again
    store.close()
    central.close()
