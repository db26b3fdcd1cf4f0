"""Subcommands for the central database: schema, site set-up, order intake, allocation, users."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.bootstrap import open_central, redacted
from app.cli.admin import CLI_STATION, add_admin_options, admin_actor, administrator
from app.cli.common import add_database_option, add_warehouse_option, emit_json, tell_none
from app.domain.customers import plain_cents
from app.domain.events import Event
from app.domain.users import Role
from app.errors import BadInput
from app.messages import english
from app.services import allocation, demo, holds, intake, master_data, users
from app.services.order_files import read_order_file
from app.services.review import read_review_rules


def register(sub: argparse._SubParsersAction) -> None:
    def command(name: str, handler, help: str, admin: bool = False) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help, description=help)
        add_database_option(parser)
        if admin:  # a write: a lead's badge and PIN, or the set-up identity (app/cli/admin.py)
            add_admin_options(parser)
        parser.set_defaults(func=handler)
        return parser

    p = command("migrate", _migrate, "bring the database to the newest schema")
    p.add_argument(
        "--first-lead",
        metavar="NAME",
        help="create the site's first shift lead "
        "(set-up identity only, and only while the site has no lead)",
    )
    p.add_argument("--badge", help="with --first-lead: the new lead's badge")
    p.add_argument("--pin", help="with --first-lead: the new lead's PIN (at least 6 digits)")
    p = command("import-layout", _import_layout, "create or update aisles and locations", True)
    p.add_argument("layout", type=Path)
    p.add_argument(
        "--warehouse",
        metavar="CODE",
        help="the warehouse this layout is for; a new code makes a new warehouse (default: the "
        "only one, or WH1 on an empty site)",
    )
    for name, handler, what in (
        ("import-products", _import_products, "products: sku,name,gtin,unit_weight_kg"),
        ("import-stock", _import_stock, "stock: location,sku,quantity,lot,expiry"),
    ):
        p = command(name, handler, f"import {what}", True)
        p.add_argument("file", type=Path)
        p.add_argument("--json", action="store_true", help="print the summary as JSON")
        if name == "import-stock":
            add_warehouse_option(p)
    p = command("import-orders", _import_orders, "import orders from a CSV or JSON file", True)
    p.add_argument("file", type=Path)
    p.add_argument("--channel", help="channel for rows that do not name one")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p = command("allocate", _allocate, "reserve stock for every order that can be allocated", True)
    p.add_argument("--json", action="store_true")
    p = command("orders", _orders, "list orders")
    p.add_argument("--status", help="only orders in this status (e.g. received, on_hold)")
    p.add_argument("--json", action="store_true")
    p = command("users", _users, "list users (never a PIN)")
    p.add_argument("--json", action="store_true")
    p = command(
        "add-user",
        _add_user,
        "create or update a user (a lead, or the set-up identity for pickers and packers)",
    )
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[role.value for role in Role])
    p.add_argument("--badge", required=True, help="the user's badge")
    p.add_argument("--pin", help="the user's PIN: leads only, at least 6 digits")
    add_admin_options(p, prefix="lead-")
    p = command(
        "user-warehouses",
        _user_warehouses,
        "list users' home warehouses, or set one user's (a lead, or the set-up identity)",
        True,
    )
    p.add_argument("user_badge", nargs="?", metavar="BADGE", help="the user to show or set")
    change = p.add_mutually_exclusive_group()
    change.add_argument(
        "--set",
        metavar="CODE[,CODE...]",
        help="the warehouses they work in (a lead may cover several)",
    )
    change.add_argument(
        "--all", action="store_true", help="forget their homes: they work in every warehouse"
    )
    p.add_argument("--json", action="store_true")
    p = command("holds", _holds, "list orders on hold; a lead holds, releases or cancels them")
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--hold", metavar="CHANNEL/ORDER_ID", help="e.g. a packed order at the dock"
    )
    action.add_argument("--release", metavar="CHANNEL/ORDER_ID")
    action.add_argument("--cancel", metavar="CHANNEL/ORDER_ID")
    p.add_argument("--badge", help="the lead's badge")
    p.add_argument("--pin", help="the lead's PIN")
    p.add_argument("--note", default="", help="why (kept in the order's history)")
    p.add_argument("--json", action="store_true")
    p = command("review-rules", _review_rules, "show or set the order review rules (JSON)", True)
    p.add_argument("--set", type=Path, metavar="FILE")
    command(
        "demo",
        _demo,
        "seed the database with the demo site, users, orders and waves "
        "(set-up identity, on a site without leads)",
    )


def _migrate(args) -> int:
    if (args.badge or args.pin) and not args.first_lead:
        raise BadInput("--badge and --pin go with --first-lead NAME")
    central = open_central(args.database)
    print(f"database {redacted(central.url)} is at the newest schema")
    if args.first_lead:
        if not args.badge:
            raise BadInput("--first-lead needs the new lead's --badge and --pin")
        setup = central.setup_identity()
        lead = users.save_user(
            central.uow(), args.first_lead, "lead", args.badge, args.pin, by=setup
        )
        print(f"first shift lead: {lead.name} (badge {lead.badge})")
    return 0


def _import_layout(args) -> int:
    central = open_central(args.database)
    actor = admin_actor(args, central)
    print(master_data.import_layout(central.uow(), args.layout, actor, args.warehouse))
    return 0


def _import_products(args) -> int:
    central = open_central(args.database)
    actor = admin_actor(args, central)
    return report_import(args, master_data.import_products(central.uow(), args.file, actor), "rows")


def _import_stock(args) -> int:
    central = open_central(args.database)
    actor = admin_actor(args, central)
    report = master_data.import_stock(central.uow(), args.file, actor, args.warehouse)
    return report_import(args, report, "rows")


def _import_orders(args) -> int:
    drafts = read_order_file(args.file, args.channel)
    central = open_central(args.database)
    actor = admin_actor(args, central)
    progress = _progress_printer(len(drafts))
    report = intake.import_orders(central.uow(), drafts, actor, progress)
    return report_import(args, report, "orders")


def _progress_printer(total: int):
    if total < 2000:
        return None

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} orders", end="" if done < total else "\n", file=sys.stderr)

    return progress


def report_import(args, report: intake.ImportReport, noun: str) -> int:
    """An import's report on stdout (`--json` or lines), its first rejection on stderr; exit 2
    when anything was rejected (docs/interfaces.md)."""
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
    central = open_central(args.database)
    report = allocation.allocate(central.uow(), admin_actor(args, central))
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
    listed = False
    with central.uow() as uow:
        for order in uow.orders.find(args.status):
            listed = True
            if args.json:
                emit_json(_order_record(uow, order))
            else:
                units = sum(line.quantity for line in order.lines)
                extra = f"  ({english(order.reason)})" if order.reason else ""
                print(
                    f"{order.channel}/{order.order_id}  {order.status.value:<10} "
                    f"{len(order.lines)} lines, {units} units{extra}"
                )
    if not listed:
        tell_none(f"no orders {args.status}" if args.status else "no orders", args.json)
    return 0


def _order_record(uow, order) -> dict:
    """An order as `orders --json` prints it (docs/interfaces.md)."""
    shipped = uow.dispatch.shipments_of([order.id]) if order.id else {}
    home = uow.orders.line_warehouses([line.id for line in order.lines if line.id is not None])
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
                "returned": line.returned,
                "warehouse": home.get(line.id or 0),  # where it is reserved, if it is
            }
            for line in order.lines
        ],
        "shipments": shipped.get(order.id or 0, []),  # cartons: packed, loaded, shipped
    }
    record |= _customer_fields(order)
    return record | ({"reason": english(order.reason)} if order.reason else {})


def _customer_fields(order) -> dict:
    """`customer_id` and `value` (the sum of quantity × unit_price, as exact text "5312.40"),
    each only when the order has it."""
    found = {"customer_id": order.customer_id} if order.customer_id else {}
    value = order.value_cents
    return found | ({"value": plain_cents(value)} if value is not None else {})


def _users(args) -> int:
    with open_central(args.database).uow() as uow:
        for user in uow.users.all():
            if args.json:
                emit_json({"name": user.name, "role": user.role.value, "badge": user.badge})
            else:
                print(f"{user.badge:<8} {user.role.value:<7} {user.name}")
    return 0


def _add_user(args) -> int:
    central = open_central(args.database)
    by = administrator(args, central)
    user = users.save_user(central.uow(), args.name, args.role, args.badge, args.pin, by=by)
    print(f"saved {user.role.value} {user.name} (badge {user.badge})")
    return 0


def _user_warehouses(args) -> int:
    central = open_central(args.database)
    if args.set is not None or args.all:
        if not args.user_badge:
            raise BadInput("name the user's BADGE to set their warehouses")
        codes = [] if args.all else [c.strip() for c in args.set.split(",") if c.strip()]
        if not codes and not args.all:
            raise BadInput("--set needs at least one warehouse code (--all: every warehouse)")
        by = administrator(args, central)
        users.set_user_warehouses(central.uow(), args.user_badge, codes, by=by)
    with central.uow() as uow:
        found = uow.users.all()
    if args.user_badge:
        found = [u for u in found if u.badge == users.badge_from_scan(args.user_badge)]
        if not found:
            raise BadInput(f"no user has badge {args.user_badge}")
    for user in found:
        if args.json:
            emit_json({"name": user.name, "badge": user.badge, "warehouses": list(user.warehouses)})
        else:
            print(f"{user.badge:<8} {','.join(user.warehouses) or 'all':<20} {user.name}")
    return 0


def _holds(args) -> int:
    central = open_central(args.database)
    ref = args.hold or args.release or args.cancel
    if ref:
        if not (args.badge and args.pin):
            raise BadInput("holding, releasing or cancelling needs a lead's --badge and --pin")
        lead = users.authenticate_lead(central.uow(), args.badge, args.pin, CLI_STATION)
        decide = (
            holds.hold_order
            if args.hold
            else holds.release_hold
            if args.release
            else holds.cancel_order
        )
        order = decide(central.uow(), lead, ref, args.note, "cli")
        print(f"{ref}: {order.status.value}")
        return 0
    with central.uow() as uow:
        held = list(uow.orders.find("on_hold"))
        if not held:
            tell_none("no order is on hold", args.json)
        for order in held:
            if args.json:
                emit_json(
                    {
                        "channel": order.channel,
                        "order_id": order.order_id,
                        "reason": english(order.reason),
                    }
                )
            else:
                print(f"{order.channel}/{order.order_id}: {english(order.reason)}")
    return 0


def _review_rules(args) -> int:
    central = open_central(args.database)
    actor = admin_actor(args, central) if args.set else None
    with central.uow() as uow:
        if actor is not None:
            rules = read_review_rules(args.set)
            uow.settings.save_review_rules(rules)
            uow.events.add_all([Event("settings.review_rules_saved", rules.as_dict(), actor)])
            uow.commit()
        rules = uow.settings.review_rules()
    print(json.dumps(rules.as_dict(), ensure_ascii=False, indent=2))
    return 0


def _demo(args) -> int:
    central = open_central(args.database)
    demo.seed_demo(central.uow(), central.setup_identity())
    print(f"demo site ready in {redacted(central.url)}")
    return 0
