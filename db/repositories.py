"""Catalog, stock, users, events and settings over SQLAlchemy Core."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain.catalog import Product, StockItem
from app.domain.events import Actor, Event
from app.domain.review_rules import DEFAULT_RULES, ReviewRules
from db.bulk import insert_rows, update_rows
from db.schema import (
    aisles,
    events,
    locations,
    product_gtins,
    products,
    settings,
    stock,
    warehouses,
)
from db.users_repo import SqlUserRepository  # noqa: F401 - re-exported for db/uow.py


class SqlCatalogRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def known_skus(self, skus: Iterable[str]) -> set[str]:
        skus = list(set(skus))
        found: set[str] = set()
        for start in range(0, len(skus), 900):  # keep under SQLite's bound-parameter limit
            chunk = skus[start : start + 900]
            found |= set(
                self.connection.execute(select(products.c.sku).where(products.c.sku.in_(chunk)))
                .scalars()
                .all()
            )
        return found

    def gtin_owners(self, gtins: Iterable[str]) -> dict[str, str]:
        query = (
            select(product_gtins.c.gtin, products.c.sku)
            .join(products, products.c.id == product_gtins.c.product_id)
            .where(product_gtins.c.gtin.in_(list(gtins)))
        )
        return dict(self.connection.execute(query).all())

    def upsert_product(self, product: Product) -> None:
        length, width, height = product.dimensions_cm or (None, None, None)
        values = {
            "name": product.name,
            "unit_weight_kg": product.unit_weight_kg,
            "no_barcode": product.no_barcode,
            "lot_controlled": product.lot_controlled,
            "serial_required": product.serial_required,
            "length_cm": length,
            "width_cm": width,
            "height_cm": height,
        }
        changed = self.connection.execute(
            update(products).where(products.c.sku == product.sku).values(**values)
        ).rowcount
        if not changed:
            self.connection.execute(insert(products).values(sku=product.sku, **values))

    def add_gtin(self, gtin: str, sku: str) -> None:
        product_id = self._product_id(sku)
        self.connection.execute(insert(product_gtins).values(gtin=gtin, product_id=product_id))

    def product(self, sku: str) -> Product | None:
        row = self.connection.execute(select(products).where(products.c.sku == sku)).first()
        if row is None:
            return None
        gtins = self.connection.execute(
            select(product_gtins.c.gtin).where(product_gtins.c.product_id == row.id)
        ).scalars()
        return product_from_row(row, sorted(gtins))

    def location_codes(self) -> set[str]:
        return set(self.connection.execute(select(locations.c.code)).scalars())

    def codes_holding_stock(self, codes: Iterable[str]) -> set[str]:
        query = (
            select(locations.c.code)
            .join(stock, stock.c.location_id == locations.c.id)
            .where(locations.c.code.in_(list(codes)), stock.c.on_hand > 0)
        )
        return set(self.connection.execute(query).scalars())

    def save_layout(self, layout, document: dict) -> tuple[int, int]:
        """Create or update the site from a layout; returns (locations kept or added, removed).

        The caller has checked that no location to be removed holds stock.
        """
        warehouse_id = self._warehouse_id(layout.name, document)
        aisle_ids = self._save_aisles(warehouse_id, layout)
        existing = dict(self.connection.execute(select(locations.c.code, locations.c.id)).all())
        wanted = {loc.code: loc for loc in layout.locations}
        rows = [
            {
                "warehouse_id": warehouse_id,
                "code": loc.code,
                "aisle_id": aisle_ids[loc.aisle],
                "y": loc.y,
                "side": loc.side,
                "level": loc.level,
            }
            for loc in layout.locations
        ]
        fresh = [r for r in rows if r["code"] not in existing]
        kept = [r | {"loc_id": existing[r["code"]]} for r in rows if r["code"] in existing]
        if fresh:
            self.connection.execute(insert(locations), fresh)
        if kept:
            self.connection.execute(
                update(locations)
                .where(locations.c.id == bindparam("loc_id"))
                .values(
                    warehouse_id=bindparam("warehouse_id"),
                    aisle_id=bindparam("aisle_id"),
                    y=bindparam("y"),
                    side=bindparam("side"),
                    level=bindparam("level"),
                ),
                kept,
            )
        gone = [loc_id for code, loc_id in existing.items() if code not in wanted]
        if gone:
            self.connection.execute(delete(stock).where(stock.c.location_id.in_(gone)))
            self.connection.execute(delete(locations).where(locations.c.id.in_(gone)))
        return len(rows), len(gone)

    def layout_document(self) -> dict | None:
        return self.connection.execute(select(warehouses.c.layout).limit(1)).scalar()

    def _warehouse_id(self, name: str, document: dict) -> int:
        found = self.connection.execute(select(warehouses.c.id).limit(1)).scalar()
        if found is None:
            return self.connection.execute(
                insert(warehouses).values(name=name, layout=document).returning(warehouses.c.id)
            ).scalar_one()
        self.connection.execute(
            update(warehouses).where(warehouses.c.id == found).values(name=name, layout=document)
        )
        return found

    def _save_aisles(self, warehouse_id: int, layout) -> dict[str, int]:
        existing = dict(
            self.connection.execute(
                select(aisles.c.code, aisles.c.id).where(aisles.c.warehouse_id == warehouse_id)
            ).all()
        )
        for aisle in layout.aisles:
            if aisle.id in existing:
                self.connection.execute(
                    update(aisles).where(aisles.c.id == existing[aisle.id]).values(x=aisle.x)
                )
            else:
                existing[aisle.id] = self.connection.execute(
                    insert(aisles)
                    .values(warehouse_id=warehouse_id, code=aisle.id, x=aisle.x)
                    .returning(aisles.c.id)
                ).scalar_one()
        return existing

    def _product_id(self, sku: str) -> int:
        return self.connection.execute(
            select(products.c.id).where(products.c.sku == sku)
        ).scalar_one()


_STOCK_COLUMNS = (
    stock.c.id,
    locations.c.code.label("location"),
    products.c.sku,
    stock.c.on_hand,
    stock.c.reserved,
    stock.c.lot,
    stock.c.expiry,
    stock.c.held,
    stock.c.received_at,
)


def stock_query():
    """Stock rows as `stock_item` reads them (the picking repository reads them too)."""
    return (
        select(*_STOCK_COLUMNS)
        .join(locations, locations.c.id == stock.c.location_id)
        .join(products, products.c.id == stock.c.product_id)
    )


def stock_item(row) -> StockItem:
    return StockItem(
        location=row.location,
        sku=row.sku,
        on_hand=row.on_hand,
        reserved=row.reserved,
        lot=row.lot,
        expiry=row.expiry,
        id=row.id,
        held=row.held,
        received_at=row.received_at,
    )


class SqlStockRepository:
    def __init__(self, connection: Connection, now) -> None:
        self.connection = connection
        self._now = now

    def get(self, location: str, sku: str, lot: str) -> StockItem | None:
        query = stock_query().where(
            locations.c.code == location, products.c.sku == sku, stock.c.lot == lot
        )
        row = self.connection.execute(query).first()
        return stock_item(row) if row else None

    def set_on_hand(self, item: StockItem) -> None:
        """A count: the on-hand figure is what is there, so a hold from a short pick ends."""
        if item.id is not None:
            self.connection.execute(
                update(stock)
                .where(stock.c.id == item.id)
                .values(on_hand=item.on_hand, expiry=item.expiry, held=0)
            )
            return
        location_id = self.connection.execute(
            select(locations.c.id).where(locations.c.code == item.location)
        ).scalar_one()
        product_id = self.connection.execute(
            select(products.c.id).where(products.c.sku == item.sku)
        ).scalar_one()
        self.connection.execute(
            insert(stock).values(
                location_id=location_id,
                product_id=product_id,
                lot=item.lot,
                expiry=item.expiry,
                on_hand=item.on_hand,
                reserved=0,
                held=0,
                received_at=self._now(),
            )
        )

    def lock_for_allocation(self, skus: set[str]) -> list[StockItem]:
        query = (
            stock_query()
            .where(
                products.c.sku.in_(list(skus)),
                # Rows with nothing free are not locked: app/domain/stock_choice would not take
                # them anyway, and a lock keeps other allocators waiting.
                stock.c.on_hand > stock.c.reserved + stock.c.held,
            )
            .order_by(stock.c.id)  # lock in one global order: two allocators never deadlock
            .with_for_update(of=stock)
        )
        return [stock_item(r) for r in self.connection.execute(query)]

    def save_reserved(self, items: list[StockItem]) -> None:
        rows = [{"id": i.id, "reserved": i.reserved} for i in items]
        update_rows(self.connection, stock, rows, {"id": "bigint", "reserved": "integer"})

    def all(self) -> list[StockItem]:
        return [stock_item(r) for r in self.connection.execute(stock_query().order_by(stock.c.id))]


def _event_from_row(r) -> Event:
    return Event(
        r.kind, r.payload, Actor(r.user_name, r.station), r.order_ref, r.occurred_at, r.uuid
    )


class SqlEventLog:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add_all(self, new_events: Iterable[Event]) -> None:
        insert_rows(self.connection, events, [_event_row(e) for e in new_events])

    def add_new(self, facts: list[Event]) -> set[str]:
        """Insert the facts whose UUID is not stored yet; return the UUIDs actually inserted.

        `ON CONFLICT DO NOTHING`: a concurrent push of the same fact waits for the other
        transaction and then inserts nothing, so each fact is applied exactly once.
        """
        if not facts:
            return set()
        rows = list({fact.uuid: _event_row(fact) for fact in facts}.values())
        if self.connection.dialect.name == "postgresql":
            # One statement with one array per column: no per-row SQL to build or parse.
            columns = {c: [row[c] for row in rows] for c in rows[0]}
            columns["payload"] = [json.dumps(p, ensure_ascii=False) for p in columns["payload"]]
            return set(self.connection.execute(_INSERT_NEW_EVENTS, columns).scalars())
        statement = (
            sqlite_insert(events)
            .on_conflict_do_nothing(index_elements=["uuid"])
            .returning(events.c.uuid)
        )
        # One statement for the batch (insertmanyvalues): RETURNING lists only the rows
        # actually inserted, so the UUIDs it returns are the new facts.
        return set(self.connection.execute(statement, rows).scalars())

    def for_order(self, order_ref: int) -> list[Event]:
        query = select(events).where(events.c.order_ref == order_ref).order_by(events.c.seq)
        return [_event_from_row(r) for r in self.connection.execute(query)]

    def by_uuid(self, uuid: str) -> Event | None:
        row = self.connection.execute(select(events).where(events.c.uuid == uuid)).first()
        return None if row is None else _event_from_row(row)


_INSERT_NEW_EVENTS = text(
    "INSERT INTO events (uuid, kind, occurred_at, user_name, station, order_ref, payload)"
    " SELECT u, k, o, n, s, r, p::json FROM unnest(CAST(:uuid AS text[]),"
    " CAST(:kind AS text[]), CAST(:occurred_at AS timestamptz[]), CAST(:user_name AS text[]),"
    " CAST(:station AS text[]), CAST(:order_ref AS bigint[]), CAST(:payload AS text[]))"
    " AS t(u, k, o, n, s, r, p) ON CONFLICT (uuid) DO NOTHING RETURNING uuid"
)


def _event_row(e: Event) -> dict:
    return {
        "uuid": e.uuid,
        "kind": e.kind,
        "occurred_at": e.occurred_at,
        "user_name": e.actor.user,
        "station": e.actor.station,
        "order_ref": e.order_ref,
        "payload": e.payload,
    }


class SqlSettings:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def review_rules(self) -> ReviewRules:
        value = self._get("review_rules")
        return DEFAULT_RULES if value is None else ReviewRules.from_dict(value)

    def save_review_rules(self, rules: ReviewRules) -> None:
        self._put("review_rules", rules.as_dict())

    def save_value(self, key: str, value) -> None:
        """Store one settings document (JSON) under `key`, replacing what was there."""
        self._put(key, value)

    def _get(self, key: str):
        return self.connection.execute(
            select(settings.c.value).where(settings.c.key == key)
        ).scalar()

    def _put(self, key: str, value) -> None:
        if self._get(key) is None:
            self.connection.execute(insert(settings).values(key=key, value=value))
        else:
            self.connection.execute(
                update(settings).where(settings.c.key == key).values(value=value)
            )


def product_from_row(row, gtins: list[str]) -> Product:
    """A `products` row (with its GTINs) as the domain's Product."""
    dimensions = None
    if row.length_cm is not None and row.width_cm is not None and row.height_cm is not None:
        dimensions = (row.length_cm, row.width_cm, row.height_cm)
    return Product(
        row.sku,
        row.name,
        row.unit_weight_kg,
        gtins,
        row.id,
        no_barcode=bool(row.no_barcode),
        lot_controlled=bool(row.lot_controlled),
        serial_required=bool(row.serial_required),
        dimensions_cm=dimensions,
    )
