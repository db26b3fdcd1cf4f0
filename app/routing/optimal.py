"""The exact shortest pick route in a parallel-aisle layout with any number of cross aisles.

A pick tour is a multigraph on the walkways in which every pick and the depot are touched, every
node has even degree and everything is connected; its cheapest Euler walk is the route
(Ratliff & Rosenthal 1983; for several cross aisles Roodbergen & de Koster 2001 and
Pansart, Catusse & Cambazard 2018). We build that multigraph by dynamic programming from the
left-most to the right-most column (an aisle, or the depot's own spot on its cross aisle).
The frontier state is one entry per cross aisle at the current column: 0 if untouched, else a
component label and the degree's parity. Per column we choose how often each cross-aisle piece
from the previous column is walked (0, 1, 2) and, per block, how the aisle segment is covered:
not at all, once through, twice through, a return from either end, or both ends with the
largest gap skipped. The work grows with aisles × blocks, not with the number of picks.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from itertools import pairwise, product

from app.routing.distance import Spot
from app.routing.layout import Layout

Node = tuple[int, int]  # (column, cross aisle)
Edge = tuple[Node, Node, tuple[str, ...]]  # codes in walking order from the first node


@dataclass(frozen=True)
class _Column:
    x: float
    segments: tuple[tuple[tuple[float, str], ...], ...] | None  # per block; None: not an aisle


# A segment cover: (degree added at the low node, at the high node, joins them).
_COVERS = {
    "none": (0, 0, False),
    "through": (1, 1, True),
    "twice": (2, 2, True),
    "low": (2, 0, False),
    "high": (0, 2, False),
    "split": (2, 2, False),
}


def optimal_sequence(
    layout: Layout, stops: list[tuple[Spot, str]], upper_bound: float = float("inf")
) -> tuple[list[str], float]:
    """The order to visit `stops` (distinct codes) on a shortest tour, and that tour's length.

    `upper_bound`, the length of any known tour through the same stops, only speeds things up.
    """
    if not stops:
        return [], 0.0
    cross = layout.cross_aisles
    columns, depot_node = _columns(layout, stops)
    cost, choices = _solve(columns, cross, depot_node, upper_bound)
    edges = _edges(columns, cross, choices)
    return _walk(edges, depot_node), cost


def _columns(layout: Layout, stops: list[tuple[Spot, str]]) -> tuple[list[_Column], Node]:
    cross = layout.cross_aisles
    blocks = len(cross) - 1
    depot = layout.depot
    xs = [s.x for s, _ in stops] + [depot.x]
    lo, hi = min(xs), max(xs)
    by_x: dict[float, list[list[tuple[float, str]]]] = {
        a.x: [[] for _ in range(blocks)] for a in layout.aisles if lo <= a.x <= hi
    }
    for spot, code in stops:
        block = min(bisect_right(cross, spot.y) - 1, blocks - 1)
        by_x[spot.x][block].append((spot.y, code))
    columns = [
        _Column(x, tuple(tuple(sorted(seg)) for seg in segs)) for x, segs in sorted(by_x.items())
    ]
    if depot.x not in by_x:
        columns.append(_Column(depot.x, None))
        columns.sort(key=lambda c: c.x)
    depot_col = next(i for i, c in enumerate(columns) if c.x == depot.x)
    return columns, (depot_col, cross.index(depot.y))


# ---- the dynamic program --------------------------------------------------------------------

State = tuple[int, ...]  # per cross aisle: 0 untouched, else label * 2 + degree parity


def _normalize(entries: list[int]) -> State:
    """Relabel components by first appearance so equal frontiers compare equal."""
    names: dict[int, int] = {}
    out = []
    for e in entries:
        if e:
            label = names.setdefault(e >> 1, len(names) + 1)
            e = label << 1 | (e & 1)
        out.append(e)
    return tuple(out)


@cache
def _crossings(state: State, required: int) -> tuple[tuple[State, tuple[int, ...], int], ...]:
    """Every legal way to walk the cross-aisle pieces to the next column: (frontier, uses, total).

    `required` is a bit mask of nodes in the column being left that the tour must touch (the
    depot). A node left with odd degree must be walked once more; no component may be left behind.
    """
    # An untouched node walked to the next column would be a dead-end spur there and back:
    # only worth it when the node itself must be visited (the depot off every aisle).
    options = [
        (1,) if e & 1 else (0, 2) if e or required >> i & 1 else (0,) for i, e in enumerate(state)
    ]
    fresh = max((e >> 1 for e in state), default=0) + 1
    out = []
    for uses in product(*options):
        if any(required >> i & 1 and not state[i] and not u for i, u in enumerate(uses)):
            continue
        carried = {state[i] >> 1 for i, u in enumerate(uses) if u and state[i]}
        if carried != {e >> 1 for e in state if e}:
            continue  # a component would be cut off from the rest of the tour
        entries = []
        for i, u in enumerate(uses):
            label = (state[i] >> 1) or fresh + i
            entries.append(label << 1 | (u & 1) if u else 0)
        out.append((_normalize(entries), uses, sum(uses)))
    return tuple(out)


@cache
def _covers(state: State, block: int) -> dict[str, State]:
    """The frontier after each way of covering the segment between cross aisles block, block+1."""
    return {cover: _cover(state, block, cover) for cover in _COVERS}


def _cover(state: State, block: int, cover: str) -> State:
    add_low, add_high, joins = _COVERS[cover]
    entries = list(state)
    fresh = max((e >> 1 for e in entries), default=0) + 1
    for node, add in ((block, add_low), (block + 1, add_high)):
        if add:
            if not entries[node]:
                entries[node] = fresh << 1
                fresh += 1
            entries[node] ^= add & 1
    if joins:
        keep, drop = entries[block] >> 1, entries[block + 1] >> 1
        entries = [(keep << 1 | e & 1) if e and e >> 1 == drop else e for e in entries]
    return _normalize(entries)


def _segment_covers(seg, low: float, high: float) -> list[tuple[str, float]]:
    """Sensible covers of one aisle segment and their walking cost."""
    length = high - low
    if not seg:
        return [("none", 0.0), ("through", length), ("twice", 2 * length)]
    ys = [y for y, _ in seg]
    covers = [
        ("through", length),
        ("twice", 2 * length),
        ("low", 2 * (ys[-1] - low)),
        ("high", 2 * (high - ys[0])),
    ]
    if len(ys) > 1:
        gap = max(b - a for a, b in pairwise(ys))
        covers.append(("split", 2 * (length - gap)))
    return covers


def _steps(columns: list[_Column], cross, depot: Node) -> list[tuple]:
    """The DP's steps left to right: ("cross", required mask, width) or ("cover", block, covers)."""
    steps: list[tuple] = []
    for j, column in enumerate(columns):
        if j:
            required = 1 << depot[1] if depot[0] == j - 1 else 0
            steps.append(("cross", required, column.x - columns[j - 1].x))
        for b, seg in enumerate(column.segments or ()):
            steps.append(("cover", b, _segment_covers(seg, cross[b], cross[b + 1])))
    return steps


