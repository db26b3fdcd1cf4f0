"""The shortest tour's length as compiled code: `tour_length`'s dynamic program, on arrays.

Batching prices hundreds of thousands of candidate carts; in Python each price cost 0.1-3 ms,
most of it interpreter overhead around a few table look-ups. Here the same program, the same
pruning and the same sums in the same order run compiled by numba (so a length and the work it
counts are equal to the Python router's, to the last bit). Compiled once per machine and kept in
`__pycache__` (`cache=True`); with `NUMBA_DISABLE_JIT=1` it runs as plain Python.

Inputs are a `_Site`'s arrays (see app/routing/length.py): the template of steps over every
column of the layout with no picks, and the frontier tables numbered densely (`Tables`).
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np
from numba import njit

from app.compiled import no_reference_counts

INF = np.inf
CROSS = 0  # a step's kind: walk the cross-aisle pieces to the next column
COVER = 1  # a step's kind: cover one aisle segment (six ways, see optimal._COVERS)
# Cover columns, in optimal._COVERS's order: none, through, twice, low, high, split.
NONE, THROUGH, TWICE, LOW, HIGH, SPLIT = range(6)

# The DP's working arrays, made once for many lengths (`working_arrays`): the picks, a cart's
# steps' covers and what the steps after each cost at least, the frontiers' costs (every one
# INF between lengths) and the frontiers of a layer.
Working = namedtuple("Working", "picks w needed cost nxt layer grown")


@njit(cache=True)
def working_arrays(kind, loc_col, cross_count):
    """`Working` arrays for a layout's steps (`kind`), locations and frontier tables."""
    states, steps = len(cross_count), len(kind)
    return Working(
        np.empty(len(loc_col), np.int64),
        np.empty((steps, 6)),
        np.empty(steps),
        np.full(states, INF),
        np.full(states, INF),
        np.empty(states + 1, np.int64),  # + 1: a transition is written one past the end
        np.empty(states + 1, np.int64),  # before it is counted (branch-free, see `_relax`)
    )


@njit(cache=True)
def cheapest_tour(
    kind, key, weights, first_step, cross_y, depot_col, loc_col, loc_block, loc_y,
    words, start, cross_count, cross_next, cross_uses, cover_next, whole, bound,
):  # fmt: skip
    """(length or INF, frontiers visited) of the closed tour over the locations whose bits are
    set in `words` (little-endian 64-bit words; locations are numbered in column, block, y
    order, so the picks come out sorted as the DP walks them; `loc_*` say where each sits).

    `kind`, `key`, `weights`: the template steps (a cross step's key is 1 when the column it
    leaves holds the depot, its weights[0] the width; a cover step's key is its block, its
    weights the six covers of an empty segment).
    """
    working = working_arrays(kind, loc_col, cross_count)
    return _cheapest(kind, key, weights, first_step, cross_y, depot_col, loc_col, loc_block,
                     loc_y, words, start, cross_count, cross_next, cross_uses, cover_next, whole,
                     bound, working)  # fmt: skip


@no_reference_counts  # the batching search asks for hundreds of thousands (app.compiled)
def _cheapest(
    kind, key, weights, first_step, cross_y, depot_col, loc_col, loc_block, loc_y,
    words, start, cross_count, cross_next, cross_uses, cover_next, whole, bound, working,
):  # fmt: skip
    """`cheapest_tour` in `working`'s arrays (made once for many lengths)."""
    ordered = working.picks[: _set_bits(words, working.picks)]
    first = min(depot_col, loc_col[ordered[0]])
    last = max(depot_col, loc_col[ordered[-1]])
    lo, hi = first_step[first], first_step[last + 1] - 1
    n = hi - lo
    w = working.w[:n]
    for t in range(n):
        for c in range(6):
            w[t, c] = weights[lo + t, c]
    _put_picks(w, first_step, cross_y, loc_col, loc_block, loc_y, ordered, lo)
    _still_needed(kind[lo:hi], w, working.needed)
    final = 1 if depot_col == last else 0
    return _run(kind[lo:hi], key[lo:hi], w, working.needed, n, start, cross_count, cross_next,
                cross_uses, cover_next, whole, final, bound, working)  # fmt: skip


@no_reference_counts
def _set_bits(words, found):
    """The numbers of the set bits into `found`, ascending (each found as its word's lowest set
    bit): how many."""
    at = 0
    for w in range(len(words)):
        word = words[w]
        while word:
            lowest = word & (~word + np.uint64(1))
            found[at] = 64 * w + bit_count(lowest - np.uint64(1))
            at += 1
            word ^= lowest
    return at


