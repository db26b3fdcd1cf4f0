"""Packing settings from the command line:

- `shipshape package-types [--set FILE] [--json]`: the carton types packing stations offer;
- `shipshape site-language [en|zh_CN --badge B --pin P] [--json]`: the language labels and
  packing slips print in (the site's `language` setting).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json
from app.domain.shipment_label import LANGUAGES
from app.errors import BadInput
from app.services import users
from app.services.packing_central import (
    current_settings,
    list_package_types,
    read_package_types,
    seed_package_types,
    set_site_language,
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
    p = sub.add_parser(
        "site-language",
        help="show or set the language labels and packing slips print in",
        description="Show the site's language, or set it (a lead's --badge and --pin).",
    )
    add_database_option(p)
    p.add_argument("language", nargs="?", choices=LANGUAGES, help="the new language")
    p.add_argument("--badge", help="the lead's badge")
    p.add_argument("--pin", help="the lead's PIN")
    p.add_argument("--json", action="store_true", help='print {"language": ...}')
    p.set_defaults(func=_site_language)


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
                print(
                    f"{t.code:6} {t.name:24} {t.length_cm:g}×{t.width_cm:g}×{t.height_cm:g} cm"
                    f"  tare {t.tare_kg:g} kg"
                )
    finally:
        central.close()
    return 0


def _site_language(args) -> int:
    central = open_central(args.database)
    try:
        if args.language:
            if not (args.badge and args.pin):
                raise BadInput("setting the site language needs a lead's --badge and --pin")
            lead = users.authenticate_lead(central.uow(), args.badge, args.pin)
            set_site_language(central.uow(), lead, args.language, "cli")
        language = current_settings(central.uow()).language()
    finally:
        central.close()
    if args.json:
        emit_json({"language": language})
    else:
        print(language)
    return 0
