"""Order batching: proximity batching (seed + local search) beside first-come-first-served.

Seeded random orders of 1-5 lines on uniformly random locations of the demo layout
(resources/demo/layout.json; a 14-aisle, 2-block grid if it is missing), carts of 8 orders,
every cart routed with the exact router in both methods. Times include routing every cart.

    .venv/bin/python bench/batching.py [--seeds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.routing import load_layout  # noqa: E402
from app.routing.samples import grid_layout  # noqa: E402
from app.waves import plan_batches  # noqa: E402

CAPACITY = 8


def demo_layout():
    path = ROOT / "resources" / "demo" / "layout.json"
    if path.exists():
        return load_layout(path)
    return grid_layout(aisles=14, blocks=2, bays=27, depot="middle")


def random_orders(layout, count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    codes = [loc.code for loc in layout.locations]
    return [{"id": f"SO-{i}", "picks": rng.sample(codes, rng.randint(1, 5))} for i in range(count)]


def timed(layout, orders, strategy):
    started = time.perf_counter()
    batches = plan_batches(layout, orders, CAPACITY, strategy)
    return sum(b.distance_m for b in batches), time.perf_counter() - started, len(batches)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="order sets per size (default 3)")
    args = parser.parse_args()
    layout = demo_layout()
    print(
        f"layout: {layout.name}, {len(layout.aisles)} aisles, {layout.blocks} blocks; carts of {CAPACITY}"
    )
    print(
        f"{'orders':>6} {'seed':>4} | {'FCFS m':>9} {'s':>5} | {'proximity m':>11} {'s':>5} "
        f"{'carts':>5} | {'saving %':>8}"
    )
    results: dict[int, list[tuple[float, float]]] = {}
    for count in (200, 1000):
        for seed in range(args.seeds):
            orders = random_orders(layout, count, seed)
            fcfs, fcfs_s, _ = timed(layout, orders, "fcfs")
            ours, ours_s, carts = timed(layout, orders, "proximity")
            saving = 100 * (fcfs - ours) / fcfs
            results.setdefault(count, []).append((saving, ours_s))
            print(
                f"{count:>6} {seed:>4} | {fcfs:9.1f} {fcfs_s:5.2f} | {ours:11.1f} {ours_s:5.2f} "
                f"{carts:>5} | {saving:8.1f}"
            )
    for count, rows in results.items():
        print(
            f"{count} orders: mean saving {statistics.mean(r[0] for r in rows):.1f} %, "
            f"slowest plan {max(r[1] for r in rows):.2f} s"
        )
    print(
        f"RESULT batching_saving_vs_fcfs_pct_1000 {statistics.mean(r[0] for r in results[1000]):.1f} %"
    )
    print(f"RESULT batching_solve_s_1000 {max(r[1] for r in results[1000]):.2f} s")


if __name__ == "__main__":
    main()
