"""The exact search over carts (`app.waves.search`) as compiled code: its moves.

In Python the search spent most of its time around the compiled route lengths (looking up
remembered lengths, building each candidate's set of locations, calling into compiled code):
here the carts, their savings, the remembered lengths and the settled pairs are arrays, and the
whole polish and every kick run compiled (numba), so the same time does twice the work and
more. The moves are those `search` describes:

- a cart's orders each have their saving: how much shorter its exact route gets without them;
- `_move`: the order whose move to another cart shortens both most, judged exactly;
- `_swap`: the few swaps that look best (exact savings, estimated growth, `_best_swaps`),
  routed exactly with tight bounds;
- a pair of carts (by content) that had nothing is remembered and skipped until one changes.

The polish and the kicks that make these moves are in `app.waves.kicks_kernel`. Lengths come
from the DP of `app.routing.length_kernel`, remembered by their set of locations (an
open-addressing table of words).
A call of compiled code counts a reference to every array it is given, atomically, on entry
and again on leaving: with the whole search (`q`, about 70 arrays) that cost more than the
work of most calls (half a plan's time went to reference counts, docs/benchmarks.md). So what
runs for every pair of carts compared (`improve_pair` and all it calls, `set_cart`) is built
without reference counts (`app.compiled`): it makes no arrays, and builds a candidate's
locations in `spare`, a cart's orders in `held`, the screening's guesses in `screening`. What
runs once a kick (`kicks_kernel`) counts them, and callers make the cheap checks a call would
start with (a settled pair, known savings, current nearest carts, a move that cannot fit).
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np
from numba import njit

from app.compiled import no_reference_counts
from app.waves.nearness import _best_swaps, _nearest
from app.waves.remembered import length, mixed, put

INF = np.inf
PAIR_WORK = 171  # a pair of carts compared, besides its lengths (screening swaps), in the
# unit of `remembered.LENGTH_WORK`
MOST_SETTLED = 1 << 20  # slots of the settled-pairs table, 8 bytes each (cleared when half full)

# Per order: its locations, its load (as `nearness.Loads` keeps them), volume, weight, and a
# random number whose XOR over a cart names the cart's content.
Orders = namedtuple("Orders", "words low high x_low x_high reach volume weight tag")
# What a cart may hold: orders, litres and kilograms (INF: no limit); the footprint's groups.
Rules = namedtuple("Rules", "capacity max_volume max_weight one rest keys")
# Per cart (rows): its orders ascending (-1 past `count`), locations, walk, load, content tag,
# per order its saving and the cart's locations without it (`saved` says they are current).
Carts = namedtuple(
    "Carts",
    "members count words price low high x_low x_high reach live tag saved saving rests",
)
# The nearest carts of each cart (`near_n` of them, current while `near_ok`), the settled
# pairs (a table of 64-bit names), the undo log of a kick (`logged` rows kept in `undo`), and
# working arrays made once (none is made per candidate): a row of words for a candidate cart's
# locations, a row of orders for a cart's, and the screening's (`nearness.Scratch`).
Search = namedtuple(
    "Search",
    "site memory orders rules carts near near_n near_ok settled settled_n undo logged spare "
    "held screening",
)


@no_reference_counts
def set_cart(q, c, members, n):
    """Cart c holds `members[:n]` (not its own row; sorted here): its locations, load, tag and
    walk anew."""
    carts, orders = q.carts, q.orders
    if q.logged[c] == 0:  # a kick is under way (logged 0, not -1): keep the row to undo
        _copy_row(carts, q.undo, c)
        q.logged[c] = 1
    row = carts.members[c]
    row[:] = -1
    for k in range(n):  # insertion sort: a cart holds a handful of orders
        at = k
        while at > 0 and row[at - 1] > members[k]:
            row[at] = row[at - 1]
            at -= 1
        row[at] = members[k]
    chosen = row[:n]
    carts.count[c] = n
    carts.words[c, :] = 0
    carts.low[c, :] = 0
    carts.high[c, :] = 0
    carts.x_low[c], carts.x_high[c], carts.reach[c] = INF, -INF, 0.0
    tag = np.uint64(0)
    for i in chosen:
        for x in range(carts.words.shape[1]):
            carts.words[c, x] |= orders.words[i, x]
        for x in range(carts.low.shape[1]):
            carts.low[c, x] |= orders.low[i, x]
            carts.high[c, x] |= orders.high[i, x]
        carts.x_low[c] = min(carts.x_low[c], orders.x_low[i])
        carts.x_high[c] = max(carts.x_high[c], orders.x_high[i])
        carts.reach[c] = max(carts.reach[c], orders.reach[i])
        tag ^= orders.tag[i]
    carts.tag[c] = tag
    carts.live[c] = n > 0
    carts.saved[c] = False
    carts.price[c] = length(q.site, q.memory, carts.words[c], INF)
    q.near_ok[:] = False


@no_reference_counts
def _copy_row(source, target, c):
    """Row c of every array of `source` (a `Carts`) into `target`'s."""
    put(target.members[c], source.members[c])
    put(target.words[c], source.words[c])
    put(target.low[c], source.low[c])
    put(target.high[c], source.high[c])
    put(target.saving[c], source.saving[c])
    for k in range(source.rests.shape[1]):
        put(target.rests[c, k], source.rests[c, k])
    target.count[c], target.price[c], target.tag[c] = (
        source.count[c],
        source.price[c],
        source.tag[c],
    )
    target.x_low[c], target.x_high[c], target.reach[c] = (
        source.x_low[c],
        source.x_high[c],
        source.reach[c],
    )
    target.live[c], target.saved[c] = source.live[c], source.saved[c]


