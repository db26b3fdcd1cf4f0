"""`shipshape import-receipts FILE` and `shipshape receive RECEIPT_ID --scan CODE... --to
LOCATION --badge B`: expected deliveries in, and goods received and put away on the command
line through the clerk's own steps (docs/interfaces.md §13, docs/stock.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, add_warehouse_option, emit_json
from app.cli.site import report_import
from app.services import receipts, receiving_central
from app.services.receipt_files import read_receipt_file

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    help = "import expected receipts (ASN / purchase orders) from a CSV or JSON file"
    p = sub.add_parser("import-receipts", help=help, description=help)
    add_database_option(p)
    add_admin_options(p)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    add_warehouse_option(p)
    p.set_defaults(func=_import_receipts)
    help = "receive items of a receipt and put them away at one location"
    p = sub.add_parser("receive", help=help, description=help)
    add_database_option(p)
    p.add_argument("receipt_id", metavar="RECEIPT_ID", help="the receipt's id or its SSCC")
    p.add_argument(
        "--scan",
        nargs="+",
        required=True,
        metavar="CODE",
        help="an item's barcode (GTIN or GS1-128 with (10) lot, (17) expiry), one unit each; "
        "CODE*N for N units",
    )
    p.add_argument("--to", required=True, metavar="LOCATION", help="where it is put away")
    p.add_argument("--badge", required=True, help="the stock clerk's (or a lead's) badge")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_receive)


def _import_receipts(args) -> int:
    drafts = read_receipt_file(args.file)  # a file that cannot be read: exit 2 first
    central = open_central(args.database)
    actor = admin_actor(args, central)
    report = receipts.import_receipts(central.uow(), drafts, actor, args.warehouse)
    return report_import(args, report, "receipts")


def _receive(args) -> int:
    central = open_central(args.database)
    done = receiving_central.receive_codes(
        central.uow, args.badge, args.receipt_id, args.scan, args.to, CLI_STATION
    )
    record = done.record()
    if args.json:
        emit_json(record)
        return 0
    for item in record["items"]:
        lot = f" lot {item['lot']}" if item["lot"] else ""
        print(f"put away {item['quantity']} × {item['sku']}{lot} at {record['location']}")
    print(f"receipt {record['receipt_id']}:")
    for x in record["lines"]:
        lot = x["lot"] or "-"
        print(
            f"  {x['sku']:<16} {lot:<10} expected {x['expected']}  received {x['received']}  "
            f"put away {x['put_away']}"
        )
    return 0
