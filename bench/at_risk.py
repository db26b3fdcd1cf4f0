"""Orders at risk, measured on a replayed day: how many of the orders that ended up late were
flagged at least 30 minutes before their ship-by (recall), and how many flags were false.

A day on a simulated floor (seeded, so every run is the same day): orders arrive from 07:00 to
17:00 with a late-morning burst, each with its carrier (daily cut-offs as in the demo site) and
a ship-by on one of the carrier's collections (same day when in before 13:00, express before
14:00); five pickers pick one order at a time
(time per line and per order drawn around a mean, everyone stops for lunch 12:00–12:30), two
packers pack in the order the floor works; a packed order ships at its carrier's next cut-off.
Every 5 minutes the prediction of app/domain/at_risk.py runs on the floor as it stands, with
the floor's pace measured from the last hour's work (who did what when), as on a real site. The floor works in
the order the prediction assumes (earliest ship-by first), so the figures are for a floor that
follows its plan; picker speeds, breaks and later arrivals are what it cannot know.

Baseline, side by side: "flag an order not yet packed whose ship-by is less than an hour away".

    python bench/at_risk.py [--seed 7] [--days 5]   (5 days at each of three loads)
"""

from __future__ import annotations

import argparse
import heapq
import random
import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.at_risk import OpenOrder, Work, at_risk, next_collection, pace_of, work_order  # noqa: E402

CUTOFFS = {"SF": ("16:30",), "DHL": ("17:00",), "UPS": ("15:30", "17:30")}
PICKERS, PACKERS = 5, 2
LINE_S, ORDER_S, PACK_S = 55.0, 45.0, 95.0  # means; each draw is ±25 % around them
STEP = timedelta(minutes=5)
WARNING = timedelta(minutes=30)


@dataclass
class SimOrder:
    ref: int
    arrives: datetime
    ship_by: datetime
    carrier: str
    lines: int
    status: str = "allocated"
    lines_left: int = 0
    packed_at: datetime | None = None
    ships_at: datetime | None = None
    flagged_at: dict[str, datetime] = field(default_factory=dict)

    def view(self) -> OpenOrder:
        return OpenOrder(
            self.ref, "web", str(self.ref), self.status, 0, self.ship_by, self.carrier,
            self.lines_left,
        )  # fmt: skip


def make_orders(rng: random.Random, day: datetime, burst_s: float) -> list[SimOrder]:
    """One order every 50 s on average, every `burst_s` from 11:00 to 13:00."""
    orders, t, ref = [], day.replace(hour=7), 0
    while t < day.replace(hour=17):
        busy = 11 <= t.hour < 13
        t += timedelta(seconds=rng.expovariate(1 / (burst_s if busy else 50)))
        carrier = rng.choice(tuple(CUTOFFS))
        ship_by = _promise(day, t, carrier, express=rng.random() < 0.2)
        ref += 1
        lines = rng.randint(1, 5)
        orders.append(SimOrder(ref, t, ship_by, carrier, lines, lines_left=lines))
    return orders


def _promise(day: datetime, arrived: datetime, carrier: str, express: bool) -> datetime:
    """Same-day shipping for orders in before 13:00 (express: before 14:00, on the carrier's
    first collection when in before 11:00), else the next day's last collection."""
    first, last = min(CUTOFFS[carrier]), max(CUTOFFS[carrier])
    if express and arrived.hour < 11:
        when, days = first, 0
    elif arrived.hour < (14 if express else 13):
        when, days = last, 0
    else:
        when, days = last, 1
    return day.replace(hour=int(when[:2]), minute=int(when[3:])) + timedelta(days=days)


def spread(rng: random.Random, mean_s: float) -> timedelta:
    return timedelta(seconds=mean_s * rng.uniform(0.75, 1.25))


def on_break(moment: datetime) -> bool:
    """Lunch 12:00–12:30, and no shift from 23:00 to 07:00."""
    return (moment.hour == 12 and moment.minute < 30) or not 7 <= moment.hour < 23


def simulate(orders: list[SimOrder], rng: random.Random, day: datetime) -> None:
    """Minute by minute: pickers and packers take the next order in the floor's work order;
    every STEP both predictors look at the floor and flag."""
    events: list[Work] = []  # lines picked and orders packed: the pace's source, as on a site
    pickers: list[datetime] = [day.replace(hour=7)] * PICKERS  # free from
    packers: list[datetime] = [day.replace(hour=7)] * PACKERS
    busy: list[tuple[datetime, int, str, SimOrder]] = []  # (done at, tie, what, order)
    # The day's orders, worked until the next day's shift has packed the last of them.
    now, end, seq = day.replace(hour=7), day.replace(hour=23) + timedelta(days=1), 0
    while now <= end:
        while busy and busy[0][0] <= now:
            _done, _, what, order = heapq.heappop(busy)
            order.status = "picked" if what == "pick" else "packed"
        arrived = [o for o in orders if o.arrives <= now]
        seq = _start_work(arrived, pickers, packers, busy, events, rng, now, seq)
        for order in arrived:
            if order.status == "packed" and order.ships_at is None:
                order.ships_at = next_collection(CUTOFFS[order.carrier], order.packed_at or now)
        if (now - day.replace(hour=7)) % STEP == timedelta(0):
            _flag(arrived, events, now)
        now += timedelta(minutes=1)


