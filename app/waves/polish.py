"""Exact local search over carts: move one order to a nearby cart, or swap two, whenever the
exact routes of both carts get shorter.

Carts are compared with their nearest (`_State.nearest`: the carts that walk where they walk).
A move is judged exactly: what the order's own cart saves without it (one route per order, kept
until its cart changes) against what the other cart grows by (one route, abandoned as soon as it
grows by more than that saving). Swaps are too many to route them all: each pair's swaps are
ranked by the exact savings of the two orders leaving and the estimated growth (`Footprint`) of
the two carts taking them, and only the few best are routed, each with a tight bound: the other
cart never gets shorter than it is without its order (dropping picks never lengthens a tour).
Passes repeat until nothing improves, the pass limit is reached or the deadline passes.
Pure: no Qt, no database; runs on whichever thread calls it.
"""

from __future__ import annotations

from app.routing.length import INF

# At effort 1 (docs/benchmarks.md has the times):
NEIGHBOURS = 6  # carts compared with each cart, nearest first by where they walk (4 walked
# 0.3 % more on average at the same budget: docs/benchmarks.md, "Batching")
SCREENED = 3  # swaps per pair of carts routed exactly, the most promising first
PASSES = 10  # at most; a pass that changes nothing ends the search
AROUND_PASSES = 4  # after a kick, at most (with the kicked pairs last, 4 passes found much
# shorter plans than 2 for the same time; without that, they did not: docs/benchmarks.md)


def polish(state, effort: float = 1.0, deadline=None) -> None:
    """Improve `state` (a `search._State`) in place; only strictly shorter changes are kept.
    `effort` scales how many carts are compared, swaps routed and passes run; a passed
    `deadline` (a `search.Deadline`) stops it between two pairs."""
    neighbours = max(1, round(NEIGHBOURS * effort))
    screened = max(1, round(SCREENED * effort))
    for _ in range(max(1, round(PASSES * effort))):
        changed = False
        for a, b in nearby_pairs(state, neighbours):
            if deadline and deadline.passed():
                return
            changed |= _improve_pair(state, a, b, screened)
        if not changed:
            return


def nearby_pairs(state, neighbours: int) -> list[tuple[int, int]]:
    """Each cart with its `neighbours` nearest (by how little one's walk grows by the other's),
    each pair once."""
    live = [c for c in range(len(state.carts)) if state.carts[c]]
    return sorted({(min(a, b), max(a, b)) for a in live for b in state.nearest(a, neighbours)})


def _improve_pair(state, a: int, b: int, screened: int) -> bool:
    """One move or swap between carts a and b that shortens them, if there is one. What is
    tried depends only on the two carts' orders, so a pair that had none keeps having none
    until one of them changes: it is remembered by content and skipped ("don't look bits",
    Bentley 1992), which saves most of the work of later passes and of kicks that are undone."""
    key = (state.carts[a], state.carts[b], screened)
    if key in state.settled:
        return False
    if _move(state, a, b) or _move(state, b, a) or _swap(state, a, b, screened):
        return True
    if len(state.settled) > 100_000:  # bound the memory of very long searches
        state.settled.clear()
    state.settled.add(key)
    return False


def _move(state, src: int, dst: int) -> bool:
    """Move the order whose exact move shortens most from `src` to `dst`."""
    movers, there = state.carts[src], state.carts[dst]
    if len(movers) <= 1 or not there or len(there) >= state.inputs.capacity:
        return False
    best, pick = 1e-9, None
    for i in movers:
        if not state.inputs.fits([*there, i]):
            continue
        saving = state.saving(src, i)
        bound = state.price[dst] + saving - best
        grown = state.pricer.length(state.codes(dst) | state.inputs.codes[i], bound)
        gain = saving - (grown - state.price[dst])
        if grown != INF and gain > best:
            best, pick = gain, i
    if pick is None:
        return False
    state.replace(src, [k for k in movers if k != pick])
    state.replace(dst, sorted([*there, pick]))
    return True


def _swap(state, a: int, b: int, screened: int) -> bool:
    before = state.price[a] + state.price[b]
    for i, j in state.best_swaps(a, b, screened):
        if not state.swap_fits(a, i, b, j):
            continue
        # The other cart is never shorter than it is without j (dropping picks never lengthens
        # a tour), so this cart must stay under what that leaves: a tight bound, early abandon.
        first = state.pricer.length(
            state.swapped_codes(a, i, j), state.price[a] + state.saving(b, j)
        )
        if first == INF:
            continue
        second = state.pricer.length(state.swapped_codes(b, j, i), before - first - 1e-9)
        if second != INF and first + second < before - 1e-9:
            state.swap(a, i, b, j)
            return True
    return False


def polish_around(state, touched: set[int], effort: float = 1.0, kicked=frozenset()) -> None:
    """Polish only the pairs that involve a cart in `touched` (growing as carts change).
    The pairs in `kicked` (frozensets of two carts a kick swapped between) come last in each
    pass: the orders the kick moved first look for a better cart elsewhere, where the polish
    would otherwise mostly swap them straight back (with up to 4 passes, set runs over 2 % from
    the best known went 18 -> 6 %: docs/benchmarks.md, "Batching")."""
    neighbours = max(1, round(NEIGHBOURS * effort))
    screened = max(1, round(SCREENED * effort))
    for _ in range(AROUND_PASSES):
        changed = False
        pairs = [(a, b) for a in sorted(touched) for b in state.nearest(a, neighbours)]
        pairs.sort(key=lambda pair: frozenset(pair) in kicked)  # stable: the rest keep order
        for a, b in pairs:
            if _improve_pair(state, a, b, screened):
                touched = touched | {b}
                changed = True
        if not changed:
            return
