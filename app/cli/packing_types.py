"""`shipshape package-types [--set FILE] [--json]`: the carton types packing stations offer."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json
from app.services.packing_central import (
    list_package_types,
    read_package_types,
    seed_package_types,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("package-types", help="list or set the carton types for packing")
    add_database_option(p)
    p.add_argument(
        "--set",
        metavar="FILE",
        type=Path,
        help="CSV code,name,length_cm,width_cm,height_cm,tare_kg (creates or updates by code)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per carton type")
    add_admin_options(p)
    p.set_defaults(func=_package_types)


def _package_types(args) -> int:
    central = open_central(args.database)
    try:
        if args.set:
            types = read_package_types(args.set)
            seed_package_types(central.uow(), types, admin_actor(args, central))
            if not args.json:
                print(f"{len(types)} carton type(s) saved")
        for t in list_package_types(central.uow()):
            if args.json:
                emit_json(dict(t.__dict__))
            elif not args.set:
                print(f"{t.code:6} {t.name:24} {t.length_cm:g}×{t.width_cm:g}×{t.height_cm:g} cm"
                      f"  tare {t.tare_kg:g} kg")  # fmt: skip
    finally:
        central.close()
    return 0