@no_reference_counts
def _savings(q, c):
    """Each order's saving on cart c and the cart's locations without it, priced on first use
    (dropping picks never lengthens a tour, so the cart's walk bounds each)."""
    carts = q.carts
    if carts.saved[c]:
        return
    n, words = carts.count[c], q.orders.words
    for x in range(words.shape[1]):  # the orders before k OR the orders after k: running unions
        before = np.uint64(0)
        for k in range(n):
            carts.rests[c, k, x] = before
            before |= words[carts.members[c, k], x]
        after = np.uint64(0)
        for k in range(n - 1, -1, -1):
            carts.rests[c, k, x] |= after
            after |= words[carts.members[c, k], x]
    for k in range(n):
        rest = length(q.site, q.memory, carts.rests[c, k], carts.price[c])
        carts.saving[c, k] = carts.price[c] - rest
    carts.saved[c] = True


@njit(cache=True, inline="always")
def _fits(q, c, drop, add):
    """May cart c hold its orders without the one at `drop` (-1: none) and with order `add`?"""
    rules, orders, carts = q.rules, q.orders, q.carts
    n = carts.count[c] + (1 if drop < 0 else 0)
    if n > rules.capacity:
        return False
    if n == 1 or (rules.max_volume == INF and rules.max_weight == INF):
        return True
    volume, weight = orders.volume[add], orders.weight[add]
    for k in range(carts.count[c]):
        if k != drop:
            volume += orders.volume[carts.members[c, k]]
            weight += orders.weight[carts.members[c, k]]
    return volume <= rules.max_volume + 1e-9 and weight <= rules.max_weight + 1e-9


@njit(cache=True, inline="always")
def nearest(q, c):
    """The other live carts nearest cart c first (`nearness._nearest`), kept until any changes
    (inlined: the kept ones are read without a call, see the note above)."""
    if not q.near_ok[c]:
        _find_nearest(q, c)
    return q.near[c, : q.near_n[c]]


@njit(cache=True)
def _find_nearest(q, c):
    carts, rules = q.carts, q.rules
    found = _nearest(c, carts.low, carts.high, carts.x_low, carts.x_high, carts.reach,
                     carts.live, rules.one, rules.rest, rules.keys)  # fmt: skip
    q.near[c, : len(found)] = found
    q.near_n[c] = len(found)
    q.near_ok[c] = True


@njit(cache=True, inline="always")
def _movable(count, capacity, src, dst):
    """May an order move from cart `src` to cart `dst` (by the number of orders)?"""
    return count[src] > 1 and 0 < count[dst] < capacity


@no_reference_counts
def _move(q, src, dst):
    """Move the order whose exact move shortens most from `src` to `dst`."""
    carts, orders = q.carts, q.orders
    n, m = carts.count[src], carts.count[dst]
    if not _movable(carts.count, q.rules.capacity, src, dst):
        return False
    if not carts.saved[src]:
        _savings(q, src)
    best, pick = 1e-9, -1
    for k in range(n):
        i = carts.members[src, k]
        if not _fits(q, dst, -1, i):
            continue
        saving = carts.saving[src, k]
        bound = carts.price[dst] + saving - best
        grown = length(q.site, q.memory, _union(q.spare, carts.words[dst], orders.words[i]), bound)
        gain = saving - (grown - carts.price[dst])
        if grown != INF and gain > best:
            best, pick = gain, k
    if pick < 0:
        return False
    moved, held = carts.members[src, pick], q.held
    for k in range(n - 1):  # the source's orders but the one at `pick`
        held[k] = carts.members[src, k + (k >= pick)]
    set_cart(q, src, held, n - 1)
    for k in range(m):
        held[k] = carts.members[dst, k]
    held[m] = moved
    set_cart(q, dst, held, m + 1)
    return True


