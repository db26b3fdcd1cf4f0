"""Which open orders will miss their ship-by, told before they do. Pure: no I/O, no clock.

The floor is read as two queues in a row, worked in the order waves are planned (earliest
ship-by first, then higher priority; what is already on a cart before what is not):

- picking: every open order's lines still to pick, at the floor's pick rate (lines per hour,
  all pickers together);
- packing: one order at a time at the floor's pack rate (orders per hour), never before the
  order's last line is picked.

The floor's rate is measured from the last hour's work (`pace_of`): each person's own rate
while working — the time between one piece of work and their next, gaps longer than BREAK left
out, so a lunch break does not read as a slow floor — summed over the people working now (work
in the last BREAK).

An order ships at its carrier's first collection (a daily cut-off, the site's local time) at
or after it is packed; with no cut-offs known it ships when packed. An order whose predicted
shipping time is after its ship-by is *at risk*. The prediction is as good as the pace of the
last hour: a floor with no picking or packing in the last hour gives no prediction at all
(nothing is flagged rather than everything). docs/lead.md, "Orders at risk".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

ON_A_CART = ("released", "picking")  # its lines are on a released pick list
TO_PACK = ("allocated", "released", "picking", "picked")
OPEN = (*TO_PACK, "packed")


@dataclass(frozen=True)
class OpenOrder:
    ref: int
    channel: str
    order_id: str
    status: str
    priority: int
    ship_by: datetime
    carrier: str
    lines_to_pick: int


@dataclass(frozen=True)
class FloorPace:
    """The whole floor's rates over the last hour (0: nobody did that work)."""

    pick_lines_per_hour: float
    packs_per_hour: float

    @property
    def known(self) -> bool:
        return self.pick_lines_per_hour > 0 and self.packs_per_hour > 0


BREAK = timedelta(minutes=10)  # a longer gap between two pieces of work is a pause, not work
# The benefit of the doubt: an order predicted to make its collection only by missing it by
# less than this is not flagged (a prediction is not that precise; bench/at_risk.py).
MARGIN = timedelta(minutes=5)


@dataclass(frozen=True)
class Work:
    """One piece of work done: a line picked ("pick") or an order packed ("pack")."""

    kind: str
    user: str
    at: datetime


def pace_of(work: list[Work], now: datetime) -> FloorPace:
    """The floor's rates now, from the work of the last hour (see the module's docstring)."""
    return FloorPace(_rate(work, "pick", now), _rate(work, "pack", now))


def _rate(work: list[Work], kind: str, now: datetime) -> float:
    times: dict[str, list[datetime]] = {}
    for piece in work:
        if piece.kind == kind:
            times.setdefault(piece.user, []).append(piece.at)
    total = 0.0
    for moments in times.values():
        moments.sort()
        if now - moments[-1] > BREAK:
            continue  # not working now
        gaps = [b - a for a, b in zip(moments, moments[1:], strict=False) if b - a <= BREAK]
        busy = sum(gaps, timedelta()).total_seconds()
        if gaps and busy > 0:
            total += len(gaps) / busy * 3600
    return total


@dataclass(frozen=True)
class Prediction:
    order: OpenOrder
    packed_at: datetime
    ships_at: datetime
    ships_at_best: datetime  # were it packed MARGIN sooner

    @property
    def at_risk(self) -> bool:
        return self.ships_at_best > self.order.ship_by


def work_order(order: OpenOrder) -> tuple:
    """The order the floor takes orders in: on a cart first, then by ship-by and priority."""
    return (order.status not in ON_A_CART, order.ship_by, -order.priority, order.ref)


def predict(
    orders: list[OpenOrder],
    pace: FloorPace,
    cutoffs: Callable[[str], tuple[str, ...]],
    now: datetime,
) -> list[Prediction]:
    """When each open order will be packed and shipped; [] when the pace is not known."""
    if not pace.known:
        return []
    predictions, picked_lines, packer_free = [], 0, now
    pack_time = timedelta(hours=1 / pace.packs_per_hour)
    for order in sorted((o for o in orders if o.status in OPEN), key=work_order):
        if order.status == "packed":
            packed_at = now
        else:
            picked_lines += order.lines_to_pick
            picked_at = now + timedelta(hours=picked_lines / pace.pick_lines_per_hour)
            packer_free = max(packer_free, picked_at) + pack_time
            packed_at = packer_free
        collections = cutoffs(order.carrier)
        best = next_collection(collections, max(packed_at - MARGIN, now))
        predictions.append(
            Prediction(order, packed_at, next_collection(collections, packed_at), best)
        )
    return predictions


def at_risk(
    orders: list[OpenOrder],
    pace: FloorPace,
    cutoffs: Callable[[str], tuple[str, ...]],
    now: datetime,
) -> list[Prediction]:
    """The orders predicted to ship after their ship-by, and not late yet (those are the lead's
    "late" items already), soonest deadline first."""
    found = [p for p in predict(orders, pace, cutoffs, now) if p.at_risk and p.order.ship_by > now]
    return sorted(found, key=lambda p: (p.order.ship_by, p.order.ref))


def next_collection(cutoffs: tuple[str, ...], ready: datetime) -> datetime:
    """The first of the daily cut-offs ("HH:MM", site local time) at or after `ready`; `ready`
    itself when the carrier has none."""
    if not cutoffs:
        return ready
    local = ready.astimezone()
    for day in (0, 1):
        base = local + timedelta(days=day)
        for cutoff in sorted(cutoffs):
            moment = base.replace(hour=int(cutoff[:2]), minute=int(cutoff[3:]), second=0)
            moment = moment.replace(microsecond=0)
            if moment >= local:
                return moment
    return ready  # not reached: tomorrow's first cut-off is always later
