"""When a pick face should get stock from another warehouse (docs/stock.md, "Transfers").

Replenishment refills a pick face from reserve stock of its own warehouse (app/domain/
replenishment.py). A face that is low (below its min) while its warehouse has no reserve stock
of the product available gets a proposed transfer instead: bring it up to its max, less what
transfers already on their way there will bring, from the other warehouse with the most of
that product available in reserve (then the lowest id), never more than that warehouse has.
A proposal is only a proposal: a lead runs `shipshape transfer` for it.

Pure: the caller reads the faces and the stock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.catalog import StockItem
from app.domain.replenishment import PickFace, level


@dataclass(frozen=True)
class Proposal:
    face: str
    sku: str
    to: int  # warehouse ids
    source: int
    quantity: int


def propose(
    faces: Iterable[tuple[PickFace, int]],
    reserve: Iterable[StockItem],
    at_faces: Iterable[StockItem],
    coming: Mapping[tuple[int, str], int],
) -> list[Proposal]:
    """A proposal per low face whose warehouse has no reserve of its product. `faces` are
    (face, its warehouse id); `reserve` every warehouse's stock not on a pick face; `at_faces`
    the stock on pick faces; `coming` (warehouse id, sku) → units transfers will still bring."""
    spare: dict[tuple[int, str], int] = defaultdict(int)
    for item in reserve:
        if item.warehouse_id is not None:
            spare[(item.warehouse_id, item.sku)] += item.available
    by_face: dict[str, list[StockItem]] = defaultdict(list)
    for item in at_faces:
        by_face[item.location].append(item)
    proposals = []
    for face, home in faces:
        found = _proposal(face, home, by_face[face.location], spare, coming)
        if found is not None:
            proposals.append(found)
            spare[(found.source, found.sku)] -= found.quantity
    return proposals


def _proposal(face, home, at_face, spare, coming) -> Proposal | None:
    have = level(face, at_face)
    if have >= face.min_qty or spare.get((home, face.sku), 0) > 0:
        return None
    wanted = face.max_qty - have - coming.get((home, face.sku), 0)
    others = [(units, -w) for (w, sku), units in spare.items() if sku == face.sku and w != home]
    if wanted <= 0 or not others:
        return None
    units, source = max(others)
    if units <= 0:
        return None
    return Proposal(face.location, face.sku, home, -source, min(wanted, units))
