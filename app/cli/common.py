"""Helpers shared by the subcommand modules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=os.environ.get("SHIPSHAPE_DATABASE_URL"),
        help="central database URL (default: $SHIPSHAPE_DATABASE_URL, else the embedded SQLite file)",
    )


def emit_json(obj: Any) -> None:
    """One JSON object per line on stdout, nothing else (docs/interfaces.md)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n")
    sys.stdout.flush()


def counted(n: int, noun: str) -> str:
    """ "1 order", "2 orders": a count with its noun (regular English plurals only)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def tell_none(message: str, as_json: bool) -> None:
    """A list with nothing in it prints no lines on stdout (a script counts them); a person at
    the terminal is told why the screen stayed blank, on stderr (not with --json)."""
    if not as_json:
        print(message, file=sys.stderr)


def add_warehouse_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse",
        metavar="CODE",
        help="the warehouse (default: the only one; required when there are several)",
    )
