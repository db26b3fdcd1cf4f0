"""Writes the integration outbox: a message per event other systems hear about, and a delivery
row per endpoint that wants it, on the connection (so in the transaction) of the change.

Called by the event log (db/events_repo.py) for every batch of events it stores: whichever use
case or applier changed an order, on whichever thread, its message commits or rolls back with it.
Which events become messages, and their words, is app/domain/integration.py's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, insert, select

from app.domain.events import Event
from app.domain.integration import (
    SHIPPED,
    STOCK_ADJUSTED,
    OrderKey,
    encode_body,
    message_document,
    message_kind,
    status_data,
    stock_data,
)
from app.domain.integration_endpoints import Endpoint
from db.bulk import insert_rows
from db.schema import (
    allocations,
    integration_deliveries,
    integration_endpoints,
    integration_messages,
    order_lines,
    orders,
    package_items,
    packages,
    products,
    settings,
    shipments,
    stock,
    warehouses,
)

SITE_KEY = "site"  # app/services/site.py: the site's settings document


def write_messages(connection: Connection, events: Sequence[Event]) -> None:
    found = [(e, kind) for e in events if (kind := message_kind(e)) is not None]
    if not found:
        return
    keys = _order_keys(connection, sorted({e.order_ref or 0 for e, _ in found}))
    # A stock message names no order; an order message whose order is gone is not sent.
    found = [(e, k) for e, k in found if k == STOCK_ADJUSTED or (e.order_ref or 0) in keys]
    shipped_refs = [e.order_ref for e, kind in found if kind == SHIPPED and e.order_ref]
    shipped = shipped_data(connection, shipped_refs)
    site = site_code(connection)
    rows = []
    for event, kind in found:
        ref = event.order_ref or 0
        document = message_document(event, kind, site, keys.get(ref), _data(event, kind, shipped))
        rows.append(
            {
                "id": event.uuid,
                "kind": kind,
                "order_ref": event.order_ref if kind != STOCK_ADJUSTED else None,
                "occurred_at": event.occurred_at,
                "body": encode_body(document),
            }
        )
    seqs = _insert_messages(connection, rows)
    _add_deliveries(connection, found, keys, seqs)


def _data(event: Event, kind: str, shipped: dict) -> dict:
    if kind == SHIPPED:
        return shipped[event.order_ref or 0]
    return stock_data(event) if kind == STOCK_ADJUSTED else status_data(event)


def _insert_messages(connection: Connection, rows: list[dict]) -> dict[str, int]:
    """Insert the messages; their `seq` by id (RETURNING, one statement for the batch)."""
    statement = insert(integration_messages).returning(
        integration_messages.c.id, integration_messages.c.seq
    )
    return {row.id: row.seq for row in connection.execute(statement, rows)}


def _add_deliveries(connection, found, keys: dict[int, OrderKey], seqs: dict[str, int]) -> None:
    endpoints = wanting_endpoints(connection)
    rows = []
    for event, kind in found:
        key = keys.get(event.order_ref or 0) if kind != STOCK_ADJUSTED else None
        channel = key.channel if key is not None else ""
        for endpoint in endpoints:
            if endpoint.wants(kind, channel):
                rows.append(
                    {
                        "message_seq": seqs[event.uuid],
                        "endpoint": endpoint.name,
                        "order_ref": event.order_ref if key is not None else None,
                        "state": "pending",
                        "tries": 0,
                        "due_at": event.occurred_at,
                    }
                )
    insert_rows(connection, integration_deliveries, rows)


def wanting_endpoints(connection: Connection) -> list[Endpoint]:
    """The endpoints with what they want only: a lead's desk may not read URLs or secrets."""
    table = integration_endpoints
    query = select(table.c.name, table.c.kinds, table.c.channels).order_by(table.c.position)
    return [
        Endpoint(r.name, "", "", kinds=tuple(r.kinds), channels=tuple(r.channels))
        for r in connection.execute(query)
    ]


