"""A demo central database with picked orders in totes: for the packing tests, benches and
screenshots (a station to pack at needs totes someone picked).

Until the picker screens feed it, a test marks a released demo order's lines picked and binds a
tote to it directly (what the picker's `finish` will do).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, insert, select, update

from app.bootstrap import open_central
from app.services import demo
from db.schema import order_lines, orders, product_gtins, products, totes

_TEMPLATE: dict[str, Path] = {}


def demo_central(tmp_path: Path, template_dir: Path):
    """A fresh copy of the seeded demo database (seeded once per test session)."""
    if "db" not in _TEMPLATE:
        path = template_dir / "demo-template.sqlite"
        central = open_central(f"sqlite:///{path}")
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        central.close()
        _TEMPLATE["db"] = path
    copy = tmp_path / "central.sqlite"
    shutil.copy(_TEMPLATE["db"], copy)
    return open_central(f"sqlite:///{copy}")


@dataclass(frozen=True)
class PickedLine:
    line_id: int
    sku: str
    gtin: str
    quantity: int
    unit_weight_kg: float
    serial_required: bool = False
    no_barcode: bool = False  # no GTIN (gtin is None): the packer types the count

    def unit_scans(self, units: int | None = None, first: int = 1) -> list[str]:
        """What a packer scans for each unit: the EAN, or for a serial-required product the
        GS1 barcode with its serial (AI 21; unique per line and unit number, from `first`).
        A product without a barcode: the count, typed once."""
        count = self.quantity if units is None else units
        if self.no_barcode:
            return [str(count)]
        if not self.serial_required:
            return [self.gtin] * count
        numbers = range(first, first + count)
        return [f"01{self.gtin.zfill(14)}21SN{self.line_id}U{n}" for n in numbers]


@dataclass(frozen=True)
class PickedOrder:
    order_ref: int
    order_id: str
    tote: str
    lines: list[PickedLine]

    @property
    def weight_kg(self) -> float:
        return sum(line.unit_weight_kg * line.quantity for line in self.lines)


def released_orders(central, min_lines: int = 1, max_lines: int = 3) -> list[int]:
    query = (
        select(orders.c.id)
        .join(order_lines, order_lines.c.order_id == orders.c.id)
        .where(orders.c.status == "released")
        .group_by(orders.c.id)
        .having(func.count() >= min_lines, func.count() <= max_lines)
        .order_by(orders.c.id)
    )
    with central.engine.connect() as conn:
        return list(conn.execute(query).scalars())


def pick_into_tote(
    central,
    order_ref: int,
    tote: str,
    short: dict[int, int] | None = None,
    quantity: int | None = None,
):
    """Mark the order picked (minus `short` units per line index) and put it in `tote`, ready to
    pack (as the picker's `picklist.finished` leaves it). `quantity`: every line's ordered
    quantity becomes that first (a test that needs several units per line)."""
    short = short or {}
    with central.engine.begin() as conn:
        if quantity is not None:
            conn.execute(
                update(order_lines)
                .where(order_lines.c.order_id == order_ref)
                .values(quantity=quantity)
            )
        rows = _line_rows(conn, order_ref)
        for n, row in enumerate(rows):
            conn.execute(
                update(order_lines)
                .where(order_lines.c.id == row.id)
                .values(picked=row.quantity - short.get(n, 0))
            )
        status = "exception" if short else "picked"
        conn.execute(update(orders).where(orders.c.id == order_ref).values(status=status))
        conn.execute(insert(totes).values(code=tote, order_id=order_ref, status="ready"))
        order_id = conn.execute(select(orders.c.order_id).where(orders.c.id == order_ref)).scalar()
    return PickedOrder(order_ref, order_id, tote, _picked_lines(rows))


def picked_order(central, order_ref: int, tote: str) -> PickedOrder:
    """An order a picker really picked into `tote` (its picks recorded as facts), as a packer
    meets it: read only."""
    with central.engine.connect() as conn:
        rows = _line_rows(conn, order_ref)
        order_id = conn.execute(select(orders.c.order_id).where(orders.c.id == order_ref)).scalar()
    return PickedOrder(order_ref, order_id, tote, _picked_lines(rows))


def _line_rows(conn, order_ref: int) -> list:
    return conn.execute(
        select(
            order_lines.c.id,
            order_lines.c.quantity,
            products.c.sku,
            products.c.unit_weight_kg,
            func.min(product_gtins.c.gtin),
            products.c.serial_required,
            products.c.no_barcode,
        )
        .join(products, products.c.id == order_lines.c.product_id)
        .outerjoin(product_gtins, product_gtins.c.product_id == products.c.id)
        .where(order_lines.c.order_id == order_ref)
        .group_by(
            order_lines.c.id,
            order_lines.c.quantity,
            order_lines.c.line_no,
            products.c.sku,
            products.c.unit_weight_kg,
            products.c.serial_required,
            products.c.no_barcode,
        )
        .order_by(order_lines.c.line_no)
    ).all()


def _picked_lines(rows) -> list[PickedLine]:
    return [
        PickedLine(
            r.id,
            r.sku,
            r[4],
            r.quantity,
            r.unit_weight_kg,
            bool(r.serial_required),
            bool(r.no_barcode),
        )
        for r in rows
    ]


def loose_hardware_order(central, tote: str, count: int = 3) -> PickedOrder:
    """A released demo order of two or more lines whose last line is a demo product without a
    barcode (`LOOSE_HARDWARE`, `count` of them), picked into `tote`: what a packer meets when a
    picker typed the count of loose screws."""
    from app.demo.products import LOOSE_HARDWARE

    ref = released_orders(central, 2)[0]
    with central.engine.begin() as conn:
        loose = conn.execute(
            select(products.c.id).where(products.c.name == next(iter(LOOSE_HARDWARE.values())))
        ).scalar_one()
        last = conn.execute(
            select(order_lines.c.id)
            .where(order_lines.c.order_id == ref)
            .order_by(order_lines.c.line_no.desc())
        ).first()
        conn.execute(
            update(order_lines)
            .where(order_lines.c.id == last.id)
            .values(product_id=loose, quantity=count)
        )
    return pick_into_tote(central, ref, tote)
