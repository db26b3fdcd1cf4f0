"""Use case: import announced returns (`shipshape import-returns`, docs/returns.md).

The rules of the order import (§6): an RMA is imported whole or not at all; one already there is
skipped and reported, never doubled; one naming an unknown order, an order not shipped, a
product the order did not ship, or more units than shipped, is rejected with its rows and
reasons while the others go in.
"""

from __future__ import annotations

from collections import defaultdict

from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.returns import RETURNABLE_STATUSES, ReturnContext, RmaDraft, RmaLine
from app.services.intake import ImportReport, drop_repeats_within_file, fits_text
from app.services.ports import UnitOfWork
from app.services.rma_files import LIMITS, RmaRows


def import_rmas(uow: UnitOfWork, drafts: list[RmaRows], actor: Actor = SYSTEM) -> ImportReport:
    report = ImportReport()
    unique = drop_repeats_within_file(drafts, report)
    with uow:
        existing = uow.returns.rma_exists(d.rma for d in unique if fits_text(d.rma, LIMITS["rma"]))
        added = []
        for draft in unique:
            if draft.rma in existing:
                report.duplicates.append(f"{draft.label} ({draft.where()}): already imported")
                continue
            problems, ref = _check(uow, draft)
            if problems:
                report.rejected.append(f"{draft.label}: {draft.where()}: {'; '.join(problems)}")
                continue
            assert ref is not None
            uow.returns.add_rma(_rma(draft), ref, utcnow())
            added.append(
                Event("rma.imported", {"rma": draft.rma, "reason": draft.reason}, actor, ref)
            )
        uow.events.add_all(added)
        uow.commit()
    report.imported.extend(e.payload["rma"] for e in added)
    return report


def _check(uow: UnitOfWork, draft: RmaRows) -> tuple[list[str], int | None]:
    problems = list(draft.problems)
    if not draft.rma or not fits_text(draft.rma, LIMITS["rma"]):
        return problems + ["the rma number is missing or longer than 80 characters"], None
    ref = None
    if fits_text(draft.channel, LIMITS["channel"]) and fits_text(
        draft.order_id, LIMITS["order_id"]
    ):
        ref = uow.returns.order_ref(draft.channel, draft.order_id)
    if ref is None:
        return problems + [f"no order {draft.channel}/{draft.order_id}"], None
    context = uow.returns.order_context(ref)
    assert context is not None
    if context.status not in RETURNABLE_STATUSES:
        problems.append(f"order {draft.channel}/{draft.order_id} is {context.status}, not shipped")
    return problems + _line_problems(draft, context), ref


def _line_problems(draft: RmaRows, context: ReturnContext) -> list[str]:
    wanted: dict[str, int] = defaultdict(int)
    for sku, quantity, _ in draft.lines:
        wanted[sku] += quantity
    problems = []
    for sku, quantity in wanted.items():
        line = context.line(sku)
        if line is None:
            problems.append(f"{sku} is not on order {context.channel}/{context.order_id}")
        elif quantity > line.returnable:
            problems.append(
                f"{sku}: {quantity} announced, only {line.returnable} shipped and not returned"
            )
    return problems


def _rma(draft: RmaRows) -> RmaDraft:
    lines = tuple(RmaLine(sku, quantity, reason) for sku, quantity, reason in draft.lines)
    return RmaDraft(draft.rma, draft.channel, draft.order_id, draft.reason, lines)