def _solve(columns: list[_Column], cross, depot: Node, upper_bound: float):
    """Cheapest tour cost and, per step, the choice that led to each frontier.

    A frontier whose cost plus a lower bound on what is left (every gap between columns is
    crossed at least twice; each segment needs at least its cheapest cover) exceeds a known
    tour's length cannot lead to the optimum, so it is dropped. Frontiers are handled by their
    integer ids (`_Frontiers`) because hashing tuples was most of the time.
    """
    steps = _steps(columns, cross, depot)
    least = [2 * s[2] if s[0] == "cross" else min(w for _, w in s[2]) for s in steps]
    still_needed = [sum(least[t + 1 :]) for t in range(len(steps))]
    layer: dict[int, float] = {_FRONTIERS.id((0,) * len(cross)): 0.0}
    history: list[dict[int, tuple[int, object]]] = []
    for (kind, key, detail), needed in zip(steps, still_needed, strict=True):
        limit = upper_bound - needed + 1e-6
        nxt: dict[int, float] = {}
        back: dict[int, tuple[int, object]] = {}
        for sid, cost in layer.items():
            if kind == "cross":
                for new, uses, n in _FRONTIERS.cross(sid, key):
                    total = cost + n * detail
                    if total <= limit and total < nxt.get(new, limit + 1):
                        nxt[new] = total
                        back[new] = (sid, uses)
                continue
            row = _FRONTIERS.covers(sid, key)
            for cover, w in detail:
                total = cost + w
                new = row[cover]
                if total <= limit and total < nxt.get(new, limit + 1):
                    nxt[new] = total
                    back[new] = (sid, (key, cover))
        history.append(back)
        layer = nxt
    required = 1 << depot[1] if depot[0] == len(columns) - 1 else 0
    finals = [
        (cost, sid)
        for sid, cost in layer.items()
        if _is_whole_tour(_FRONTIERS.state(sid), required)
    ]
    cost, sid = min(finals)
    return cost, _trace(history, sid)