@njit(cache=True, inline="always")
def bit_count(x):
    """Set bits of a 64-bit word, by adding neighbouring fields (no loop per bit)."""
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return (x * np.uint64(0x0101010101010101)) >> np.uint64(56)


@no_reference_counts
def _put_picks(w, first_step, cross_y, loc_col, loc_block, loc_y, picks, lo):
    """Overwrite the covers of each segment with picks (picks sorted by column, block, y): it
    must be walked (no "none"); "low"/"high" come back from the farthest pick; "split" skips
    the largest gap between two picks."""
    i, count = 0, len(picks)
    while i < count:
        j = i
        gap = 0.0
        col, b = loc_col[picks[i]], loc_block[picks[i]]
        while j + 1 < count and loc_col[picks[j + 1]] == col and loc_block[picks[j + 1]] == b:
            gap = max(gap, loc_y[picks[j + 1]] - loc_y[picks[j]])
            j += 1
        low, high = cross_y[b], cross_y[b + 1]
        length = high - low
        at = first_step[col] + b - lo
        w[at, NONE] = INF
        w[at, THROUGH] = length
        w[at, TWICE] = 2 * length
        w[at, LOW] = 2 * (loc_y[picks[j]] - low)
        w[at, HIGH] = 2 * (high - loc_y[picks[i]])
        w[at, SPLIT] = 2 * (length - gap) if j > i else INF
        i = j + 1


@no_reference_counts
def _still_needed(kind, w, needed):
    """What the steps after each step cost at least, into `needed`, summed from the end as the
    Python DP does (a gap between columns is walked at least twice; a segment at least its
    cheapest cover)."""
    n = len(kind)
    needed[n - 1] = 0.0
    for t in range(n - 2, -1, -1):
        s = t + 1
        least = 2 * w[s, 0]
        if kind[s] != CROSS:
            least = w[s, 0]
            for c in range(1, 6):
                least = min(least, w[s, c])
        needed[t] = needed[t + 1] + least


@njit(cache=True, inline="always")
def _relax(nxt, grown, grown_size, new, total, limit):
    """Frontier `new` reached at `total`: kept if no dearer than `limit` and cheaper than it was
    reached before, without a branch (a dropped total becomes INF; `new` is always written to
    `grown` and counted only if first reached, hence its spare slot). The frontiers reached."""
    was = nxt[new]
    total = total if total <= limit else INF
    grown[grown_size] = new
    nxt[new] = min(was, total)
    return grown_size + ((was == INF) & (total < INF))


@no_reference_counts
def _run(kind, key, w, needed, n, start, cross_count, cross_next, cross_uses, cover_next, whole,
         final, bound, working):  # fmt: skip
    """The DP over the steps, frontiers as dense ids: only costs, no back-pointers.

    Each transition is kept or dropped without a branch (`_relax`): whether a transition wins
    depends on the data, so branches were mispredicted about half the time, and this is
    1.4-1.8x faster on two and three blocks (docs/benchmarks.md, "Batching"). A segment's
    covers that cannot walk it (INF: an empty one's low, high and split, a picked one's none;
    about a third) are skipped once for the whole layer, cover by cover: 7-9 % faster on three
    blocks. The same sums as the Python DP's; their order does not change a minimum."""
    cost, nxt, layer, grown = working.cost, working.nxt, working.layer, working.grown
    layer[0], size, cost[start], work = start, 1, 0.0, 0
    for t in range(n):
        work += size
        limit = bound - needed[t] + 1e-6
        grown_size = 0
        if kind[t] == CROSS:
            r, width = key[t], w[t, 0]
            for i in range(size):
                sid = layer[i]
                here = cost[sid]
                cost[sid] = INF
                for m in range(cross_count[sid, r]):
                    total = here + cross_uses[sid, r, m] * width
                    grown_size = _relax(nxt, grown, grown_size, cross_next[sid, r, m], total, limit)
        else:
            block = key[t]
            for c in range(6):
                cover = w[t, c]
                if cover == INF:  # not a way to walk this segment
                    continue
                for i in range(size):
                    sid = layer[i]
                    grown_size = _relax(
                        nxt, grown, grown_size, cover_next[sid, block, c], cost[sid] + cover, limit
                    )
            for i in range(size):
                cost[layer[i]] = INF
        if grown_size == 0:
            return INF, work
        layer, grown = grown, layer
        cost, nxt = nxt, cost
        size = grown_size
    best = INF
    for i in range(size):
        if whole[layer[i], final] and cost[layer[i]] < best:
            best = cost[layer[i]]
        cost[layer[i]] = INF  # every cost INF again for the next length (the rest were reset
    return best, work  # as their frontiers were expanded, and none grew if it returned early)
