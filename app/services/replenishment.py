"""Replenishment tasks: when to make one, and the open ones (docs/stock.md).

`replenish_if_low(uow, locations, reason)` is the one check every stock change calls inside its
own transaction: after picks (app/services/picking_appliers.py), moves (move_appliers.py),
counts, and a wave's release (app/services/waves.py: its allocations count as gone). For each
pick face among `locations` that is low and has no open task, it adds one task by the rule in
app/domain/replenishment.py. It never fails a fact: a face without reserve stock just waits —
unless its warehouse's settings turn on automatic transfers (`"auto_transfers": true`): then the
face gets a transfer from another warehouse in the same transaction (app/services/
transfer_rule.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.domain.events import utcnow
from app.domain.moves import ReplenishTask, most_urgent_first
from app.domain.replenishment import PickFace, plan
from app.routing.distance import Spot, walk_distance
from app.services.ports import UnitOfWork


def replenish_if_low(
    uow: UnitOfWork, locations: Iterable[str], reason: str = "move", today: date | None = None
) -> list[int]:
    """Inside the caller's transaction: a task for each low pick face among `locations` that has
    none open. Returns the new tasks' ids."""
    faces = uow.moves.pick_faces_at(locations)
    today = today or utcnow().date()
    added = []
    for face in faces:
        task_id = _replenish(uow, face, reason, today)
        if task_id is not None:
            added.append(task_id)
    return added


def _replenish(uow: UnitOfWork, face: PickFace, reason: str, today: date) -> int | None:
    if uow.moves.has_open_replenishment(face.location):
        return None
    at_face = uow.moves.stock_at(face.location)
    reserve = uow.moves.reserve_stock(face.sku, face.location)
    distance = _distances(uow, face.location, [item.location for item in reserve])
    task = plan(face, at_face, reserve, today, distance, reason)
    if task is not None:
        return uow.moves.add_replenishment(task)
    # Imported here: transfers cancel through holds, whose imports reach the pick appliers,
    # which import this module.
    from app.services.transfer_rule import needs_transfer, transfer_if_no_reserve

    if needs_transfer(face, at_face, reserve, today):  # as `transfers --propose` asks it
        transfer_if_no_reserve(uow, face, at_face, today)  # only where the site turned it on
    return None


def _distances(uow: UnitOfWork, face: str, sources: list[str]) -> dict[str, float]:
    """Walking distance from the face to each reserve location (only needed to break ties)."""
    if len(set(sources)) < 2:
        return {}
    where = uow.moves.positions([face, *sources])
    if face not in where:
        return {}
    cross, start = uow.moves.cross_aisles(), Spot(*where[face])
    return {code: walk_distance(cross, start, Spot(*xy)) for code, xy in where.items()}


def open_tasks(uow: UnitOfWork) -> list[ReplenishTask]:
    """Open replenishments, most urgent first (pick faces with allocations waiting first)."""
    with uow:
        return most_urgent_first(uow.moves.open_replenishments())
