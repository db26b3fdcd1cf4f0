"""The picker station's facts, sent the way a station sends them (`CentralPickingBackend`).

Shared by the stranded-order tests and the floor property test: every helper goes through the
real use cases and appliers, never around them.
"""

from __future__ import annotations

from app.domain.events import Actor, Event
from app.domain.picking import PickListView, PickTaskView
from app.domain.users import User
from app.services.picking_central import CentralPickingBackend


def picker_station(site, station: str = "pick-1") -> CentralPickingBackend:
    return CentralPickingBackend(site.central.uow, station)


def fact(view: PickListView, who: User, kind: str, ref: int | None, station="pick-1", **payload):
    return Event(kind, {"pick_list_id": view.id, **payload}, Actor(who.name, station), ref)


def bind_facts(view: PickListView, who: User, station: str = "pick-1") -> list[Event]:
    """One tote per order still without one (a tote code per order: never in use elsewhere)."""
    return [
        fact(
            view,
            who,
            "tote.bound",
            slot.order_ref,
            station,
            order_ref=slot.order_ref,
            order_id=slot.order_id,
            tote=f"T{slot.order_ref}",
        )
        for slot in view.cart
        if slot.tote is None
    ]


def confirm_fact(view, task: PickTaskView, who: User, quantity: int, station="pick-1") -> Event:
    return fact(
        view,
        who,
        "pick.confirmed",
        task.order_ref,
        station,
        task_id=task.id,
        quantity=quantity,
        lot=task.lot,
        location=task.location,
        sku=task.sku,
        tote=view.tote_for(task.order_ref),
        tote_scanned=True,
    )


def short_fact(view, task: PickTaskView, who: User, found: int, reason: str, station="pick-1"):
    return fact(
        view,
        who,
        "pick.short",
        task.order_ref,
        station,
        task_id=task.id,
        found=found,
        shortfall=task.remaining - found,
        reason=reason,
        lot=task.lot,
        location=task.location,
        sku=task.sku,
    )


def finish_fact(view: PickListView, who: User, station: str = "pick-1") -> Event:
    refs = [s.order_ref for s in view.cart]
    return fact(view, who, "picklist.finished", None, station, orders=refs)


def bind_totes(backend, view: PickListView, who: User) -> list[Event]:
    facts = bind_facts(view, who)
    backend.record(facts)
    return facts


def confirm(backend, view, task: PickTaskView, who: User, quantity: int | None = None) -> Event:
    done = confirm_fact(view, task, who, task.remaining if quantity is None else quantity)
    backend.record([done])
    return done


def short(backend, view, task: PickTaskView, who: User, found: int, reason: str) -> Event:
    reported = short_fact(view, task, who, found, reason)
    backend.record([reported])
    return reported


def finish(backend, view: PickListView, who: User) -> Event:
    done = finish_fact(view, who)
    backend.record([done])
    return done
