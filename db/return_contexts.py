"""The order behind a returned parcel, as the returns station sees it (docs/returns.md): what
was shipped with lots, serials and where it was picked, what the RMA expects back, the order's
return still open (a parcel left before it was closed: scanning it again resumes it), and every
code that finds it. Read-only, over SQLAlchemy Core; db/returns_repo.py builds on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection, func, select

from app.domain.returns import OpenReturn, ReturnContext, ReturnedItem, ShippedLine, ShippedLot
from db.schema import (
    allocations,
    events,
    locations,
    order_lines,
    orders,
    package_items,
    packages,
    pick_tasks,
    product_gtins,
    products,
    return_lines,
    returns,
    rma_lines,
    rmas,
    shipments,
    stock,
)

CHUNK = 500  # orders read at once for a station's copy


class ReturnContextReads:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # ---- the order behind a parcel -----------------------------------------------------------
    def context_for(self, code: str) -> ReturnContext | None:
        """By tracking number, SSCC (with or without its (00)), RMA number, or
        CHANNEL/ORDER_ID (or an order id alone when only one channel has it)."""
        code = code.strip()
        found = self._order_of(code)
        if found is None:
            return None
        ref, rma_ref = found
        contexts = self._contexts([ref], {ref: rma_ref} if rma_ref else None)
        context = contexts.get(ref)
        return None if context is None else _with_parcel(context, code)

    def _order_of(self, code: str) -> tuple[int, int | None] | None:
        c = self.connection
        rma = c.execute(select(rmas.c.order_ref, rmas.c.id).where(rmas.c.rma_id == code)).first()
        if rma is not None:
            return rma.order_ref, rma.id
        ref = c.execute(
            select(shipments.c.order_id).where(shipments.c.tracking_number == code)
        ).scalar()
        digits = code[2:] if len(code) == 20 and code.startswith("00") else code
        if ref is None and digits.isdigit() and len(digits) == 18:
            ref = c.execute(
                select(shipments.c.order_id)
                .join(packages, packages.c.shipment_id == shipments.c.id)
                .where(packages.c.sscc == digits)
            ).scalar()
        if ref is None:
            ref = self._by_order_id(code)
        return None if ref is None else (ref, None)

    def _by_order_id(self, code: str) -> int | None:
        channel, slash, order_id = code.partition("/")
        query = select(orders.c.id)
        if slash:
            query = query.where(orders.c.channel == channel, orders.c.order_id == order_id)
        else:
            query = query.where(orders.c.order_id == code)
        found = self.connection.execute(query.limit(2)).scalars().all()
        return found[0] if len(found) == 1 else None

    def recent_contexts(self, days: int, today: date) -> list[ReturnContext]:
        """Orders shipped in the last `days` days (or returned since), with every code that
        finds them: what a returns station keeps for when central cannot be reached."""
        since = datetime.combine(today - timedelta(days=days), datetime.min.time(), UTC)
        refs = self.connection.execute(
            select(events.c.order_ref)
            .where(events.c.kind == "order.shipped", events.c.occurred_at >= since)
            .distinct()
        ).scalars()
        refs = sorted(r for r in refs if r is not None)
        found = []
        for first in range(0, len(refs), CHUNK):  # IN lists of a bounded size (SQLite's limit)
            contexts = self._contexts(refs[first : first + CHUNK], None)
            codes = self._codes(list(contexts))
            found += [_with_codes(c, codes.get(ref, ())) for ref, c in contexts.items()]
        return found

    def _contexts(
        self, refs: list[int], rma_of: dict[int, int] | None, resume: bool = True
    ) -> dict[int, ReturnContext]:
        """`resume`: each order's open return apart (the station resumes it); else every
        unit returned counts in the lines' `returned` (an order's status, an RMA's check)."""
        if not refs:
            return {}
        heads = {
            r.id: r
            for r in self.connection.execute(
                select(orders.c.id, orders.c.channel, orders.c.order_id, orders.c.status).where(
                    orders.c.id.in_(refs)
                )
            )
        }
        rma_of = rma_of or self._open_rmas(refs)
        rma_rows = self._rma_heads(list(rma_of.values()))
        expected = self._expected(list(rma_of.values()))
        lines = self._lines(refs, expected)
        resumed = self._open_returns(refs) if resume else {}
        out = {}
        for ref, head in heads.items():
            rma = rma_rows.get(rma_of.get(ref, 0))
            out[ref] = ReturnContext(
                channel=head.channel,
                order_id=head.order_id,
                status=head.status,
                lines=tuple(lines.get(ref, ())),
                rma=rma.rma_id if rma else "",
                rma_reason=rma.reason if rma else "",
            ).with_open_return(resumed.get(ref))
        return out

    def _open_returns(self, refs: list[int]) -> dict[int, OpenReturn]:
        """Each order's return still open (its parcel left before it was closed), with the
        items taken in on it; the latest when there are several (made before parcels resumed)."""
        heads = self.connection.execute(
            select(returns.c.id, returns.c.return_id, returns.c.order_ref)
            .where(returns.c.order_ref.in_(refs), returns.c.status == "open")
            .order_by(returns.c.arrived_at, returns.c.id)
        ).all()
        latest = {r.order_ref: r for r in heads}  # the last one per order wins
        if not latest:
            return {}
        items: dict[int, list[ReturnedItem]] = defaultdict(list)
        for r in self.connection.execute(
            select(return_lines, products.c.sku)
            .join(products, products.c.id == return_lines.c.product_id)
            .where(return_lines.c.return_ref.in_([r.id for r in latest.values()]))
            .order_by(return_lines.c.id)
        ):
            items[r.return_ref].append(
                ReturnedItem(
                    r.sku,
                    r.quantity,
                    r.condition,
                    r.location,
                    r.lot,
                    r.expiry,
                    r.serial,
                    r.flag,
                    r.fact_id or "",
                )
            )
        return {
            ref: OpenReturn(r.return_id, tuple(items.get(r.id, ()))) for ref, r in latest.items()
        }

    def _open_rmas(self, refs: list[int]) -> dict[int, int]:
        query = (
            select(rmas.c.order_ref, func.max(rmas.c.id))
            .where(rmas.c.order_ref.in_(refs), rmas.c.status == "open")
            .group_by(rmas.c.order_ref)
        )
        return {ref: rma for ref, rma in self.connection.execute(query)}

    def _rma_heads(self, ids: list[int]) -> dict[int, object]:
        if not ids:
            return {}
        query = select(rmas.c.id, rmas.c.rma_id, rmas.c.reason).where(rmas.c.id.in_(ids))
        return {r.id: r for r in self.connection.execute(query)}

    def _expected(self, rma_ids: list[int]) -> dict[tuple[int, int], int]:
        """(rma, product) → units announced."""
        if not rma_ids:
            return {}
        query = (
            select(rmas.c.order_ref, rma_lines.c.product_id, func.sum(rma_lines.c.quantity))
            .join(rmas, rmas.c.id == rma_lines.c.rma_ref)
            .where(rma_lines.c.rma_ref.in_(rma_ids))
            .group_by(rmas.c.order_ref, rma_lines.c.product_id)
        )
        return {(ref, pid): int(n) for ref, pid, n in self.connection.execute(query)}

    def _lines(self, refs: list[int], expected) -> dict[int, list[ShippedLine]]:
        query = (
            select(
                order_lines.c.id,
                order_lines.c.order_id.label("ref"),
                order_lines.c.product_id,
                order_lines.c.packed,
                order_lines.c.returned,
                products.c.sku,
                products.c.name,
                products.c.lot_controlled,
                products.c.serial_required,
            )
            .join(products, products.c.id == order_lines.c.product_id)
            .where(order_lines.c.order_id.in_(refs))
            .order_by(order_lines.c.order_id, order_lines.c.line_no)
        )
        rows = list(self.connection.execute(query))
        ids = [r.id for r in rows]
        lots, serials = self._lots(ids), self._serials(ids)
        back, picked = self._returned_serials(ids), self._picked_from(ids)
        gtins = self._gtins({r.product_id for r in rows})
        out: dict[int, list[ShippedLine]] = defaultdict(list)
        for r in rows:
            line = ShippedLine(
                sku=r.sku,
                name=r.name,
                shipped=r.packed,
                returned=r.returned,
                expected=expected.get((r.ref, r.product_id), 0),
                lots=tuple(lots.get(r.id, ())),
                serials=tuple(serials.get(r.id, ())),
                returned_serials=tuple(back.get(r.id, ())),
                picked_from=tuple(picked.get(r.id, ())),
                lot_controlled=r.lot_controlled,
                serial_required=r.serial_required,
                gtins=tuple(gtins.get(r.product_id, ())),
            )
            _add_line(out[r.ref], line)
        return out

    def _lots(self, ids: list[int]) -> dict[int, list[ShippedLot]]:
        query = (
            select(allocations.c.order_line_id, stock.c.lot, stock.c.expiry, allocations.c.quantity)
            .join(stock, stock.c.id == allocations.c.stock_id)
            .where(allocations.c.order_line_id.in_(ids), stock.c.lot != "")
        )
        found: dict[int, dict[str, ShippedLot]] = defaultdict(dict)
        for line, lot, expiry, quantity in self.connection.execute(query):
            had = found[line].get(lot)
            total = quantity + (had.quantity if had else 0)
            found[line][lot] = ShippedLot(lot, expiry, total)
        return {
            line: sorted(lots.values(), key=lambda x: -x.quantity) for line, lots in found.items()
        }

    def _serials(self, ids: list[int]) -> dict[int, list[str]]:
        query = select(package_items.c.order_line_id, package_items.c.serial).where(
            package_items.c.order_line_id.in_(ids), package_items.c.serial.is_not(None)
        )
        return _grouped(self.connection.execute(query))

    def _returned_serials(self, ids: list[int]) -> dict[int, list[str]]:
        query = select(return_lines.c.order_line_id, return_lines.c.serial).where(
            return_lines.c.order_line_id.in_(ids), return_lines.c.serial != ""
        )
        return _grouped(self.connection.execute(query))

    def _picked_from(self, ids: list[int]) -> dict[int, list[str]]:
        """The locations each line was picked from, most units first."""
        query = (
            select(pick_tasks.c.order_line_id, locations.c.code, func.sum(pick_tasks.c.picked))
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .where(pick_tasks.c.order_line_id.in_(ids), pick_tasks.c.picked > 0)
            .group_by(pick_tasks.c.order_line_id, locations.c.code)
            .order_by(func.sum(pick_tasks.c.picked).desc(), locations.c.code)
        )
        return _grouped((line, code) for line, code, _ in self.connection.execute(query))

    def _gtins(self, product_ids: set[int]) -> dict[int, list[str]]:
        query = select(product_gtins.c.product_id, product_gtins.c.gtin).where(
            product_gtins.c.product_id.in_(list(product_ids))
        )
        return _grouped(self.connection.execute(query))

    def _codes(self, refs: list[int]) -> dict[int, list[str]]:
        """Every code that finds each order: tracking numbers, SSCCs, RMAs, CHANNEL/ORDER_ID."""
        c, found = self.connection, defaultdict(list)
        if not refs:
            return {}
        for ref, tracking, sscc in c.execute(
            select(shipments.c.order_id, shipments.c.tracking_number, packages.c.sscc)
            .outerjoin(packages, packages.c.shipment_id == shipments.c.id)
            .where(shipments.c.order_id.in_(refs))
        ):
            found[ref] += [x for x in (tracking, sscc) if x and x not in found[ref]]
        for ref, rma in c.execute(
            select(rmas.c.order_ref, rmas.c.rma_id).where(rmas.c.order_ref.in_(refs))
        ):
            found[ref].append(rma)
        for ref, channel, order_id in c.execute(
            select(orders.c.id, orders.c.channel, orders.c.order_id).where(orders.c.id.in_(refs))
        ):
            found[ref].append(f"{channel}/{order_id}")
        return found

    # ---- products, as the returns clerk's scans find them ------------------------------------


def _grouped(pairs) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for key, value in pairs:
        if value not in found[key]:
            found[key].append(value)
    return dict(found)


def _add_line(lines: list[ShippedLine], line: ShippedLine) -> None:
    """An order that names a product on two lines is one line of it for returns."""
    for n, had in enumerate(lines):
        if had.sku == line.sku:
            lines[n] = replace(
                had,
                shipped=had.shipped + line.shipped,
                returned=had.returned + line.returned,
                lots=had.lots + line.lots,
                serials=had.serials + line.serials,
                returned_serials=had.returned_serials + line.returned_serials,
                picked_from=tuple(dict.fromkeys(had.picked_from + line.picked_from)),
            )
            return
    lines.append(line)


def _with_parcel(context: ReturnContext, code: str) -> ReturnContext:
    return replace(context, parcel=code)


def _with_codes(context: ReturnContext, codes) -> ReturnContext:
    return replace(context, codes=tuple(codes))
