"""Replaying a period's pick lists on a slotting: the metres the pickers would have walked.

Each pick list is the SKUs one picker fetched on one trip (as the site batched them). Under a
slotting (`homes`: SKU → location code) a list becomes the locations of its products, and its
walk is the exact route through them (`app.routing.solve_route`, depot → locations → depot).
A product without a home on that slotting is left out of the list's route and counted in
`unrouted`. Routes are cached by the set of places stood at (locations on the same aisle at the
same depth share one), so replaying a slotting that differs in a few homes re-solves only the
lists those homes touch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.routing import Layout, solve_route


class Replay:
    def __init__(self, layout: Layout, pick_lists: Iterable[Iterable[str]]) -> None:
        self.layout = layout
        self.lists = [tuple(sorted(set(skus))) for skus in pick_lists]
        self.lists = [skus for skus in self.lists if skus]
        self.containing: dict[str, list[int]] = {}
        for i, skus in enumerate(self.lists):
            for sku in skus:
                self.containing.setdefault(sku, []).append(i)
        first_at: dict[tuple[str, float], str] = {}
        self._place = {
            loc.code: first_at.setdefault((loc.aisle, loc.y), loc.code) for loc in layout.locations
        }
        self._routes: dict[tuple[str, ...], float] = {}

    def list_m(self, index: int, homes: Mapping[str, str]) -> float:
        """The exact walk of pick list `index` with its products at `homes`."""
        places = {self._place[homes[s]] for s in self.lists[index] if s in homes}
        key = tuple(sorted(places))
        found = self._routes.get(key)
        if found is None:
            found = solve_route(self.layout, list(key)).distance_m if key else 0.0
            self._routes[key] = found
        return found

    def total_m(self, homes: Mapping[str, str]) -> float:
        return sum(self.list_m(i, homes) for i in range(len(self.lists)))

    def lists_with(self, skus: Iterable[str]) -> list[int]:
        return sorted({i for sku in skus for i in self.containing.get(sku, ())})

    def compare(
        self, before: Mapping[str, str], after: Mapping[str, str], skus: Iterable[str]
    ) -> tuple[float, float]:
        """Metres walked by the lists that ask for any of `skus`, before and after: the other
        lists walk the same on both when only `skus` changed home."""
        touched = self.lists_with(skus)
        return (
            sum(self.list_m(i, before) for i in touched),
            sum(self.list_m(i, after) for i in touched),
        )

    def unrouted(self, homes: Mapping[str, str]) -> int:
        return sum(1 for skus in self.lists for s in skus if s not in homes)
