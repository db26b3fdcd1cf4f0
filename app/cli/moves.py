"""Stock moves and replenishment on the command line (docs/interfaces.md §7 and §13,
docs/stock.md "Moves and replenishment").

- `move --from LOCATION --to LOCATION --scan CODE... --badge B [--json]`: the clerk's own steps
  (each scan one unit; `CODE*N` for N units); exit 2 with one line, nothing changed, on bad
  input.
- `replenishments [--json]`: the open replenishment tasks, most urgent first.
- `import-pick-faces FILE [--json]`: CSV `location,sku,min,max`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json
from app.cli.site import report_import
from app.services import moves, pick_faces, replenishment

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    help = "move stock from one location to another by its scans"
    p = sub.add_parser("move", help=help, description=help)
    add_database_option(p)
    p.add_argument("--from", dest="source", required=True, metavar="LOCATION")
    p.add_argument("--to", dest="target", required=True, metavar="LOCATION")
    p.add_argument(
        "--scan",
        dest="codes",
        nargs="+",
        required=True,
        metavar="CODE",
        help="an item's barcode (GTIN, or GS1 with its lot), one unit each; CODE*N for N units",
    )
    p.add_argument("--badge", required=True, help="the clerk's (or a lead's) badge")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_move)
    help = "open replenishment tasks, most urgent first"
    p = sub.add_parser("replenishments", help=help, description=help)
    add_database_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_replenishments)
    help = "import pick faces: location,sku,min,max"
    p = sub.add_parser("import-pick-faces", help=help, description=help)
    add_database_option(p)
    add_admin_options(p)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_import_pick_faces)


def _move(args) -> int:
    central = open_central(args.database)
    result = moves.move_codes(
        central.uow, args.badge, args.source, args.target, args.codes, CLI_STATION
    )
    record = result.record()
    if args.json:
        emit_json(record)
        return 0
    for item in record["items"]:
        lot = f" lot {item['lot']}" if item["lot"] else ""
        print(f"moved {item['quantity']} × {item['sku']}{lot}: {record['from']} → {record['to']}")
    return 0


def _replenishments(args) -> int:
    tasks = replenishment.open_tasks(open_central(args.database).uow())
    for task in tasks:
        if args.json:
            emit_json(task.document())
            continue
        lot = f" lot {task.lot}" if task.lot else ""
        waiting = f"  ({task.waiting} waiting for pickers)" if task.waiting else ""
        why = "  [slotting]" if task.reason == "slotting" else ""  # a move to a nearer home
        print(
            f"#{task.id} {task.quantity} × {task.sku}{lot}: "
            f"{task.from_location} → {task.to_location}{waiting}{why}"
        )
    return 0


def _import_pick_faces(args) -> int:
    central = open_central(args.database)
    actor = admin_actor(args, central)
    report = pick_faces.import_pick_faces(central.uow(), args.file, actor)
    return report_import(args, report, "pick faces")
