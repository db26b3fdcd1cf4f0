"""Slotting: the proposed moves' saving, by replaying 30 days of demo orders (issue 21).

The demo site (app/demo/site_files.py): the 14-aisle, 2-block layout (4,480 locations, the
depot on the front cross aisle), its 1,200 products, slotted at random — each product's stock
goes to a random free location of levels 1-2 (generate_stock shuffles them), its pick face the
lowest of them. History: 30 days × 300 demo orders (generate_orders: Zipf-like popularity,
1-5 lines), plus 40 co-ordered pairs (a popular product and a partner, ordered together 60 % of
the time). The pick lists replayed with the exact router on the current and on the proposed
slotting: every order as its own pick list (the RESULT lines); each day's orders batched as the
site batches them (proximity seed, carts of 8, app.waves.plan_batches at effort 0: 150 plans
of 300 orders at the default effort would take the bench from one minute to ten) on today's
slotting, those carts kept; and the same days batched again on the proposed slotting.
docs/benchmarks.md.

    .venv/bin/python bench/slotting.py [--days 30] [--orders-per-day 300]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.demo.orders import DEMO_START, generate_orders  # noqa: E402
from app.demo.products import DEMO_SEED, generate_products  # noqa: E402
from app.demo.site_files import generate_layout, generate_pick_faces, generate_stock  # noqa: E402
from app.routing import load_layout  # noqa: E402
from app.slotting import Limits, Replay, propose  # noqa: E402
from app.waves import plan_batches  # noqa: E402

CART = 8
PAIRS, PAIR_SHARE = 40, 0.6
K_VALUES = (20, 50, 100, 1000)  # 1000: only the 5 % location limit binds
SHARE = 0.05


def history(products, days: int, per_day: int, seed: int) -> list[list[tuple[str, set[str]]]]:
    """Per day: (order id, SKUs) in arrival order, with the co-ordered pairs added."""
    rng = random.Random(f"{seed}-pairs")
    skus = [p.sku for p in products]
    pairs = [(skus[i], skus[rng.randrange(50, len(skus))]) for i in rng.sample(range(300), PAIRS)]
    out = []
    for day in range(days):
        start = DEMO_START + timedelta(days=day)
        rows = generate_orders(per_day, seed + day, products, start=start, first_number=day * 10**5)
        orders: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            orders[row["order_id"]].add(row["sku"])
        for lines in orders.values():
            lines.update(b for a, b in pairs if a in lines and rng.random() < PAIR_SHARE)
        out.append(list(orders.items()))
    return out


def demo_site(products, days):
    """The layout, each product's home (its pick face) and the other used locations."""
    document = generate_layout()
    rows = [{"sku": s, "quantity": 1} for day in days for _, lines in day for s in lines]
    stock, _ = generate_stock(products, document, rows)
    faces, reserve = generate_pick_faces(stock, document, rows)
    homes = {face["sku"]: face["location"] for face in faces}
    blocked = frozenset(r["location"] for r in stock + reserve) - set(homes.values())
    face_max = {face["sku"]: int(face["max"]) for face in faces}
    return load_layout(document), homes, blocked, face_max


def site_carts(layout, homes, days) -> tuple[list[tuple[str, ...]], float]:
    """The carts the site's batcher makes each day on this slotting, and their total walk."""
    carts, walked = [], 0.0
    for orders in days:
        lines = dict(orders)
        picks = [
            {"id": o, "picks": [homes[s] for s in sorted(skus) if s in homes]} for o, skus in orders
        ]
        for batch in plan_batches(layout, [p for p in picks if p["picks"]], CART, effort=0):
            carts.append(tuple(set().union(*(lines[o] for o in batch.order_ids))))
            walked += batch.distance_m
    return carts, walked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--orders-per-day", type=int, default=300)
    args = parser.parse_args()
    products = generate_products(seed=DEMO_SEED)
    days = history(products, args.days, args.orders_per_day, DEMO_SEED)
    layout, homes, blocked, face_max = demo_site(products, days)
    space = {p.sku: _volume(p) * face_max.get(p.sku, 1) for p in products}  # cm³, for the COI
    orders = [tuple(skus) for day in days for _, skus in day]
    carts, _ = site_carts(layout, homes, days)
    print(
        f"site: {layout.name}, {len(layout.locations)} locations, {len(homes)} products slotted "
        f"at random; {len(orders)} orders over {args.days} days"
    )
    print(
        f"{'pick lists':<22} {'K':>5} | {'current m':>10} {'proposed m':>10} {'saving %':>8} | "
        f"{'moves':>5} {'locations':>9} {'moved %':>7} | {'s':>5}"
    )
    found = {}
    for name, lists in (("one per order", orders), (f"site carts of {CART}", carts)):
        replay = Replay(layout, lists)
        for k in K_VALUES:
            started = time.perf_counter()
            plan = propose(layout, lists, homes, Limits(k, SHARE), blocked, space, replay)
            took = time.perf_counter() - started
            found[name, k] = plan
            print(
                f"{name:<22} {k:>5} | {plan.current_m:>10.0f} {plan.proposed_m:>10.0f} "
                f"{plan.saving_pct:>8.1f} | {plan.relocations:>5} {plan.touched:>9} "
                f"{plan.moved_pct:>7.2f} | {took:>5.1f}"
            )
    rebatched(layout, homes, days, found, f"site carts of {CART}")
    best = found["one per order", K_VALUES[-1]]
    print(f"RESULT slotting_walk_saving_pct {best.saving_pct:.1f} %")
    print(f"RESULT slotting_locations_moved_pct {best.moved_pct:.2f} %")


def rebatched(layout, homes, days, found, name) -> None:
    """The carts batched again on the proposed slotting (the site re-batches every day)."""
    _, before = site_carts(layout, homes, days)
    for k in K_VALUES:
        plan = found[name, k]
        after = dict(homes)
        for move in plan.moves:
            after[move.sku] = move.to_location
            if move.swap_with:
                after[move.swap_with] = move.from_location
        _, walked = site_carts(layout, after, days)
        saving = 100 * (before - walked) / before
        print(f"{'re-batched carts':<22} {k:>5} | {before:>10.0f} {walked:>10.0f} {saving:>8.1f} |")


def _volume(product) -> float:
    dims = product.dimensions_cm
    return dims[0] * dims[1] * dims[2] if dims else 0.0


if __name__ == "__main__":
    main()
