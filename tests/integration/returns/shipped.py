"""Reading a shipped demo order for the returns tests: its codes, lines and GTINs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.schema import order_lines, orders, packages, product_gtins, products, shipments


@dataclass(frozen=True)
class Shipped:
    ref: int
    channel: str
    order_id: str
    tracking: str
    sscc: str
    lines: dict[str, int]  # sku → units shipped
    gtins: dict[str, str]  # sku → a GTIN

    @property
    def key(self) -> str:
        return f"{self.channel}/{self.order_id}"


def shipped_orders(central, lot_controlled: bool | None = None) -> list[Shipped]:
    with central.engine.connect() as conn:
        refs = (
            conn.execute(
                select(orders.c.id).where(orders.c.status == "shipped").order_by(orders.c.id)
            )
            .scalars()
            .all()
        )
        found = []
        for ref in refs:
            head = conn.execute(select(orders).where(orders.c.id == ref)).one()
            parcel = conn.execute(
                select(shipments.c.tracking_number, packages.c.sscc)
                .join(packages, packages.c.shipment_id == shipments.c.id)
                .where(shipments.c.order_id == ref)
            ).first()
            rows = conn.execute(
                select(
                    products.c.sku,
                    products.c.lot_controlled,
                    products.c.serial_required,
                    order_lines.c.packed,
                    func_gtin(),
                )
                .join(products, products.c.id == order_lines.c.product_id)
                .where(order_lines.c.order_id == ref)
            ).all()
            if any(r.serial_required for r in rows):
                continue
            if lot_controlled is not None and any(r.lot_controlled for r in rows) != lot_controlled:
                continue
            found.append(
                Shipped(
                    ref,
                    head.channel,
                    head.order_id,
                    parcel.tracking_number,
                    parcel.sscc,
                    {r.sku: r.packed for r in rows},
                    {r.sku: r.gtin for r in rows},
                )
            )
        return found


def func_gtin():
    return (
        select(product_gtins.c.gtin)
        .where(product_gtins.c.product_id == products.c.id)
        .order_by(product_gtins.c.gtin)
        .limit(1)
        .scalar_subquery()
        .label("gtin")
    )
