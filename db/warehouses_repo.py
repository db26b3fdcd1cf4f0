"""The warehouses of the central database, and the scope that keeps one warehouse's settings
and number counters apart from another's (app/domain/warehouses.py `scoped_key`)."""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select, text, update

from app.domain.warehouses import (
    PER_WAREHOUSE_SETTINGS,
    Warehouse,
    WarehouseSummary,
    choose,
    is_site_counter,
    scoped_key,
)
from db.schema import locations, stations, warehouses


class SqlWarehouseRepository:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._scope = scope

    def station_home(self, station: str) -> int | None:
        """The warehouse a station works for: the one this unit of work is limited to (a station
        started with `run --warehouse`), else the home recorded for the station by name (a
        station login's facts, applied centrally); None when neither is known."""
        home = self._scope.only() if self._scope is not None else None
        if home is not None:
            return home
        query = select(stations.c.warehouse_id).where(stations.c.name == station)
        return self.connection.execute(query).scalar()

    def all(self) -> list[Warehouse]:
        """Every warehouse, the first made first."""
        query = select(warehouses.c.id, warehouses.c.code, warehouses.c.name).order_by(
            warehouses.c.id
        )
        return [Warehouse(r.id, r.code, r.name) for r in self.connection.execute(query)]

    def summaries(self) -> list[WarehouseSummary]:
        """Each warehouse with its count of locations and of stations homed there. A station
        with no home yet works for the first warehouse (what it did before there were several),
        so it is counted there."""
        every = self.all()
        located = self._counts(locations.c.warehouse_id)
        homed = self._counts(stations.c.warehouse_id)
        first = every[0].id if every else None
        return [
            WarehouseSummary(
                w.code,
                w.name,
                located.get(w.id, 0),
                homed.get(w.id, 0) + (homed.get(None, 0) if w.id == first else 0),
            )
            for w in every
        ]

    def _counts(self, column) -> dict[int | None, int]:
        query = select(column, func.count()).group_by(column)
        return {key: count for key, count in self.connection.execute(query).all()}

    def add(self, code: str, name: str, layout: dict) -> int:
        return self.connection.execute(
            insert(warehouses)
            .values(code=code, name=name, layout=layout)
            .returning(warehouses.c.id)
        ).scalar_one()

    def lock_for_transfers(self, warehouse_id: int) -> bool:
        """Lock the warehouse's row until the transaction ends, so one automatic transfer
        check for it runs at a time (app/services/transfer_rule.py): the next waits, then sees
        the transfer the first made. False, nothing locked, on a login that may not make
        transfers (a lead desk's, docs/sync.md): the next check at central makes it."""
        if self.connection.dialect.name == "postgresql":
            may = text(
                "SELECT has_table_privilege('orders', 'INSERT')"
                " AND has_table_privilege('receipts', 'INSERT')"
                " AND has_table_privilege('warehouses', 'UPDATE')"
            )
            if not self.connection.execute(may).scalar_one():
                return False
        row = select(warehouses.c.id).where(warehouses.c.id == warehouse_id)
        self.connection.execute(row.with_for_update())
        return True

    def save_layout(self, warehouse_id: int, name: str, layout: dict) -> None:
        self.connection.execute(
            update(warehouses)
            .where(warehouses.c.id == warehouse_id)
            .values(name=name, layout=layout)
        )


class WarehouseScope:
    """The warehouse one unit of work speaks for: `code`, else the first (a single-warehouse
    site's only one). Looked up once per `with uow:` block, on first use."""

    def __init__(self, connection: Connection, code: str | None) -> None:
        self.connection = connection
        self.code = code
        self._ids: tuple[int | None, int | None] | None = None

    def only(self) -> int | None:
        """The warehouse a unit of work opened for a named warehouse (a station's home) is
        limited to: what a station reads of locations, stock and receipts is that warehouse's
        alone. None for one opened without a code (the CLI, central use cases): no limit."""
        if self.code is None:
            return None
        self._resolve()
        assert self._ids is not None
        return self._ids[0]

    def setting_key(self, key: str) -> str:
        return self._scoped(key) if key in PER_WAREHOUSE_SETTINGS else key

    def counter_name(self, name: str) -> str:
        return self._scoped(name) if is_site_counter(name) else name

    def _scoped(self, key: str) -> str:
        self._resolve()
        assert self._ids is not None
        return scoped_key(key, *self._ids)

    def _resolve(self) -> None:
        if self._ids is None:
            every = SqlWarehouseRepository(self.connection).all()
            chosen = choose(every, self.code) if self.code is not None else None
            first = every[0].id if every else None
            self._ids = (chosen.id if chosen else first, first)
