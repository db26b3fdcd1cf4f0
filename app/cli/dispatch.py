"""`shipshape dispatch load|close|manifest`: the outbound dock on the command line
(docs/interfaces.md, docs/dispatch.md).

- `load CODE... --unit UNIT --carrier CODE --badge B [--json]`: the loader's own steps, code by
  code; exit 0 when every code loaded, 2 when any was refused (the others still load).
- `close --carrier CODE --badge B --pin P [--manifest FILE.pdf] [--json]`: a lead closes the
  carrier's collection; exit 2 when there is nothing to close.
- `manifest ID [--pdf FILE] [--json]`: a closed manifest again (reprint).
"""

from __future__ import annotations

import argparse
import json
import os

from app.bootstrap import open_central
from app.cli.common import add_database_option, emit_json
from app.domain.dispatch import Manifest, unit_code
from app.errors import BadInput
from app.services import dispatch_central, dispatch_close, users, warehouses
from printing.manifest import write_manifest

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    top = sub.add_parser("dispatch", help="the outbound dock: load parcels, close a carrier")
    verbs = top.add_subparsers(dest="verb", metavar="VERB")
    verbs.required = True
    p = verbs.add_parser("load", help="load parcels (SSCC or tracking number) onto a unit")
    add_database_option(p)
    p.add_argument(
        "codes", nargs="+", metavar="CODE", help="SSCC (18 digits or 00…) or tracking number"
    )
    p.add_argument(
        "--unit", required=True, help="the load unit (cage, pallet, trailer): U:CODE or CODE"
    )
    p.add_argument("--carrier", required=True, help="the carrier the unit goes with (code or name)")
    p.add_argument("--badge", required=True, help="the loader's (or a lead's) badge")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_load)
    p = verbs.add_parser("close", help="close a carrier's collection: ship, manifest, left behind")
    add_database_option(p)
    p.add_argument("--carrier", required=True, help="the carrier's code or name")
    p.add_argument("--badge", default=os.environ.get("SHIPSHAPE_LEAD_BADGE"), help="a lead's badge")
    p.add_argument("--pin", default=os.environ.get("SHIPSHAPE_LEAD_PIN"), help="the lead's PIN")
    p.add_argument("--manifest", metavar="FILE.pdf", help="write the manifest PDF (+ .csv, .json)")
    p.add_argument(
        "--warehouse",
        metavar="CODE",
        help="close only this warehouse's parcels, by its cut-offs (default: every warehouse's)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_close)
    p = verbs.add_parser("manifest", help="a closed manifest again: PDF, CSV and JSON")
    add_database_option(p)
    p.add_argument("manifest_id")
    p.add_argument("--pdf", metavar="FILE.pdf", help="write the PDF (+ .csv, .json) again")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_manifest)


def _load(args) -> int:
    central = open_central(args.database)
    unit = unit_code(args.unit) or args.unit.strip()
    results = dispatch_central.load_codes(
        central.uow, args.badge, unit, args.carrier, args.codes, CLI_STATION
    )
    for result in results:
        record = result.record()
        if args.json:
            emit_json(record)
        else:
            where = f"{record['channel']}/{record['order_id']} carton {record['carton']}"
            shown = where if record["order_id"] else ""
            print(f"{record['code']}: {record['verdict']} {record['reason']} {shown}".rstrip())
    return 0 if all(r.verdict.ok for r in results) else 2


def _close(args) -> int:
    if not (args.badge and args.pin):
        raise BadInput("closing a carrier needs a lead's --badge and --pin")
    central = open_central(args.database)
    lead = users.authenticate_lead(central.uow(), args.badge, args.pin, CLI_STATION)
    home = None
    if args.warehouse is not None:  # an unknown code: exit 2, listing the codes
        chosen = warehouses.choose_warehouse(central.uow(), args.warehouse)
        home = chosen.code if chosen else None
    uow = central.uow(home)
    manifest = dispatch_close.close_carrier(uow, lead, args.carrier, CLI_STATION)
    written = write_manifest(manifest, args.manifest) if args.manifest else []
    if args.json:
        emit_json(close_record(manifest))
        return 0
    print(f"{manifest.carrier} closed: manifest {manifest.code}")
    print(f"  parcels: {len(manifest.parcels)} ({manifest.weight_kg:.2f} kg)")
    print(f"  orders shipped: {manifest.orders_shipped}")
    print(f"  left behind: {len(manifest.left_behind)}")
    for x in manifest.left_behind:
        print(f"    {x.channel}/{x.order_id} carton {x.carton}")
    for path in written:
        print(f"  wrote {path}")
    return 0


def close_record(manifest: Manifest) -> dict:
    return {
        "carrier": manifest.carrier,
        "manifest_id": manifest.code,
        "parcels": len(manifest.parcels),
        "orders_shipped": manifest.orders_shipped,
        "left_behind": [
            {"channel": x.channel, "order_id": x.order_id, "carton": x.carton}
            for x in manifest.left_behind
        ],
    }


def _manifest(args) -> int:
    central = open_central(args.database)
    manifest = dispatch_close.stored_manifest(central.uow(), args.manifest_id)
    written = write_manifest(manifest, args.pdf) if args.pdf else []
    if args.json:
        print(json.dumps(manifest.document(), ensure_ascii=False))
    for path in written:
        print(f"wrote {path}")
    return 0
