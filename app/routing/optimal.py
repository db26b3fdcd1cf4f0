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

An open route (from a start spot, through the picks, to the depot: a picker re-routed where they
stand) is the same program with three changes (docs/routing.md, "Routes that follow the picker"):
its multigraph has odd degree at the start and at the depot, every other node even. The depot's
parity is flipped once its column is done (a phantom half-edge: the ordinary "every degree even"
rules then ask for an odd real degree there); a start on a cross aisle is flipped the same way,
and a start inside an aisle segment splits that segment into two pieces, exactly one of which is
walked once through (the other takes any ordinary cover), so the start has odd degree. The
lower bound counts a gap between the start's and the depot's columns once, not twice.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from itertools import pairwise, product

from app.routing.distance import Spot
from app.routing.euler import Column, Node, route_edges, walk_order
from app.routing.layout import Layout

# A segment cover: (degree added at the low node, at the high node, joins them).
_COVERS = {
    "none": (0, 0, False),
    "through": (1, 1, True),
    "twice": (2, 2, True),
    "low": (2, 0, False),
    "high": (0, 2, False),
    "split": (2, 2, False),
}
# A segment holding the start: its piece below the start and its piece above, each covered like
# a segment; exactly one of them "through", so the start gets odd degree.
_COVERS.update(
    {
        f"start:{low}:{high}": (
            _COVERS[low][0],
            _COVERS[high][1],
            _COVERS[low][2] and _COVERS[high][2],
        )
        for low, high in product(list(_COVERS), list(_COVERS))
        if (low == "through") != (high == "through")
    }
)


def optimal_sequence(
    layout: Layout,
    stops: list[tuple[Spot, str]],
    upper_bound: float = float("inf"),
    start: Spot | None = None,
) -> tuple[list[str], float]:
    """The order to visit `stops` (distinct codes) on a shortest tour, and that tour's length.

    With `start` (a spot on an aisle), the shortest open route start → stops → depot instead.
    `upper_bound`, the length of any known route through the same stops (from the same start),
    only speeds things up.
    """
    depot = Spot(layout.depot.x, layout.depot.y)
    if start == depot:
        start = None
    if not stops and start is None:
        return [], 0.0
    cross = layout.cross_aisles
    columns, depot_node = _columns(layout, stops, start)
    cost, choices = _solve(columns, cross, depot_node, upper_bound)
    edges = route_edges(columns, cross, choices)
    return walk_order(edges, depot_node), cost


def _columns(
    layout: Layout, stops: list[tuple[Spot, str]], start: Spot | None
) -> tuple[list[Column], Node]:
    cross = layout.cross_aisles
    blocks = len(cross) - 1
    depot = layout.depot
    xs = [s.x for s, _ in stops] + [depot.x] + ([start.x] if start else [])
    lo, hi = min(xs), max(xs)
    by_x: dict[float, list[list[tuple[float, str]]]] = {
        a.x: [[] for _ in range(blocks)] for a in layout.aisles if lo <= a.x <= hi
    }
    for spot, code in stops:
        by_x[spot.x][_block(cross, spot.y)].append((spot.y, code))
    columns = [
        Column(x, tuple(tuple(sorted(seg)) for seg in segs)) for x, segs in sorted(by_x.items())
    ]
    if depot.x not in by_x:
        columns.append(Column(depot.x, None))
        columns.sort(key=lambda c: c.x)
    depot_col = next(i for i, c in enumerate(columns) if c.x == depot.x)
    depot_node = (depot_col, cross.index(depot.y))
    if start is not None:
        columns = _with_ends(columns, cross, depot_node, start)
    return columns, depot_node


def _block(cross, y: float) -> int:
    return min(bisect_right(cross, y) - 1, len(cross) - 2)


def _with_ends(columns: list[Column], cross, depot: Node, start: Spot) -> list[Column]:
    """Mark the open route's ends: the depot's node, and the start (a node, or in a segment)."""
    out = list(columns)
    out[depot[0]] = replace(out[depot[0]], flips=(depot[1],))
    j = next(i for i, c in enumerate(out) if c.x == start.x)
    on = [i for i, c in enumerate(cross) if abs(c - start.y) <= 1e-9]
    if on:
        flips = (*out[j].flips, on[0])
        out[j] = replace(out[j], flips=tuple(i for i in flips if flips.count(i) == 1))
    else:
        out[j] = replace(out[j], start=(_block(cross, start.y), start.y))
    return out


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


