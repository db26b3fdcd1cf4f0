"""A whole cart picked the way the picker screen records it, for tests that need real picks."""

from __future__ import annotations

from datetime import date

from app.domain.events import Actor
from app.domain.users import Role, User
from app.services.picking_central import CentralPickingBackend
from app.services.scripted_picking import picking_inputs
from app.steps import picking


def pick_a_whole_list(central) -> tuple[str, list]:
    """What the picker screen records for a cart, scan by scan: totes bound, every task by its
    location, item (and lot) and tote scans, then finished. Returns the first order's tote and
    its tasks."""
    picker = CentralPickingBackend(central.uow, "PICK-01")
    view = picker.my_pick_list(User("李娜", Role.PICKER, "1001"))
    state = picking.start(view, Actor("李娜", "PICK-01"))
    order_number = {slot.order_ref: n for n, slot in enumerate(view.cart, start=1)}
    for _given, verdict in picking_inputs(
        state, date.today().isoformat(), lambda slot: f"E2E-{order_number[slot.order_ref]:02d}"
    ):
        if verdict.facts:
            picker.record(list(verdict.facts))
    first = view.cart[0].order_ref
    return f"E2E-{order_number[first]:02d}", [t for t in view.tasks if t.order_ref == first]
