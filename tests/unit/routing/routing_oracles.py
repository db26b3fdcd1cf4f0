"""Seeded irregular layouts and exact references shared by the routing tests."""

from __future__ import annotations

import heapq
import random
from itertools import pairwise

from app.routing.distance import Spot, depot_spot, spot_of, walk_distance
from app.routing.layout import Layout, load_layout


def irregular_layout(rng: random.Random, aisles: int = 5, blocks: int = 2) -> Layout:
    """Uneven aisle spacing, uneven blocks, the depot on any cross aisle, anywhere along it."""
    length = float(rng.randint(10, 30))
    inner = sorted(rng.sample(range(1, int(length)), blocks - 1))
    cross = [0.0, *map(float, inner), length]
    xs, x = [], 0.0
    for _ in range(aisles):
        xs.append(x)
        x += rng.choice([2.0, 3.0, 5.0, 7.5])
    second = xs[min(1, len(xs) - 1)]
    depot = {
        "x": rng.choice([xs[0], xs[-1], -3.0, x + 1.0, (xs[0] + second) / 2, second]),
        "y": rng.choice(cross),
    }
    locations = []
    for i, ax in enumerate(xs):
        del ax
        ys = {float(rng.randint(0, int(length))) for _ in range(6)} | {rng.uniform(0, length)}
        for j, y in enumerate(sorted(ys)):
            locations.append(
                {"code": f"A{i}-{j:02d}", "aisle": f"A{i}", "y": y, "side": "L", "level": 1}
            )
    return load_layout(
        {
            "format": "shipshape.layout/1",
            "name": "irregular",
            "aisle_length": length,
            "aisles": [{"id": f"A{i}", "x": x} for i, x in enumerate(xs)],
            "cross_aisles": cross,
            "depot": depot,
            "locations": locations,
        }
    )


def dijkstra_distance(layout: Layout, a: Spot, b: Spot) -> float:
    """Shortest walk between two spots over an explicit walkway graph (the test oracle)."""
    xs = sorted({al.x for al in layout.aisles})
    nodes: set[tuple[float, float]] = {(x, c) for x in xs for c in layout.cross_aisles}
    nodes |= {(a.x, a.y), (b.x, b.y), (layout.depot.x, layout.depot.y)}
    graph: dict[tuple[float, float], list[tuple[float, tuple[float, float]]]] = {
        n: [] for n in nodes
    }
    for x in xs:  # along each aisle
        column = sorted(n for n in nodes if n[0] == x)
        for p, q in pairwise(column):
            graph[p].append((q[1] - p[1], q))
            graph[q].append((q[1] - p[1], p))
    for c in layout.cross_aisles:  # along each cross aisle
        row = sorted(n for n in nodes if n[1] == c)
        for p, q in pairwise(row):
            graph[p].append((q[0] - p[0], q))
            graph[q].append((q[0] - p[0], p))
    best = {(a.x, a.y): 0.0}
    queue = [(0.0, (a.x, a.y))]
    while queue:
        d, n = heapq.heappop(queue)
        if n == (b.x, b.y):
            return d
        if d > best[n]:
            continue
        for w, m in graph[n]:
            if d + w < best.get(m, float("inf")):
                best[m] = d + w
                heapq.heappush(queue, (d + w, m))
    raise AssertionError("walkway graph is not connected")


def held_karp(layout: Layout, codes: list[str]) -> float:
    """Exact shortest tour depot → all codes → depot by Held-Karp over the distance matrix."""
    spots = [depot_spot(layout)] + [spot_of(layout, c) for c in codes]
    n = len(spots)
    dist = [[walk_distance(layout.cross_aisles, p, q) for q in spots] for p in spots]
    if n == 1:
        return 0.0
    full = 1 << (n - 1)
    cost = [[float("inf")] * n for _ in range(full)]
    for k in range(1, n):
        cost[1 << (k - 1)][k] = dist[0][k]
    for mask in range(1, full):
        for k in range(1, n):
            here = cost[mask][k]
            if here == float("inf"):
                continue
            for m in range(1, n):
                bit = 1 << (m - 1)
                if not mask & bit and here + dist[k][m] < cost[mask | bit][m]:
                    cost[mask | bit][m] = here + dist[k][m]
    return min(cost[full - 1][k] + dist[k][0] for k in range(1, n))
