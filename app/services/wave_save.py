"""Saving a planned wave: its orders read again under their row locks (docs/lead.md, "Planning
a wave").

A plan is read in one transaction and saved in another (the lead looks at the preview first).
In between an order may be cancelled (a transfer's cancel, a lead's), put back to received, or
taken by another lead's wave. So the save locks the wave's orders, in the save's own
transaction, and keeps an order only when it is still allocated, on no open pick list, with the
same reservations the plan picks; the rest are left out of the wave (they are no longer its to
pick, or the next plan finds them), each with why (cancelled, on another wave, reservation
changed). A cart that lost orders is routed again for what is left; a
cart left empty is dropped. A cancel that locks the order first (`orders.lock`: a transfer's,
a lead's) either committed before the save read it, or waits and then finds the order on the
wave, and takes it off the planned wave again (app/services/order_off_wave.py).

Runs on whichever thread calls save_wave (the CLI, the lead console's database worker).
"""

from __future__ import annotations

from app.domain.stored import stored_id
from app.domain.waves import LEFT_OUT, PickSource, PlannedPickList, PlannedWave
from app.routing import Layout, solve_route
from app.services.ports import UnitOfWork
from app.services.wave_plan import by_order, in_walking_order, site_layout


def leave_out_gone(uow: UnitOfWork, wave: PlannedWave) -> list[str]:
    """Call inside `with uow:`, before the wave is added. Drops from `wave` (in place) the
    orders a wave may no longer take; returns them as `channel/order_id`, in id order, and
    keeps why in `wave.left_out` (one of LEFT_OUT)."""
    planned = by_order(t for p in wave.pick_lists for t in p.tasks)
    why = still_plannable(uow, {r: planned[r] for p in wave.pick_lists for r in p.order_refs})
    kept = {r for r, state in why.items() if state is None}
    gone = sorted(r for r in why if r not in kept)
    if not gone:
        return []
    layout: list[Layout] = []  # read once, only when a cart is routed again

    def route_on() -> Layout:
        if not layout:
            layout.append(site_layout(uow, wave.warehouse_id))
        return layout[0]

    carts = [_without(p, kept, route_on) for p in wave.pick_lists]
    wave.pick_lists = [c for c in carts if c is not None]
    names = {stored_id(o): f"{o.channel}/{o.order_id}" for o in uow.orders.by_refs(gone)}
    wave.left_out = {names[r]: str(why[r]) for r in gone if r in names}
    return list(wave.left_out)


def still_plannable(uow: UnitOfWork, planned: dict[int, list[PickSource]]) -> dict[int, str | None]:
    """Call inside `with uow:`. Locks the orders of `planned` (order ref → what the plan picks
    for it: read earlier, without locks) and reads them again: None for one a wave may still
    take with the same reservations, else why not (one of LEFT_OUT). The save and the top-up
    at release (app/services/wave_topup.py) both decide by it."""
    states = uow.orders.lock_plannable(sorted(planned))
    plannable = sorted(r for r, state in states.items() if state == "plannable")
    now = by_order(uow.waves.pick_sources(plannable))
    why: dict[int, str | None] = {}
    for ref in planned:
        state = states.get(ref, "cancelled")  # an order gone from the database: as cancelled
        if state == "plannable":
            same = _reserved(now[ref]) == _reserved(planned[ref])
            why[ref] = None if same else "reservation_changed"
        else:
            why[ref] = state if state in LEFT_OUT else "reservation_changed"
    return why


def routed(layout: Layout, tasks: list[PickSource]) -> tuple[list[PickSource], float, float]:
    """A cart's tasks in walking order on the exact route, its metres, and S-shape's metres:
    how a cart is routed again when orders leave it (here, and a lead's cancel:
    app/services/order_off_wave.py)."""
    route = solve_route(layout, [t.location for t in tasks])
    sshape = solve_route(layout, [t.location for t in tasks], "s-shape").distance_m
    return in_walking_order(tasks, route.sequence), route.distance_m, sshape


def _reserved(sources: list[PickSource]) -> set[tuple[int, int]]:
    """What picking an order takes: each reservation and its units."""
    return {(s.allocation_id, s.quantity) for s in sources}


def _without(cart: PlannedPickList, kept: set[int], route_on) -> PlannedPickList | None:
    """The cart with only the `kept` orders (None: none left), routed again if it changed."""
    refs = [r for r in cart.order_refs if r in kept]
    if refs == cart.order_refs:
        return cart
    if not refs:
        return None
    tasks, metres, sshape = routed(route_on(), [t for t in cart.tasks if t.order_ref in kept])
    return PlannedPickList(refs, tasks, metres, sshape)
