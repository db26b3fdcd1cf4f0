"""Subcommands for the central database: schema, site set-up, order intake, allocation, users."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.bootstrap import open_central, redacted
from app.cli.common import add_database_option, emit_json
from app.domain.events import Actor
from app.errors import BadInput
from app.services import allocation, demo, holds, intake, master_data, users
from app.services.order_files import read_order_file
from app.services.review import ReviewRules

CLI_ACTOR = Actor(user="cli", station="central")


def register(sub: argparse._SubParsersAction) -> None:
    def command(name: str, handler, help: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help, description=help)
        add_database_option(parser)
        parser.set_defaults(func=handler)
        return parser

    command("migrate", _migrate, "bring the database to the newest schema")
    p = command("import-layout", _import_layout, "create or update aisles and locations")
    p.add_argument("layout", type=Path)
    for name, handler, what in (
        ("import-products", _import_products, "products: sku,name,gtin,unit_weight_kg"),
        ("import-stock", _import_stock, "stock: location,sku,quantity,lot,expiry"),
    ):
        p = command(name, handler, f"import {what}")
        p.add_argument("file", type=Path)
        p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p = command("import-orders", _import_orders, "import orders from a CSV or JSON file")
    p.add_argument("file", type=Path)
    p.add_argument("--channel", help="channel for rows that do not name one")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p = command("allocate", _allocate, "reserve stock for every order that can be allocated")
    p.add_argument("--json", action="store_true")
    p = command("orders", _orders, "list orders")
    p.add_argument("--status", help="only orders in this status (e.g. received, on_hold)")
    p.add_argument("--json", action="store_true")
    p = command("users", _users, "list users (never a PIN)")
    p.add_argument("--json", action="store_true")
    p = command("add-user", _add_user, "create or update a user")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["picker", "packer", "lead"])
    p.add_argument("--badge", required=True)
    p.add_argument("--pin", help="leads only: at least 4 digits")
    p = command("holds", _holds, "list orders on hold; a lead releases or cancels them")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--release", metavar="CHANNEL/ORDER_ID")
    action.add_argument("--cancel", metavar="CHANNEL/ORDER_ID")
    p.add_argument("--badge", help="the lead's badge")
    p.add_argument("--pin", help="the lead's PIN")
    p.add_argument("--note", default="", help="why (kept in the order's history)")
    p.add_argument("--json", action="store_true")
    p = command("review-rules", _review_rules, "show or set the order review rules (JSON)")
    p.add_argument("--set", type=Path, metavar="FILE")
    command("demo", _demo, "seed the database with the demo site, users, orders and waves")


def _migrate(args) -> int:
    central = open_central(args.database)
    print(f"database {redacted(central.url)} is at the newest schema")
    return 0


def _import_layout(args) -> int:
    central = open_central(args.database)
    print(master_data.import_layout(central.uow(), args.layout, CLI_ACTOR))
    return 0


def _import_products(args) -> int:
    report = master_data.import_products(open_central(args.database).uow(), args.file, CLI_ACTOR)
    return _report(args, report, "rows")


def _import_stock(args) -> int:
    report = master_data.import_stock(open_central(args.database).uow(), args.file, CLI_ACTOR)
    return _report(args, report, "rows")


def _import_orders(args) -> int:
    drafts = read_order_file(args.file, args.channel)
    central = open_central(args.database)
    progress = _progress_printer(len(drafts))
    report = intake.import_orders(central.uow(), drafts, CLI_ACTOR, progress)
    return _report(args, report, "orders")


def _progress_printer(total: int):
    if total < 2000:
        return None

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} orders", end="" if done < total else "\n", file=sys.stderr)

    return progress


def _report(args, report: intake.ImportReport, noun: str) -> int:
    if args.json:
        emit_json(report.as_dict())
    else:
        for line in intake.summarize(report, noun):
            print(line)
    if report.rejected:
        print(
            f"shipshape: {args.file}: {len(report.rejected)} rejected; first: {report.rejected[0]}",
            file=sys.stderr,
        )
        return 2
    return 0


def _allocate(args) -> int:
    report = allocation.allocate(open_central(args.database).uow(), CLI_ACTOR)
    if args.json:
        emit_json(
            {"allocated": report.allocated, "held": report.held, "exceptions": report.exceptions}
        )
        return 0
    print(f"allocated: {len(report.allocated)} orders")
    print(f"on hold by review: {len(report.held)}")
    for line in report.held:
        print(f"  {line}")
    print(f"waiting for stock (in the lead's queue): {len(report.exceptions)}")
    for line in report.exceptions:
        print(f"  {line}")
    return 0


def _orders(args) -> int:
    central = open_central(args.database)
    with central.uow() as uow:
        for order in uow.orders.find(args.status):
            record = {
                "channel": order.channel,
                "order_id": order.order_id,
                "status": order.status.value,
                "lines": [
                    {
                        "sku": line.sku,
                        "quantity": line.quantity,
                        "allocated": line.allocated,
                        "picked": line.picked,
                        "packed": line.packed,
                    }
                    for line in order.lines
                ],
            }
            if args.json:
                emit_json(record | ({"reason": order.reason} if order.reason else {}))
            else:
                units = sum(line.quantity for line in order.lines)
                extra = f"  ({order.reason})" if order.reason else ""
                print(
                    f"{order.channel}/{order.order_id}  {order.status.value:<10} "
                    f"{len(order.lines)} lines, {units} units{extra}"
                )
    return 0


def _users(args) -> int:
    with open_central(args.database).uow() as uow:
        for user in uow.users.all():
            if args.json:
                emit_json({"name": user.name, "role": user.role.value, "badge": user.badge})
            else:
                print(f"{user.badge:<8} {user.role.value:<7} {user.name}")
    return 0


def _add_user(args) -> int:
    user = users.save_user(
        open_central(args.database).uow(), args.name, args.role, args.badge, args.pin, CLI_ACTOR
    )
    print(f"saved {user.role.value} {user.name} (badge {user.badge})")
    return 0


def _holds(args) -> int:
    central = open_central(args.database)
    ref = args.release or args.cancel
    if ref:
        if not (args.badge and args.pin):
            raise BadInput("releasing or cancelling needs a lead's --badge and --pin")
        lead = users.authenticate_lead(central.uow(), args.badge, args.pin)
        decide = holds.release_hold if args.release else holds.cancel_order
        order = decide(central.uow(), lead, ref, args.note, "cli")
        print(f"{ref}: {order.status.value}")
        return 0
    with central.uow() as uow:
        for order in uow.orders.find("on_hold"):
            if args.json:
                emit_json(
                    {"channel": order.channel, "order_id": order.order_id, "reason": order.reason}
                )
            else:
                print(f"{order.channel}/{order.order_id}: {order.reason}")
    return 0


def _review_rules(args) -> int:
    central = open_central(args.database)
    with central.uow() as uow:
        if args.set:
            try:
                data = json.loads(args.set.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise BadInput(f"{args.set}: {exc}") from exc
            uow.settings.save_review_rules(ReviewRules.from_dict(data))
            uow.commit()
        rules = uow.settings.review_rules()
    print(json.dumps(rules.as_dict(), ensure_ascii=False, indent=2))
    return 0


def _demo(args) -> int:
    central = open_central(args.database)
    demo.seed_demo(central.uow())
    print(f"demo site ready in {redacted(central.url)}")
    return 0
