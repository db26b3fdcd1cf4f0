"""`shipshape import-returns FILE` and `shipshape returns receive CODE --scan ITEM[:CONDITION]...
--badge B [--to LOCATION] [--json]`: announced returns in, and a returned parcel received on the
command line through the returns clerk's own steps (docs/interfaces.md §14, docs/returns.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json
from app.cli.site import report_import
from app.services import returns_central, rmas
from app.services.rma_files import read_rma_file

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    help = "import announced returns (RMAs) from a CSV or JSON file"
    p = sub.add_parser("import-returns", help=help, description=help)
    add_database_option(p)
    add_admin_options(p)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_import)
    p = sub.add_parser("returns", help="customer returns: receive a returned parcel")
    verbs = p.add_subparsers(dest="verb", metavar="VERB")
    verbs.required = True
    help = "receive a returned parcel: each item and its condition, then close it"
    r = verbs.add_parser("receive", help=help, description=help)
    add_database_option(r)
    r.add_argument("code", metavar="CODE", help="tracking number, SSCC, RMA or CHANNEL/ORDER_ID")
    r.add_argument(
        "--scan",
        nargs="+",
        required=True,
        metavar="ITEM[:CONDITION]",
        help="an item's barcode (GTIN, GS1-128 with lot/serial) or SKU; CONDITION is resell "
        "(default), damaged or wrong_item; ITEM*N for N units",
    )
    r.add_argument("--badge", required=True, help="the returns clerk's badge")
    r.add_argument(
        "--to", metavar="LOCATION", help="where resellable units go (default: the suggestion)"
    )
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=_receive)


def _import(args) -> int:
    drafts = read_rma_file(args.file)  # a file that cannot be read: exit 2 first
    central = open_central(args.database)
    report = rmas.import_rmas(central.uow(), drafts, admin_actor(args, central))
    return report_import(args, report, "returns")


def _receive(args) -> int:
    central = open_central(args.database)
    done = returns_central.receive_return(
        central.uow, args.badge, args.code, args.scan, CLI_STATION, args.to
    )
    record = done.record()
    if args.json:
        emit_json(record)
        return 0
    rma = f" (RMA {record['rma']})" if record["rma"] else ""
    print(f"{record['channel']}/{record['order_id']}{rma}: {record['status']}")
    for item in record["items"]:
        print(
            f"  {item['quantity']} × {item['sku']:<16} {item['condition']:<10} → {item['location']}"
        )
    return 0
