"""Subcommands: plan and release waves, list pick lists (docs/interfaces.md §8)."""

from __future__ import annotations

import argparse
import math
import sys
from datetime import datetime

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, add_warehouse_option, counted, emit_json
from app.errors import BadInput, Conflict
from app.services import warehouses, wave_rebalance, waves
from app.services.wave_topup import top_up_wave

LEFT_OUT_WHY = {  # app/domain/waves.py LEFT_OUT, as plan-waves prints them
    "cancelled": "cancelled",
    "other_wave": "on another wave",
    "reservation_changed": "reservation changed",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan-waves", help="batch allocated orders onto carts as a wave")
    add_database_option(p)
    p.add_argument("--capacity", type=int, default=8, help="orders (totes) per cart (default 8)")
    p.add_argument("--release", action="store_true", help="release the wave to the floor at once")
    p.add_argument("--carrier", help="only orders for this carrier")
    p.add_argument("--channel", help="only orders from this channel")
    p.add_argument("--min-priority", type=int)
    p.add_argument("--ship-by-before", metavar="ISO_TIME", help="only orders due by then")
    p.add_argument("--max-orders", type=int)
    p.add_argument("--group-by-carrier", action="store_true", help="one carrier per cart")
    p.add_argument(
        "--cart-max-weight-kg",
        metavar="KG",
        help="most kilograms on one cart, from the products' unit_weight_kg (default: no limit)",
    )
    p.add_argument(
        "--cart-max-volume-l",
        metavar="L",
        help="most litres on one cart, from the products' length_cm × width_cm × height_cm "
        "(default: no limit; a product without them takes no room)",
    )
    p.add_argument("--preview", action="store_true", help="show the plan, store nothing")
    p.add_argument("--json", action="store_true")
    add_warehouse_option(p)
    add_admin_options(p)
    p.set_defaults(func=_plan_waves)
    p = sub.add_parser("release-wave", help="release a planned wave to the floor")
    add_database_option(p)
    p.add_argument("wave_id", type=int)
    add_admin_options(p)
    p.set_defaults(func=_release_wave)
    p = sub.add_parser(
        "top-up-wave", help="put orders that arrived since planning on a planned wave's carts"
    )
    add_database_option(p)
    p.add_argument("wave_id", type=int)
    p.add_argument("--json", action="store_true")
    add_admin_options(p)
    p.set_defaults(func=_top_up_wave)
    p = sub.add_parser(
        "rebalance-wave", help="re-batch a released wave's unstarted carts if that walks less"
    )
    add_database_option(p)
    p.add_argument("wave_id", type=int)
    p.add_argument("--preview", action="store_true", help="show the saving, change nothing")
    p.add_argument("--json", action="store_true")
    add_admin_options(p)
    p.set_defaults(func=_rebalance_wave)
    p = sub.add_parser("picklists", help="open pick lists with their tasks in walking order")
    add_database_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_picklists)


def _filter(args) -> waves.WaveFilter:
    before = None
    if args.ship_by_before:
        try:
            before = datetime.fromisoformat(args.ship_by_before)
        except ValueError:
            raise BadInput(f"--ship-by-before {args.ship_by_before!r} is not an ISO time") from None
    return waves.WaveFilter(
        carrier=args.carrier,
        channel=args.channel,
        min_priority=args.min_priority,
        ship_by_before=before,
        max_orders=args.max_orders,
    )


def _cart_max_weight(text: str | None) -> float | None:
    """--cart-max-weight-kg as kilograms (None: no limit); anything but a number above 0 is
    refused with one line."""
    return _above_zero(text, "--cart-max-weight-kg", "kilograms")


def _cart_max_volume(text: str | None) -> float | None:
    """--cart-max-volume-l as litres (None: no limit); anything but a number above 0 is refused
    with one line."""
    return _above_zero(text, "--cart-max-volume-l", "litres")


def _above_zero(text: str | None, option: str, unit: str) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise BadInput(f"{option} must be a number of {unit} above 0, got {text!r}")
    return value


