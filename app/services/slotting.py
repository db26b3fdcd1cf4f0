"""Slotting against the central database: `shipshape slotting` and the lead's Slotting tab
(docs/routing.md "Slotting", docs/stock.md).

- `plan_slotting(uow, days, limits)`: the pick lists picked in the last `days` days (as the site
  batched them: each pick list is one trip), each product's home (its pick face), the proposed
  moves and their replayed savings (app/slotting). Reads only. Per warehouse: a unit of work
  opened for a warehouse reads its layout, picks, faces and tasks alone (db/slotting_repo.py).
- `create_tasks(uow, lead, plan)`: each move becomes stock move tasks for the clerk, rows of
  `replenishments` with reason "slotting" (migration 0031): one per lot of the product that may
  move (available units) at its old home, and the same for the product a swap sends back.
  The clerk does them on the move page like any replenishment; when the last lot of a product
  has moved, its pick face follows (app/services/slotting_faces.py). A product with nothing to
  move has its face moved at once. Only a lead creates them; an audit event records the plan.

Runs on a database worker thread or in a CLI command: solving routes takes seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from app.domain.events import Actor, Event, utcnow
from app.domain.replenishment import Replenishment
from app.domain.users import User
from app.errors import BadInput
from app.messages import message
from app.routing import load_layout
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low
from app.services.slotting_faces import move_face
from app.services.users import require_lead
from app.slotting import Limits, Plan, propose

REASON = "slotting"
MAX_DAYS = 366


@dataclass(frozen=True)
class SlottingRun:
    plan: Plan
    days: int
    since: datetime
    moved_today: int = 0  # relocations by slotting tasks made in the last 24 hours
    # The warehouse it was proposed for (the lead console's choice; None: the unit of work's
    # own): its tasks are made there, even after the lead has chosen another.
    warehouse_id: int | None = None

    def document(self) -> dict:
        return {
            "days": self.days,
            "since": self.since.isoformat(),
            "moved_today": self.moved_today,
            **self.plan.document(),
        }


def plan_slotting(
    uow: UnitOfWork, days: int, limits: Limits | None = None, now: datetime | None = None
) -> SlottingRun:
    """The proposal on the slotting as it will be once the open slotting tasks are done: their
    products and locations stay out of it, and the relocations made in the last 24 hours count
    against the limit of moves (at most K a day)."""
    if not 1 <= days <= MAX_DAYS:
        raise BadInput(message("slotting.bad_days", days=days, most=MAX_DAYS))
    now = now or utcnow()
    since = now - timedelta(days=days)
    with uow:
        document = uow.catalog.layout_document()
        if not document:
            raise BadInput(message("wave.no_layout"))
        history = uow.moves.pick_history(since)
        homes, used = uow.moves.homes(), uow.moves.used_locations()
        space = uow.moves.face_space()
        pending = uow.moves.open_slotting_moves()
        moved_today = uow.moves.slotting_relocations_since(now - timedelta(days=1))
    layout = load_layout(document, origin="central database")
    homes.update((sku, target) for sku, _, target in pending)
    homes = {sku: code for sku, code in homes.items() if layout.has_location(code)}
    busy = {code for _, source, target in pending for code in (source, target)}
    blocked = frozenset((used - set(homes.values())) | busy)
    limits = limits or Limits()
    today = replace(limits, max_moves=max(limits.max_moves - moved_today, 0))
    fixed = frozenset(sku for sku, _, _ in pending)
    plan = propose(layout, history, homes, today, blocked, space, fixed=fixed)
    return SlottingRun(plan, days, since, moved_today)


def create_tasks(uow: UnitOfWork, lead: User, run: SlottingRun, station: str) -> list[int]:
    """The plan's moves as open move tasks (ids). Creating the same plan's tasks again adds
    none (one open slotting task per product lot and source)."""
    require_lead(lead)
    actor = Actor(lead.name, station)
    added: list[int] = []
    with uow:
        for move in run.plan.moves:
            added += _relocate(uow, move.sku, move.from_location, move.to_location, actor)
            if move.swap_with:
                added += _relocate(uow, move.swap_with, move.to_location, move.from_location, actor)
        payload = {**run.document(), "tasks": added}
        uow.events.add_all([Event("slotting.tasks_created", payload, actor)])
        uow.commit()
    return added


def _relocate(uow: UnitOfWork, sku: str, source: str, target: str, actor: Actor) -> list[int]:
    lots = [i for i in uow.moves.stock_at(source) if i.sku == sku and i.available > 0]
    if not lots:  # nothing on the shelf to carry: the face moves now
        move_face(uow, sku, source, target, actor)
        replenish_if_low(uow, [source, target], REASON)
        return []
    tasks = (Replenishment(sku, i.lot, source, target, i.available, REASON) for i in lots)
    return [task_id for t in tasks if (task_id := uow.moves.add_replenishment(t)) is not None]
