"""The length of the shortest pick tour, without the tour: what batching asks thousands of times.

Batching compares carts by how far their exact routes walk; it never needs the walking order of
a candidate it throws away. This is the dynamic program of `app.routing.optimal` without its
back-pointers (most of a solve's time goes into recording them), and with a bound: once every
frontier is already longer than `bound`, the answer is "longer than bound" (infinity) and the
search for that candidate stops early. Layouts beyond `EXACT_MAX_BLOCKS` blocks, where the
router itself is not exact, fall back to `solve_route` so both always agree.
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from app.routing.layout import Layout
from app.routing.optimal import _FRONTIERS, _is_whole_tour, _segment_covers
from app.routing.solve import EXACT_MAX_BLOCKS, solve_route

INF = float("inf")


class Meter:
    """Counts the work of the lengths it is given to (frontiers visited by the DP): a measure
    of time that is the same on every machine, so a search can stop by it deterministically."""

    def __init__(self) -> None:
        self.work = 0


def tour_length(
    layout: Layout, codes: Iterable[str], bound: float = INF, meter: Meter | None = None
) -> float:
    """The shortest closed tour depot → every code → depot in metres (codes may repeat), or
    `INF` if it is longer than `bound`. Equal to `solve_route(layout, codes).distance_m`.
    `meter`, if given, is charged the work done."""
    distinct = list(dict.fromkeys(codes))
    if not distinct:
        return 0.0
    if layout.blocks > EXACT_MAX_BLOCKS:
        found = solve_route(layout, distinct).distance_m
        if meter is not None:
            meter.work += 1000 * len(distinct)  # about what a 4-block DP of these picks costs
        return found if found <= bound + 1e-6 else INF
    site = _site(layout)
    steps, least, final = site.steps(distinct)
    length, work = _cheapest(steps, least, site.start, final, bound)
    if meter is not None:
        meter.work += work
    return length


class _Site:
    """What every length of one layout needs, computed once: where each location sits (aisle,
    block, y), the columns (aisles, and the depot's spot when it is off every aisle) and the
    covers of an aisle segment without picks."""

    def __init__(self, layout: Layout):
        self.cross = cross = layout.cross_aisles
        self.start = _FRONTIERS.id((0,) * len(cross))
        xs = sorted({a.x for a in layout.aisles} | {layout.depot.x})
        aisle_xs = {a.x for a in layout.aisles}
        self.xs = xs
        self.is_aisle = [x in aisle_xs for x in xs]
        self.column_of = {x: j for j, x in enumerate(xs)}
        self.depot = (self.column_of[layout.depot.x], cross.index(layout.depot.y))
        self.place = {}
        for loc in layout.locations:
            x = layout.aisles[layout.aisle_index(loc.aisle)].x
            block = min(bisect_right(cross, loc.y) - 1, len(cross) - 2)
            self.place[loc.code] = (self.column_of[x], block, loc.y)
        self.empty = []
        for b in range(len(cross) - 1):
            covers = _segment_covers((), cross[b], cross[b + 1])
            self.empty.append((covers, min(w for _, w in covers)))
        self._known_covers: dict[tuple, tuple[list[tuple[str, float]], float]] = {}
        self._template()

    def _template(self) -> None:
        """The steps (and their lower bounds) of a tour over every column with no picks: a
        cart's steps are a slice of them with its picked segments put in (a loop per call
        was half the time of a length on one block)."""
        blocks = len(self.cross) - 1
        self.all_steps: list[tuple] = []
        self.all_least: list[float] = []
        self.first_step: list[int] = []  # column j's first step (after the crossing into it)
        for j in range(len(self.xs)):
            if j:
                width = self.xs[j] - self.xs[j - 1]
                required = 1 << self.depot[1] if self.depot[0] == j - 1 else 0
                self.all_steps.append(("cross", required, width))
                self.all_least.append(2 * width)
            self.first_step.append(len(self.all_steps))
            if self.is_aisle[j]:
                for b in range(blocks):
                    covers, cheapest = self.empty[b]
                    self.all_steps.append(("cover", b, covers))
                    self.all_least.append(cheapest)
        self.first_step.append(len(self.all_steps) + 1)  # past the last column

    def steps(self, codes: list[str]) -> tuple[list[tuple], list[float], int]:
        """The DP's steps for these picks (as `optimal._steps`), a lower bound of each, and the
        nodes the last column must have touched (the depot's, if it is the last)."""
        picked: dict[tuple[int, int], list[float]] = {}
        place = self.place
        for code in codes:
            column, block, y = place[code]
            picked.setdefault((column, block), []).append(y)
        columns = [column for column, _ in picked]
        first = min(self.depot[0], *columns)
        last = max(self.depot[0], *columns)
        start, end = self.first_step[first], self.first_step[last + 1] - 1
        steps, least = self.all_steps[start:end], self.all_least[start:end]
        for (column, block), ys in picked.items():
            at = self.first_step[column] + block - start
            covers, least[at] = self._covers(block, ys)
            steps[at] = ("cover", block, covers)
        return steps, least, 1 << self.depot[1] if self.depot[0] == last else 0

    def _covers(self, block: int, ys: list[float]) -> tuple[list[tuple[str, float]], float]:
        """A segment's covers and the cheapest, remembered: batching prices the same order's
        picks in many carts."""
        key = (block, *sorted(ys))
        known = self._known_covers.get(key)
        if known is None:
            if len(self._known_covers) > 100_000:  # bound the memory of very long searches
                self._known_covers.clear()
            cross = self.cross
            covers = _segment_covers(
                tuple((y, "") for y in key[1:]), cross[block], cross[block + 1]
            )
            known = self._known_covers[key] = (covers, min(w for _, w in covers))
        return known


_SITES: dict[int, tuple[Layout, _Site]] = {}


def _site(layout: Layout) -> _Site:
    """The layout's `_Site`, kept for the few layouts a process routes (keyed by identity: a
    layout is immutable, and hashing its locations on every call would cost more than a solve)."""
    known = _SITES.get(id(layout))
    if known is None or known[0] is not layout:
        if len(_SITES) > 8:
            _SITES.clear()
        known = _SITES[id(layout)] = (layout, _Site(layout))
    return known[1]


def _cheapest(
    steps: list[tuple], least: list[float], start: int, final: int, bound: float
) -> tuple[float, int]:
    """The DP's cheapest whole tour, keeping only each frontier's cost (see optimal._solve),
    and the number of frontiers it visited."""
    # What the steps after each step cost at least (a suffix sum, least[t + 1:]).
    still_needed = list(accumulate(reversed(least[1:]), initial=0.0))[::-1]
    # The frontier tables' dicts are read directly (a method call per frontier was a tenth of
    # the time); a miss goes through the method, which fills them.
    crossings, covers = _FRONTIERS.cross, _FRONTIERS.covers
    known_crossings, known_covers = _FRONTIERS._cross, _FRONTIERS._covers
    layer: dict[int, float] = {start: 0.0}
    work = 0
    for (kind, key, detail), needed in zip(steps, still_needed, strict=True):
        work += len(layer)
        limit = bound - needed + 1e-6
        nxt: dict[int, float] = {}
        get = nxt.get
        for sid, cost in layer.items():
            if kind == "cross":
                moves = known_crossings.get(sid << 16 | key) or crossings(sid, key)
                for new, _, n in moves:
                    total = cost + n * detail
                    if total <= limit and total < get(new, INF):
                        nxt[new] = total
            else:  # "cover": a closed tour has no "flip" steps
                row = known_covers.get(sid << 8 | key) or covers(sid, key)
                for cover, w in detail:
                    total = cost + w
                    new = row[cover]
                    if total <= limit and total < get(new, INF):
                        nxt[new] = total
        if not nxt:
            return INF, work
        layer = nxt
    state = _FRONTIERS.state
    finals = [c for sid, c in layer.items() if _is_whole_tour(state(sid), final)]
    return (round(min(finals), 9) if finals else INF), work
