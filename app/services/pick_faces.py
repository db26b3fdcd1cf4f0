"""Use case: `shipshape import-pick-faces FILE` (docs/interfaces.md §7, docs/stock.md).

CSV `location,sku,min,max`: each row makes its location the pick face of one product, with the
min below which it is replenished and the max it is filled up to. Same rules as the other
imports: a row that does not fit is rejected with its number, the others are saved; running the
file again replaces the same faces (nothing doubles).
"""

from __future__ import annotations

from pathlib import Path

from app.domain import fields
from app.domain.events import SYSTEM, Actor, Event
from app.domain.fields import INT32_MAX
from app.domain.replenishment import PickFace, check_limits
from app.errors import BadInput
from app.services.intake import ImportReport, fits_text
from app.services.master_data import LIMITS, read_csv_rows
from app.services.ports import UnitOfWork
from app.services.replenishment import replenish_if_low

PICK_FACE_COLUMNS = ("location", "sku", "min", "max")
LIMIT_PROBLEMS = {
    "negative": "min and max must not be negative",
    "min_not_below_max": "min must be below max",
}


def import_pick_faces(uow: UnitOfWork, path: Path, actor: Actor = SYSTEM) -> ImportReport:
    """CSV `location,sku,min,max`: create or replace the pick face at each location. A row that
    does not fit is rejected with its number; the others are saved (docs/interfaces.md §7).
    Each saved face is checked at once: one already low gets its replenishment task."""
    report = ImportReport()
    rows = list(read_csv_rows(path, PICK_FACE_COLUMNS))
    with uow:
        codes = uow.catalog.location_codes()
        skus = uow.catalog.known_skus(
            row["sku"] for _, row in rows if fits_text(row["sku"], LIMITS["sku"])
        )
        saved: dict[str, PickFace] = {}
        for line_no, row in rows:
            try:
                face = _face_from_row(row, codes, skus)
            except BadInput as exc:
                report.rejected.append(f"row {line_no}: {exc}")
                continue
            uow.moves.save_pick_face(face)
            saved[face.location] = face
            report.imported.append(f"{face.location}/{face.sku}")
        changes = [[f.location, f.sku, f.min_qty, f.max_qty] for f in saved.values()]
        uow.events.add_all([Event("pick_faces.set", {"rows": changes}, actor)])
        replenish_if_low(uow, saved, "import")
        uow.commit()
    return report


def _face_from_row(row: dict, codes: set[str], skus: set[str]) -> PickFace:
    location = fields.text(row["location"], "location", LIMITS["location"], required=True)
    sku = fields.text(row["sku"], "sku", LIMITS["sku"], required=True)
    if location not in codes:
        raise BadInput(f"unknown location {location!r}")
    if sku not in skus:
        raise BadInput(f"unknown SKU {sku!r}")
    low = fields.whole_number(row["min"], "min", 0, INT32_MAX)
    high = fields.whole_number(row["max"], "max", 0, INT32_MAX)
    problem = check_limits(low, high)
    if problem:
        raise BadInput(f"{LIMIT_PROBLEMS[problem]} (min {low}, max {high})")
    return PickFace(location, sku, low, high)
