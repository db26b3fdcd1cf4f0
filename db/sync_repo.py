"""Central-side queries of the sync engine: the change sequence, claims, station status.

Runs inside a SqlUnitOfWork (`uow.sync`), on the sync thread of a station or in a CLI command.
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, insert, or_, select, text, update

from db.picking_repo import in_home
from db.schema import (
    changes,
    exceptions,
    locations,
    pick_lists,
    product_gtins,
    products,
    station_logins,
    stations,
    stock,
    users,
    waves,
)
from db.users_repo import home_codes, users_with_pins
from db.warehouse_filters import stations_of
from db.warehouses_repo import WarehouseScope
from db.wave_carts import lists_in_warehouse

# Product flags a station checks scans against while offline (docs/picking.md, docs/packing.md).
SCAN_RULES = ("no_barcode", "lot_controlled", "serial_required")
Cursor = tuple[int, int]  # (txid, seq): txid is 0 on SQLite, where writers commit in seq order


class SqlSyncRepository:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        # A station configured with its warehouse pulls that warehouse's stock alone.
        self._scope = scope or WarehouseScope(connection, None)

    def changes_since(self, cursor: Cursor, limit: int = 5000) -> tuple[list[tuple], Cursor]:
        """Changes after `cursor` in commit-safe order, and the cursor to ask from next time.

        PostgreSQL hands out `seq` before commit, so a lower seq may become visible later. Rows
        are therefore read in (txid, seq) order and only from transactions older than the oldest
        one still running: every later row has a higher txid, so nothing is ever skipped.
        """
        txid, seq = cursor
        query = select(changes.c.txid, changes.c.seq, changes.c.topic, changes.c.ref_id)
        if self.connection.dialect.name == "postgresql":
            horizon = text("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            query = query.where(
                changes.c.txid < horizon,
                or_(changes.c.txid > txid, and_(changes.c.txid == txid, changes.c.seq > seq)),
            ).order_by(changes.c.txid, changes.c.seq)
        else:
            query = query.where(changes.c.seq > seq).order_by(changes.c.seq)
        rows = self.connection.execute(query.limit(limit)).all()
        if not rows:
            return [], cursor
        last = rows[-1]
        return [(r.topic, r.ref_id) for r in rows], (last.txid or 0, last.seq)

    def latest_cursor(self) -> Cursor:
        """Where a brand-new station starts: it loads its work in full, then follows changes."""
        query = select(changes.c.txid, changes.c.seq)
        if self.connection.dialect.name == "postgresql":
            horizon = text("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            query = query.where(changes.c.txid < horizon)
        last = self.connection.execute(
            query.order_by(changes.c.txid.desc(), changes.c.seq.desc()).limit(1)
        ).first()
        return (last.txid or 0, last.seq) if last else (0, 0)

    def lists_of(self, user_names: list[str]) -> list[int]:
        """The open lists of these users; a station with a home: only that warehouse's."""
        query = (
            select(pick_lists.c.id)
            .join(users, users.c.id == pick_lists.c.assignee_id)
            .where(users.c.name.in_(user_names), pick_lists.c.status.in_(["assigned", "picking"]))
        )
        return list(self.connection.execute(in_home(query, self._scope.only())).scalars())

    def holders(self, list_ids: list[int]) -> dict[int, str | None]:
        query = (
            select(pick_lists.c.id, users.c.name)
            .outerjoin(users, users.c.id == pick_lists.c.assignee_id)
            .where(pick_lists.c.id.in_(list_ids))
        )
        return dict(self.connection.execute(query).all())

    def open_exception_exists(self, kind: str, pick_list_id: int, station: str) -> bool:
        query = select(exceptions.c.id, exceptions.c.details).where(
            exceptions.c.kind == kind, exceptions.c.status == "open"
        )
        return any(
            row.details.get("pick_list_id") == pick_list_id
            and row.details.get("station") == station
            for row in self.connection.execute(query)
        )

    def add_exception(self, kind: str, details: dict, now, order_ref: int | None = None) -> None:
        self.connection.execute(
            insert(exceptions).values(
                kind=kind,
                status="open",
                details=details,
                created_at=now,
                note="",
                order_ref=order_ref,
            )
        )

    def report_station(self, name: str, user: str | None, waiting: int, pushed: int, now) -> None:
        """Upsert the station's sync status (the row exists after its first sync)."""
        values = {"user_name": user, "facts_waiting": waiting, "last_seen": now}
        home = self._scope.only()
        if home is not None:  # the station's home, as it was started (`run --warehouse`)
            values["warehouse_id"] = home
        if pushed or not waiting:  # last sync: when central last had everything, or took some
            values["last_sync_at"] = now
        changed = self.connection.execute(
            update(stations)
            .where(stations.c.name == name)
            .values(**values, facts_pushed=stations.c.facts_pushed + pushed)
        ).rowcount
        if not changed:
            self.connection.execute(
                insert(stations).values(
                    name=name,
                    kind="picker",
                    facts_pushed=pushed,
                    **values,
                )
            )

    def register_login(self, login: str, station: str, pepper: bytes, now) -> None:
        """`login` speaks for `station` from now on (a login or station registered before is
        moved: one login per station, one station per login)."""
        self.connection.execute(
            station_logins.delete().where(
                or_(station_logins.c.login == login, station_logins.c.station == station)
            )
        )
        self.connection.execute(
            insert(station_logins).values(
                login=login, station=station, pepper=pepper, created_at=now
            )
        )

    def station_logins(self) -> list[dict]:
        query = select(station_logins.c.login, station_logins.c.station).order_by(
            station_logins.c.station
        )
        return [dict(row._mapping) for row in self.connection.execute(query)]

    def stations(self, warehouse_id: int | None = None) -> list[dict]:
        """Every station; with `warehouse_id`, those homed there (db/warehouse_filters.py)."""
        query = select(
            stations.c.name,
            stations.c.kind,
            stations.c.user_name,
            stations.c.facts_waiting,
            stations.c.facts_pushed,
            stations.c.last_sync_at,
            stations.c.last_seen,
        ).order_by(stations.c.name)
        if warehouse_id is not None:
            query = query.where(stations_of(warehouse_id))
        return [dict(row._mapping) for row in self.connection.execute(query)]

    def site_documents(self, topic: str, refs: list[int] | None) -> dict[int, dict]:
        """What a station caches of one topic (all of it when `refs` is None), by id. A ref
        missing from the answer no longer exists, or no longer concerns a station."""
        reader = {
            "product": self._products,
            "stock": self._stock,
            "wave": self._waves,
            "user": self._users,
        }[topic]
        return reader(refs)

    def _products(self, refs: list[int] | None) -> dict[int, dict]:
        query = select(
            products.c.id,
            products.c.sku,
            products.c.name,
            product_gtins.c.gtin,
            *(products.c[flag] for flag in SCAN_RULES),
        )
        query = query.outerjoin(product_gtins, product_gtins.c.product_id == products.c.id)
        docs: dict[int, dict] = {}
        for row in self.connection.execute(_only(query, products.c.id, refs)):
            rules = {flag: bool(row._mapping[flag]) for flag in SCAN_RULES}  # offline picking
            doc = docs.setdefault(row.id, {"sku": row.sku, "name": row.name, "gtins": [], **rules})
            if row.gtin:
                doc["gtins"].append(row.gtin)
        return docs

    def _stock(self, refs: list[int] | None) -> dict[int, dict]:
        query = select(
            stock.c.id,
            locations.c.code.label("location"),
            products.c.sku,
            stock.c.lot,
            stock.c.expiry,
            stock.c.on_hand,
            stock.c.reserved,
            stock.c.held,  # what may move offline (docs/stock.md)
        ).join(locations, locations.c.id == stock.c.location_id)
        query = query.join(products, products.c.id == stock.c.product_id)
        home = self._scope.only()
        if home is not None:
            query = query.where(locations.c.warehouse_id == home)
        return {
            row.id: {**row._mapping, "expiry": row.expiry and row.expiry.isoformat()}
            for row in self.connection.execute(_only(query, stock.c.id, refs))
        }

    def _waves(self, refs: list[int] | None) -> dict[int, dict]:
        """Released waves with the lists still waiting for a picker (claimable); only the home
        warehouse's for a station that has one."""
        waiting = func.count(pick_lists.c.id).filter(pick_lists.c.status == "released")
        query = (
            select(waves.c.id, waves.c.name, waves.c.status, waiting.label("lists_waiting"))
            .outerjoin(pick_lists, pick_lists.c.wave_id == waves.c.id)
            .where(waves.c.status == "released")
            .group_by(waves.c.id, waves.c.name, waves.c.status)
        )
        home = self._scope.only()
        if home is not None:  # a station of one warehouse sees that warehouse's waves alone
            query = query.where(pick_lists.c.id.in_(lists_in_warehouse(home)))
        return {row.id: dict(row._mapping) for row in self.connection.execute(query)}

    def _users(self, refs: list[int] | None) -> dict[int, dict]:
        query = users_with_pins(self.connection)  # a station login gets its verifiers
        found = {
            row.id: dict(row._mapping)
            for row in self.connection.execute(_only(query, users.c.id, refs))
        }
        homes = home_codes(self.connection, list(found))
        for user_id, doc in found.items():
            doc["warehouses"] = list(homes.get(user_id, ()))  # none: every warehouse
        return found

    def server_time(self):
        return self.connection.execute(select(func.current_timestamp())).scalar()


def _only(query, column, refs: list[int] | None):
    return query if refs is None else query.where(column.in_(refs))
