"""The packer's view of orders (`PackOrderView`), many at once: a few set-based queries
per piece of orders, so a packing station's pull of hundreds of ready orders costs a handful of
round trips, not a handful per order (db/packing_repo.py `load_view` is a one-order call)."""

from __future__ import annotations

import math
from collections import defaultdict

from sqlalchemy import Connection, func, literal, select

from app.domain.packing import PackageType, PackLine, PackOrderView
from db.readable_rows import readable_rows, report
from db.schema import (
    exceptions,
    order_lines,
    orders,
    package_items,
    packages,
    product_gtins,
    products,
    shipments,
    totes,
)

ORDER_VIEW_COLUMNS = (
    orders.c.id,
    orders.c.order_id,
    orders.c.channel,
    orders.c.status,
    orders.c.carrier,
    orders.c.service,
    orders.c.ship_to,
    orders.c.reason,
)
# A lead's resolutions of a short pick that mean "ship what was picked" (app/services/lead:
# the missing units are backordered or written off), plus an explicit "ship_partial".
PARTIAL_RESOLUTIONS = ("backorder", "mark_damaged", "ship_partial")
# Orders whose views one set of queries loads (an IN list each: well under SQLite's limit).
VIEWS_PER_QUERY = 200
# What the packer's view needs of each line's product (the packing checks among it).
PRODUCT_COLUMNS = (
    products.c.sku,
    products.c.name,
    products.c.unit_weight_kg,
    products.c.serial_required,
    products.c.length_cm,
    products.c.width_cm,
    products.c.height_cm,
    products.c.no_barcode,
)


