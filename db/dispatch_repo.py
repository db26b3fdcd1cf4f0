"""Dispatch over SQLAlchemy Core (`uow.dispatch`): load units and their carrier, the cartons
on them, manifests, and each order's shipments as `orders --json` lists them.

A carton's dispatch status is derived, never stored twice: `shipped` when its load row carries
a manifest, `loaded` when it has a load row, else `packed`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from app.domain.dispatch import Carton, LeftBehind, Manifest, ManifestParcel, ParcelView
from db.schema import (
    load_units,
    manifests,
    orders,
    packages,
    parcel_loads,
    shipments,
)
from db.users_repo import aware
from db.warehouse_filters import orders_picked_in
from db.warehouses_repo import WarehouseScope

# Orders whose cartons may be at the dock: packed, or held or cancelled after packing.
DOCK_STATUSES = ("packed", "on_hold", "cancelled")
CARTON_COLUMNS = (
    packages.c.id,
    packages.c.index,
    packages.c.sscc,
    packages.c.weight_kg,
    shipments.c.tracking_number,
    shipments.c.order_id.label("order_ref"),
    shipments.c.carrier,
    parcel_loads.c.unit,
    parcel_loads.c.manifest_id,
)
ORDER_COLUMNS = (
    orders.c.channel,
    orders.c.order_id.label("oid"),
    orders.c.status,
    orders.c.carrier.label("order_carrier"),
    orders.c.service,
)
_CARTONS = (
    packages.join(shipments, shipments.c.id == packages.c.shipment_id)
    .join(orders, orders.c.id == shipments.c.order_id)
    .outerjoin(parcel_loads, parcel_loads.c.package_id == packages.c.id)
)


def _status(row) -> str:
    if row.manifest_id is not None:
        return "shipped"
    return "loaded" if row.unit is not None else "packed"


class SqlDispatchRepository:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._scope = scope  # a dock (or lead desk) with a home: its warehouse's parcels alone

    def _at_home(self, query):
        """`query` of cartons limited to the home warehouse's orders (no home: all)."""
        home = self._scope.only() if self._scope is not None else None
        return query if home is None else query.where(orders.c.id.in_(orders_picked_in(home)))

    # ---- load units ------------------------------------------------------------------------
    def unit_carrier(self, code: str) -> str | None:
        query = select(load_units.c.carrier).where(load_units.c.code == code)
        return self.connection.execute(query).scalar()

    def bind_unit(self, code: str, carrier: str, at: datetime, by: str) -> str:
        """Bind a free unit to `carrier`; the carrier it is bound to afterwards (maybe another)."""
        bound = self.connection.execute(
            select(load_units.c.code, load_units.c.carrier).where(load_units.c.code == code)
        ).first()
        if bound is None:
            row = {"code": code, "carrier": carrier, "bound_at": at, "bound_by": by}
            self.connection.execute(insert(load_units).values(**row))
            return carrier
        if bound.carrier is None:
            self.connection.execute(
                update(load_units)
                .where(load_units.c.code == code)
                .values(carrier=carrier, bound_at=at, bound_by=by)
            )
            return carrier
        return bound.carrier

    def free_units(self, codes: list[str]) -> None:
        if codes:
            self.connection.execute(
                update(load_units).where(load_units.c.code.in_(codes)).values(carrier=None)
            )

    # ---- cartons ---------------------------------------------------------------------------
    def parcels(self, code: str) -> list[ParcelView]:
        """The cartons an SSCC or a tracking number names (a tracking number: every carton of
        its order's shipment), each with all its order's cartons."""
        rows: list = []
        # One indexed look-up each (an OR across the two joined tables would scan them all).
        for column in (packages.c.sscc, shipments.c.tracking_number):
            query = (
                select(*CARTON_COLUMNS, *ORDER_COLUMNS).select_from(_CARTONS).where(column == code)
            )
            rows = self.connection.execute(query.order_by(packages.c.index)).all()
            if rows:
                break
        if not rows:
            return []
        ref = rows[0].order_ref
        cartons = tuple(self._cartons([ref]).get(ref, []))
        return [_view(row, cartons) for row in rows]

    def package_of(self, package_id: int | None, sscc: str | None) -> tuple[int, int] | None:
        """(package id, order ref) of the carton a dispatch fact names."""
        condition = packages.c.id == package_id if package_id else packages.c.sscc == sscc
        if package_id is None and not sscc:
            return None
        row = self.connection.execute(
            select(packages.c.id, shipments.c.order_id)
            .select_from(packages.join(shipments, shipments.c.id == packages.c.shipment_id))
            .where(condition)
        ).first()
        return None if row is None else (row[0], row[1])

    def order_status(self, order_ref: int) -> str:
        query = select(orders.c.status).where(orders.c.id == order_ref)
        return self.connection.execute(query).scalar_one()

    def load_of(self, package_id: int) -> dict | None:
        row = self.connection.execute(
            select(parcel_loads).where(parcel_loads.c.package_id == package_id)
        ).first()
        return None if row is None else dict(row._mapping)

    def add_load(self, package_id: int, order_ref: int, unit: str, carrier: str, **who) -> None:
        values = {"package_id": package_id, "order_ref": order_ref, "unit": unit}
        self.connection.execute(insert(parcel_loads).values(values | {"carrier": carrier} | who))

    def remove_load(self, package_id: int) -> None:
        self.connection.execute(
            delete(parcel_loads).where(
                parcel_loads.c.package_id == package_id, parcel_loads.c.manifest_id.is_(None)
            )
        )

    def _cartons(self, order_refs: list[int]) -> dict[int, list[Carton]]:
        query = (
            select(*CARTON_COLUMNS)
            .select_from(_CARTONS)
            .where(shipments.c.order_id.in_(order_refs))
            .order_by(shipments.c.order_id, packages.c.index)
        )
        found: dict[int, list[Carton]] = defaultdict(list)
        for row in self.connection.execute(query):
            found[row.order_ref].append(
                Carton(
                    row.index, row.sscc, row.tracking_number, row.weight_kg, _status(row), row.unit
                )
            )
        return found

    def carton_statuses(self, order_refs: list[int]) -> dict[int, list[str]]:
        cartons = self._cartons(order_refs)
        return {ref: [c.status for c in found] for ref, found in cartons.items()}

    # ---- what an offline dock keeps (db/station/dispatch.py) -------------------------------
    def dock_parcels(self) -> list[ParcelView]:
        """Every carton not shipped yet of orders packed (or held or cancelled since)."""
        query = (
            select(*CARTON_COLUMNS, *ORDER_COLUMNS)
            .select_from(_CARTONS)
            .where(orders.c.status.in_(DOCK_STATUSES), parcel_loads.c.manifest_id.is_(None))
            .order_by(shipments.c.order_id, packages.c.index)
        )
        rows = self.connection.execute(self._at_home(query)).all()
        by_order: dict[int, list] = defaultdict(list)
        for row in rows:
            by_order[row.order_ref].append(row)
        views = []
        for found in by_order.values():
            cartons = tuple(
                Carton(r.index, r.sscc, r.tracking_number, r.weight_kg, _status(r), r.unit)
                for r in found
            )
            views += [_view(row, cartons) for row in found]
        return views

    def units(self) -> dict[str, str]:
        """Load unit → the carrier it is bound to now (free units left out)."""
        query = select(load_units.c.code, load_units.c.carrier).where(
            load_units.c.carrier.is_not(None)
        )
        return {code: carrier for code, carrier in self.connection.execute(query)}

    # ---- closing a carrier -----------------------------------------------------------------
    def loaded_open(self) -> list[tuple[ManifestParcel, str]]:
        """Every carton on a unit and not closed yet, with its unit's carrier."""
        query = (
            select(
                *CARTON_COLUMNS,
                orders.c.channel,
                orders.c.order_id.label("oid"),
                orders.c.service,
                parcel_loads.c.carrier.label("unit_carrier"),
            )
            .select_from(_CARTONS)
            .where(parcel_loads.c.package_id.is_not(None), parcel_loads.c.manifest_id.is_(None))
            .order_by(packages.c.id)
        )
        found = self.connection.execute(self._at_home(query))
        return [(_manifest_parcel(row), row.unit_carrier) for row in found]

    def packed_not_loaded(self) -> list[tuple[LeftBehind, str]]:
        """Cartons of packed orders on no unit, with their order's carrier."""
        query = (
            select(
                packages.c.index,
                packages.c.sscc,
                orders.c.id,
                orders.c.channel,
                orders.c.order_id,
                orders.c.carrier,
                func.coalesce(packages.c.packed_at, shipments.c.created_at).label("packed_at"),
            )
            .select_from(_CARTONS)
            .where(orders.c.status == "packed", parcel_loads.c.package_id.is_(None))
            .order_by(orders.c.id, packages.c.index)
        )
        return [
            (
                LeftBehind(r.channel, r.order_id, r.index, r.id, r.sscc, aware(r.packed_at)),
                r.carrier,
            )
            for r in self.connection.execute(self._at_home(query))
        ]

    def manifest_count(self) -> int:
        return self.connection.execute(select(func.count()).select_from(manifests)).scalar_one()

    def add_manifest(self, manifest: Manifest) -> int:
        values = {
            "code": manifest.code,
            "carrier": manifest.carrier,
            "closed_at": manifest.closed_at,
            "closed_by": manifest.closed_by,
            "station": manifest.station,
            "parcels": len(manifest.parcels),
            "orders_shipped": manifest.orders_shipped,
            "weight_kg": manifest.weight_kg,
            "document": manifest.document(),
        }
        query = insert(manifests).values(**values).returning(manifests.c.id)
        manifest_id = self.connection.execute(query).scalar_one()
        ids = [p.package_id for p in manifest.parcels]
        for start in range(0, len(ids), 500):
            self.connection.execute(
                update(parcel_loads)
                .where(parcel_loads.c.package_id.in_(ids[start : start + 500]))
                .values(manifest_id=manifest_id)
            )
        return manifest_id

    def manifests_since(self, since: datetime) -> list[tuple[str, str, datetime]]:
        query = (
            select(manifests.c.code, manifests.c.carrier, manifests.c.closed_at)
            .where(manifests.c.closed_at >= since)
            .order_by(manifests.c.id)
        )
        return [tuple(row) for row in self.connection.execute(query)]  # type: ignore[misc]

    def manifest_document(self, code: str) -> dict | None:
        query = select(manifests.c.document).where(manifests.c.code == code)
        return self.connection.execute(query).scalar()

    # ---- orders --json ---------------------------------------------------------------------
    def shipments_of(self, order_refs: list[int]) -> dict[int, list[dict]]:
        query = (
            select(*CARTON_COLUMNS, orders.c.service, orders.c.carrier.label("order_carrier"))
            .select_from(_CARTONS)
            .where(shipments.c.order_id.in_(order_refs))
            .order_by(shipments.c.order_id, packages.c.index)
        )
        found: dict[int, list[dict]] = defaultdict(list)
        for row in self.connection.execute(query):
            found[row.order_ref].append(
                {
                    "carton": row.index,
                    "sscc": row.sscc,
                    "tracking_number": row.tracking_number,
                    "carrier": row.carrier or row.order_carrier,
                    "service": row.service,
                    "weight_kg": row.weight_kg,
                    "status": _status(row),
                }
            )
        return found


def _view(row, cartons: tuple[Carton, ...]) -> ParcelView:
    return ParcelView(
        package_id=row.id,
        order_ref=row.order_ref,
        channel=row.channel,
        order_id=row.oid,
        order_status=row.status,
        carrier=row.order_carrier or row.carrier,
        service=row.service,
        carton=row.index,
        sscc=row.sscc,
        tracking_number=row.tracking_number,
        weight_kg=row.weight_kg,
        status=_status(row),
        unit=row.unit,
        cartons=cartons,
    )


def _manifest_parcel(row) -> ManifestParcel:
    return ManifestParcel(
        row.id,
        row.order_ref,
        row.channel,
        row.oid,
        row.index,
        row.sscc,
        row.tracking_number,
        float(row.weight_kg or 0.0),
        row.unit,
        row.service,
    )