def _start_covers(seg, low: float, high: float, at: float) -> list[tuple[str, float]]:
    """Covers of the segment that holds the start (at `at`): a cover of each piece, one of them
    "through". Picks right at the start belong to the lower piece (fetched at no cost)."""
    below = tuple(p for p in seg if p[0] <= at)
    above = tuple(p for p in seg if p[0] > at)
    return [
        (f"start:{lo_cover}:{hi_cover}", lo_cost + hi_cost)
        for lo_cover, lo_cost in _segment_covers(below, low, at)
        for hi_cover, hi_cost in _segment_covers(above, at, high)
        if (lo_cover == "through") != (hi_cover == "through")
    ]


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


def _steps(columns: list[Column], cross, depot: Node) -> list[tuple]:
    """The DP's steps left to right: ("cross", required mask, width), ("cover", block, covers)
    or ("flip", cross aisle, None) at an end of an open route."""
    steps: list[tuple] = []
    for j, column in enumerate(columns):
        if j:
            required = 1 << depot[1] if depot[0] == j - 1 else 0
            steps.append(("cross", required, column.x - columns[j - 1].x))
        for b, seg in enumerate(column.segments or ()):
            low, high = cross[b], cross[b + 1]
            if column.start and column.start[0] == b:
                steps.append(("cover", b, _start_covers(seg, low, high, column.start[1])))
            else:
                steps.append(("cover", b, _segment_covers(seg, low, high)))
        steps += [("flip", i, None) for i in column.flips]
    return steps


def _least(steps: list[tuple], columns: list[Column]) -> list[float]:
    """A lower bound on each step's cost. A gap between columns is crossed at least twice, but
    only once on an open route between its start's and the depot's columns."""
    ends = [j for j, c in enumerate(columns) if c.start or c.flips]
    lo, hi = (min(ends), max(ends)) if ends else (0, 0)
    least, column = [], 0
    for kind, _, detail in steps:
        if kind == "cross":
            column += 1
            least.append((1 if lo < column <= hi else 2) * detail)
        elif kind == "cover":
            least.append(min(w for _, w in detail))
        else:
            least.append(0.0)
    return least


def _solve(columns: list[Column], cross, depot: Node, upper_bound: float):
    """Cheapest tour cost and, per step, the choice that led to each frontier.

    A frontier whose cost plus a lower bound on what is left (every gap between columns is
    crossed at least twice; each segment needs at least its cheapest cover) exceeds a known
    tour's length cannot lead to the optimum, so it is dropped. Frontiers are handled by their
    integer ids (`_Frontiers`) because hashing tuples was most of the time.
    """
    steps = _steps(columns, cross, depot)
    least = _least(steps, columns)
    still_needed = [sum(least[t + 1 :]) for t in range(len(steps))]
    layer: dict[int, float] = {_FRONTIERS.id((0,) * len(cross)): 0.0}
    history: list[dict[int, tuple[int, object]]] = []
    for (kind, key, detail), needed in zip(steps, still_needed, strict=True):
        limit = upper_bound - needed + 1e-6
        nxt: dict[int, float] = {}
        back: dict[int, tuple[int, object]] = {}
        for sid, cost in layer.items():
            if kind == "flip":
                new = _FRONTIERS.flip(sid, key)
                if cost < nxt.get(new, limit + 1):
                    nxt[new] = cost
                    back[new] = (sid, None)
                continue
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
        self._flips: dict[int, int] = {}
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

    def flip(self, sid: int, node: int) -> int:
        """An end of an open route at cross aisle `node`: its degree's parity flips (a phantom
        half-edge; an untouched node becomes a component of its own that must be reached)."""
        key = sid << 8 | node
        new = self._flips.get(key)
        if new is None:
            entries = list(self._states[sid])
            fresh = max((e >> 1 for e in entries), default=0) + 1
            entries[node] = entries[node] ^ 1 if entries[node] else fresh << 1 | 1
            new = self._flips[key] = self.id(_normalize(entries))
        return new

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
