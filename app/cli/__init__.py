"""The `shipshape` command.

Each group of subcommands lives in its own module with a `register(subparsers)` function; a
handler returns the exit status. Exit status (docs/interfaces.md): 0 success, 2 bad input (one
line on stderr naming the file, row or code at fault), 1 anything else.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys

from app.cli.output import escaped_terminal
from app.domain.safe_text import escape_controls, one_line_error
from app.errors import BadInput, NotAllowed
from app.logs import setup_file_log

log = logging.getLogger("shipshape.cli")

COMMAND_MODULES = (
    "app.cli.site",  # migrate, import-*, allocate, orders, holds, review-rules, demo, (add-)users
    "app.cli.routing",  # route, batch-orders
    "app.cli.waves",  # plan-waves, release-wave, picklists
    "app.cli.scanning",  # scan-parse, scan-listen, command-sheet
    "app.cli.labels",  # label, printers, print-sheets
    "app.cli.run",  # run: the station app
    "app.cli.stations",  # simulate, stations: sync and load generation
    "app.cli.door",  # station-login, apply-facts: the station's narrow door
    "app.cli.lead",  # kpis, timeline: the shift lead's reports
    "app.cli.packing_types",  # package-types, site-language: packing settings
    "app.cli.site_settings",  # site: the site's settings (GS1 prefix, ship-from, carriers)
    "app.cli.stock",  # stock: on hand, allocated and held per location, product and lot
    "app.cli.moves",  # move, replenishments, import-pick-faces: stock moves and pick faces
    "app.cli.slotting",  # slotting: where products should live, from the last days' picks
    "app.cli.count",  # count, count-schedule, count-settings: cycle counts
    "app.cli.labour",  # labour-settings: the labour standard (set, learn)
    "app.cli.dispatch",  # dispatch load|close|manifest: the outbound dock
    "app.cli.integrations",  # integrations, integrate: the outbox to the shop, ERP and CRM
    "app.cli.intake",  # intake --watch DIR, import-customers: orders and customers come in
    "app.cli.receiving",  # import-receipts, receive: goods in and put away
    "app.cli.returns",  # import-returns, returns receive: customer returns
    "app.cli.returns_desk",  # quarantine, quarantine-decide, returns-kpis: the lead's returns
    "app.cli.warehouses",  # warehouses: the sites of this database
    "app.cli.transfers",  # transfer, transfers: stock sent from one warehouse to another
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shipshape", description="Shipshape warehouse floor software."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help exits 0, a usage error exits 2
        return int(exc.code or 0)
    with escaped_terminal(), _skipped_rows_on_stderr(args.command):
        return _run(args)


@contextlib.contextmanager
def _skipped_rows_on_stderr(command: str):
    """A row the database holds but no one can read is skipped (db/readable_rows.py): say so,
    one line each on stderr, so whoever runs the command knows the listing is not complete."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"shipshape {command}: %(message)s"))
    unreadable = logging.getLogger("shipshape.unreadable")
    unreadable.addHandler(handler)
    try:
        yield
    finally:
        unreadable.removeHandler(handler)


def _run(args: argparse.Namespace) -> int:
    log_file = setup_file_log()
    try:
        return int(args.func(args) or 0)
    except BadInput as exc:  # it may echo the input: control characters are shown, not sent
        print(f"shipshape {args.command}: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    except NotAllowed as exc:  # who may do this: say so plainly, no "error:"
        print(f"shipshape {args.command}: {escape_controls(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `shipshape orders --json | head`: the reader is gone, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter exit quiet
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        # The user gets the gist; the traceback (SQL kept, data masked) goes to the log file.
        log.error("shipshape %s failed", args.command, exc_info=exc)
        where = f" (details in {log_file})" if log_file else ""
        print(f"shipshape {args.command}: error: {one_line_error(exc)}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
