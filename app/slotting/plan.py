"""Proposing moves: fast movers and co-ordered products towards the depot, within limits.

1. Classify (app/slotting/classify.py) and put the products in placement order: most picks
   first, each product followed at once by its strong partners (co-ordered products), so that partners take
   neighbouring places.
2. Walk the locations from the depot outwards (exact walking distance, then level, then code)
   and give each product in placement order the nearest one nobody has taken; a product already
   at least as near stays where it is. Every product that would come nearer is a candidate.
3. Take the candidates in one of two orders — best first (each scored alone by replay, metres
   saved per relocation) or placement order (which keeps partners and fast movers together:
   better for carts, whose walk falls only when many of their products come forward) —
   replaying again (app/slotting/replay.py): a candidate moves its product to the target location, and the product there (if any) back to the product's old
   location (a swap). It is kept only when the replay of the period's pick lists walks less;
   its saving is that replayed difference. Each location moves at most once per plan.
   Both orders are replayed in full; the plan that walks less is kept.
4. Stop at `max_moves` relocations (a swap is two) or when the next would touch more than
   `max_location_share` of the layout's locations.

The savings of the kept moves add up exactly to the whole plan's replayed saving: each is
measured on the slotting the earlier ones left.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from app.routing import Layout
from app.routing.distance import depot_spot, spot_of, walk_distance
from app.slotting.classify import Classes, classify
from app.slotting.replay import Replay

MIN_SAVING_M = 0.01  # a move must save more than rounding


@dataclass(frozen=True)
class Limits:
    max_moves: int = 20  # relocations a day: each is a move task (per lot) for the clerk
    max_location_share: float = 0.05  # of all the layout's locations, touched as from or to


@dataclass(frozen=True)
class Move:
    sku: str
    from_location: str
    to_location: str
    saving_m: float  # replayed: metres the period's pick lists walk less with this move
    abc: str
    picks: int
    swap_with: str | None = None  # the product at to_location, which goes to from_location

    @property
    def relocations(self) -> int:
        return 2 if self.swap_with else 1

    def document(self) -> dict:
        return {
            "sku": self.sku,
            "from": self.from_location,
            "to": self.to_location,
            "swap_with": self.swap_with,
            "saving_m": round(self.saving_m, 1),
            "abc": self.abc,
            "picks": self.picks,
        }


@dataclass(frozen=True)
class Plan:
    moves: tuple[Move, ...]
    current_m: float  # the period's pick lists replayed on today's slotting
    proposed_m: float  # ... and on the slotting after every move
    pick_lists: int
    locations: int  # in the layout
    classes: Classes

    @property
    def relocations(self) -> int:
        return sum(m.relocations for m in self.moves)

    @property
    def touched(self) -> int:
        return len({m.from_location for m in self.moves} | {m.to_location for m in self.moves})

    @property
    def saving_pct(self) -> float:
        return (
            100.0 * (self.current_m - self.proposed_m) / self.current_m if self.current_m else 0.0
        )

    @property
    def moved_pct(self) -> float:
        return 100.0 * self.touched / self.locations if self.locations else 0.0

    def document(self) -> dict:
        return {
            "pick_lists": self.pick_lists,
            "current_m": round(self.current_m, 1),
            "proposed_m": round(self.proposed_m, 1),
            "saving_m": round(self.current_m - self.proposed_m, 1),
            "saving_pct": round(self.saving_pct, 2),
            "relocations": self.relocations,
            "locations_moved": self.touched,
            "locations_moved_pct": round(self.moved_pct, 2),
            "moves": [m.document() for m in self.moves],
        }


def propose(
    layout: Layout,
    pick_lists: list[tuple[str, ...]],
    homes: Mapping[str, str],
    limits: Limits = Limits(),
    blocked: frozenset[str] = frozenset(),
    space: Mapping[str, float] | None = None,
    replay: Replay | None = None,
    fixed: frozenset[str] = frozenset(),
) -> Plan:
    """The moves for `homes` (SKU → its pick location today), measured on `pick_lists`.
    `blocked`: locations nothing may move into (reserve stock, ...); `space`: shelf space per
    SKU for the COI, where known; `fixed`: products that stay (a move of theirs is under way)."""
    classes = classify(pick_lists, space)
    replay = replay or Replay(layout, pick_lists)
    candidates = _candidates(layout, classes, homes, blocked, fixed)
    best_first = _by_saving(replay, homes, candidates, limits, layout)
    current_m = replay.total_m(homes)
    tried: list[tuple[float, int, list[Move]]] = []
    for order in (best_first, candidates):
        moves, after = _keep_saving(replay, classes, dict(homes), order, limits, layout)
        tried.append((replay.total_m(after), len(tried), moves))
    proposed_m, _, moves = min(tried)
    return Plan(
        tuple(moves), current_m, proposed_m, len(replay.lists), len(layout.locations), classes
    )


def placement_order(classes: Classes, homes: Mapping[str, str]) -> list[str]:
    order: list[str] = []
    seen: set[str] = set()
    for sku in classes.ranked:
        for s in (sku, *classes.partners.get(sku, ())):
            if s not in seen and s in homes:
                seen.add(s)
                order.append(s)
    return order


def depot_distances(layout: Layout) -> dict[str, float]:
    depot, cross = depot_spot(layout), layout.cross_aisles
    return {
        loc.code: walk_distance(cross, depot, spot_of(layout, loc.code)) for loc in layout.locations
    }


def _candidates(
    layout: Layout,
    classes: Classes,
    homes: Mapping[str, str],
    blocked: frozenset[str],
    fixed: frozenset[str],
) -> list[tuple[str, str]]:
    far = depot_distances(layout)
    slots = sorted(
        (loc for loc in layout.locations if loc.code not in blocked),
        key=lambda loc: (round(far[loc.code], 6), loc.level or 0, loc.code),
    )
    taken = {homes[sku] for sku in fixed if sku in homes}
    out, next_slot = [], 0
    for sku in placement_order(classes, homes):
        if sku in fixed:
            continue
        while next_slot < len(slots) and slots[next_slot].code in taken:
            next_slot += 1
        if next_slot == len(slots):
            break
        target, home = slots[next_slot].code, homes[sku]
        if far.get(home, math.inf) <= far[target] + 1e-9:
            taken.add(home)
            continue
        taken.add(target)
        out.append((sku, target))
    return out


def _by_saving(replay, homes, candidates, limits, layout) -> list[tuple[str, str]]:
    """The candidates worth most first: each replayed alone on today's slotting, metres saved
    per relocation. Only as many as could fit the limits four times over are scored."""
    at = {loc: sku for sku, loc in homes.items()}
    room = min(limits.max_moves, math.floor(limits.max_location_share * len(layout.locations)))
    scored = []
    for sku, target in candidates[: 4 * max(room, 1)]:
        partner = at.get(target)
        after = {**homes, sku: target, **({partner: homes[sku]} if partner else {})}
        before_m, after_m = replay.compare(homes, after, [sku, *([partner] if partner else [])])
        scored.append(((before_m - after_m) / (2 if partner else 1), sku, target))
    return [(sku, target) for _, sku, target in sorted(scored, key=lambda x: -x[0])]


def _keep_saving(replay, classes, homes, candidates, limits, layout):
    at = {loc: sku for sku, loc in homes.items()}
    budget = math.floor(limits.max_location_share * len(layout.locations))
    moved: set[str] = set()
    moves: list[Move] = []
    relocations = 0
    for sku, target in candidates:
        if relocations >= limits.max_moves or len(moved) + 2 > budget:
            break
        source, partner = homes[sku], at.get(target)
        need = 2 if partner else 1
        if source in moved or target in moved or relocations + need > limits.max_moves:
            continue
        after = {**homes, sku: target}
        if partner:
            after[partner] = source
        before_m, after_m = replay.compare(homes, after, [sku, *([partner] if partner else [])])
        if before_m - after_m <= MIN_SAVING_M:
            continue
        moves.append(
            Move(
                sku,
                source,
                target,
                before_m - after_m,
                classes.abc[sku],
                classes.picks[sku],
                partner,
            )
        )
        homes, relocations = after, relocations + need
        at[target], moved = sku, moved | {source, target}
        if partner:
            at[source] = partner
        else:
            at.pop(source, None)
    return moves, homes
