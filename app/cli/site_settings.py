"""`shipshape site`: show the site's settings, or replace them from a `shipshape.site/1` file
(docs/interfaces.md §10). A write runs as a lead (`--badge`/`--pin`) or the set-up identity."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, add_warehouse_option, emit_json
from app.domain.site import SiteSettings, parse_site
from app.domain.sourcing import PREFERRED_KEY
from app.errors import BadInput
from app.messages import message
from app.services import site as site_settings
from app.services import sourcing, warehouses


def register(sub: argparse._SubParsersAction) -> None:
    help_text = "show the site's settings, or replace them from a shipshape.site/1 JSON file"
    parser = sub.add_parser("site", help=help_text, description=help_text)
    add_database_option(parser)
    add_admin_options(parser)
    parser.add_argument(
        "--set",
        metavar="FILE",
        type=Path,
        help="replace the settings with this file, checked whole first (a lead's --badge and "
        "--pin, or the set-up identity)",
    )
    parser.add_argument("--json", action="store_true", help="print the settings as JSON")
    add_warehouse_option(parser)
    parser.set_defaults(func=_site)


def _site(args) -> int:
    central = open_central(args.database)
    try:
        # Each warehouse has its own settings; a site without warehouses yet has one set, which
        # becomes its first warehouse's.
        chosen = warehouses.choose_warehouse(central.uow(), args.warehouse)
        code = chosen.code if chosen else None
        site = _saved(args, central, code) if args.set is not None else None
        site = site or site_settings.current_site(central.uow(code))
        if site is None:  # the screen's words, and the command for whoever reads them here
            raise BadInput(f"{message('site.not_set_up').english()} Or: shipshape site --set FILE")
        warnings = site_settings.low_range_warnings(central.uow(code))
        table = sourcing.current_preferred(central.uow())
    finally:
        central.close()
    for line in warnings:
        print(f"shipshape site: warning: {line}", file=sys.stderr)
    if args.json:
        emit_json(site.document() | ({PREFERRED_KEY: table} if table else {}))
    else:
        _print_summary(site, saved=args.set is not None)
        if table:
            preferred = ", ".join(f"{country} → {code}" for country, code in table.items())
            print(f"preferred warehouse per ship-to country: {preferred}")
    return 0


def _saved(args, central, warehouse: str | None) -> SiteSettings:
    """The warehouse's settings saved; a `preferred_warehouses` table in the file (one for the
    whole site, app/domain/sourcing.py) is saved with them, and left as it is when absent."""
    document = site_settings.read_site_file(args.set)
    table = document.pop(PREFERRED_KEY, None) if isinstance(document, dict) else None
    parse_site(document)  # a bad file says so before anyone is asked who they are
    if table is not None:
        sourcing.checked_preferred(central.uow(), table)
    actor = admin_actor(args, central)
    saved = site_settings.save_site(central.uow(warehouse), document, actor)
    if table is not None:
        sourcing.save_preferred(central.uow(), table, actor)
    return saved


def _print_summary(site: SiteSettings, saved: bool) -> None:
    if saved:
        print("site settings saved")
    address = site.ship_from
    print(f"{site.name}: ships from {address['city']}, {address['country']}")
    print(f"GS1 company prefix {site.gs1_company_prefix}, next SSCC serial {site.sscc_serial.next}")
    for carrier in site.carriers:
        scheme = carrier.tracking
        print(
            f"{carrier.code:8} {carrier.name:20} cut-off {', '.join(carrier.cutoffs):12} "
            f"next {scheme.number(scheme.range.next)} ({scheme.range.left} left)"
        )
