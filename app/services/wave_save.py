"""Saving a planned wave: its orders read again under their row locks (docs/lead.md, "Planning
a wave").

A plan is read in one transaction and saved in another (the lead looks at the preview first).
In between an order may be cancelled (a transfer's cancel, a lead's), put back to received, or
taken by another lead's wave. So the save locks the wave's orders, in the save's own
transaction, and keeps an order only when it is still allocated, on no open pick list, with the
same reservations the plan picks; the rest are left out of the wave (they are no longer its to
pick, or the next plan finds them). A cart that lost orders is routed again for what is left; a
cart left empty is dropped. A cancel that locks the order first (`orders.lock`: a transfer's,
a lead's) either committed before the save read it, or waits and then finds the order on the
wave (and refuses, for a transfer: cancel the wave first).

Runs on whichever thread calls save_wave (the CLI, the lead console's database worker).
"""

from __future__ import annotations

from app.domain.waves import PickSource, PlannedPickList, PlannedWave
from app.routing import Layout, solve_route
from app.services.ports import UnitOfWork
from app.services.wave_plan import by_order, in_walking_order, site_layout


def leave_out_gone(uow: UnitOfWork, wave: PlannedWave) -> list[str]:
    """Call inside `with uow:`, before the wave is added. Drops from `wave` (in place) the
    orders a wave may no longer take; returns them as `channel/order_id`, in id order."""
    refs = sorted({r for p in wave.pick_lists for r in p.order_refs})
    plannable = uow.orders.lock_plannable(refs)
    now = by_order(uow.waves.pick_sources(sorted(plannable)))
    planned = by_order(t for p in wave.pick_lists for t in p.tasks)
    kept = {r for r in plannable if _reserved(now[r]) == _reserved(planned[r])}
    gone = [r for r in refs if r not in kept]
    if not gone:
        return []
    layout: list[Layout] = []  # read once, only when a cart is routed again

    def route_on() -> Layout:
        if not layout:
            layout.append(site_layout(uow, wave.warehouse_id))
        return layout[0]

    carts = [_without(p, kept, route_on) for p in wave.pick_lists]
    wave.pick_lists = [c for c in carts if c is not None]
    return [f"{o.channel}/{o.order_id}" for o in uow.orders.by_refs(gone)]


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
    tasks = [t for t in cart.tasks if t.order_ref in kept]
    layout = route_on()
    route = solve_route(layout, [t.location for t in tasks])
    sshape = solve_route(layout, [t.location for t in tasks], "s-shape").distance_m
    return PlannedPickList(refs, in_walking_order(tasks, route.sequence), route.distance_m, sshape)