class _Frontiers:
    """Frontier states numbered once per process, with their transitions memoised by number.

    Shared by every solve (the tables only grow with the number of cross aisles, not with the
    input); a lock keeps numbering consistent when two threads route at once.
    """

    def __init__(self) -> None:
        self._ids: dict[State, int] = {}
        self._states: list[State] = []
        self._cross: dict[int, tuple] = {}
        self._covers: dict[int, dict[str, int]] = {}
        self._lock = threading.Lock()

    def id(self, state: State) -> int:
        sid = self._ids.get(state)
        if sid is None:
            with self._lock:
                sid = self._ids.setdefault(state, len(self._states))
                if sid == len(self._states):
                    self._states.append(state)
        return sid

    def state(self, sid: int) -> State:
        return self._states[sid]

    def cross(self, sid: int, required: int) -> tuple:
        key = sid << 16 | required
        moves = self._cross.get(key)
        if moves is None:
            moves = tuple(
                (self.id(new), uses, n) for new, uses, n in _crossings(self._states[sid], required)
            )
            self._cross[key] = moves
        return moves

    def covers(self, sid: int, block: int) -> dict[str, int]:
        key = sid << 8 | block
        row = self._covers.get(key)
        if row is None:
            row = {c: self.id(new) for c, new in _covers(self._states[sid], block).items()}
            self._covers[key] = row
        return row


_FRONTIERS = _Frontiers()


def _is_whole_tour(state: State, required: int) -> bool:
    """One component, every degree even, the depot touched."""
    return (
        len({e >> 1 for e in state if e}) == 1
        and not any(e & 1 for e in state)
        and all(state[i] for i in range(len(state)) if required >> i & 1)
    )


def _trace(history, sid: int) -> list[object]:
    choices = []
    for back in reversed(history):
        sid, choice = back[sid]
        choices.append(choice)
    choices.reverse()
    return choices


# ---- from the chosen multigraph to a walking order ------------------------------------------


def _edges(columns: list[_Column], cross, choices: list) -> list[Edge]:
    """Replay the choices (in the order `_solve` made them) as walkway edges with their picks."""
    steps = iter(choices)
    edges: list[Edge] = []
    for j, column in enumerate(columns):
        if j:
            for i, uses in enumerate(next(steps)):
                edges += [((j - 1, i), (j, i), ())] * uses
        for seg in column.segments or ():
            b, cover = next(steps)
            edges += _segment_edges((j, b), (j, b + 1), seg, cover)
    return edges


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


def _walk(edges: list[Edge], start: Node) -> list[str]:
    """Codes in the order of an Euler circuit from the depot (Hierholzer, deterministic)."""
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
