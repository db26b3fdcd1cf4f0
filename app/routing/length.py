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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

from app.routing.layout import Layout
from app.routing.length_kernel import COVER, CROSS, cheapest_tour
from app.routing.optimal import _COVERS, _FRONTIERS, _is_whole_tour
from app.routing.solve import EXACT_MAX_BLOCKS, solve_route

INF = float("inf")
_WORD = np.dtype("<u8")  # a cart's locations as 64-bit little-endian words
# The DP called with its arguments spread from tuples made once (mypy cannot count them).
_tour: Callable[..., tuple[float, int]] = cheapest_tour


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
    every = _site(layout).every
    return every.length(every.bits(codes), bound, meter)


class Locations:
    """Some of a layout's locations numbered as bits, so a set of them is one integer: what
    batching unions (an `|` of two carts instead of a union of their codes), remembers (an
    integer hashes fast) and prices with `length`. Numbered in the order the DP walks picks
    (column, block, y), so the set bits come out sorted; only the locations given (a plan's
    orders' picks, a few hundred of thousands) are numbered, which keeps the integers short."""

    def __init__(
        self, layout: Layout, codes: Iterable[str] | None = None, site: _Site | None = None
    ):
        site = self.site = site or _site(layout)
        self.layout = layout
        used = range(len(site.codes)) if codes is None else sorted({site.rank[c] for c in codes})
        self.codes = [site.codes[n] for n in used]
        self._bit = {code: 1 << k for k, code in enumerate(self.codes)}
        self._bytes = 8 * ((len(self.codes) + 63) // 64)
        at = np.array(used, dtype=np.int64)
        self._col, self._block, self._y = site.loc_col[at], site.loc_block[at], site.loc_y[at]
        self._exact = layout.blocks <= EXACT_MAX_BLOCKS
        if self._exact:  # the DP's arguments before and after a cart's words, made once: a
            # length is asked for hundreds of thousands of times, and each look-up costs
            self.arguments = site.arguments(self._col, self._block, self._y)

    @property
    def exact(self) -> bool:
        """Whether the DP prices these locations (their layout has at most EXACT_MAX_BLOCKS)."""
        return self._exact

    def words(self, bits: int) -> np.ndarray:
        """The set `bits` as the DP takes it: little-endian 64-bit words."""
        return np.frombuffer(bits.to_bytes(self._bytes, "little"), _WORD)

    def bits(self, codes: Iterable[str]) -> int:
        """The set of these codes (each must be one of this numbering's)."""
        bit, bits = self._bit, 0
        for code in codes:
            bits |= bit[code]
        return bits

    def length(self, bits: int, bound: float = INF, meter: Meter | None = None) -> float:
        """`tour_length` of the locations in `bits`."""
        if not bits:
            return 0.0
        if not self._exact:
            codes = [code for k, code in enumerate(self.codes) if bits >> k & 1]
            found = solve_route(self.layout, codes).distance_m
            if meter is not None:
                meter.work += 1000 * len(codes)  # about what a 4-block DP of these picks costs
            return found if found <= bound + 1e-6 else INF
        before, after = self.arguments
        length, work = _tour(*before, self.words(bits), *after, bound)
        if meter is not None:
            meter.work += work
        return round(length, 9) if length < INF else INF


class _Site:
    """What every length of one layout needs, computed once, as arrays for the compiled DP:
    where each location sits (column, block, y), the template of steps over every column with
    no picks (a cart's steps are a slice of it with its picked segments put in) and the frontier
    tables of this layout's cross aisles and depot (`Tables`)."""

    def __init__(self, layout: Layout):
        cross = layout.cross_aisles
        xs = sorted({a.x for a in layout.aisles} | {layout.depot.x})
        aisle_xs = {a.x for a in layout.aisles}
        column_of = {x: j for j, x in enumerate(xs)}
        self.depot = (column_of[layout.depot.x], cross.index(layout.depot.y))
        places = []
        for loc in layout.locations:
            x = layout.aisles[layout.aisle_index(loc.aisle)].x
            block = min(bisect_right(cross, loc.y) - 1, len(cross) - 2)
            places.append((column_of[x], block, loc.y, loc.code))
        # Locations are numbered in (column, block, y) order, the order the DP walks its picks
        # in, so the set bits of a cart come out sorted.
        places.sort()
        self.codes = [p[3] for p in places]
        self.rank = {code: n for n, code in enumerate(self.codes)}
        self.loc_col = np.array([p[0] for p in places], dtype=np.int64)
        self.loc_block = np.array([p[1] for p in places], dtype=np.int64)
        self.loc_y = np.array([p[2] for p in places], dtype=np.float64)
        self.blocks = len(cross) - 1
        self.cross_y = np.array(cross, dtype=np.float64)
        if layout.blocks <= EXACT_MAX_BLOCKS:  # beyond, solve_route prices: no DP tables
            self._template(xs, [x in aisle_xs for x in xs])
            self.tables = _tables(len(cross), self.depot[1])
        self.every = Locations(layout, site=self)  # set last: it reads the arrays above

    def _template(self, xs: list[float], is_aisle: list[bool]) -> None:
        """Every column's steps: the crossing into it (key 1 when the column left holds the
        depot, which the tour must touch), then a cover per block of an aisle, empty."""
        kind, key, weights, first_step = [], [], [], []
        for j in range(len(xs)):
            if j:
                kind.append(CROSS)
                key.append(1 if self.depot[0] == j - 1 else 0)
                weights.append([xs[j] - xs[j - 1], INF, INF, INF, INF, INF])
            first_step.append(len(kind))
            if is_aisle[j]:
                for b in range(self.blocks):
                    length = float(self.cross_y[b + 1] - self.cross_y[b])
                    kind.append(COVER)
                    key.append(b)
                    weights.append([0.0, length, 2 * length, INF, INF, INF])
        first_step.append(len(kind) + 1)  # past the last column
        self.kind = np.array(kind, dtype=np.int64)
        self.key = np.array(key, dtype=np.int64)
        self.weights = np.array(weights, dtype=np.float64).reshape(-1, 6)
        self.first_step = np.array(first_step, dtype=np.int64)

    def arguments(self, loc_col, loc_block, loc_y) -> tuple[tuple, tuple]:
        """The compiled DP's arguments before a cart's words (or rows of them) and after them,
        less the bound(s), for locations numbered as `loc_*` say where they sit."""
        t = self.tables
        before = (self.kind, self.key, self.weights, self.first_step, self.cross_y, self.depot[0])
        after = (t.start, t.cross_count, t.cross_next, t.cross_uses, t.cover_next, t.whole)
        return (*before, loc_col, loc_block, loc_y), after


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


@dataclass(frozen=True)
class Tables:
    """The frontiers a closed tour can reach on `cross` cross aisles, numbered 0.. (`start`
    is the untouched frontier), and their transitions as arrays for the compiled DP:
    `cross_next/uses[s, r, m]` the m-th way to walk on to the next column (r = 1 when the column
    left must touch the depot's node), `cover_next[s, block, cover]` per cover of
    optimal._COVERS, `whole[s, r]` whether s is a finished tour (r = 1: depot touched)."""

    start: int
    cross_count: np.ndarray
    cross_next: np.ndarray
    cross_uses: np.ndarray
    cover_next: np.ndarray
    whole: np.ndarray


CLOSED_COVERS = ("none", "through", "twice", "low", "high", "split")  # the kernel's columns


@cache
def _tables(cross: int, depot_row: int) -> Tables:
    """Walk every frontier reachable from the untouched one (6 on one block, 568 on four) with
    the router's own transitions, so both programs agree by construction."""
    assert tuple(CLOSED_COVERS) == tuple(_COVERS)[: len(CLOSED_COVERS)]
    masks = (0, 1 << depot_row)
    start = _FRONTIERS.id((0,) * cross)
    ids, todo = {start: 0}, [start]
    while todo:
        sid = todo.pop()
        reached = [new for mask in masks for new, _, _ in _FRONTIERS.cross(sid, mask)]
        for block in range(cross - 1):
            row = _FRONTIERS.covers(sid, block)
            reached += [row[c] for c in CLOSED_COVERS]
        for new in reached:
            if new not in ids:
                ids[new] = len(ids)
                todo.append(new)
    states = len(ids)
    most = max(len(_FRONTIERS.cross(sid, m)) for sid in ids for m in masks)
    # 32-bit: the DP reads these tables for every frontier; half the bytes keep more of them
    # in the fastest cache (three blocks: 7 % faster).
    count = np.zeros((states, 2), dtype=np.int32)
    nxt = np.zeros((states, 2, most), dtype=np.int32)
    uses = np.zeros((states, 2, most), dtype=np.int32)
    covers = np.zeros((states, cross - 1, len(CLOSED_COVERS)), dtype=np.int32)
    whole = np.zeros((states, 2), dtype=np.bool_)
    for sid, s in ids.items():
        for r, mask in enumerate(masks):
            moves = _FRONTIERS.cross(sid, mask)
            count[s, r] = len(moves)
            for m, (new, _, n) in enumerate(moves):
                nxt[s, r, m], uses[s, r, m] = ids[new], n
            whole[s, r] = _is_whole_tour(_FRONTIERS.state(sid), mask)
        for block in range(cross - 1):
            row = _FRONTIERS.covers(sid, block)
            covers[s, block] = [ids[row[c]] for c in CLOSED_COVERS]
    return Tables(ids[start], count, nxt, uses, covers, whole)
