"""Picking on the central database: claiming work, the picker's view, and the fact appliers.

`CentralPickingBackend` is the direct `PickingBackend` (app.services.ports): a station that talks
to central itself. Its methods run on the station's database worker thread.

The appliers of picking facts are in app/services/picking_appliers.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.domain.events import Actor, Event, utcnow
from app.domain.fact_payloads import ClaimWanted
from app.domain.picking import PickListView
from app.domain.users import User
from app.domain.waves import PickListStatus
from app.errors import Offline
from app.messages import message
from app.services.facts import apply_facts
from app.services.picking_appliers import claim_next
from app.services.ports import FactDoor, UnitOfWork
from app.services.sync import wait_applied

CLAIM_TIMEOUT_S = 10.0  # the applier answers in milliseconds; longer means it is not running
OPEN_FOR_PICKER = (PickListStatus.ASSIGNED.value, PickListStatus.PICKING.value)


class CentralPickingBackend:
    """`PickingBackend` over the central database (`uow_factory()` gives a fresh unit of work)."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        station: str,
        now: Callable[[], datetime] = utcnow,
        door: Callable[[], FactDoor] | None = None,
    ) -> None:
        self.uow_factory, self.station, self.now = uow_factory, station, now
        self.door = door  # how this station's facts reach central (None: it writes directly)

    def my_pick_list(self, user: User) -> PickListView | None:
        """The user's open list, else the oldest released one, claimed for them now."""
        door = self.door() if self.door else None
        if door is not None and door.narrow:
            return self._claimed_through(door, user)
        with self.uow_factory() as uow:
            list_id = claim_next(uow, Actor(user.name, self.station), user.badge, self.now())
            view = uow.picking.view(list_id) if list_id is not None else None
            uow.commit()
        return view

    def _claimed_through(self, door: FactDoor, user: User) -> PickListView | None:
        """A station login writes nothing itself: it asks central's applier for a list of its
        warehouse (after every fact it pushed before, so a finished list is never handed out
        again)."""
        actor = Actor(user.name, self.station)
        with self.uow_factory() as uow:  # its home, which central may not have recorded
            home = uow.warehouses.station_home(self.station)
        wanted = ClaimWanted(badge=user.badge, warehouse_id=home)
        door.push(self.station, user.name, [wanted.fact(actor)], 0)
        if not wait_applied(door, CLAIM_TIMEOUT_S):
            raise Offline(message("pick.claim_not_applied"))
        with self.uow_factory() as uow:
            user_id = uow.picking.user_id(user.badge)
            list_id = uow.picking.assigned_to(user_id) if user_id is not None else None
            return uow.picking.view(list_id) if list_id is not None else None

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)

    def still_mine(self, pick_list_id: int, user: User) -> bool:
        with self.uow_factory() as uow:
            badge, status = uow.picking.holder(pick_list_id)
        return badge == user.badge and status in OPEN_FOR_PICKER

    def tote_in_use(self, tote: str, order_ref: int) -> bool:
        with self.uow_factory() as uow:
            return uow.picking.tote_in_use(tote, order_ref)

    def site_layout(self) -> dict | None:
        with self.uow_factory() as uow:
            return uow.catalog.layout_document()
