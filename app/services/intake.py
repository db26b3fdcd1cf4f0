"""Use case: import orders (docs/interfaces.md §6).

An order is imported whole or not at all; an order already present is skipped, never doubled;
an order with problems is rejected with its rows and reasons while the others go in. Work goes
in chunks, one transaction each, so a 10,000-order file shows progress and never holds one huge
transaction open.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from app.domain import fields
from app.domain.events import SYSTEM, Actor, Event
from app.domain.fields import FieldProblem
from app.domain.orders import Order
from app.errors import BadInput
from app.services.order_files import TEXT_LIMITS, OrderDraft, build_order
from app.services.ports import UnitOfWork

CHUNK = 1000


@dataclass
class ImportReport:
    """What happened to each order or row; the CLI prints it, exit 2 when anything was rejected."""

    imported: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "imported": len(self.imported),
            "duplicates": self.duplicates,
            "rejected": self.rejected,
        }


def import_orders(
    uow: UnitOfWork,
    drafts: list[OrderDraft],
    actor: Actor = SYSTEM,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    report = ImportReport()
    unique = drop_repeats_within_file(drafts, report)
    for start in range(0, len(unique), CHUNK):
        _import_chunk(uow, unique[start : start + CHUNK], actor, report)
        if progress:
            progress(min(start + CHUNK, len(unique)), len(unique))
    return report


class Draft(Protocol):
    """An entry read from an import file (an order, a receipt): its key, where it came from."""

    @property
    def key(self) -> Hashable: ...
    @property
    def identified(self) -> bool: ...
    @property
    def label(self) -> str: ...
    @property
    def fingerprint(self) -> str | None: ...
    def where(self) -> str: ...


D = TypeVar("D", bound=Draft)


def drop_repeats_within_file(drafts: list[D], report: ImportReport) -> list[D]:
    """The first of two entries with one key wins. An exact repeat is a duplicate; a repeat with
    other content is rejected, since one of the two is wrong and the file does not say which."""
    first: dict[Hashable, D] = {}
    unique = []
    for draft in drafts:
        earlier = first.get(draft.key) if draft.identified else None  # no id: rejected anyway
        if earlier is None:
            first[draft.key] = draft
            unique.append(draft)
        elif earlier.fingerprint == draft.fingerprint:
            report.duplicates.append(f"{draft.label} ({draft.where()}): repeated in the file")
        else:
            report.rejected.append(
                f"{draft.label}: {draft.where()}: repeats {earlier.where()} with different "
                f"content; {earlier.where()} was kept, this one was not imported"
            )
    return unique


def _import_chunk(uow: UnitOfWork, chunk: list[OrderDraft], actor, report) -> None:
    with uow:
        # Only values that can be in the database are looked up: a 1 MB or NUL-laden key is
        # refused by build_order, and must not reach a query where PostgreSQL would choke on it.
        keys = [d.key for d in chunk if fits_key(d.key)]
        existing = uow.orders.existing_keys(keys) if keys else set()
        skus = {
            _as_text(sku, "sku")
            for d in chunk
            for sku, _, _ in d.lines
            if fits_text(sku, TEXT_LIMITS["sku"])
        }
        known = uow.catalog.known_skus(skus)
        fresh: list[Order] = []
        for draft in chunk:
            if draft.key in existing:
                report.duplicates.append(f"{draft.label} ({draft.where()}): already imported")
                continue
            try:
                fresh.append(build_order(draft, known))
            except BadInput as exc:
                report.rejected.append(f"{draft.label}: {exc}")
        _record_terms(uow, fresh)
        ids = uow.orders.add_all(fresh)
        uow.events.add_all(
            Event("order.received", {"channel": o.channel, "order_id": o.order_id}, actor, oid)
            for o, oid in zip(fresh, ids, strict=True)
        )
        uow.commit()
    report.imported.extend(_label(o) for o in fresh)


def _record_terms(uow: UnitOfWork, fresh: list[Order]) -> None:
    """A customer's `ship_complete` term goes on its orders as they come in (the lead's queue
    reads it there); a customer imported later does not change orders already in."""
    named = {o.customer_id for o in fresh if o.customer_id}
    customers = uow.customers.by_ids(named) if named else {}
    for order in fresh:
        customer = customers.get(order.customer_id or "")
        order.ship_complete = bool(customer and customer.ship_complete)


def _label(order: Order) -> str:
    return f"{order.channel}/{order.order_id}"


def fits_text(value: object, limit: int) -> bool:
    """Whether `value` is text the database can be asked about (see app.domain.fields.text)."""
    try:
        return bool(fields.text(value, "value", limit))
    except FieldProblem:
        return False


def _as_text(value: object, field: str) -> str:
    """The value as build_order reads it (a JSON number's digits, stripped), for a lookup."""
    return fields.text(value, field, TEXT_LIMITS[field])


def fits_key(key: tuple[str, str]) -> bool:
    channel, order_id = key
    return fits_text(channel, TEXT_LIMITS["channel"]) and fits_text(
        order_id, TEXT_LIMITS["order_id"]
    )


def summarize(report: ImportReport, noun: str = "orders") -> Iterable[str]:
    yield f"imported: {len(report.imported)} {noun}"
    yield f"skipped as duplicates: {len(report.duplicates)}"
    for line in report.duplicates:
        yield f"  {line}"
    yield f"rejected: {len(report.rejected)}"
    for line in report.rejected:
        yield f"  {line}"
