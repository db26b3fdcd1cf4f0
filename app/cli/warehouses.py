"""`shipshape warehouses [--json]`: the warehouses of the central database, each with its
count of locations and of stations homed there (docs/interfaces.md §15)."""

from __future__ import annotations

import argparse

from app.bootstrap import open_central
from app.cli.common import add_database_option, emit_json
from app.services import warehouses


def register(sub: argparse._SubParsersAction) -> None:
    help = "list the warehouses: code, name, locations, stations"
    p = sub.add_parser("warehouses", help=help, description=help)
    add_database_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per warehouse")
    p.set_defaults(func=_warehouses)


def _warehouses(args) -> int:
    central = open_central(args.database)
    try:
        found = warehouses.summaries(central.uow())
    finally:
        central.close()
    if args.json:
        for summary in found:
            emit_json(summary.document())
        return 0
    if not found:
        print("no warehouses yet: shipshape import-layout LAYOUT --warehouse CODE")
        return 0
    width = max(len(s.code) for s in found)
    print(f"{'CODE':<{width}}  {'LOCATIONS':>9}  {'STATIONS':>8}  NAME")
    for s in found:
        print(f"{s.code:<{width}}  {s.locations:>9}  {s.stations:>8}  {s.name}")
    return 0
