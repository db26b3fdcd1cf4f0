"""Packing over SQLAlchemy Core: the order view a packer needs, carton types, shipments and
packages, and the central counters behind tracking numbers and SSCCs (the views of many orders at
once: db/pack_views.py)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain.packing import PackageType, PackOrderView
from db.pack_views import PARTIAL_RESOLUTIONS as PARTIAL_RESOLUTIONS  # re-exported: tests use it
from db.pack_views import PackViews
from db.schema import (
    counters,
    exceptions,
    order_lines,
    orders,
    package_items,
    package_types,
    packages,
    pick_tasks,
    settings,
    shipments,
    totes,
)
from db.warehouse_filters import orders_picked_in
from db.warehouses_repo import WarehouseScope


class SqlPackingRepository:
    def __init__(self, connection: Connection, now, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._now = now
        # The warehouse whose site settings and label counters these are (db/warehouses_repo.py)
        self._scope = scope or WarehouseScope(connection, None)

    # ---- finding the order ----------------------------------------------------------------
    def order_ref_for_tote(self, code: str) -> int | None:
        query = select(totes.c.order_id).where(totes.c.code == code)
        return self.connection.execute(query).scalar()

    def order_refs_for_order_id(self, order_id: str) -> list[int]:
        query = select(orders.c.id).where(orders.c.order_id == order_id).order_by(orders.c.id)
        return list(self.connection.execute(query).scalars())

    def order_refs_for_pick_list(self, pick_list_id: int) -> list[int]:
        """The pick list's orders not packed yet, in order."""
        query = (
            select(orders.c.id)
            .join(order_lines, order_lines.c.order_id == orders.c.id)
            .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
            .where(pick_tasks.c.pick_list_id == pick_list_id)
            .where(orders.c.status.not_in(["packed", "shipped", "cancelled"]))
            .group_by(orders.c.id)
            .order_by(orders.c.id)
        )
        return list(self.connection.execute(query).scalars())

    def ready_totes(self) -> list[tuple[int, str, int]]:
        """(tote id, tote code, order ref) of every tote a picker brought to packing; for a
        unit of work of a station with a home, those its own floor picked."""
        query = (
            select(totes.c.id, totes.c.code, totes.c.order_id)
            .where(totes.c.status == "ready", totes.c.order_id.is_not(None))
            .order_by(totes.c.order_id)
        )
        home = self._scope.only()
        if home is not None:
            query = query.where(totes.c.order_id.in_(orders_picked_in(home)))
        return [tuple(row) for row in self.connection.execute(query)]

    def pick_lists_of(self, order_refs: list[int]) -> dict[int, list[int]]:
        """The pick lists each order was picked on (a `PL:` scan finds the order by them)."""
        query = (
            select(order_lines.c.order_id, pick_tasks.c.pick_list_id)
            .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
            .where(order_lines.c.order_id.in_(order_refs))
            .group_by(order_lines.c.order_id, pick_tasks.c.pick_list_id)
            .order_by(pick_tasks.c.pick_list_id)
        )
        found: dict[int, list[int]] = defaultdict(list)
        for order_ref, list_id in self.connection.execute(query):
            found[order_ref].append(list_id)
        return dict(found)

    def load_view(self, order_ref: int) -> PackOrderView | None:
        return self.load_views([order_ref]).get(order_ref)

    def load_views(self, order_refs: list[int]) -> dict[int, PackOrderView]:
        """The packer's view of each of these orders that exists (db/pack_views.py)."""
        return PackViews(self.connection).load(order_refs, tuple(self.package_types()))

    # ---- carton types ---------------------------------------------------------------------
    def package_types(self) -> list[PackageType]:
        rows = self.connection.execute(select(package_types).order_by(package_types.c.code))
        return [
            PackageType(r.code, r.name, r.length_cm, r.width_cm, r.height_cm, r.tare_kg)
            for r in rows
        ]

    def save_package_type(self, t: PackageType) -> None:
        values = dict(t.__dict__)
        code = values.pop("code")
        changed = self.connection.execute(
            update(package_types).where(package_types.c.code == code).values(**values)
        ).rowcount
        if not changed:
            self.connection.execute(insert(package_types).values(code=code, **values))

    # ---- numbers --------------------------------------------------------------------------
    def next_counter(self, name: str, start: int = 1) -> int:
        """The next value of a persistent counter, each handed out once (row-locked by the
        UPDATE until the transaction ends, so two stations never get the same one)."""
        return self.reserve_counter(name, 1, start)

    def reserve_counter(self, name: str, count: int, start: int = 1) -> int:
        """Advance a counter by `count` in one statement and return its new value: the caller
        owns `value - count + 1 ... value` (a station's block of numbers for offline use)."""
        name = self._scope.counter_name(name)
        if self._through_the_door():
            query = text("SELECT shipshape_reserve_numbers(:name, :count)")
            return self.connection.execute(query, {"name": name, "count": count}).scalar_one()
        dialect_insert = (
            pg_insert if self.connection.dialect.name == "postgresql" else sqlite_insert
        )
        self.connection.execute(
            dialect_insert(counters)
            .values(name=name, value=start - 1)
            .on_conflict_do_nothing(index_elements=["name"])
        )
        return self.connection.execute(
            update(counters)
            .where(counters.c.name == name)
            .values(value=counters.c.value + count)
            .returning(counters.c.value)
        ).scalar_one()

    def counter_value(self, name: str) -> int | None:
        """The last value a counter handed out; None before its first."""
        name = self._scope.counter_name(name)
        query = select(counters.c.value).where(counters.c.name == name)
        return self.connection.execute(query).scalar()

    def advance_counter(self, name: str, at_least: int) -> None:
        """Move a counter forward to `at_least` (a new range set by a lead); never back, so a
        number handed out is never handed out again."""
        name = self._scope.counter_name(name)
        if self.connection.dialect.name == "postgresql":
            # Through the checked function (migration 0021): the owner and a lead's desk alike,
            # as row security keeps these counters out of the desk's reach.
            query = text("SELECT shipshape_advance_counter(:name, :at_least)")
            self.connection.execute(query, {"name": name, "at_least": at_least})
            return
        self.connection.execute(
            sqlite_insert(counters)
            .values(name=name, value=at_least)
            .on_conflict_do_nothing(index_elements=["name"])
        )
        self.connection.execute(
            update(counters)
            .where(counters.c.name == name, counters.c.value < at_least)
            .values(value=at_least)
        )

    def _through_the_door(self) -> bool:
        """A station login may not move counters: it reserves through the checked function
        (migration 0015), which only ever moves an SSCC or tracking counter forward."""
        if self.connection.dialect.name != "postgresql":
            return False
        query = text("SELECT has_table_privilege('counters', 'UPDATE')")
        return not self.connection.execute(query).scalar_one()

    def tracking_number_for(self, order_ref: int) -> str | None:
        query = (
            select(shipments.c.tracking_number)
            .where(shipments.c.order_id == order_ref)
            .order_by(shipments.c.id)
        )
        return self.connection.execute(query).scalars().first()

    def setting(self, key: str):
        key = self._scope.setting_key(key)
        return self.connection.execute(
            select(settings.c.value).where(settings.c.key == key)
        ).scalar()

    # ---- applying facts -------------------------------------------------------------------
    def add_packed(self, line_id: int, quantity: int) -> None:
        self.connection.execute(
            update(order_lines)
            .where(order_lines.c.id == line_id)
            .values(packed=order_lines.c.packed + quantity)
        )

    def add_package(self, order_ref: int, closed: dict, created_at) -> int:
        shipment_id = self.connection.execute(
            select(shipments.c.id).where(shipments.c.tracking_number == closed["tracking_number"])
        ).scalar()
        if shipment_id is None:
            shipment_id = self.connection.execute(
                insert(shipments)
                .values(
                    order_id=order_ref,
                    carrier=closed.get("carrier") or "",
                    tracking_number=closed["tracking_number"],
                    created_at=created_at,
                )
                .returning(shipments.c.id)
            ).scalar_one()
        package_id = self.connection.execute(
            insert(packages)
            .values(
                shipment_id=shipment_id,
                index=closed["carton"],
                sscc=closed["sscc"],
                weight_kg=closed["weight_kg"],
                carton_type=closed["package_type"],
                packed_at=created_at,
            )
            .returning(packages.c.id)
        ).scalar_one()
        rows = [
            {
                "package_id": package_id,
                "order_line_id": item["line_id"],
                "quantity": item["quantity"],
                "serial": item.get("serial"),
            }
            for item in closed["items"]
        ]
        if rows:
            self.connection.execute(insert(package_items), rows)
        return package_id

    def packed_serials(self, items: list[dict]) -> list[str]:
        """Which of these items' serials (of the same product) are in a carton already, on any
        order: uses the serial index (migration 0005)."""
        wanted = {(item["line_id"], item["serial"]) for item in items if item.get("serial")}
        line_ids = sorted({line_id for line_id, _serial in wanted})
        product_of = dict(
            self.connection.execute(
                select(order_lines.c.id, order_lines.c.product_id).where(
                    order_lines.c.id.in_(line_ids)
                )
            ).all()
        )
        packed = order_lines.alias("packed_line")
        query = (
            select(packed.c.product_id, package_items.c.serial)
            .join(packed, packed.c.id == package_items.c.order_line_id)
            .where(package_items.c.serial.in_(sorted({serial for _line, serial in wanted})))
        )
        found = set(self.connection.execute(query).all())
        return sorted(
            serial for line_id, serial in wanted if (product_of.get(line_id), serial) in found
        )

    def free_tote(self, order_ref: int) -> None:
        self.connection.execute(
            update(totes).where(totes.c.order_id == order_ref).values(order_id=None, status="free")
        )

    def add_exception(self, kind: str, order_ref: int | None, details: dict, **resolved) -> None:
        values = {"status": "open", "note": ""} | resolved
        self.connection.execute(
            insert(exceptions).values(
                kind=kind, order_ref=order_ref, details=details, created_at=self._now(), **values
            )
        )

    def open_exception_details(self, kind: str) -> list[dict]:
        query = select(exceptions.c.details).where(
            exceptions.c.kind == kind, exceptions.c.status == "open"
        )
        return [dict(d or {}) for d in self.connection.execute(query).scalars()]