def _start_work(arrived, pickers, packers, busy, events, rng, now, seq) -> int:
    if not on_break(now):
        waiting = sorted((o for o in arrived if o.status == "allocated"), key=_key)
        for n, free in enumerate(pickers):
            if free <= now and waiting:
                order = waiting.pop(0)
                order.status, took = "picking", spread(rng, ORDER_S)
                for _ in range(order.lines):
                    took += spread(rng, LINE_S)
                    events.append(Work("pick", f"picker {n}", now + took))
                order.lines_left = 0  # counted as picked when the pace sees them
                pickers[n] = now + took
                seq += 1
                heapq.heappush(busy, (now + took, seq, "pick", order))
    if not 7 <= now.hour < 23:  # packers keep packing over lunch, not after the shift
        return seq
    ready = sorted((o for o in arrived if o.status == "picked"), key=_key)
    for n, free in enumerate(packers):
        if free <= now and ready:
            order = ready.pop(0)
            order.status, took = "packing", spread(rng, PACK_S)
            order.packed_at = packers[n] = now + took
            events.append(Work("pack", f"packer {n}", now + took))
            seq += 1
            heapq.heappush(busy, (now + took, seq, "pack", order))
    return seq


def _key(order: SimOrder) -> tuple:
    return work_order(order.view())


def _flag(arrived: list[SimOrder], events, now: datetime) -> None:
    hour_ago = now - timedelta(hours=1)
    pace = pace_of([w for w in events if hour_ago < w.at <= now], now)
    open_ = [o for o in arrived if o.status != "packed"]
    views = []
    for o in open_:
        status = {"packing": "picked"}.get(o.status, o.status)
        left = o.lines if o.status == "allocated" else 0
        views.append(OpenOrder(o.ref, "web", str(o.ref), status, 0, o.ship_by, o.carrier, left))
    by_ref = {o.ref: o for o in open_}
    for p in at_risk(views, pace, lambda c: CUTOFFS[c], now):
        by_ref[p.order.ref].flagged_at.setdefault("prediction", now)
    for o in open_:
        if now < o.ship_by <= now + timedelta(hours=1):
            o.flagged_at.setdefault("baseline", now)


def score(orders: list[SimOrder], who: str) -> tuple[int, int, int, int, list[float]]:
    """(late, late flagged ≥ 30 min ahead, flagged, flagged that ended late, the minutes of
    warning each late order had)"""
    late = [o for o in orders if o.ships_at is None or o.ships_at > o.ship_by]
    early = [o for o in late if who in o.flagged_at and o.flagged_at[who] <= o.ship_by - WARNING]
    flagged = [o for o in orders if who in o.flagged_at]
    true = [o for o in flagged if o.ships_at is None or o.ships_at > o.ship_by]
    warned = [(o.ship_by - o.flagged_at[who]).total_seconds() / 60 for o in early]
    return len(late), len(early), len(flagged), len(true), warned


# The late-morning burst: one order every N seconds (the rest of the day: every 50 s).
LOADS = {"light": 20, "busy": 15, "overloaded": 12}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--days", type=int, default=5)
    args = parser.parse_args()
    totals: dict = {"prediction": [0, 0, 0, 0, []], "baseline": [0, 0, 0, 0, []]}
    print(f"{'load':<11} {'orders':>7} {'late':>5}  {'who':<11} {'flagged':>8} {'recall %':>9} "
          f"{'precision %':>12} {'median warning min':>19}")  # fmt: skip
    for load, burst_s in LOADS.items():
        counts: dict = {who: [0, 0, 0, 0, []] for who in totals}
        orders_n = 0
        for day_no in range(args.days):
            rng = random.Random(args.seed * 1000 + day_no)
            day = datetime(2026, 12, 1 + day_no).astimezone().replace(hour=0, minute=0)
            orders = make_orders(rng, day, burst_s)
            simulate(orders, rng, day)
            orders_n += len(orders)
            for who in totals:
                for i, value in enumerate(score(orders, who)):
                    counts[who][i] += value
                    totals[who][i] += value
        for who, (late, early, flagged, true, warned) in counts.items():
            print(f"{load:<11} {orders_n:>7} {late:>5}  {who:<11} {flagged:>8} "
                  f"{_pct(early, late):>9.1f} {_pct(true, flagged):>12.1f} "
                  f"{_median(warned):>19.0f}")  # fmt: skip
    for who, (late, early, flagged, true, warned) in totals.items():
        print(f"{'all':<11} {'':>7} {late:>5}  {who:<11} {flagged:>8} "
              f"{_pct(early, late):>9.1f} {_pct(true, flagged):>12.1f} "
              f"{_median(warned):>19.0f}")  # fmt: skip
    late, early, flagged, true, _warned = totals["prediction"]
    print(f"RESULT at_risk_recall_pct {_pct(early, late):.1f} %")
    print(f"RESULT at_risk_precision_pct {_pct(true, flagged):.1f} %")


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


if __name__ == "__main__":
    main()
