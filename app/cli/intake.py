"""Subcommands that take work in from the systems around the floor (docs/integrations-in.md):
`intake --watch DIR` (the order watch folder) and `import-customers FILE` (the CRM's customers).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from pathlib import Path

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option
from app.cli.site import report_import
from app.domain.safe_text import one_line_error
from app.services import customers, watch_folder

log = logging.getLogger("shipshape.intake")
RETRY_SECONDS = 5.0  # after the database failed: the file waits in .processing/, tried again


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "intake",
        help="import the order files that land in a folder (a long-running service)",
        description="Import every order file (CSV/JSON, as import-orders) that lands in DIR; "
        "each ends in DIR/done/ or DIR/failed/ (docs/integrations-in.md).",
    )
    add_database_option(p)
    add_admin_options(p)
    p.add_argument("--watch", metavar="DIR", type=Path, required=True)
    p.add_argument("--once", action="store_true", help="import what is there now, then exit")
    p.add_argument(
        "--settle",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="a file is read once its size and time have not changed for this long (default 2)",
    )
    p.add_argument("--channel", help="channel for rows that do not name one")
    p.set_defaults(func=_intake)
    p = sub.add_parser(
        "import-customers",
        help="create or update customers from a CSV or JSON file",
        description="CSV customer_id,name,email,phone,credit_limit,open_balance,currency,"
        "blocked,terms, or a JSON list of objects with those keys (docs/setup.md).",
    )
    add_database_option(p)
    add_admin_options(p)
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=_import_customers)


def _import_customers(args) -> int:
    found = customers.read_customer_file(args.file)  # a file that cannot be read: exit 2 first
    central = open_central(args.database)
    report = customers.import_customers(central.uow(), found, admin_actor(args, central))
    return report_import(args, report, "customers")


def _intake(args) -> int:
    if not args.watch.is_dir():
        print(f"shipshape intake: {args.watch} is not a folder", file=sys.stderr)
        return 2
    if args.settle < 0:
        print("shipshape intake: --settle must be 0 or more seconds", file=sys.stderr)
        return 2
    central = open_central(args.database)
    actor = admin_actor(args, central)  # checked once, before any file is touched
    watcher = watch_folder.WatchFolder(args.watch, central.uow(), actor, args.settle, args.channel)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # finish the file at hand, then exit
    print(f"watching {args.watch} (settle {args.settle:g} s)", flush=True)
    while not stop.is_set():
        try:
            watch_folder.run(
                watcher, time.monotonic, stop.wait, args.once, _say, stopping=stop.is_set
            )
            return 0
        except Exception as exc:
            if args.once:
                raise
            # The database went away: the file waits in .processing/ and is tried again.
            log.error("intake: %s", one_line_error(exc), exc_info=exc)
            print(f"shipshape intake: error: {one_line_error(exc)}; retrying", file=sys.stderr)
            stop.wait(RETRY_SECONDS)
    return 0


def _say(outcome: watch_folder.Outcome) -> None:
    print(outcome.line(), flush=True)
