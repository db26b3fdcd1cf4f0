"""Classifying products by a period's pick lists: picks, ABC, cube-per-order index, affinity.

- `picks[sku]`: how many pick lists asked for the product (a visit to its location each).
- ABC: A are the most picked products that together make up `A_SHARE` of all picks, B the next
  up to `B_SHARE`, C the rest.
- COI (cube-per-order index, Heskett 1963): the space a product takes on the shelf divided by
  its picks (the lower, the nearer the depot it belongs in class-based storage). The space is
  the caller's (here: unit volume × the pick face's max, in cm³); a product without dimensions
  counts the median space. Reported, not used to rank: every home here is one location of the
  same size, so the space that decides who gets the near locations is the same for every
  product, and COI then orders like picks do. Ranking by the cube instead walked more on the
  bench (docs/benchmarks.md, "Slotting"): it brings small slow products forward.
- `ranked`: most picks first (ties: SKU), each product's placement order.
- Affinity: how many pick lists hold both products of a pair. A pair counts when it shares at
  least `MIN_TOGETHER` lists and at least `MIN_SHARE` of the lesser product's lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from statistics import median

A_SHARE, B_SHARE = 0.80, 0.95
MIN_TOGETHER, MIN_SHARE = 3, 0.25
MAX_PAIR_LINES = 12  # a list with more products adds no pairs: a wave's cart is not an order


@dataclass(frozen=True)
class Classes:
    picks: Mapping[str, int]
    abc: Mapping[str, str]
    coi: Mapping[str, float]
    ranked: tuple[str, ...]  # nearest-the-depot first: most picks first, then SKU
    partners: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # strongest first
    together: Mapping[tuple[str, str], int] = field(default_factory=dict)


def count_picks(pick_lists: Iterable[Iterable[str]]) -> Counter[str]:
    picks: Counter[str] = Counter()
    for skus in pick_lists:
        picks.update(set(skus))
    return picks


def abc_classes(picks: Mapping[str, int]) -> dict[str, str]:
    total = sum(picks.values()) or 1
    out, running = {}, 0
    for sku, count in sorted(picks.items(), key=lambda kv: (-kv[1], kv[0])):
        share = running / total  # the share before this product: the first is always A
        out[sku] = "A" if share < A_SHARE else "B" if share < B_SHARE else "C"
        running += count
    return out


def cube_per_order(picks: Mapping[str, int], space: Mapping[str, float]) -> dict[str, float]:
    """Space ÷ picks for each picked product; median space where the space is not known."""
    known = [v for v in space.values() if v > 0]
    typical = median(known) if known else 1.0
    return {sku: (space.get(sku) or typical) / n for sku, n in picks.items() if n > 0}


def co_ordered(pick_lists: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    together: Counter[tuple[str, str]] = Counter()
    for skus in pick_lists:
        distinct = sorted(set(skus))
        if 2 <= len(distinct) <= MAX_PAIR_LINES:
            together.update(combinations(distinct, 2))
    return together


def partners_of(
    together: Mapping[tuple[str, str], int], picks: Mapping[str, int]
) -> dict[str, tuple[str, ...]]:
    """Each product's strong partners, the most often co-ordered first."""
    found: dict[str, list[tuple[int, str]]] = {}
    for (a, b), n in together.items():
        if n >= MIN_TOGETHER and n >= MIN_SHARE * min(picks[a], picks[b]):
            found.setdefault(a, []).append((n, b))
            found.setdefault(b, []).append((n, a))
    return {
        sku: tuple(s for _, s in sorted(pairs, key=lambda p: (-p[0], p[1])))
        for sku, pairs in found.items()
    }


def classify(
    pick_lists: list[tuple[str, ...]], space: Mapping[str, float] | None = None
) -> Classes:
    """Classes of every product the pick lists ask for. `space`: shelf space per SKU (any
    unit), where known, for the COI."""
    picks = count_picks(pick_lists)
    coi = cube_per_order(picks, space or {})
    ranked = tuple(sorted(picks, key=lambda s: (-picks[s], s)))
    together = co_ordered(pick_lists)
    strong = {pair: n for pair, n in together.items() if n >= MIN_TOGETHER}
    return Classes(picks, abc_classes(picks), coi, ranked, partners_of(strong, picks), strong)
