"""`shipshape kpis`, `timeline` and `at-risk`: the lead console's reports on the command line.

Both commands are lead use cases: they need a lead's --badge and --pin (or SHIPSHAPE_LEAD_BADGE
and SHIPSHAPE_LEAD_PIN), checked like any sign-in.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime, timedelta

from app.bootstrap import open_central
from app.cli.common import add_database_option, emit_json, tell_none
from app.domain.events import Actor
from app.domain.kpis import csv_rows
from app.errors import BadInput
from app.services import lead, users
from app.services.lead import at_risk
from app.services.lead.reports import write_kpi_csv

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kpis", help="lead KPIs over a time range (table, --json or --csv FILE)")
    add_database_option(p)
    _lead_options(p)
    p.add_argument("--from", dest="start", help="start, YYYY-MM-DD[THH:MM] UTC (default: 24 h ago)")
    p.add_argument("--to", dest="end", help="end, YYYY-MM-DD[THH:MM] UTC (default: now)")
    p.add_argument("--csv", metavar="FILE", help="also write the figures to a CSV file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_kpis)
    p = sub.add_parser("timeline", help="everything that happened to one order")
    add_database_option(p)
    _lead_options(p)
    p.add_argument("order", help="CHANNEL/ORDER_ID, an order id, or a tote T:CODE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_timeline)
    p = sub.add_parser(
        "at-risk",
        help="orders predicted to miss their ship-by; each newly found one is recorded "
        "(event order.at_risk) so other systems are told",
    )
    add_database_option(p)
    _lead_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_at_risk)


def _lead_options(p) -> None:
    p.add_argument(
        "--badge",
        default=os.environ.get("SHIPSHAPE_LEAD_BADGE"),
        help="the lead's badge (or $SHIPSHAPE_LEAD_BADGE)",
    )
    p.add_argument(
        "--pin",
        default=os.environ.get("SHIPSHAPE_LEAD_PIN"),
        help="the lead's PIN (or $SHIPSHAPE_LEAD_PIN)",
    )


def _signed_in(args):
    if not (args.badge and args.pin):
        raise BadInput("a lead's --badge and --pin are needed (or SHIPSHAPE_LEAD_BADGE/_PIN)")
    central = open_central(args.database)
    return central, users.authenticate_lead(central.uow(), args.badge, args.pin)


def parse_moment(text: str | None, option: str, default: datetime) -> datetime:
    if not text:
        return default
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadInput(
            f"{option} {text!r}: write a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _kpis(args) -> int:
    now = datetime.now(UTC)
    end = parse_moment(args.end, "--to", now)
    start = parse_moment(args.start, "--from", end - timedelta(days=1))
    central, lead_user = _signed_in(args)
    report = lead.kpi_report(central.uow(), lead_user, start, end)
    if args.csv:
        write_kpi_csv(report, args.csv)
    rows = csv_rows(report)[1:]
    if args.json:
        for section, name, metric, value in rows:
            emit_json({"section": section, "name": name, "metric": metric, "value": value})
    else:
        for section, name, metric, value in rows:
            print(f"{section:<12} {name:<20} {metric:<20} {value}")
    return 0


def _timeline(args) -> int:
    central, lead_user = _signed_in(args)
    timeline = lead.order_timeline(central.uow(), lead_user, args.order)
    for entry in timeline.entries:
        at = entry.at.isoformat() if entry.at else None
        if args.json:
            emit_json(
                {
                    "order": timeline.order,
                    "at": at,
                    "what": entry.what,
                    "who": entry.who,
                    "where": entry.where,
                    "detail": entry.detail.english(),
                }
            )
        else:
            print(
                f"{at or '':<32} {entry.what:<18} {entry.who:<12} {entry.where:<14} {entry.detail}"
            )
    return 0


def _at_risk(args) -> int:
    central, lead_user = _signed_in(args)
    now = datetime.now(UTC)
    new = {
        p.order.ref
        for p in at_risk.tell_at_risk(central.uow(), Actor(lead_user.name, CLI_STATION), now)
    }
    found = at_risk.orders_at_risk(central.uow(), now)
    if not found:
        tell_none("no order is predicted to miss its ship-by", args.json)
    for p in found:
        row = {
            "channel": p.order.channel,
            "order_id": p.order.order_id,
            "status": p.order.status,
            "ship_by": p.order.ship_by.isoformat(),
            "predicted_ship": p.ships_at.isoformat(),
            "new": p.order.ref in new,
        }
        if args.json:
            emit_json(row)
        else:
            print(
                f"{p.order.channel}/{p.order.order_id:<16} ship by {row['ship_by']:<26} predicted {row['predicted_ship']}"
            )
    return 0
