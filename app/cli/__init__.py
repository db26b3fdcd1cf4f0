"""The `shipshape` command.

Each group of subcommands lives in its own module with a `register(subparsers)` function; a
handler returns the exit status. Exit status (INTERFACES.md): 0 success, 2 bad input (one line on
stderr naming the file, row or code at fault), 1 anything else.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app.errors import BadInput, NotAllowed

COMMAND_MODULES = (
    "app.cli.site",  # migrate, import-*, allocate, orders, users, demo, run, holds
    "app.cli.routing",  # route, batch-orders
    "app.cli.waves",  # plan-waves, release-wave, picklists
    "app.cli.scanning",  # scan-parse, scan-listen, command-sheet
    "app.cli.labels",  # label, printers, print-sheets
    "app.cli.run",  # run: the station app
    "app.cli.stations",  # simulate, stations: sync and load generation
    "app.cli.lead",  # kpis, timeline: the shift lead's reports
    "app.cli.packing_types",  # package-types, site-language: packing settings
    "app.cli.stock",  # stock: on hand, allocated and held per location, product and lot
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
    try:
        return int(args.func(args) or 0)
    except BadInput as exc:
        print(f"shipshape {args.command}: {exc}", file=sys.stderr)
        return 2
    except NotAllowed as exc:  # who may do this: say so plainly, no "error:"
        print(f"shipshape {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `shipshape orders --json | head`: the reader is gone, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter exit quiet
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        print(f"shipshape {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1


def _one_line(exc: Exception) -> str:
    """The gist of an unexpected error (a database gone): its first line, never a SQL dump."""
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return first if len(first) <= 200 else f"{first[:199]}…"


if __name__ == "__main__":
    sys.exit(main())