def _order_keys(connection: Connection, refs: list[int]) -> dict[int, OrderKey]:
    query = select(orders.c.id, orders.c.channel, orders.c.order_id).where(orders.c.id.in_(refs))
    return {r.id: OrderKey(r.channel, r.order_id) for r in connection.execute(query)}


def site_code(connection: Connection) -> str:
    """The site's name from its settings (`shipshape site`), else the layout's warehouse."""
    document = connection.execute(
        select(settings.c.value).where(settings.c.key == SITE_KEY)
    ).scalar()
    if isinstance(document, dict) and document.get("name"):
        return str(document["name"])
    name = connection.execute(select(warehouses.c.name).order_by(warehouses.c.id)).scalar()
    return name or ""


def shipped_data(connection: Connection, refs: list[int]) -> dict[int, dict]:
    """`order.shipped` data per order: carrier, service, and each carton with its lines.

    A line's `lots` are the lots its stock was taken from (the allocations it was picked
    against); its `serials` are the serial numbers scanned into that carton.
    """
    if not refs:
        return {}
    head = select(orders.c.id, orders.c.carrier, orders.c.service).where(orders.c.id.in_(refs))
    data = {
        r.id: {"carrier": r.carrier, "service": r.service, "shipments": []}
        for r in connection.execute(head)
    }
    lots = _lots_by_line(connection, refs)
    for (ref, _, _), (carrier, carton) in sorted(_cartons(connection, refs, lots).items()):
        data[ref]["carrier"] = data[ref]["carrier"] or carrier  # as the carton was labelled
        data[ref]["shipments"].append(carton)
    return data


def _cartons(connection, refs: list[int], lots: dict[int, list[str]]) -> dict[tuple, tuple]:
    """(order, carton index, package id) → (the carrier it was labelled for, the carton)."""
    query = (
        select(
            shipments.c.order_id.label("ref"),
            shipments.c.carrier,
            shipments.c.tracking_number,
            packages.c.id.label("package"),
            packages.c.index,
            packages.c.sscc,
            packages.c.weight_kg,
            package_items.c.order_line_id.label("line"),
            package_items.c.quantity,
            package_items.c.serial,
            products.c.sku,
        )
        .join(packages, packages.c.shipment_id == shipments.c.id)
        .join(package_items, package_items.c.package_id == packages.c.id)
        .join(order_lines, order_lines.c.id == package_items.c.order_line_id)
        .join(products, products.c.id == order_lines.c.product_id)
        .where(shipments.c.order_id.in_(refs))
        .order_by(packages.c.index, packages.c.id, order_lines.c.line_no, package_items.c.id)
    )
    cartons: dict[tuple, tuple] = {}
    lines: dict[tuple, dict] = {}
    for r in connection.execute(query):
        _, carton = cartons.setdefault(
            (r.ref, r.index, r.package),
            (
                r.carrier,
                {
                    "carton": r.index,
                    "sscc": r.sscc,
                    "tracking_number": r.tracking_number,
                    "weight_kg": r.weight_kg,
                    "lines": [],
                },
            ),
        )
        key = (r.package, r.line)
        if key not in lines:
            lines[key] = {"sku": r.sku, "quantity": 0, "lots": lots.get(r.line, []), "serials": []}
            carton["lines"].append(lines[key])
        lines[key]["quantity"] += r.quantity
        if r.serial:
            lines[key]["serials"].append(r.serial)
    return cartons


def _lots_by_line(connection: Connection, refs: list[int]) -> dict[int, list[str]]:
    query = (
        select(allocations.c.order_line_id, stock.c.lot)
        .join(stock, stock.c.id == allocations.c.stock_id)
        .join(order_lines, order_lines.c.id == allocations.c.order_line_id)
        .where(order_lines.c.order_id.in_(refs), stock.c.lot != "")
        .distinct()
    )
    found: dict[int, list[str]] = defaultdict(list)
    for line, lot in connection.execute(query):
        found[line].append(lot)
    return {line: sorted(lots) for line, lots in found.items()}
