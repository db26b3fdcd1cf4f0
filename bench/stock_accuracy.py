"""Inventory accuracy over a simulated month on the demo site, with and without counting.

The demo site (resources/demo/: layout, products, stock) is loaded through the project's own
importers into a throwaway SQLite database and read back as the system's stock rows; the
orders are sampled from the demo's order file (its products, lines and quantities), so the
same few products sell most. Each simulated day, for every policy side by side, on the same
orders and the same error draws:

- Pick: each order line takes stock the way allocation does (app/domain/stock_choice.py:
  FEFO, then FIFO, never held units). At the shelf the picker finds what is physically there.
  Less than the system says is a **short pick**: the picker reports it empty, what the system
  still has of the product at that location is held (as the real short does), and the rest of
  the line is taken from the next stock (the lead's "reallocate"). A line the system has no
  stock for waits (not a short: nobody was sent to an empty shelf).
- Errors, injected per pick line at `--error-rate` (the share of lines with one; default 1 %,
  split 2:1:1): a **mis-pick** (one unit of a product at a neighbouring location — same aisle
  and side, same or next bay — goes into the tote instead of one of the right ones: both
  shelves drift), a **damaged** unit thrown away unrecorded, an **unrecorded move** of 1-6
  units to a neighbouring location.
- Counts at the end of the shift: a count sets the system to what is on the shelf for every
  product and lot the system or the shelf has there, and lifts the holds. The count station's
  tolerance (app/domain/counting.py: ±2 units and 5 % adjust at once) only decides whether a
  second count and the lead's approval
  come first; the bench assumes both happen the same day, so either way system = shelf.
- Overnight replenishment: a stock row whose system figure has fallen to 2/3 of the demo's
  quantity (about a day's demand left) is filled back up to it (recorded, so system and shelf both rise): what the
  system believes decides when stock is ordered, as on a real site.

Policies: (a) no counting, (b) cycle counts by the count plan (app/domain/count_plan.py: ABC
classes from the demo's pick profile, A every 30 days, B 90, C 365, spread level) plus a count
the same day after every short reported empty / not found, (c) the short-triggered counts only.
Accuracy: the share of location/product/lot rows (either figure not zero) where system = shelf.

    .venv/bin/python bench/stock_accuracy.py [--seed 7] [--days 30] [--error-rate 0.01]
        [--orders-per-day 320]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import open_central  # noqa: E402
from app.domain import stock_choice  # noqa: E402
from app.domain.catalog import StockItem  # noqa: E402
from app.domain.count_plan import (  # noqa: E402
    DEFAULT_PLAN,
    classify,
    count_after_short,
    due_locations,
    pick_frequency,
)
from app.domain.counting import DEFAULT_TOLERANCE  # noqa: E402
from app.domain.picking import ShortReason  # noqa: E402
from app.domain.stored import stored_id  # noqa: E402
from app.routing.layout import Layout, load_layout  # noqa: E402
from app.services import master_data  # noqa: E402
from app.services.order_files import parse_quantity, read_order_file  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"
START = date(2026, 12, 1)  # the demo's first order day
Key = tuple[str, str, str]  # location, sku, lot
Line = tuple[str, int]  # sku, quantity
# A row is refilled overnight once its system figure is at most 2/3 of the demo's quantity
# (which is about a day and a half of the demo's demand plus a margin): about a day's worth left.
REFILL_BELOW = (2, 3)


def key_of(item: StockItem) -> Key:
    return (item.location, item.sku, item.lot)


@dataclass(frozen=True)
class Policy:
    name: str
    cycle_counts: bool
    short_counts: bool


POLICIES = (
    Policy("(a) no counting", False, False),
    Policy("(b) ABC cycle + short-triggered", True, True),
    Policy("(c) short-triggered only", False, True),
)


@dataclass(frozen=True)
class Draws:
    """One pick line's random numbers, drawn whether used or not, so that every policy sees
    the same errors on the same lines."""

    kind: float  # below the error rate: an error of the kind its band says
    choice: float  # which neighbour
    size: float  # how many units an unrecorded move takes


@dataclass
class Site:
    layout: Layout
    stock: list[StockItem]
    orders: list[list[Line]]


def load_site(folder: Path = DEMO) -> Site:
    """The demo's layout, products and stock through the importers, read back as stock rows."""
    with tempfile.TemporaryDirectory() as tmp:
        central = open_central(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        try:
            master_data.import_layout(central.uow(), folder / "layout.json")
            for report in (
                master_data.import_products(central.uow(), folder / "products.csv"),
                master_data.import_stock(central.uow(), folder / "stock.csv"),
            ):
                if report.rejected:
                    raise SystemExit(f"the demo site does not load: {report.rejected[:3]}")
            with central.uow() as uow:
                stock = uow.stock.all()
        finally:
            central.close()
    drafts = read_order_file(folder / "orders.csv")
    orders = [[(str(sku), parse_quantity(qty) or 1) for sku, qty, _ in d.lines] for d in drafts]
    return Site(load_layout(folder / "layout.json"), stock, orders)


def neighbours(layout: Layout) -> dict[str, tuple[str, ...]]:
    """Per location: the others in the same aisle and side, in the same or the next bay."""
    sides: dict[tuple[str, str | None], list] = defaultdict(list)
    for loc in layout.locations:
        sides[(loc.aisle, loc.side)].append(loc)
    near: dict[str, tuple[str, ...]] = {}
    for locs in sides.values():
        bays = {y: n for n, y in enumerate(sorted({loc.y for loc in locs}))}
        for loc in locs:
            near[loc.code] = tuple(
                sorted(o.code for o in locs if o is not loc and abs(bays[o.y] - bays[loc.y]) <= 1)
            )
    return near


@dataclass
class Floor:
    """One policy's warehouse: what the system believes and what is on the shelves."""

    policy: Policy
    near: dict[str, tuple[str, ...]]
    error_rate: float
    system: dict[Key, StockItem] = field(default_factory=dict)
    shelf: Counter[Key] = field(default_factory=Counter)
    refill_to: dict[Key, int] = field(default_factory=dict)
    last_counted: dict[str, date] = field(default_factory=dict)
    stats: Counter[str] = field(default_factory=Counter)
    # Indexes over `system` and `shelf`, kept as rows appear.
    by_id: dict[int, StockItem] = field(default_factory=dict)
    by_sku: defaultdict[str, list[StockItem]] = field(default_factory=lambda: defaultdict(list))
    keys_at: defaultdict[str, set[Key]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def stocked(cls, policy: Policy, site: Site, near: dict, error_rate: float) -> Floor:
        floor = cls(policy, near, error_rate)
        for loaded in site.stock:
            item = replace(loaded)  # each floor changes its own copy
            floor.system[key_of(item)] = floor.by_id[stored_id(item)] = item
            floor.shelf[key_of(item)] = floor.refill_to[key_of(item)] = item.on_hand
            floor.by_sku[item.sku].append(item)
            floor.keys_at[item.location].add(key_of(item))
        return floor

    # --- picking -------------------------------------------------------------------------

    def pick(self, sku: str, quantity: int, today: date, draws: Draws) -> set[tuple[str, str]]:
        """Pick one order line; the shorts reported, as (location, reason)."""
        shorts: set[tuple[str, str]] = set()
        missing, first_found = quantity, None
        while missing > 0:
            ranked = stock_choice.ranked(self.by_sku.get(sku, []), today)
            takes, _ = stock_choice.take(ranked, missing)
            if not takes:
                break
            for take in takes:
                item = self.by_id[take.stock_id]
                found = min(self.shelf[key_of(item)], take.quantity)
                item.on_hand -= found
                self.shelf[key_of(item)] -= found
                missing -= found
                if found and first_found is None:
                    first_found = item
                if found < take.quantity:
                    shorts.add((self._short(item), ShortReason.EMPTY))
        self.stats["lines waiting"] += missing > 0
        if first_found is not None:
            self._inject(first_found, draws)
        return shorts

    def _short(self, item: StockItem) -> str:
        """As the short pick applier does for an empty shelf: what the system still has of the
        product at that location is held until the location is counted."""
        self.stats["short picks"] += 1
        for key in self.keys_at[item.location]:
            row = self.system.get(key)
            if row is not None and row.sku == item.sku:
                row.held = max(row.on_hand - row.reserved, 0)
        return item.location

    def _inject(self, item: StockItem, draws: Draws) -> None:
        here, rate = key_of(item), self.error_rate
        if draws.kind < rate / 2:  # mis-pick: a neighbour's unit went instead of one of these
            others = sorted(
                k for loc in self.near[item.location] for k in self.keys_at[loc]
                if self.shelf[k] > 0 and k[1] != item.sku
            )  # fmt: skip
            if others:
                self.shelf[here] += 1
                self.shelf[others[int(draws.choice * len(others))]] -= 1
        elif draws.kind < rate * 3 / 4 and self.shelf[here] > 0:  # damaged, thrown away
            self.shelf[here] -= 1
        elif draws.kind < rate and self.near[item.location]:  # moved, nobody told the system
            to = self.near[item.location][int(draws.choice * len(self.near[item.location]))]
            moved = min(1 + int(draws.size * 6), self.shelf[here])
            self.shelf[here] -= moved
            self.shelf[(to, item.sku, item.lot)] += moved
            self.keys_at[to].add((to, item.sku, item.lot))

    # --- counting and replenishment ------------------------------------------------------

    def count(self, location: str, today: date) -> None:
        """Set the system to the shelf for everything either has at the location."""
        self.stats["locations counted"] += 1
        self.last_counted[location] = today
        for key in sorted(self.keys_at[location]):
            item = self.system.get(key)
            expected = item.on_hand if item else 0
            if not DEFAULT_TOLERANCE.allows(expected, self.shelf[key]):  # the real rule
                self.stats["recounts"] += 1
            if item is None and self.shelf[key] > 0:
                item = self._new_row(key)
            if item is not None:
                item.on_hand, item.held = self.shelf[key], 0

    def _new_row(self, key: Key) -> StockItem:
        """Stock found where the system had none of it: the count records it there."""
        like = next(i for i in self.by_sku[key[1]] if i.lot == key[2])
        item = StockItem(*key[:2], 0, lot=key[2], expiry=like.expiry, id=max(self.by_id) + 1)
        self.system[key] = self.by_id[stored_id(item)] = item
        self.by_sku[key[1]].append(item)
        return item

    def refill(self) -> None:
        for key, full in self.refill_to.items():
            item = self.system[key]
            if item.on_hand * REFILL_BELOW[1] <= full * REFILL_BELOW[0]:
                self.shelf[key] += full - item.on_hand
                item.on_hand = full

    def holdings(self) -> dict[str, list[str]]:
        """What the system has per location: what a count scheduler can see."""
        held: dict[str, list[str]] = defaultdict(list)
        for (location, sku, _lot), item in self.system.items():
            if item.on_hand > 0:
                held[location].append(sku)
        return held

    def accuracy(self) -> tuple[int, int]:
        """(rows where system = shelf, rows) over the rows either figure is not zero in."""
        rows = [k for k in set(self.system) | set(self.shelf) if self._system(k) or self.shelf[k]]
        return sum(self._system(k) == self.shelf[k] for k in rows), len(rows)

    def _system(self, key: Key) -> int:
        item = self.system.get(key)
        return item.on_hand if item else 0


def run_day(floor: Floor, lines: list[tuple[Line, Draws]], today: date, classes) -> None:
    """A shift of picks, then its counts, then the night's replenishment."""
    shorts: set[tuple[str, str]] = set()
    for (sku, quantity), draws in lines:
        shorts |= floor.pick(sku, quantity, today, draws)
    to_count: set[str] = set()
    if floor.policy.short_counts:
        to_count |= {location for location, reason in shorts if count_after_short(reason)}
    if floor.policy.cycle_counts:
        planned = due_locations(today, floor.holdings(), classes, last_counted=floor.last_counted)
        to_count |= set(planned)
    for location in sorted(to_count):
        floor.count(location, today)
    floor.refill()


def day_lines(site: Site, seed: int, day_no: int, orders: int) -> list[tuple[Line, Draws]]:
    rng = random.Random(f"{seed}-{day_no}")
    picked = rng.choices(site.orders, k=orders)
    return [
        (line, Draws(rng.random(), rng.random(), rng.random()))
        for order in picked
        for line in order
    ]


def history(site: Site, args: argparse.Namespace) -> list[tuple[str, date]]:
    """The pick lines of the plan's window before the month (90 days of the same profile, on
    their own seed): what the ABC classes are made from, as a site's last 90 days would be."""
    picks = []
    for back in range(1, DEFAULT_PLAN.window_days + 1):
        rng = random.Random(f"{args.seed}-history-{back}")
        for order in rng.choices(site.orders, k=args.orders_per_day):
            picks += [(sku, START - timedelta(days=back)) for sku, _ in order]
    return picks


def simulate(site: Site, args: argparse.Namespace) -> list[Floor]:
    near = neighbours(site.layout)
    floors = [Floor.stocked(policy, site, near, args.error_rate) for policy in POLICIES]
    classes = classify(pick_frequency(history(site, args), START))
    for day_no in range(args.days):
        lines = day_lines(site, args.seed, day_no, args.orders_per_day)
        for floor in floors:
            run_day(floor, lines, START + timedelta(days=day_no), classes)
    return floors


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--error-rate", type=float, default=0.01, help="share of pick lines")
    parser.add_argument("--orders-per-day", type=int, default=320, help="the demo's day: 320")
    args = parser.parse_args(argv)
    site = load_site()
    floors = simulate(site, args)
    print(
        f"{args.days} days, {args.orders_per_day} orders a day, error rate {args.error_rate:.2%} "
        f"of pick lines, seed {args.seed}; {len(site.stock)} stock rows at the start\n"
    )
    print(f"{'policy':<33} {'counted':>8} {'recounts':>9} {'short picks':>12} "
          f"{'lines waiting':>14} {'rows':>6} {'accuracy %':>11}")  # fmt: skip
    for floor in floors:
        right, rows = floor.accuracy()
        s = floor.stats
        print(f"{floor.policy.name:<33} {s['locations counted']:>8} {s['recounts']:>9} "
              f"{s['short picks']:>12} {s['lines waiting']:>14} {rows:>6} "
              f"{_pct(right, rows):>11.1f}")  # fmt: skip
    none, cycle, _shorts_only = floors
    shorts_none, shorts_cycle = none.stats["short picks"], cycle.stats["short picks"]
    avoided = 100.0 * (shorts_none - shorts_cycle) / shorts_none if shorts_none else 0.0
    print()
    print(f"RESULT inventory_accuracy_pct_with_counts {_pct(*cycle.accuracy()):.1f} %")
    print(f"RESULT inventory_accuracy_pct_without_counts {_pct(*none.accuracy()):.1f} %")
    print(f"RESULT short_picks_avoided_pct {avoided:.1f} %")


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


if __name__ == "__main__":
    main()