class PackViews:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def load(
        self, order_refs: list[int], package_types: tuple[PackageType, ...]
    ) -> dict[int, PackOrderView]:
        """The view of each of these orders that exists, the same as loading them one by one."""
        found: dict[int, PackOrderView] = {}
        refs = sorted(set(order_refs))
        for start in range(0, len(refs), VIEWS_PER_QUERY):
            found |= self._views_of(refs[start : start + VIEWS_PER_QUERY], package_types)
        return found

    def _views_of(self, refs: list[int], package_types: tuple) -> dict[int, PackOrderView]:
        heads = self._order_heads(refs)
        lines = _by_order(
            self.connection.execute(
                select(order_lines, *PRODUCT_COLUMNS)
                .join(products, products.c.id == order_lines.c.product_id)
                .where(order_lines.c.order_id.in_(refs))
                .order_by(order_lines.c.order_id, order_lines.c.line_no)
            ).all()
        )
        all_lines = [line for order_lines_ in lines.values() for line in order_lines_]
        gtins = self._gtins(sorted({line.product_id for line in all_lines}))
        partial = self._partial_allowed(refs)
        first_tote = self._first_of(select(totes.c.order_id, totes.c.code), totes, refs)
        tracking = self._first_of(
            select(shipments.c.order_id, shipments.c.tracking_number), shipments, refs
        )
        cartons = self._cartons_closed(refs)
        serials = self._shipped_serials(all_lines)
        views = {}
        for ref, order in heads.items():
            mine = lines.get(ref, [])
            views[ref] = PackOrderView(
                order_ref=order.id,
                order_id=order.order_id,
                channel=order.channel,
                status=order.status,
                carrier=order.carrier,
                service=order.service,
                ship_to=_address(order),
                lines=_pack_lines(mine, gtins, ref in partial),
                tote=first_tote.get(ref),
                flags=_flags(order.status, mine),
                partial_allowed=ref in partial,
                cartons_closed=cartons.get(ref, 0),
                package_types=package_types,
                shipped_serials=_serials_of(mine, serials),
                tracking_number=tracking.get(ref),
                reason=order.reason,
            )
        return views

    def _order_heads(self, refs: list[int]) -> dict:
        """Only what the packer shows, so a date no driver can read (ship_by) never matters; an
        address that cannot be read (not JSON) is reported and shown empty: the order can still
        be packed, and a station's pull of ready orders never fails for it."""
        query = select(*ORDER_VIEW_COLUMNS).where(orders.c.id.in_(refs))
        heads = {
            row.id: row
            for row in readable_rows(self.connection, query, orders.c.id, "order address")
        }
        unread = [ref for ref in refs if ref not in heads]
        if unread:
            without_address = query.with_only_columns(
                *(c for c in ORDER_VIEW_COLUMNS if c is not orders.c.ship_to),
                literal(None).label("ship_to"),
            ).where(orders.c.id.in_(unread))
            heads |= {row.id: row for row in self.connection.execute(without_address)}
        return heads

    def _first_of(self, query, table, refs: list[int]) -> dict:
        """order ref -> the value of its first row (lowest id) of `table`: an order's tote, or
        the tracking number of its shipment."""
        rows = self.connection.execute(
            query.where(table.c.order_id.in_(refs)).order_by(table.c.id.desc())
        )
        return dict(rows.all())  # the last written per key is the lowest id

    def _gtins(self, product_ids: list[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = defaultdict(list)
        query = (
            select(product_gtins.c.product_id, product_gtins.c.gtin)
            .where(product_gtins.c.product_id.in_(product_ids))
            .order_by(product_gtins.c.gtin)
        )
        for product_id, gtin in self.connection.execute(query):
            found[product_id].append(gtin)
        return found

    def _partial_allowed(self, refs: list[int]) -> set[int]:
        """Which of these orders a lead allowed to ship what was picked."""
        query = select(exceptions.c.order_ref).where(
            exceptions.c.order_ref.in_(refs), exceptions.c.resolution.in_(PARTIAL_RESOLUTIONS)
        )
        return set(self.connection.execute(query.distinct()).scalars())

    def _cartons_closed(self, refs: list[int]) -> dict[int, int]:
        query = (
            select(shipments.c.order_id, func.count())
            .select_from(packages.join(shipments, shipments.c.id == packages.c.shipment_id))
            .where(shipments.c.order_id.in_(refs))
            .group_by(shipments.c.order_id)
        )
        return dict(self.connection.execute(query).all())

    def _shipped_serials(self, lines) -> dict[int, set[tuple[str, str]]]:
        """product id -> serials (with its sku) of that product that already went out in any
        carton, for the products of these lines."""
        product_ids = sorted({line.product_id for line in lines})
        query = (
            select(order_lines.c.product_id, products.c.sku, package_items.c.serial)
            .join(order_lines, order_lines.c.id == package_items.c.order_line_id)
            .join(products, products.c.id == order_lines.c.product_id)
            .where(package_items.c.serial.is_not(None))
            .where(order_lines.c.product_id.in_(product_ids))
        )
        found: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for product_id, sku, serial in self.connection.execute(query):
            found[product_id].add((sku, serial))
        return found


def _by_order(lines) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    for line in lines:
        found[line.order_id].append(line)
    return found


def _pack_lines(lines, gtins: dict[int, list[str]], partial: bool) -> tuple[PackLine, ...]:
    """What must go into cartons now: the ordered quantity, or what was picked when a lead
    allowed a partial shipment; with each product's serial and no-barcode rules and dimensions."""
    return tuple(
        PackLine(
            line.id,
            line.sku,
            line.name,
            tuple(gtins.get(line.product_id, ())),
            line.quantity,
            line.picked,
            line.packed,
            _weight(line),
            line.picked if partial else line.quantity,
            bool(line.serial_required),
            _dimensions(line),
            bool(line.no_barcode),
        )
        for line in lines
    )


def _serials_of(lines, shipped: dict[int, set[tuple[str, str]]]) -> frozenset[tuple[str, str]]:
    """Serials of the products of an order's lines that already went out in any carton."""
    return frozenset(
        pair
        for product_id in {line.product_id for line in lines}
        for pair in shipped.get(product_id, ())
    )


def _address(order) -> dict:
    """The stored ship-to, or an empty one (reported) when it is not an address at all."""
    if isinstance(order.ship_to, dict):
        return dict(order.ship_to)
    report("order address", order.id, TypeError(f"ship_to is {type(order.ship_to).__name__}"))
    return {}


def _weight(line) -> float:
    """The unit weight, or 0 (reported) for a stored NaN or infinity: no weight is better than
    one that makes every carton's weight check meaningless."""
    weight = line.unit_weight_kg
    if weight is None or math.isfinite(weight):
        return weight
    report("product weight", line.sku, ValueError(f"unit_weight_kg is {weight}"))
    return 0.0


def _dimensions(line) -> tuple[float, float, float] | None:
    sizes = (line.length_cm, line.width_cm, line.height_cm)
    return None if None in sizes else sizes


def _flags(status: str, lines) -> tuple[str, ...]:
    flags = []
    if any(line.picked < line.quantity for line in lines):
        flags.append("short_pick")
    if status == "on_hold":
        flags.append("on_hold")
    if status == "exception":
        flags.append("exception")
    if status in ("received", "allocated", "released"):
        flags.append("not_picked")
    if status in ("packed", "shipped", "cancelled"):
        flags.append(status)
    return tuple(flags)
