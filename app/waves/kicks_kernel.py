"""The exact search's polish and kicks (`app.waves.search`) as compiled code, over the moves of
`app.waves.exact_kernel`: a pass over every cart and its nearest, the polish around the carts a
kick changed, and the kicks themselves (a chain of two random swaps across three nearby carts,
a polish around them, undone unless the total stays within the limit). These run once a pass
or a kick, so they may make arrays (and count references, unlike the moves they call: see
`app.compiled`). Randomness is numba's generator, seeded by the caller.
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

import sys

import numpy as np
from numba import njit

from app import compiled
from app.compiled import no_reference_counts
from app.routing import length_kernel
from app.waves import exact_kernel, nearness, remembered
from app.waves.exact_kernel import (
    _copy_row,
    _exchange,
    _fits,
    _settled,
    _where,
    improve_pair,
    nearest,
)
from app.waves.fresh_caches import drop_stale_caches

NEAREST = 4  # carts a kicked cart may swap with, nearest first by where they walk
AROUND_PASSES = 4  # polish passes around a kick, at most (docs/benchmarks.md)

PASSED, CHANGED, PAUSED = 0, 1, 2  # what `polish_pass` did


@njit(cache=True)
def polish_pass(q, neighbours, screened, pause):
    """One pass over each cart with its `neighbours` nearest, each pair once (in cart order):
    PASSED (nothing got shorter), CHANGED, or PAUSED once the work reached `pause` (a pass
    asked again starts over, and the pairs it settled are skipped at once)."""
    size = len(q.carts.count)
    names = []
    for a in range(size):
        if q.carts.count[a]:
            near = nearest(q, a)
            for b in near[:neighbours]:
                names.append(min(a, b) * size + max(a, b))
    changed = False
    for name in np.unique(np.array(names, dtype=np.int64)):
        if q.memory.work[0] >= pause:
            return PAUSED
        a, b = name // size, name % size
        if not _settled(q.settled, q.carts.tag, a, b, screened):
            changed |= improve_pair(q, a, b, screened)
    return CHANGED if changed else PASSED


@njit(cache=True)
def polish_around(q, touched, neighbours, screened, kicked):
    """Polish only the pairs that involve a cart in `touched` (growing as carts change); the
    pairs in `kicked` (rows of two carts a kick swapped between) come last in each pass: the
    orders the kick moved first look for a better cart elsewhere, where the polish would
    otherwise mostly swap them straight back."""
    for _ in range(AROUND_PASSES):
        pairs = np.empty((0, 2), dtype=np.int64)
        for a in np.flatnonzero(touched):
            near = nearest(q, a)[:neighbours]
            rows = np.empty((len(near), 2), dtype=np.int64)
            rows[:, 0], rows[:, 1] = a, near
            pairs = np.concatenate((pairs, rows))
        late = np.zeros(len(pairs), dtype=np.bool_)
        for k in range(len(kicked)):
            one, two = kicked[k, 0], kicked[k, 1]
            late |= ((pairs[:, 0] == one) & (pairs[:, 1] == two)) | (
                (pairs[:, 0] == two) & (pairs[:, 1] == one)
            )
        changed = False
        for r in np.concatenate((np.flatnonzero(~late), np.flatnonzero(late))):
            a, b = pairs[r, 0], pairs[r, 1]
            if not _settled(q.settled, q.carts.tag, a, b, screened) and improve_pair(
                q, a, b, screened
            ):
                touched[b] = True
                changed = True
        if not changed:
            return


@njit(cache=True, inline="always")
def total(q):
    return q.carts.price.sum()


@njit(cache=True, inline="always")
def _pick(row, n):
    return row[np.random.randint(0, n)]


@njit(cache=True)
def _kick(q, neighbours, screened, limit):
    """A chain of two random swaps: an order of a cart with one of a nearby cart, then another
    order of that cart with one of a cart near it; then polish around the three. Undone unless
    the total walk is no longer than before or within `limit`."""
    carts = q.carts
    live = np.flatnonzero(carts.count)
    a = live[np.random.randint(0, len(live))]
    near = nearest(q, a)
    b = _pick(near, min(NEAREST, len(near)))
    i, j = _pick(carts.members[a], carts.count[a]), _pick(carts.members[b], carts.count[b])
    before = total(q)
    q.logged[:] = 0  # from here every changed cart's row is kept in `undo`
    if not _swapped(q, a, i, b, j):
        q.logged[:] = -1
        return
    touched = np.zeros(len(carts.count), dtype=np.bool_)
    touched[a] = touched[b] = True
    kicked = np.full((2, 2), -1, dtype=np.int64)
    kicked[0, 0], kicked[0, 1] = a, b
    near = nearest(q, b)
    c = _pick(near, min(NEAREST, len(near)))
    if c != a:
        others = carts.members[b, : carts.count[b]]
        others = others[others != i]
        k = _pick(others, len(others)) if len(others) else i
        if _swapped(q, b, k, c, _pick(carts.members[c], carts.count[c])):
            touched[c] = True
            kicked[1, 0], kicked[1, 1] = b, c
    polish_around(q, touched, neighbours, screened, kicked)
    if total(q) > max(before, limit) + 1e-9:
        for row in np.flatnonzero(q.logged == 1):
            _copy_row(q.undo, carts, row)
        q.near_ok[:] = False
    q.logged[:] = -1


@no_reference_counts
def _swapped(q, a, i, b, j):
    """Order i of cart a and order j of cart b change carts, if both still fit."""
    ki, kj = (
        _where(q.carts.members[a], q.carts.count[a], i),
        _where(q.carts.members[b], q.carts.count[b], j),
    )
    if not (_fits(q, a, ki, j) and _fits(q, b, kj, i)):
        return False
    _exchange(q, a, ki, b, kj)
    return True


@njit(cache=True)
def kicks(q, best, most, neighbours, screened, accept, budget, since, time_left, kick_work, pause):
    """Kicks while the work is under `budget`, `most` at most, and none begun once the work
    reached `pause` (one at least): how many. A kick is kept while the total stays within a
    share of the best total (`accept`, shrinking with the budget left since `since`, and with
    `time_left`, the share of time left); the best carts found are kept in `best` (members,
    counts, and their total in best[2][0])."""
    members, counts, best_total = best
    done = 0
    while done < most and q.memory.work[0] < budget and (done == 0 or q.memory.work[0] < pause):
        left = min((budget - q.memory.work[0]) / (budget - since), time_left)
        _kick(q, neighbours, screened, best_total[0] * (1 + accept * left))
        q.memory.work[0] += kick_work
        done += 1
        now = total(q)
        if now < best_total[0] - 1e-9:
            members[:] = q.carts.members
            counts[:] = q.carts.count
            best_total[0] = now
    return done


@njit(cache=True)
def seed_random(seed):
    """Seed numba's generator (apart from NumPy's): the kicks' choices follow from `seed`."""
    np.random.seed(seed)


# numba checks a cached function against its own file only: see `fresh_caches`.
drop_stale_caches(
    linked=(compiled, length_kernel, nearness, remembered, exact_kernel, sys.modules[__name__]),
    cached=(nearness, remembered, exact_kernel, sys.modules[__name__]),
)
