"""`shipshape stock [--warehouse CODE] [--in-transit] [--json]`: stock per location, product and
lot of one warehouse (docs/interfaces.md §13, §15), with what is reserved for orders and what is
held because a picker reported the location empty; and what transfers are bringing it
(app/services/transfers.py)."""

from __future__ import annotations

import argparse

from app.bootstrap import open_central
from app.cli.common import add_database_option, add_warehouse_option, emit_json
from app.services import transfers, warehouses


def register(sub: argparse._SubParsersAction) -> None:
    help = "stock per location, product and lot: on hand, allocated, held"
    p = sub.add_parser("stock", help=help, description=help)
    add_database_option(p)
    p.add_argument("--held", action="store_true", help="only rows with held units (to count)")
    p.add_argument(
        "--in-transit",
        action="store_true",
        help="only units transfers shipped to this warehouse and not received yet, per SKU",
    )
    p.add_argument("--json", action="store_true")
    add_warehouse_option(p)
    p.set_defaults(func=_stock)


def _stock(args) -> int:
    with open_central(args.database).uow() as uow:
        chosen = warehouses.chosen(uow, args.warehouse)
        every = uow.stock.all(chosen.id if chosen else None)
        items = [item for item in every if item.held or not args.held]
        coming = transfers.in_transit(uow, chosen.id if chosen else None)
    if args.in_transit:
        return _in_transit(coming, args.json)
    for item in items:
        record = {
            "location": item.location,
            "sku": item.sku,
            "lot": item.lot,
            "expiry": item.expiry.isoformat() if item.expiry else None,
            "on_hand": item.on_hand,
            "allocated": item.reserved,
            "held": item.held,
        }
        if args.json:
            emit_json(record)
        else:
            held = f"  held {item.held}" if item.held else ""
            print(
                f"{item.location:<16} {item.sku:<16} {item.lot or '-':<10} "
                f"on hand {item.on_hand}  allocated {item.reserved}{held}"
            )
    if coming and not args.json and not args.held:
        print("in transit (shipped by transfers, not received yet; not stock):")
        _in_transit(coming, False)
    return 0


def _in_transit(coming: dict[str, int], as_json: bool) -> int:
    for sku, units in coming.items():
        if as_json:
            emit_json({"sku": sku, "in_transit": units})
        else:
            print(f"  {sku:<16} in transit {units}")
    return 0
