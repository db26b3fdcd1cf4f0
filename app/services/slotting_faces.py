"""A product's pick face follows its slotting move (docs/routing.md "Slotting").

When the clerk has moved the last open lot of a slotting task (the move applier calls
`face_follows` after closing the task), the product's pick face moves from the old location to
the new one with its min and max. If the new location was another product's face (a swap), that
face goes to the old location in the same step — so a swap's two faces change together when its
first half is done, and the second half finds its face already there. Until then picks and
replenishment go on at the old face. Open replenishments into a face that moved away are
cancelled; the caller's check of both locations (`replenish_if_low`) then makes the right ones.
Runs inside the applier's transaction.
"""

from __future__ import annotations

from app.domain.events import Actor, Event
from app.domain.replenishment import PickFace
from app.services.ports import UnitOfWork

REASON = "slotting"


def face_follows(uow: UnitOfWork, task_id: int, actor: Actor) -> None:
    task = uow.moves.replenishment_task(task_id)
    if task is None or task.reason != REASON:
        return
    if uow.moves.open_slotting_tasks(task.sku, task.from_location, task.to_location):
        return  # another lot of it still to move
    move_face(uow, task.sku, task.from_location, task.to_location, actor)


def move_face(uow: UnitOfWork, sku: str, source: str, target: str, actor: Actor) -> None:
    faces = {face.location: face for face in uow.moves.pick_faces_at([source, target])}
    here, there = faces.get(source), faces.get(target)
    if there is not None and there.sku == sku:
        return  # moved already (the swap's other half did it)
    mine = here if here is not None and here.sku == sku else None
    limits = mine or there
    if limits is None:
        return  # the product had no face: nothing follows
    if there is not None and (here is None or mine is not None):
        uow.moves.save_pick_face(PickFace(source, there.sku, there.min_qty, there.max_qty))
    elif mine is not None:
        uow.moves.delete_pick_face(source)
    uow.moves.save_pick_face(PickFace(target, sku, limits.min_qty, limits.max_qty))
    swapped = there.sku if there is not None else None
    uow.moves.cancel_replenishments(sku, source)  # they would fill the old face
    if swapped is not None:
        uow.moves.cancel_replenishments(swapped, target)
    payload = {"sku": sku, "from": source, "to": target, "swapped_with": swapped}
    uow.events.add_all([Event("pick_faces.moved", payload, actor)])