@njit(cache=True, inline="always")
def _union(spare, one, two):
    """`one | two` written into `spare`: a candidate's locations without making an array."""
    for x in range(len(spare)):
        spare[x] = one[x] | two[x]
    return spare


@njit(cache=True, inline="always")
def _where(row, n, order):
    for k in range(n):
        if row[k] == order:
            return k
    return -1


@no_reference_counts
def _swap(q, a, b, screened):
    """The first of the `screened` swaps that look best whose exact routes are shorter."""
    carts, orders, rules = q.carts, q.orders, q.rules
    if not carts.saved[a]:
        _savings(q, a)
    if not carts.saved[b]:
        _savings(q, b)
    na, nb = carts.count[a], carts.count[b]
    before = carts.price[a] + carts.price[b]
    found = _best_swaps(q.screening, a, b, carts.low, carts.high, carts.x_low, carts.x_high,
                        carts.reach, carts.members[a, :na], carts.saving[a, :na],
                        carts.members[b, :nb], carts.saving[b, :nb], orders.low, orders.high,
                        orders.x_low, orders.x_high, orders.reach, rules.one, rules.rest,
                        rules.keys, screened)  # fmt: skip
    for r in range(found):
        i, j = q.screening.pairs[r, 0], q.screening.pairs[r, 1]
        ki, kj = _where(carts.members[a], na, i), _where(carts.members[b], nb, j)
        if not (_fits(q, a, ki, j) and _fits(q, b, kj, i)):
            continue
        # The other cart is never shorter than it is without j (dropping picks never lengthens
        # a tour), so this cart must stay under what that leaves: a tight bound, early abandon.
        bound = carts.price[a] + carts.saving[b, kj]
        first = length(
            q.site, q.memory, _union(q.spare, carts.rests[a, ki], orders.words[j]), bound
        )
        if first == INF:
            continue
        bound = before - first - 1e-9
        second = length(
            q.site, q.memory, _union(q.spare, carts.rests[b, kj], orders.words[i]), bound
        )
        if second != INF and first + second < before - 1e-9:
            _exchange(q, a, ki, b, kj)
            return True
    return False


@no_reference_counts
def _exchange(q, a, ki, b, kj):
    """The order at ki of cart a and the order at kj of cart b change carts."""
    carts, held = q.carts, q.held
    i, j = carts.members[a, ki], carts.members[b, kj]
    for c, at, coming in ((a, ki, j), (b, kj, i)):
        for k in range(carts.count[c]):
            held[k] = carts.members[c, k]
        held[at] = coming
        set_cart(q, c, held, carts.count[c])


@njit(cache=True, inline="always")
def _pair_name(tag, a, b, screened):
    """A 64-bit name of the ordered pair of contents of carts a and b (and `screened`)."""
    h = mixed(mixed(tag[a]) ^ tag[b])
    h = mixed(h ^ np.uint64(screened))
    return h | np.uint64(1)  # 0 marks an empty slot


@njit(cache=True, inline="always")
def _settled_at(settled, name):
    """The slot of `name` in the settled table, or the empty slot where it would go."""
    mask = len(settled) - 1
    at = np.int64(name & np.uint64(mask))
    while settled[at] != 0 and settled[at] != name:
        at = (at + 1) & mask
    return at


@njit(cache=True, inline="always")
def _settled(settled, tag, a, b, screened):
    """Had the pair of carts a and b, as they are now, nothing (`improve_pair`)?"""
    name = _pair_name(tag, a, b, screened)
    return settled[_settled_at(settled, name)] == name


@no_reference_counts
def improve_pair(q, a, b, screened):
    """One move or swap between carts a and b that shortens them, if there is one. A pair
    that had none keeps having none until one of them changes: remembered by content and
    skipped ("don't look bits", Bentley 1992)."""
    name = _pair_name(q.carts.tag, a, b, screened)
    at = _settled_at(q.settled, name)
    if q.settled[at] == name:
        return False
    q.memory.work[0] += PAIR_WORK
    count, most = q.carts.count, q.rules.capacity
    if (
        (_movable(count, most, a, b) and _move(q, a, b))
        or (_movable(count, most, b, a) and _move(q, b, a))
        or _swap(q, a, b, screened)
    ):
        return True
    if 2 * (q.settled_n[0] + 1) > len(q.settled):  # bound memory: forget all
        q.settled[:] = 0
        q.settled_n[0] = 0
        at = _settled_at(q.settled, name)
    q.settled[at] = name
    q.settled_n[0] += 1
    return False
