"""What the shift lead sees of returns (docs/returns.md, "The lead's returns view"): open RMAs,
received returns, quarantine stock to decide, and the returns KPIs. Pure: the read side
(db/returns_reports.py) fills these; the KPIs are computed here from plain rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

UNANNOUNCED = "unannounced"  # the reason of a return that came without an RMA
NO_REASON = "no_reason"  # an RMA that gave none


@dataclass(frozen=True)
class OpenRma:
    """An RMA imported from the shop or ERP whose parcel has not arrived yet."""

    rma: str
    channel: str
    order_id: str
    reason: str
    units: int  # units announced back
    imported_at: datetime


@dataclass(frozen=True)
class ReturnLineView:
    sku: str
    quantity: int
    condition: str
    location: str
    lot: str = ""
    serial: str = ""
    flag: str = ""


@dataclass(frozen=True)
class ReceivedReturn:
    """One parcel received at the returns station."""

    return_id: str
    channel: str
    order_id: str
    rma: str
    status: str  # open (being received) / closed
    arrived_at: datetime
    received_by: str
    lines: tuple[ReturnLineView, ...] = ()

    @property
    def flagged(self) -> bool:
        return any(line.flag for line in self.lines)


@dataclass(frozen=True)
class QuarantineItem:
    """Units in quarantine: not stock until a lead decides."""

    id: int
    sku: str
    name: str
    lot: str
    expiry: date | None
    serial: str
    quantity: int
    reason: str  # damaged / wrong_item / expired
    entered_at: datetime
    channel: str = ""  # the order it came back from ("" unknown)
    order_id: str = ""


@dataclass(frozen=True)
class ReturnsDesk:
    rmas: tuple[OpenRma, ...]
    returns: tuple[ReceivedReturn, ...]
    quarantine: tuple[QuarantineItem, ...]


# ---- KPIs -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReturnedUnits:
    """Units of an order's own that came back in the period, with why."""

    sku: str
    quantity: int
    reason: str  # the RMA's reason, or UNANNOUNCED
    condition: str


@dataclass(frozen=True)
class Decision:
    """When a returned unit group arrived and when its fate was decided (None: not yet)."""

    arrived_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class Rate:
    key: str  # a SKU, a reason or a condition
    returned: int
    shipped: int

    @property
    def pct(self) -> float | None:
        return None if self.shipped == 0 else 100.0 * self.returned / self.shipped


@dataclass(frozen=True)
class ReturnsKpis:
    by_product: tuple[Rate, ...]  # worst first
    by_reason: tuple[Rate, ...]
    by_condition: tuple[Rate, ...]
    shipped: int
    returned: int
    decided: int  # unit groups decided
    undecided: int  # still in quarantine
    decision_median_h: float | None
    decision_p90_h: float | None

    @property
    def rate_pct(self) -> float | None:
        return None if self.shipped == 0 else 100.0 * self.returned / self.shipped


def returns_kpis(
    shipped_by_sku: dict[str, int],
    returned: Iterable[ReturnedUnits],
    decisions: Iterable[Decision],
) -> ReturnsKpis:
    """Return rates per product (returned ÷ shipped of that product), per reason and per
    condition (÷ every unit shipped), and the hours from arrival to decision."""
    returned, decisions = list(returned), list(decisions)
    shipped = sum(shipped_by_sku.values())
    per_sku = _sum_by(returned, lambda r: r.sku)
    skus = set(per_sku) | {s for s, n in shipped_by_sku.items() if n}
    by_product = [Rate(s, per_sku.get(s, 0), shipped_by_sku.get(s, 0)) for s in skus]
    by_product.sort(key=lambda r: (-(r.pct or 0.0), -r.returned, r.key))
    reasons = _sum_by(returned, lambda r: r.reason or UNANNOUNCED)
    conditions = _sum_by(returned, lambda r: r.condition)
    hours = sorted(_hours(d) for d in decisions if d.decided_at is not None)
    return ReturnsKpis(
        by_product=tuple(by_product),
        by_reason=_rates(reasons, shipped),
        by_condition=_rates(conditions, shipped),
        shipped=shipped,
        returned=sum(r.quantity for r in returned),
        decided=len(hours),
        undecided=sum(1 for d in decisions if d.decided_at is None),
        decision_median_h=percentile(hours, 50),
        decision_p90_h=percentile(hours, 90),
    )


def _sum_by(rows: list[ReturnedUnits], key) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        out[key(row)] = out.get(key(row), 0) + row.quantity
    return out


def _rates(counts: dict[str, int], shipped: int) -> tuple[Rate, ...]:
    rates = [Rate(k, n, shipped) for k, n in counts.items()]
    return tuple(sorted(rates, key=lambda r: (-r.returned, r.key)))


def _hours(decision: Decision) -> float:
    assert decision.decided_at is not None
    return max((decision.decided_at - decision.arrived_at).total_seconds(), 0.0) / 3600.0


def percentile(sorted_values: list[float], pct: float) -> float | None:
    """The nearest-rank percentile of already sorted values (None for none)."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * pct // 100))  # ceil without floats going astray
    return sorted_values[int(rank) - 1]
