"""Products with their GTINs, and the site layout (warehouse, aisles, locations), over
SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from app.domain.catalog import Product, UnitSize
from app.domain.warehouses import Warehouse
from db.schema import aisles, locations, product_gtins, products, stock, warehouses
from db.warehouses_repo import WarehouseScope


class SqlCatalogRepository:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._scope = scope or WarehouseScope(connection, None)

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

    def unit_sizes(self, skus: Iterable[str]) -> dict[str, UnitSize]:
        """Each known SKU's unit weight (`unit_weight_kg`) and volume in litres (length × width
        × height / 1000; 0 unless all three are known), SKUs nobody has left out: one query for
        a whole wave's SKUs."""
        skus = list(set(skus))
        found: dict[str, UnitSize] = {}
        columns = (products.c.length_cm, products.c.width_cm, products.c.height_cm)
        for start in range(0, len(skus), 900):  # keep under SQLite's bound-parameter limit
            query = select(products.c.sku, products.c.unit_weight_kg, *columns).where(
                products.c.sku.in_(skus[start : start + 900])
            )
            for sku, kg, length, width, height in self.connection.execute(query):
                known = None not in (length, width, height)
                litres = length * width * height / 1000 if known else 0.0
                found[sku] = UnitSize(float(kg or 0.0), float(litres))
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

    def location_codes(self, warehouse_id: int | None = None) -> set[str]:
        """The location codes of one warehouse; when `warehouse_id` is None, of the warehouse
        this unit of work is limited to (a station's home), else of all of them."""
        warehouse_id = warehouse_id if warehouse_id is not None else self._scope.only()
        query = select(locations.c.code)
        if warehouse_id is not None:
            query = query.where(locations.c.warehouse_id == warehouse_id)
        return set(self.connection.execute(query).scalars())

    def warehouses_of(self, codes: Iterable[str]) -> dict[str, Warehouse]:
        """The warehouse each of these location codes is in (codes nobody has are left out)."""
        wanted = list(set(codes))
        found: dict[str, Warehouse] = {}
        for start in range(0, len(wanted), 900):  # keep under SQLite's bound-parameter limit
            query = (
                select(
                    locations.c.code.label("location"),
                    warehouses.c.id,
                    warehouses.c.code,
                    warehouses.c.name,
                )
                .join(warehouses, warehouses.c.id == locations.c.warehouse_id)
                .where(locations.c.code.in_(wanted[start : start + 900]))
            )
            for row in self.connection.execute(query):
                found[row.location] = Warehouse(row.id, row.code, row.name)
        return found

    def codes_holding_stock(self, codes: Iterable[str]) -> set[str]:
        query = (
            select(locations.c.code)
            .join(stock, stock.c.location_id == locations.c.id)
            .where(locations.c.code.in_(list(codes)), stock.c.on_hand > 0)
        )
        return set(self.connection.execute(query).scalars())

    def save_layout(self, layout, warehouse_id: int) -> tuple[int, int]:
        """Create or update one warehouse's aisles and locations from a layout; returns
        (locations kept or added, removed).

        The caller has checked that no location to be removed holds stock, and that no code of
        the layout is another warehouse's.
        """
        aisle_ids = self._save_aisles(warehouse_id, layout)
        query = select(locations.c.code, locations.c.id).where(
            locations.c.warehouse_id == warehouse_id
        )
        existing = dict(self.connection.execute(query).all())
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

    def layout_document(self, warehouse_id: int | None = None) -> dict | None:
        """The layout of warehouse `warehouse_id`; when None, of the warehouse this unit of work
        is limited to (a station's home), else of the first warehouse."""
        query = select(warehouses.c.layout).order_by(warehouses.c.id).limit(1)
        wanted = warehouse_id if warehouse_id is not None else self._scope.only()
        if wanted is not None:
            query = query.where(warehouses.c.id == wanted)
        return self.connection.execute(query).scalar()

    def working_warehouse(self) -> int | None:
        """The warehouse this unit of work works for: the one it is limited to (a station's
        home), else the first (None while there is none)."""
        home = self._scope.only()
        if home is not None:
            return home
        return self.connection.execute(select(func.min(warehouses.c.id))).scalar()

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
