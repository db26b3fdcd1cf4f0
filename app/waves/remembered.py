"""Exact route lengths remembered by their set of locations, for compiled code.

The batching search (`app.waves.exact_kernel`) asks for hundreds of thousands of lengths and
many recur (a kick undone, a swap tried again): each is kept in an open-addressing table under
a 128-bit fingerprint of its set of locations, with the length or, for a search abandoned at a
bound, the bound it is known to exceed. A slot is one row of 32 bytes whatever the number of
locations (the set itself, ten words and more, cost five times that and so four times fewer
slots fitted in the same memory). The table is far larger than the cache, so every cache line
a lookup reads is a trip to memory: one row, not four arrays (names, used flags, lengths,
bounds), made plans 3-12 % faster. The table is forgotten when half full, which bounds its
memory.
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np
from numba import njit

from app.routing.length_kernel import _cheapest

INF = np.inf
# The search's work is counted in frontiers the DP visits (about 7.6 ns each on the bench
# machine of 7 Dec 2026, sixteenth session); what costs time besides them is charged in that
# unit too, so that the work is about as long on any layout: fitted to the times of 18 searches
# (three layouts, 100-400 orders, two budgets) against their counts of frontiers and of the
# rest, which cost 1.8 frontiers a unit (docs/benchmarks.md). Before, three blocks (mostly
# frontiers) took 8.6 ns a unit and one block 12.6 ns.
LOOKUP_WORK = 14  # looking a length up, remembered or not
LENGTH_WORK = 95  # a DP's setting up, besides its frontiers

# Where locations sit and the DP's tables (`Locations` and `_Site` in app/routing/length.py),
# and the DP's working arrays (`length_kernel.Working`).
Site = namedtuple(
    "Site",
    "kind key weights first_step cross_y depot_col loc_col loc_block loc_y "
    "start cross_count cross_next cross_uses cover_next whole working",
)
# Remembered lengths, a row a slot: `keys[at, :2]` the two names of a set (`_names`; a first
# name of 0 marks an empty slot), and the same row seen as floats (`numbers`, a view of the same
# memory) holds `numbers[at, VALUE]` the length (-1: unknown) and `numbers[at, ABOVE]` a bound
# it is known to exceed (-1: none). The two views never touch the same word (names in columns
# 0-1, numbers in 2-3), so neither reads what the other wrote. `filled`: slots used; `work`:
# the meter (DP units).
Memory = namedtuple("Memory", "keys numbers filled work")
VALUE, ABOVE = 2, 3


def memory(slots: int) -> Memory:
    """An empty table of `slots` (a power of two) rows."""
    keys = np.zeros((slots, 4), dtype=np.uint64)
    return Memory(keys, keys.view(np.float64), np.zeros(1, np.int64), np.zeros(1, np.int64))


@njit(cache=True, inline="always")
def mixed(h):
    """Every bit of h spread over all 64 (splitmix64's finaliser)."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


@njit(cache=True, inline="always")
def _names(words):
    """Two 64-bit names of a set of locations, folded from its words from different starts:
    the first says where it is looked for, both together are its key (a 128-bit fingerprint:
    that any two of the million sets a plan asks for share it has a chance of about 10^-27)."""
    one, two = np.uint64(0x243F6A8885A308D3), np.uint64(0x13198A2E03707344)
    for w in words:
        one = mixed(one ^ w)
        two = mixed(two + (w ^ np.uint64(0xA4093822299F31D0)))
    return one, two


@njit(cache=True, inline="always")
def put(target, source):
    """`target[:] = source` for 1-D arrays, element by element: a slice assigned from an
    array that may overlap it is copied through a new array, and the search's calls that run
    per pair of carts make none (`app.compiled`)."""
    for k in range(len(source)):
        target[k] = source[k]


@njit(cache=True, inline="always")
def length(site, memory, words, bound):
    """The exact walk of the locations in `words`, or INF if longer than `bound`; remembered."""
    empty = True
    for w in words:
        if w:
            empty = False
    if empty:
        return 0.0
    memory.work[0] += LOOKUP_WORK
    keys, numbers = memory.keys, memory.numbers
    mask = len(keys) - 1
    one, two = _names(words)
    home = np.int64(one & np.uint64(mask))  # where the set is looked for first
    one |= np.uint64(1)  # as kept: never 0, the mark of an empty slot
    at = home
    while keys[at, 0] != 0 and not (keys[at, 0] == one and keys[at, 1] == two):
        at = (at + 1) & mask
    if keys[at, 0] != 0:
        known = numbers[at, VALUE]
        if known >= 0:
            return known if known <= bound + 1e-6 else INF
        if numbers[at, ABOVE] >= bound:
            return INF
    else:
        if 2 * (memory.filled[0] + 1) > len(keys):  # bound memory: forget all
            keys[:, 0] = 0
            memory.filled[0] = 0
            at = home
        keys[at, 0], keys[at, 1] = one, two
        numbers[at, VALUE] = -1.0
        numbers[at, ABOVE] = -1.0
        memory.filled[0] += 1
    s = site
    found, work = _cheapest(s.kind, s.key, s.weights, s.first_step, s.cross_y, s.depot_col,
                            s.loc_col, s.loc_block, s.loc_y, words, s.start, s.cross_count,
                            s.cross_next, s.cross_uses, s.cover_next, s.whole, bound,
                            s.working)  # fmt: skip
    memory.work[0] += work + LENGTH_WORK
    if found < INF:
        found = round(found, 9)
        numbers[at, VALUE] = found
        return found
    numbers[at, ABOVE] = max(numbers[at, ABOVE], bound)
    return INF
