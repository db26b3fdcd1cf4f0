"""Use cases: which warehouse a command means, and the list of warehouses
(`shipshape warehouses`, docs/interfaces.md §15). Runs in the CLI or on a database worker."""

from __future__ import annotations

from app.domain.warehouses import Warehouse, WarehouseSummary, choose
from app.services.ports import UnitOfWork


def chosen(uow: UnitOfWork, code: str | None) -> Warehouse | None:
    """Call inside `with uow:`. The warehouse named by `code`, else the only one; None when the
    site has none yet. BadInput for an unknown code, or for none where there are several."""
    return choose(uow.warehouses.all(), code)


def choose_warehouse(uow: UnitOfWork, code: str | None) -> Warehouse | None:
    """`chosen` in its own unit of work: what a command checks before it starts."""
    with uow:
        return chosen(uow, code)


def summaries(uow: UnitOfWork) -> list[WarehouseSummary]:
    with uow:
        return uow.warehouses.summaries()