def _plan_waves(args) -> int:
    max_weight_kg = _cart_max_weight(args.cart_max_weight_kg)  # before anything is opened
    max_volume_l = _cart_max_volume(args.cart_max_volume_l)
    central = open_central(args.database)
    chosen = warehouses.choose_warehouse(central.uow(), args.warehouse)  # a wave is one's
    actor = None if args.preview else admin_actor(args, central)
    plan = waves.plan_wave(
        central.uow(),
        args.capacity,
        _filter(args),
        args.group_by_carrier,
        max_weight_kg,
        max_volume_l,
        chosen.id if chosen else None,
    )
    if actor is not None:
        waves.save_wave(central.uow(), plan, args.release, actor)
    summary = {
        "wave": plan.name,
        "id": plan.id,
        "released": bool(args.release and not args.preview),
        "orders": plan.order_count,
        "pick_lists": len(plan.pick_lists),
        "distance_m": round(plan.distance_m, 1),
        "sshape_distance_m": round(sum(p.sshape_distance_m for p in plan.pick_lists), 1),
        # Added key: orders the save left out (changed since the plan read them), and why.
        "left_out": [{"order": ref, "why": why} for ref, why in plan.left_out.items()],
    }
    if args.json:
        emit_json(summary)
        return 0
    state = "previewed" if args.preview else ("released" if args.release else "planned")
    print(
        f"wave {plan.name} {state}: {counted(plan.order_count, 'order')} on "
        f"{counted(len(plan.pick_lists), 'cart')}, "
        f"{summary['distance_m']} m walking (S-shape would be {summary['sshape_distance_m']} m)"
    )
    for n, pick_list in enumerate(plan.pick_lists, start=1):
        print(
            f"  cart {n}: {counted(len(pick_list.order_refs), 'order')}, "
            f"{counted(len(pick_list.tasks), 'task')}, "
            f"{pick_list.distance_m:.1f} m"
        )
    if plan.left_out:
        named = ", ".join(f"{ref} ({LEFT_OUT_WHY[why]})" for ref, why in plan.left_out.items())
        print(f"  left out, changed since it was planned: {named}")
    return 0


def _release_wave(args) -> int:
    central = open_central(args.database)
    waves.release_wave(central.uow(), args.wave_id, admin_actor(args, central))
    print(f"wave {args.wave_id} released")
    return 0


def _top_up_wave(args) -> int:
    central = open_central(args.database)
    done = top_up_wave(central.uow(), args.wave_id, admin_actor(args, central))
    if args.json:
        emit_json(
            {
                "wave": done.wave,
                "id": args.wave_id,
                "orders": list(done.orders),
                "added_m": done.added_m,
                "own_carts_m": done.own_carts_m,
                "saved_m": round(done.saved_m, 1),
                "waiting": done.waiting,
            }
        )
        return 0
    print(
        f"wave {done.wave}: {len(done.orders)} order(s) joined its carts, +{done.added_m} m "
        f"walking (on carts of their own: {done.own_carts_m} m); "
        f"{done.waiting} order(s) wait for the next wave"
    )
    return 0


def _rebalance_wave(args) -> int:
    central = open_central(args.database)
    actor = None if args.preview else admin_actor(args, central)
    plan = wave_rebalance.preview_rebalance(central.uow(), args.wave_id)
    applied = False
    if actor is not None and plan.worthwhile:
        try:
            wave_rebalance.apply_rebalance(central.uow(), plan, actor)
        except Conflict as exc:
            print(f"shipshape rebalance-wave: {exc}", file=sys.stderr)
            return 1
        applied = True
    if args.json:
        emit_json(
            {
                "wave": plan.wave,
                "id": args.wave_id,
                "pick_lists": len(plan.versions),
                "left_alone": plan.left_alone,
                "before_m": plan.before_m,
                "after_m": plan.after_m,
                "saved_m": plan.saved_m,
                "saved_pct": plan.saved_pct,
                "applied": applied,
            }
        )
        return 0
    state = "re-balanced" if applied else ("previewed" if args.preview else "left as it is")
    print(
        f"wave {plan.wave} {state}: {len(plan.versions)} unstarted cart(s), "
        f"{plan.before_m} m → {plan.after_m} m walking, saved {plan.saved_m} m "
        f"({plan.saved_pct} %); {plan.left_alone} list(s) claimed or started, left alone"
    )
    return 0


def _picklists(args) -> int:
    with open_central(args.database).uow() as uow:
        lists = uow.waves.open_pick_lists()
    for pick_list in lists:
        if args.json:
            emit_json(pick_list)
        else:
            print(
                f"pick list {pick_list['id']} ({pick_list['wave']}, {pick_list['status']}, "
                f"{pick_list['assignee'] or 'unassigned'}): {len(pick_list['tasks'])} tasks"
            )
    return 0
