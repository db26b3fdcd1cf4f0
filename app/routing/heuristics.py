"""The routing heuristics the literature compares against: S-shape and largest gap.

Both follow Roodbergen & de Koster (2001, "Routing methods for warehouses with multiple cross
aisles") and reduce to the classic one-block rules (Hall 1993) when there is one block:

* S-shape: walk up the left-most aisle with picks to the farthest block with picks; in that block
  traverse every sub-aisle with picks entirely, left to right; then, block by block towards the
  depot, start from whichever end of the block's sub-aisles is nearer and traverse them entirely.
* Largest gap: walk the left-most aisle with picks up to the back of the farthest block; in each
  block, from the farthest on, go right along the block's back cross aisle entering each sub-aisle
  up to its largest gap, traverse the right-most sub-aisle entirely, then come back left along
  the block's front cross aisle picking what is left below each gap.

They return a visiting order; the distance is that order walked the shortest way, as for every
route here (which never makes a heuristic look worse than its drawing). "Left" is the side whose
outermost pick aisle is nearer the depot; "front" is the end of the aisles nearer the depot.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from app.routing.distance import Spot
from app.routing.layout import Layout

# (block, column) -> [(y from the front, code)] ascending
SubAisles = dict[tuple[int, int], list[tuple[float, str]]]


def s_shape_sequence(layout: Layout, stops: list[tuple[Spot, str]]) -> list[str]:
    if not stops:
        return []
    sub, xs, _ = _normalized(layout, stops)
    left = min(col for _, col in sub)
    far = max(block for block, _ in sub)
    order: list[str] = []
    for block in range(far):  # up the left pick aisle to the farthest block
        order += _codes(sub.pop((block, left), []), up=True)
    here = left
    for block in range(far, -1, -1):
        columns = sorted(col for b, col in sub if b == block)
        if not columns:
            continue
        if block < far and abs(xs[columns[-1]] - xs[here]) < abs(xs[columns[0]] - xs[here]):
            columns.reverse()
        up = block == far  # the farthest block is entered from its front, the others from the back
        for col in columns:
            order += _codes(sub[(block, col)], up=up)
            up = not up
        here = columns[-1]
    return order


def largest_gap_sequence(layout: Layout, stops: list[tuple[Spot, str]]) -> list[str]:
    if not stops:
        return []
    sub, _, cross = _normalized(layout, stops)
    left = min(col for _, col in sub)
    far = max(block for block, _ in sub)
    order: list[str] = []
    for block in range(far + 1):  # the left pick aisle entirely, up to the farthest block's back
        order += _codes(sub.pop((block, left), []), up=True)
    for block in range(far, -1, -1):
        columns = sorted(col for b, col in sub if b == block)
        if not columns:
            continue
        *others, rightmost = columns
        splits = {
            col: _split_at_largest_gap(sub[(block, col)], cross[block], cross[block + 1])
            for col in others
        }
        for col in others:  # along the back cross aisle, left to right
            order += _codes(splits[col][1], up=False)
        order += _codes(sub[(block, rightmost)], up=False)
        for col in reversed(others):  # along the front cross aisle, right to left
            order += _codes(splits[col][0], up=True)
    return order


def _normalized(layout: Layout, stops: list[tuple[Spot, str]]):
    """Sub-aisles in coordinates where the depot is at the front and the left side is nearer."""
    length = layout.aisle_length
    flip_y = layout.depot.y > length / 2
    cross = sorted(length - c for c in layout.cross_aisles) if flip_y else list(layout.cross_aisles)
    pick_xs = sorted({spot.x for spot, _ in stops})
    flip_x = abs(layout.depot.x - pick_xs[-1]) < abs(layout.depot.x - pick_xs[0])
    xs = sorted((-x for x in pick_xs), key=float) if flip_x else pick_xs
    column = {x: xs.index(-x if flip_x else x) for x in pick_xs}
    sub: SubAisles = defaultdict(list)
    for spot, code in stops:
        y = length - spot.y if flip_y else spot.y
        block = min(bisect_right(cross, y) - 1, len(cross) - 2)
        sub[(block, column[spot.x])].append((y, code))
    for picks in sub.values():
        picks.sort()
    return sub, xs, cross


def _codes(picks: list[tuple[float, str]], up: bool) -> list[str]:
    codes = [code for _, code in picks]
    return codes if up else codes[::-1]


def _split_at_largest_gap(picks, front: float, back: float):
    """(picks reached from the front, picks reached from the back) leaving out the largest gap."""
    ys = [front] + [y for y, _ in picks] + [back]
    gaps = [ys[i + 1] - ys[i] for i in range(len(ys) - 1)]
    cut = gaps.index(max(gaps))  # picks[:cut] from the front, picks[cut:] from the back
    return picks[:cut], picks[cut:]
