"""`shipshape slotting`: where products should live, from the last days' picks (docs/routing.md
"Slotting", docs/interfaces.md §13).

    slotting [--warehouse CODE] [--days 30] [--max-moves 20] [--max-share 0.05] [--json]
             [--create-tasks --badge B --pin P]

One warehouse at a time (docs/interfaces.md §15): its picks, locations and faces; the tasks are
its own. Without `--warehouse`, the only one; with several, leaving it out exits 2.

Prints the proposed moves, each with the metres it saves over the period (replayed with the
exact router), and the totals. With `--create-tasks` a lead turns them into move tasks for the
stock clerk (`shipshape replenishments` lists them, reason "slotting").
"""

from __future__ import annotations

import argparse
import os

from app.bootstrap import open_central
from app.cli.common import add_database_option, add_warehouse_option, emit_json
from app.errors import BadInput
from app.services import slotting, users, warehouses
from app.slotting import Limits

CLI_STATION = "cli"


def register(sub: argparse._SubParsersAction) -> None:
    help = "propose slotting moves from the last days' picks (replayed with the exact router)"
    p = sub.add_parser("slotting", help=help, description=help)
    add_database_option(p)
    p.add_argument("--days", type=int, default=30, help="history to replay (default 30)")
    p.add_argument("--max-moves", type=int, default=20, help="relocations at most (default 20)")
    p.add_argument(
        "--max-share",
        type=float,
        default=0.05,
        help="share of all locations that may move (default 0.05)",
    )
    p.add_argument("--create-tasks", action="store_true", help="make the moves clerk tasks")
    p.add_argument("--badge", default=os.environ.get("SHIPSHAPE_LEAD_BADGE"), help="a lead's badge")
    p.add_argument("--pin", default=os.environ.get("SHIPSHAPE_LEAD_PIN"), help="the lead's PIN")
    p.add_argument("--json", action="store_true")
    add_warehouse_option(p)
    p.set_defaults(func=_slotting)


def _slotting(args) -> int:
    if args.max_moves < 0 or not 0 <= args.max_share <= 1:
        raise BadInput("--max-moves must be 0 or more and --max-share between 0 and 1")
    central = open_central(args.database)
    chosen = warehouses.choose_warehouse(central.uow(), args.warehouse)  # exit 2 if unclear
    code = chosen.code if chosen is not None else None
    lead = None
    if args.create_tasks:
        if not (args.badge and args.pin):
            raise BadInput("--create-tasks needs a lead's --badge and --pin")
        lead = users.authenticate_lead(central.uow(), args.badge, args.pin, CLI_STATION)
    limits = Limits(args.max_moves, args.max_share)
    run = slotting.plan_slotting(central.uow(code), args.days, limits)
    tasks = None
    if lead is not None:
        tasks = slotting.create_tasks(central.uow(code), lead, run, CLI_STATION)
    if args.json:
        emit_json({**run.document(), **({"tasks": tasks} if tasks is not None else {})})
        return 0
    _print(run, tasks)
    return 0


def _print(run: slotting.SlottingRun, tasks: list[int] | None) -> None:
    plan = run.plan
    if not plan.pick_lists:  # a new site, or a quiet spell: say so rather than "0 m → 0 m"
        print(
            f"no pick lists picked in the last {run.days} days: nothing to replay, so no moves "
            "to propose (slotting learns from picking: try more --days)"
        )
    else:
        _print_moves(run)
    if tasks is not None:
        print(f"{len(tasks)} move tasks created for the stock clerk")


def _print_moves(run: slotting.SlottingRun) -> None:
    plan = run.plan
    print(f"{plan.pick_lists} pick lists picked in the last {run.days} days, replayed")
    if not plan.moves:
        print(
            f"walking {plan.current_m:.0f} m: no move within the limits shortens it, "
            "today's slotting stays"
        )
        return
    for i, m in enumerate(plan.moves, 1):
        swap = f" (swap with {m.swap_with})" if m.swap_with else ""
        print(
            f"{i:>3}. {m.sku} [{m.abc}, {m.picks} picks]: {m.from_location} → "
            f"{m.to_location}{swap}  saves {m.saving_m:.0f} m"
        )
    print(
        f"walking {plan.current_m:.0f} m → {plan.proposed_m:.0f} m "
        f"(-{plan.saving_pct:.1f} %), {plan.relocations} relocations, "
        f"{plan.touched} locations ({plan.moved_pct:.2f} % of {plan.locations})"
    )
