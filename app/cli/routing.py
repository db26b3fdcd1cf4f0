"""`shipshape route` and `shipshape batch-orders` (docs/interfaces.md §2 and §3).

Pure file-in, answer-out commands over app.routing and app.waves; no database.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path
from typing import Any

from app.cli.common import counted, emit_json
from app.errors import BadInput
from app.routing import METHODS, Layout, Route, load_layout, solve_route
from app.routing.svg import render_route_svg
from app.waves import STRATEGIES, plan_batches


def register(sub: argparse._SubParsersAction) -> None:
    """Add `route` and `batch-orders` to the `shipshape` parser."""
    p = sub.add_parser(
        "route",
        help="the walking order for a pick list",
        description="Route a picker from the depot through every listed location and back.",
    )
    p.add_argument(
        "layout", metavar="LAYOUT", type=Path, help="layout file (shipshape.layout/1 JSON)"
    )
    p.add_argument(
        "picks", type=Path, help='{"picks": [codes]}, or with --batch one JSON array per line'
    )
    p.add_argument("--method", choices=METHODS, default="optimal", help="default: optimal")
    p.add_argument(
        "--batch", action="store_true", help="PICKS is JSON lines: one pick list per line"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per pick list")
    p.add_argument(
        "--svg",
        type=Path,
        metavar="FILE",
        help="also draw the route (with --batch: FILE-1.svg, ...)",
    )
    p.set_defaults(func=_route)

    p = sub.add_parser(
        "batch-orders",
        help="group orders onto carts so the total walk is short",
        description="Batch orders onto carts (one tote per order) and route each cart.",
    )
    p.add_argument(
        "layout", metavar="LAYOUT", type=Path, help="layout file (shipshape.layout/1 JSON)"
    )
    p.add_argument(
        "orders",
        metavar="ORDERS",
        type=Path,
        help='{"orders": [{"id": ..., "picks": [codes]}, ...]}',
    )
    p.add_argument(
        "--capacity", type=int, required=True, metavar="N", help="most orders on one cart"
    )
    p.add_argument("--strategy", choices=STRATEGIES, default="proximity", help="default: proximity")
    p.add_argument(
        "--max-volume-l",
        type=float,
        metavar="L",
        help='most litres on a cart (orders\' "volume_l")',
    )
    p.add_argument(
        "--max-weight-kg", type=float, metavar="KG", help='most kg on a cart (orders\' "weight_kg")'
    )
    p.add_argument(
        "--effort",
        type=float,
        default=1.0,
        help="how hard to search: 0 the quick seed only, 1 the default (docs/routing.md)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=0,
        help="the search's seed (same seed, same carts, unless the time limit stops it)",
    )
    p.add_argument("--json", action="store_true", help="the answer as one JSON object")
    p.set_defaults(func=_batch_orders)


# ---- route ------------------------------------------------------------------------------------


def _route(args: argparse.Namespace) -> int:
    layout = load_layout(args.layout)
    pick_lists = _read_pick_lists(args.picks, args.batch)
    for where, codes in pick_lists:  # every code checked before anything is printed
        for code in codes:
            if not layout.has_location(code):
                raise BadInput(f"{where}: unknown location code {code!r} (not in {args.layout})")
    for n, (_, codes) in enumerate(pick_lists, start=1):
        started = time.perf_counter()
        route = solve_route(layout, codes, args.method)
        solve_ms = (time.perf_counter() - started) * 1000
        if args.json:
            emit_json(
                {
                    "sequence": list(route.sequence),
                    "distance_m": round(route.distance_m, 3),
                    "method": route.method,
                    "solve_ms": round(solve_ms, 3),
                }
            )
        else:
            _print_route(layout, route, solve_ms, n if args.batch else None)
        if args.svg:
            _write_svg(layout, route, _svg_path(args.svg, n if args.batch else None))
    return 0


def _read_pick_lists(path: Path, batch: bool) -> list[tuple[str, list[str]]]:
    """(where, codes) per pick list; `where` names the file and, with --batch, the line."""
    text = _read_text(path, "pick list")
    if not batch:
        data = _parse_json(text, str(path))
        picks = data.get("picks") if isinstance(data, dict) else None
        return [(str(path), _codes(picks, str(path), 'expected {"picks": [location codes]}'))]
    lists = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            where = f"{path}: line {number}"
            lists.append(
                (
                    where,
                    _codes(
                        _parse_json(line, where), where, "expected a JSON array of location codes"
                    ),
                )
            )
    return lists


def _codes(value: Any, where: str, expected: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise BadInput(f"{where}: {expected}")
    return value


def _print_route(layout: Layout, route: Route, solve_ms: float, number: int | None) -> None:
    title = f"Pick list {number}: " if number else ""
    print(
        f"{title}{len(route.sequence)} picks, {route.distance_m:.1f} m walked "
        f"({route.method}, solved in {solve_ms:.1f} ms)"
    )
    print("   start at the depot")
    for n, code in enumerate(route.sequence, start=1):
        loc = layout.location(code)
        print(f"  {n:3d}. {code:<20} aisle {loc.aisle}, {loc.y:g} m from the front")
    print("   back to the depot")


def _svg_path(base: Path, number: int | None) -> Path:
    return (
        base if number is None else base.with_name(f"{base.stem}-{number}{base.suffix or '.svg'}")
    )


def _write_svg(layout: Layout, route: Route, path: Path) -> None:
    try:
        path.write_text(render_route_svg(layout, route), encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{path}: cannot write the drawing: {exc.strerror or exc}") from None


# ---- batch-orders -------------------------------------------------------------------------------


def _batch_orders(args: argparse.Namespace) -> int:
    if args.capacity < 1:
        raise BadInput(f"--capacity must be at least 1 (one order per cart), got {args.capacity}")
    for flag, value in (
        ("--max-volume-l", args.max_volume_l),
        ("--max-weight-kg", args.max_weight_kg),
        ("--effort", args.effort),
    ):
        if value is not None and not (math.isfinite(value) and value >= 0):
            raise BadInput(f"{flag} must be a number of at least 0, got {value}")
    layout = load_layout(args.layout)
    orders = _read_orders(args.orders, layout)
    started = time.perf_counter()
    batches = plan_batches(
        layout,
        orders,
        args.capacity,
        args.strategy,
        max_volume_l=args.max_volume_l,
        max_weight_kg=args.max_weight_kg,
        effort=args.effort,
        seed=args.seed,
    )
    solve_ms = (time.perf_counter() - started) * 1000
    total = sum((b.distance_m for b in batches), 0.0)
    if args.json:
        emit_json(
            {
                "batches": [
                    {
                        "orders": list(b.order_ids),
                        "sequence": list(b.sequence),
                        "distance_m": round(b.distance_m, 3),
                    }
                    for b in batches
                ],
                "total_distance_m": round(total, 3),
                "solve_ms": round(solve_ms, 3),
            }
        )
        return 0
    print(
        f"{counted(len(orders), 'order')} on {counted(len(batches), 'cart')} "
        f"(at most {args.capacity} each), "
        f"{total:.1f} m walked in all ({args.strategy}, planned in {solve_ms:.0f} ms)"
    )
    for n, b in enumerate(batches, start=1):
        ids = ", ".join(str(i) for i in b.order_ids)
        print(f"  cart {n:3d}: {b.distance_m:7.1f} m, {len(b.sequence):3d} picks — {ids}")
    return 0


def _read_orders(path: Path, layout: Layout) -> list[dict[str, Any]]:
    data = _parse_json(_read_text(path, "orders"), str(path))
    orders = data.get("orders") if isinstance(data, dict) else None
    if not isinstance(orders, list):
        raise BadInput(f'{path}: expected {{"orders": [{{"id": ..., "picks": [codes]}}, ...]}}')
    seen: set = set()
    for n, order in enumerate(orders):
        where = f"{path}: orders[{n}]"
        if not isinstance(order, dict) or not isinstance(order.get("id"), str | int):
            raise BadInput(f'{where}: each order needs an "id" and a "picks" list')
        where = f"{path}: order {order['id']!r}"
        if order["id"] in seen:
            raise BadInput(f"{where} is listed twice")
        seen.add(order["id"])
        codes = _codes(order.get("picks"), where, '"picks" must be a list of location codes')
        _check_fields(order, where)
        for code in codes:
            if not layout.has_location(code):
                raise BadInput(f"{where}: unknown location code {code!r} (not in the layout)")
    return orders


def _check_fields(order: dict, where: str) -> None:
    """The optional fields the batcher compares or adds up ("volume_l" and "weight_kg": what
    the order takes of a cart's limits; "priority"; "ship_by") have the right type, or the
    batcher would fail half-way with a type error."""
    for key in ("volume_l", "weight_kg"):
        value = order.get(key)
        if value is not None and not _is_amount(value):
            raise BadInput(f'{where}: "{key}" must be a number of at least 0, got {value!r}')
    priority = order.get("priority")
    if priority is not None and (isinstance(priority, bool) or not isinstance(priority, int)):
        raise BadInput(f'{where}: "priority" must be a whole number, got {priority!r}')
    ship_by = order.get("ship_by")
    if ship_by is not None and not isinstance(ship_by, str):
        raise BadInput(f'{where}: "ship_by" must be an ISO 8601 time, got {ship_by!r}')


def _is_amount(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


# ---- files ------------------------------------------------------------------------------------


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the {what} file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(
            f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
