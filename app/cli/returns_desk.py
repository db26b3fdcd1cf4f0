"""The lead's returns desk on the command line (docs/returns.md, "The lead's returns view"):

- `quarantine [--json] --badge B --pin P`: the units in quarantine waiting for a decision;
- `quarantine-decide ID --decision scrapped|returned_to_supplier|restocked [--to LOCATION]
  --badge B --pin P [--json]`: settle one (restocking puts the units at LOCATION as stock);
- `returns-kpis [--from DATE] [--to DATE] --badge B --pin P [--json]`: return rates per product,
  reason and condition, and the hours from arrival to decision.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

from app.cli.common import add_database_option, emit_json, tell_none
from app.cli.lead import _lead_options, _signed_in, parse_moment
from app.domain.returns import DECISIONS
from app.domain.returns_desk import QuarantineItem, ReturnsKpis
from app.services import returns_desk

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("quarantine", help="returned units in quarantine, waiting for a lead")
    add_database_option(p)
    _lead_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_list)
    p = sub.add_parser("quarantine-decide", help="a lead decides a quarantined unit group")
    add_database_option(p)
    _lead_options(p)
    p.add_argument("id", type=int, help="the quarantine item's id (`shipshape quarantine`)")
    p.add_argument("--decision", required=True, choices=DECISIONS)
    p.add_argument("--to", metavar="LOCATION", help="where restocked units go (restocked only)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_decide)
    p = sub.add_parser("returns-kpis", help="return rates and time from arrival to decision")
    add_database_option(p)
    _lead_options(p)
    p.add_argument("--from", dest="start", help="start, YYYY-MM-DD[THH:MM] UTC (default: 30 days)")
    p.add_argument("--to", dest="end", help="end, YYYY-MM-DD[THH:MM] UTC (default: now)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_kpis)


def _list(args) -> int:
    central, lead = _signed_in(args)
    waiting = returns_desk.quarantine(central.uow(), lead)
    if not waiting:
        tell_none("quarantine is empty: no returned unit waits for a decision", args.json)
    for item in waiting:
        if args.json:
            emit_json(quarantine_record(item))
        else:
            lot = f" lot {item.lot}" if item.lot else ""
            order = f"{item.channel}/{item.order_id}" if item.order_id else "-"
            print(f"{item.id:>6}  {item.quantity} × {item.sku}{lot}  {item.reason:<10} {order}")
    return 0


def quarantine_record(item: QuarantineItem) -> dict:
    return {
        "id": item.id,
        "sku": item.sku,
        "lot": item.lot,
        "expiry": item.expiry.isoformat() if item.expiry else None,
        "serial": item.serial,
        "quantity": item.quantity,
        "reason": item.reason,
        "channel": item.channel,
        "order_id": item.order_id,
        "entered_at": item.entered_at.isoformat(),
    }


def _decide(args) -> int:
    central, lead = _signed_in(args)
    done = returns_desk.decide(central.uow(), lead, args.id, args.decision, CLI_STATION, args.to)
    if args.json:
        emit_json({"id": args.id, "decision": args.decision, "location": args.to})
    else:
        print(done.english())
    return 0


def _kpis(args) -> int:
    now = datetime.now(UTC)
    end = parse_moment(args.end, "--to", now)
    start = parse_moment(args.start, "--from", end - timedelta(days=30))
    central, lead = _signed_in(args)
    report = returns_desk.kpis(central.uow(), lead, start, end)
    if args.json:
        emit_json(kpi_record(report))
        return 0
    print(f"shipped {report.shipped}, returned {report.returned} ({_pct(report.rate_pct)})")
    for title, rates in (("product", report.by_product), ("reason", report.by_reason)):
        for rate in rates:
            print(
                f"{title:<8} {rate.key:<20} {rate.returned:>6} / {rate.shipped:<6} {_pct(rate.pct)}"
            )
    if report.decision_median_h is None:  # say so rather than "median None h"
        print("arrival to decision: - (no returned unit decided in this range)")
    else:
        print(
            f"arrival to decision: median {report.decision_median_h:.1f} h, "
            f"p90 {report.decision_p90_h:.1f} h"
        )
    return 0


def kpi_record(report: ReturnsKpis) -> dict:
    def rates(items):
        return [
            {"key": r.key, "returned": r.returned, "shipped": r.shipped, "pct": r.pct}
            for r in items
        ]

    return {
        "shipped": report.shipped,
        "returned": report.returned,
        "rate_pct": report.rate_pct,
        "by_product": rates(report.by_product),
        "by_reason": rates(report.by_reason),
        "by_condition": rates(report.by_condition),
        "decided": report.decided,
        "undecided": report.undecided,
        "decision_median_h": report.decision_median_h,
        "decision_p90_h": report.decision_p90_h,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} %"
