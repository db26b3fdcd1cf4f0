"""From the multigraph the exact router chose (app.routing.optimal) to a walking order.

The dynamic program records, column by column, how often each cross-aisle piece is walked and how
each aisle segment is covered; `route_edges` replays those choices as walkway edges carrying
their picks, and `walk_order` walks them as an Euler circuit (or, on an open route, an Euler
path from the start to the depot) to read off the picks in order. Pure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

Node = tuple[int, int]  # (column, cross aisle)
Edge = tuple[Node, Node, tuple[str, ...]]  # codes in walking order from the first node


@dataclass(frozen=True)
class Column:
    x: float
    segments: tuple[tuple[tuple[float, str], ...], ...] | None  # per block; None: not an aisle
    start: tuple[int, float] | None = None  # (block, y): an open route starts inside a segment
    flips: tuple[int, ...] = ()  # cross aisles whose node is an end of an open route


START = -1  # the cross-aisle index of the start node when it is inside a segment


def route_edges(columns: list[Column], cross, choices: list) -> list[Edge]:
    """Replay the choices (in the order `_solve` made them) as walkway edges with their picks."""
    steps = iter(choices)
    edges: list[Edge] = []
    for j, column in enumerate(columns):
        if j:
            for i, uses in enumerate(next(steps)):
                edges += [((j - 1, i), (j, i), ())] * uses
        for seg in column.segments or ():
            b, cover = next(steps)
            if cover.startswith("start:"):
                edges += _start_edges(j, b, seg, cover, column.start[1] if column.start else 0.0)
            else:
                edges += _segment_edges((j, b), (j, b + 1), seg, cover)
        for _ in column.flips:
            next(steps)
    return edges


def _start_edges(j: int, b: int, seg, cover: str, at: float) -> list[Edge]:
    _, low_cover, high_cover = cover.split(":")
    below = tuple(p for p in seg if p[0] <= at)
    above = tuple(p for p in seg if p[0] > at)
    start = (j, START)
    return _segment_edges((j, b), start, below, low_cover) + _segment_edges(
        start, (j, b + 1), above, high_cover
    )


def _segment_edges(low: Node, high: Node, seg, cover: str) -> list[Edge]:
    up = tuple(code for _, code in seg)
    down = up[::-1]
    if cover == "through":
        return [(low, high, up)]
    if cover == "twice":
        return [(low, high, up), (low, high, ())]
    if cover == "low":
        return [(low, low, up)]
    if cover == "high":
        return [(high, high, down)]
    if cover == "split":
        ys = [y for y, _ in seg]
        cut = max(range(1, len(ys)), key=lambda i: ys[i] - ys[i - 1])  # first largest gap
        return [(low, low, up[:cut]), (high, high, down[: len(ys) - cut])]
    return []


def walk_order(edges: list[Edge], start: Node) -> list[str]:
    """Codes in the order of an Euler circuit from the depot (Hierholzer, deterministic). On an
    open route (odd degree at its start and at the depot) the same search from the depot finds
    an Euler path, and its popped order walks it from the start to the depot."""
    incident: dict[Node, list[int]] = defaultdict(list)
    for idx, (a, b, _) in enumerate(edges):
        incident[a].append(idx)
        if a != b:
            incident[b].append(idx)
    used = [False] * len(edges)
    cursor: dict[Node, int] = defaultdict(int)
    stack: list[tuple[Node, int | None]] = [(start, None)]
    circuit: list[tuple[Node, int | None]] = []
    while stack:
        node, via = stack[-1]
        around = incident[node]
        while cursor[node] < len(around) and used[around[cursor[node]]]:
            cursor[node] += 1
        if cursor[node] == len(around):
            circuit.append(stack.pop())
            continue
        idx = around[cursor[node]]
        used[idx] = True
        a, b, _ = edges[idx]
        stack.append((b if node == a else a, idx))
    # The popped order is itself a circuit: from each node along the edge it was reached by.
    codes: list[str] = []
    for node, via in circuit[:-1]:
        if via is None:  # only the start, last in the circuit, was reached by no edge
            continue
        a, _, picks = edges[via]
        codes += picks if node == a else picks[::-1]
    return codes
