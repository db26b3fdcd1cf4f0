"""Use case: import a warehouse's layout (`shipshape import-layout LAYOUT [--warehouse CODE]`,
docs/interfaces.md §7 and §15).

A layout belongs to one warehouse. A code not used yet makes a new warehouse named after the
layout; a code in use updates that warehouse's aisles and locations and nothing of another's;
no code means the only warehouse (or, on an empty site, a first one: `WH1`). Location codes are
unique across the whole database (every scan of a location resolves it without asking which
warehouse), so a layout that lists another warehouse's location is refused, as is one that drops
a location still holding stock.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.events import SYSTEM, Actor, Event
from app.domain.warehouses import DEFAULT_CODE, Warehouse, choose, warehouse_code
from app.errors import BadInput
from app.routing.layout import Layout, layout_document, load_layout
from app.services.ports import UnitOfWork


def import_layout(
    uow: UnitOfWork, path: Path, actor: Actor = SYSTEM, warehouse: str | None = None
) -> str:
    """Create or update one warehouse from a layout file; BadInput (nothing changed) for a
    location of another warehouse, a dropped location with stock, or a name another warehouse
    has."""
    layout = load_layout(path)
    document = layout_document(layout)
    with uow:
        target = _target(uow, warehouse)
        _check_name_is_free(uow, path, layout.name, target)
        _check_codes_are_free(uow, path, layout, target)
        if target is None:
            code = warehouse_code(warehouse) if warehouse else DEFAULT_CODE
            target = Warehouse(uow.warehouses.add(code, layout.name, document), code, layout.name)
        else:
            _check_no_stock_dropped(uow, path, layout, target)
            uow.warehouses.save_layout(target.id, layout.name, document)
        kept, removed = uow.catalog.save_layout(layout, target.id)
        payload = {"name": layout.name, "warehouse": target.code}
        uow.events.add_all([Event("site.layout_imported", payload, actor)])
        uow.commit()
    return f"layout {layout.name!r}: {kept} locations, {removed} removed (warehouse {target.code})"


def _target(uow: UnitOfWork, code: str | None) -> Warehouse | None:
    """The warehouse the layout is for; None: a new one."""
    every = uow.warehouses.all()
    if code is None:
        return choose(every, None)
    wanted = warehouse_code(code)
    return next((w for w in every if w.code == wanted), None)


def _check_name_is_free(uow: UnitOfWork, path: Path, name: str, target: Warehouse | None):
    other = next((w for w in uow.warehouses.all() if w.name == name and w != target), None)
    if other is not None:
        raise BadInput(
            f"{path}: warehouse {other.code} is already called {name!r}; "
            "give this layout another name"
        )


def _check_codes_are_free(uow: UnitOfWork, path: Path, layout: Layout, target: Warehouse | None):
    owners = uow.catalog.warehouses_of(loc.code for loc in layout.locations)
    taken = sorted(code for code, w in owners.items() if target is None or w.id != target.id)
    if taken:
        elsewhere = owners[taken[0]].code
        raise BadInput(
            f"{path}: {len(taken)} location code(s) belong to another warehouse "
            f"({', '.join(taken[:5])} in {elsewhere}); location codes are unique across "
            "warehouses"
        )


def _check_no_stock_dropped(uow: UnitOfWork, path: Path, layout: Layout, target: Warehouse):
    wanted = {loc.code for loc in layout.locations}
    dropped = uow.catalog.location_codes(target.id) - wanted
    holding = uow.catalog.codes_holding_stock(dropped)
    if holding:
        sample = ", ".join(sorted(holding)[:5])
        raise BadInput(
            f"{path}: {len(holding)} location(s) missing from the new layout still hold stock "
            f"({sample}); move or zero that stock first"
        )
