"""Pick routing: our route beside S-shape, largest gap and an independent TSP reference.

Seeded random pick lists of 5-100 picks in 12-aisle layouts of 1, 2 and 3 blocks (20 m blocks,
4 m between aisles), the depot at the front-left corner or mid-front (between two aisles).
The reference is fast-tsp (MIT) on the exact walking-distance matrix: exact Held-Karp up to 20
nodes, Or-opt/Lin-Kernighan-style search above; a route of ours longer than it would be a gap.

    .venv/bin/python bench/routing.py [--instances 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import fast_tsp  # noqa: E402

from app.routing import route_distance, solve_route  # noqa: E402
from app.routing.distance import depot_spot, spot_of, walk_distance  # noqa: E402
from app.routing.samples import grid_layout, random_picks  # noqa: E402

SIZES = (5, 10, 20, 30, 60, 100)


def reference_length(layout, codes: list[str]) -> float:
    """Tour length found by fast-tsp over the depot and the picks (integer millimetres)."""
    spots = [depot_spot(layout)] + [spot_of(layout, c) for c in codes]
    if len(spots) < 4:
        return route_distance(layout, codes)  # one or two picks: every order is the same walk
    metres = [[walk_distance(layout.cross_aisles, p, q) for q in spots] for p in spots]
    scale = min(1000.0, 65535 / max(max(row) for row in metres))  # fast-tsp takes uint16
    matrix = [[round(scale * d) for d in row] for row in metres]
    tour = fast_tsp.find_tour(matrix, duration_seconds=0.25)
    start = tour.index(0)
    order = tour[start + 1 :] + tour[:start]
    return route_distance(layout, [codes[i - 1] for i in order])


def run(instances: int) -> list[dict]:
    rows = []
    for blocks in (1, 2, 3):
        for depot in ("corner", "middle"):
            layout = grid_layout(aisles=12, blocks=blocks, bays=20, depot=depot)
            rng = random.Random(f"{blocks}-{depot}")
            solve_route(layout, random_picks(layout, 30, rng))  # warm the DP's transition tables
            for size in SIZES:
                for _ in range(instances):
                    codes = random_picks(layout, size, rng)
                    started = time.perf_counter()
                    ours = solve_route(layout, codes)
                    solve_ms = (time.perf_counter() - started) * 1000
                    rows.append(
                        {
                            "blocks": blocks,
                            "depot": depot,
                            "size": size,
                            "ours": ours.distance_m,
                            "solve_ms": solve_ms,
                            "s_shape": solve_route(layout, codes, "s-shape").distance_m,
                            "largest_gap": solve_route(layout, codes, "largest-gap").distance_m,
                            "reference": reference_length(layout, codes),
                        }
                    )
    return rows


def pct(a: float, b: float) -> float:
    return 100 * (a - b) / b if b else 0.0


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def table(rows: list[dict]) -> None:
    print(
        f"{'blocks':>6} {'depot':>7} {'picks':>5} | {'ours m':>8} {'ref m':>8} "
        f"{'ours-ref %':>10} | {'S-shape +%':>10} {'lgap +%':>8} | {'ms mean':>7} {'ms p95':>6}"
    )
    keys = sorted({(r["blocks"], r["depot"], r["size"]) for r in rows})
    for blocks, depot, size in keys:
        group = [r for r in rows if (r["blocks"], r["depot"], r["size"]) == (blocks, depot, size)]

        def mean(key: str, group=group) -> float:
            return statistics.mean(r[key] for r in group)

        print(
            f"{blocks:>6} {depot:>7} {size:>5} | {mean('ours'):8.1f} {mean('reference'):8.1f} "
            f"{statistics.mean(pct(r['ours'], r['reference']) for r in group):10.3f} | "
            f"{statistics.mean(pct(r['s_shape'], r['ours']) for r in group):10.1f} "
            f"{statistics.mean(pct(r['largest_gap'], r['ours']) for r in group):8.1f} | "
            f"{mean('solve_ms'):7.1f} {p95([r['solve_ms'] for r in group]):6.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=20, help="pick lists per row (default 20)")
    args = parser.parse_args()
    rows = run(args.instances)
    table(rows)
    gaps = [max(0.0, pct(r["ours"], r["reference"])) for r in rows]
    worse_than_baseline = sum(r["ours"] > min(r["s_shape"], r["largest_gap"]) + 1e-9 for r in rows)
    shorter_than_ref = sum(r["ours"] < r["reference"] - 1e-6 for r in rows)
    print(
        f"\n{len(rows)} instances; ours longer than a baseline on {worse_than_baseline}; "
        f"shorter than the fast-tsp reference on {shorter_than_ref}"
    )
    big = [r["solve_ms"] for r in rows if r["blocks"] == 2 and r["size"] == 100]
    twenty = [r for r in rows if r["size"] == 20]
    print(f"RESULT route_gap_mean_pct {statistics.mean(gaps):.4f} %")
    print(f"RESULT route_gap_max_pct {max(gaps):.4f} %")
    print(f"RESULT route_solve_p95_ms_100_2blocks {p95(big):.2f} ms")
    saving = statistics.mean(-pct(r["ours"], r["s_shape"]) for r in twenty)
    print(f"RESULT route_saving_vs_sshape_pct_20_picks {saving:.1f} %")


if __name__ == "__main__":
    main()
