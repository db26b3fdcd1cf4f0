"""A whole cart picked the way the picker screen records it, for tests that need real picks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.events import Actor
from app.domain.users import Role, User
from app.services.picking_central import CentralPickingBackend
from app.services.scripted_picking import picking_inputs
from app.steps import picking

LI_NA = User("李娜", Role.PICKER, "1001")


@dataclass(frozen=True)
class PickedCart:
    totes: dict[int, str]  # order ref -> the tote it was picked into
    tasks: list  # the cart's tasks


def pick_cart(central, picker: User = LI_NA, tote_prefix: str = "E2E") -> PickedCart:
    """What the picker screen records for the next cart `picker` is given, scan by scan: totes
    bound, every task by its location, item (and lot) and tote scans, then finished."""
    station = f"PICK-{picker.badge}"
    backend = CentralPickingBackend(central.uow, station)
    view = backend.my_pick_list(picker)
    state = picking.start(view, Actor(picker.name, station))
    totes = {slot.order_ref: f"{tote_prefix}-{n:02d}" for n, slot in enumerate(view.cart, start=1)}
    for _given, verdict in picking_inputs(
        state, date.today().isoformat(), lambda slot: totes[slot.order_ref]
    ):
        if verdict.facts:
            backend.record(list(verdict.facts))
    return PickedCart(totes, list(view.tasks))


def pick_a_whole_list(central) -> tuple[str, list]:
    """Li Na's next cart picked; the first order's tote and its tasks."""
    cart = pick_cart(central)
    first = next(iter(cart.totes))
    return cart.totes[first], [t for t in cart.tasks if t.order_ref == first]
