"""Labour standards on the command line (docs/lead.md "Labour standards").

- `labour-settings [--json]`: the standard in force (showing it needs no lead).
- `labour-settings --set FILE --badge B --pin P`: a lead sets it from a JSON document (any of
  walk_speed_m_s, seconds_per_line, seconds_per_scan, seconds_per_list, allowance_pct, paces;
  keys left out keep their current value). `-` reads standard input.
- `labour-settings --learn [--days N] --badge B --pin P`: a lead has it learnt from the pick
  lists finished in the last N days (default 30); the allowance stays as set.

Exit 2 on bad input (one line, nothing changed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.bootstrap import open_central
from app.cli.common import add_database_option, emit_json
from app.domain.labour import LabourStandard
from app.errors import BadInput
from app.services import labour, users

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "labour-settings", help="the labour standard: show it, set it, or learn it (a lead)"
    )
    add_database_option(p)
    p.add_argument("--set", metavar="FILE", help="a JSON document of the values to change")
    p.add_argument("--learn", action="store_true", help="learn it from finished pick lists")
    p.add_argument("--days", type=int, default=labour.LEARN_DAYS, help="with --learn (30)")
    p.add_argument("--badge", default=os.environ.get("SHIPSHAPE_LEAD_BADGE"), help="a lead's badge")
    p.add_argument("--pin", default=os.environ.get("SHIPSHAPE_LEAD_PIN"), help="the lead's PIN")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_settings)


def _settings(args) -> int:
    if args.set and args.learn:
        raise BadInput("labour-settings takes --set FILE or --learn, not both")
    if args.days < 1:
        raise BadInput(f"--days {args.days}: a whole number of days from 1")
    central = open_central(args.database)
    learnt = None
    if args.set:
        wanted = _merged(labour.read_standard(central.uow()), _document(args.set))
        standard = labour.set_standard(central.uow(), _lead(args, central), wanted, CLI_STATION)
    elif args.learn:
        learnt = labour.learn_standard(central.uow(), _lead(args, central), CLI_STATION, args.days)
        standard = learnt.standard
    else:
        standard = labour.read_standard(central.uow())
    if args.json:
        emit_json(standard.as_dict())
        return 0
    if learnt is not None:
        hours = learnt.breaks_removed_s / 3600
        print(f"learnt from {learnt.lists} pick list(s); {hours:.1f} h of breaks left out")
    print(_describe(standard))
    return 0


def _lead(args, central):
    if not (args.badge and args.pin):
        raise BadInput("this needs a lead's --badge and --pin")
    return users.authenticate_lead(central.uow(), args.badge, args.pin, CLI_STATION)


def _document(path: str) -> dict:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        value = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{path}: not a readable JSON document ({exc})") from exc
    if not isinstance(value, dict):
        raise BadInput(f'{path}: a JSON object is needed, e.g. {{"allowance_pct": 13}}')
    known = set(LabourStandard().as_dict()) - {"learnt_from"}
    unknown = sorted(set(value) - known)
    if unknown:
        raise BadInput(
            f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    return value


def _merged(current: LabourStandard, changes: dict) -> LabourStandard:
    try:
        return LabourStandard.from_dict(current.as_dict() | changes | {"learnt_from": 0})
    except (TypeError, ValueError, AttributeError) as exc:
        raise BadInput(f"labour settings: every value must be a number ({exc})") from exc


def _describe(s: LabourStandard) -> str:
    source = (
        f"learnt from {s.learnt_from} pick lists"
        if s.learnt_from
        else "not learnt: set by hand or the defaults"
    )
    lines = [
        f"walking speed {s.walk_speed_m_s:.2f} m/s, {s.seconds_per_line:.1f} s a line,"
        f" {s.seconds_per_scan:.1f} s a scan, {s.seconds_per_list:.0f} s a list;"
        f" allowance {s.allowance_pct:g} % ({source})"
    ]
    lines += [
        f"  pace of {p}: {v:.2f} × the standard's work time" for p, v in sorted(s.paces.items())
    ]
    return "\n".join(lines)
