"""Cycle counts on the command line (docs/interfaces.md §13, docs/stock.md "Counting").

- `count LOCATION --scan CODE... --badge B [--json]`: count a whole location with the clerk's
  own steps; each CODE is one unit (`CODE*N`: N units); no --scan at all: the location is empty.
  Exit 2 on bad input (one line, nothing changed).
- `count-schedule --from LOC --to LOC --badge B --pin P [--json]`: a lead asks for counts of
  every location in the range.
- `count-schedule --abc [--day YYYY-MM-DD] --badge B --pin P [--json]`: a lead asks for the
  counts the ABC count plan has due that day (default today; daily, e.g. from cron).
- `count-settings [--set UNITS PCT] [--badge B --pin P] [--json]`: the tolerance within which a
  variance adjusts stock at once (showing it needs no lead).
"""

from __future__ import annotations

import argparse
import os
from datetime import date

from app.bootstrap import open_central
from app.cli.common import add_database_option, emit_json
from app.domain.counting import Tolerance
from app.errors import BadInput
from app.services import count_abc, count_lead, counting, counting_central, users

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("count", help="count a location: every product there, blind")
    add_database_option(p)
    p.add_argument("location", help="the location counted (its code)")
    p.add_argument(
        "--scan", nargs="*", default=[], metavar="CODE", help="one unit each (CODE*N: N units)"
    )
    p.add_argument("--badge", required=True, help="the stock clerk's (or a lead's) badge")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_count)
    p = sub.add_parser(
        "count-schedule", help="a lead asks for counts: a range of locations, or the ABC plan's"
    )
    add_database_option(p)
    # Checked in _schedule, not by argparse: bad input is one line and exit 2, no usage text.
    p.add_argument("--from", dest="first", metavar="LOC")
    p.add_argument("--to", dest="last", metavar="LOC")
    p.add_argument("--abc", action="store_true", help="the locations the ABC plan has due")
    p.add_argument("--day", metavar="YYYY-MM-DD", help="with --abc: the day (default today)")
    _lead_options(p)
    p.set_defaults(func=_schedule)
    p = sub.add_parser("count-settings", help="the count tolerance: show it, or set it (a lead)")
    add_database_option(p)
    p.add_argument(
        "--set", nargs=2, metavar=("UNITS", "PCT"), help="adjust at once up to UNITS and PCT %%"
    )
    _lead_options(p)
    p.set_defaults(func=_settings)


def _lead_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--badge", default=os.environ.get("SHIPSHAPE_LEAD_BADGE"), help="a lead's badge")
    p.add_argument("--pin", default=os.environ.get("SHIPSHAPE_LEAD_PIN"), help="the lead's PIN")
    p.add_argument("--json", action="store_true")


def _count(args) -> int:
    central = open_central(args.database)
    report = counting_central.count_codes(
        central.uow, args.badge, args.location, args.scan, CLI_STATION
    )
    if args.json:
        emit_json(report.record())
        return 0
    print(f"{report.location}: {report.status}")
    for x in report.lines:
        lot = f" lot {x['lot']}" if x["lot"] else ""
        print(f"  {x['sku']}{lot}: counted {x['counted']}, expected {x['expected']}")
    return 0


def _lead(args, central):
    if not (args.badge and args.pin):
        raise BadInput("this needs a lead's --badge and --pin")
    return users.authenticate_lead(central.uow(), args.badge, args.pin, CLI_STATION)


def _schedule(args) -> int:
    ranged = args.first is not None or args.last is not None
    if args.abc == ranged:
        raise BadInput("count-schedule needs either --abc or --from LOC --to LOC (not both)")
    if args.abc:
        return _schedule_abc(args, _day(args.day))
    if not (args.first and args.last):
        raise BadInput("count-schedule needs both --from LOC and --to LOC")
    if args.day is not None:
        raise BadInput("--day goes with --abc only")
    central = open_central(args.database)
    lead = _lead(args, central)
    done = count_lead.schedule_range(central.uow(), lead, args.first, args.last, CLI_STATION)
    if args.json:
        emit_json({"locations": done.locations, "tasks": done.added})
    else:
        print(f"{len(done.added)} count task(s) for {len(done.locations)} location(s)")
    return 0


def _day(text: str | None) -> date:
    if text is None:
        return date.today()  # the site's local day, as the plan counts days
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput(f"--day {text!r}: a date as YYYY-MM-DD, e.g. --day 2026-12-04") from exc


def _schedule_abc(args, day: date) -> int:
    central = open_central(args.database)
    lead = _lead(args, central)
    done = count_abc.schedule_abc_counts(central.uow(), lead, day, CLI_STATION)
    if args.json:
        emit_json(done.record())
    else:
        classes = ", ".join(f"{c} {n}" for c, n in done.per_class().items())
        print(
            f"{day}: {len(done.added)} count task(s) for {len(done.locations)} location(s) due"
            f" ({classes})"
        )
    return 0


def _settings(args) -> int:
    central = open_central(args.database)
    if args.set:
        try:
            wanted = Tolerance(int(args.set[0]), float(args.set[1]))
        except ValueError as exc:
            raise BadInput(f"--set UNITS PCT: two numbers, e.g. --set 2 5 ({exc})") from exc
        tolerance = count_lead.set_tolerance(
            central.uow(), _lead(args, central), wanted, CLI_STATION
        )
    else:
        with central.uow() as uow:
            tolerance = counting.current_tolerance(uow)
    if args.json:
        emit_json(tolerance.as_dict())
    else:
        print(f"adjust at once: at most {tolerance.max_units} units and {tolerance.max_pct:g} %")
    return 0
