"""Use case: import expected receipts (`shipshape import-receipts`, docs/interfaces.md §13).

The rules of the order import (§6): a receipt is imported whole or not at all; one already
there is skipped and reported, never doubled; one with an unknown SKU, a bad quantity or a bad
date is rejected with its rows and reasons while the others go in.
"""

from __future__ import annotations

from app.domain.events import SYSTEM, Actor, Event
from app.domain.receiving import Receipt
from app.errors import BadInput
from app.services import warehouses
from app.services.intake import ImportReport, drop_repeats_within_file, fits_text
from app.services.ports import UnitOfWork
from app.services.receipt_files import TEXT_LIMITS, ReceiptDraft, build_receipt

CHUNK = 500


def import_receipts(
    uow: UnitOfWork, drafts: list[ReceiptDraft], actor: Actor = SYSTEM, warehouse: str | None = None
) -> ImportReport:
    """The receipts are expected at `warehouse` (a code; else the only warehouse)."""
    target = warehouses.choose_warehouse(uow, warehouse)
    report = ImportReport()
    unique = drop_repeats_within_file(drafts, report)
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        _import_chunk(uow, chunk, actor, report, target.id if target else None)
    return report


def _import_chunk(
    uow: UnitOfWork,
    chunk: list[ReceiptDraft],
    actor: Actor,
    report: ImportReport,
    warehouse_id: int | None,
) -> None:
    with uow:
        ids = [d.key for d in chunk if fits_text(d.key, TEXT_LIMITS["receipt_id"])]
        existing = uow.receiving.existing(ids)
        skus = {
            line["sku"].strip()
            for d in chunk
            for line in d.lines
            if fits_text(line.get("sku"), TEXT_LIMITS["sku"]) and isinstance(line["sku"], str)
        }
        known = uow.catalog.known_skus(skus)
        fresh: list[Receipt] = []
        for draft in chunk:
            if draft.key in existing:
                report.duplicates.append(f"{draft.label} ({draft.where()}): already imported")
                continue
            try:
                fresh.append(build_receipt(draft, known))
            except BadInput as exc:
                report.rejected.append(f"{draft.label}: {exc}")
        for receipt in fresh:
            uow.receiving.add(receipt, warehouse_id)
        uow.events.add_all(
            Event("receipt.imported", {"receipt_id": r.receipt_id, "supplier": r.supplier}, actor)
            for r in fresh
        )
        uow.commit()
    report.imported.extend(r.receipt_id for r in fresh)
