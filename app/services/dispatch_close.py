"""End of a carrier's day: a lead closes its collection (`shipshape dispatch close`, or the lead
console's Dispatch tab).

In one transaction: every loaded, not yet closed carton of that carrier goes on a manifest; each
order whose cartons are now all loaded moves to `shipped` with an `order.shipped` event (who,
station, load unit, carrier, manifest); cartons packed for that carrier but on no unit are left
behind, one lead exception each; the carrier's units are free again. The manifest's PDF is
written by the caller afterwards (printing/manifest.py): a printer never holds a transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.domain.dispatch import (
    LeftBehind,
    Manifest,
    ManifestParcel,
    collection_cutoff,
    manifest_code,
    manifest_from_document,
    same_carrier,
    serves,
)
from app.domain.events import Actor, Event, utcnow
from app.domain.orders import OrderStatus
from app.domain.site import SiteSettings
from app.domain.users import User
from app.errors import BadInput, NotFound
from app.messages import message
from app.services import site as site_settings
from app.services.ports import UnitOfWork
from app.services.users import require_lead

SHIPPED_STATUSES = ("loaded", "shipped")


def close_carrier(
    uow: UnitOfWork,
    lead: User,
    carrier: str,
    station: str,
    site: SiteSettings | None = None,
    now: Callable[[], datetime] = utcnow,
) -> Manifest:
    """Close `carrier`'s collection; BadInput (exit 2) when nothing is loaded for it."""
    require_lead(lead)
    carrier = " ".join(carrier.split())
    if not carrier:
        raise BadInput(message("dispatch.no_carrier"))
    actor, at = Actor(lead.name, station), now()
    with uow:
        site = site_settings.stored_site(uow) if site is None else site
        mine = [p for p, bound in uow.dispatch.loaded_open() if same_carrier(bound, carrier, site)]
        if not mine:
            raise _nothing_to_close(uow, carrier, at, site)
        code = manifest_code(carrier, at, uow.dispatch.manifest_count() + 1)
        shipped = _ship_orders(uow, mine, actor, carrier, code, at)
        left = _left_behind(uow, carrier, site, at)
        manifest = Manifest(
            code, carrier, at, lead.name, station, tuple(mine), shipped, tuple(left)
        )
        uow.dispatch.add_manifest(manifest)
        _leave_behind(uow, left, carrier, code)
        uow.dispatch.free_units(sorted({p.unit for p in mine}))
        closed = {
            "carrier": carrier,
            "manifest_id": code,
            "parcels": len(mine),
            "orders_shipped": shipped,
            "left_behind": len(left),
        }
        uow.events.add_all([Event("dispatch.closed", closed, actor, None, at)])
        uow.commit()
    return manifest


def _ship_orders(
    uow: UnitOfWork, mine: list[ManifestParcel], actor: Actor, carrier: str, code: str, at
) -> int:
    """Orders whose every carton is on a unit (this close's or an earlier one's) ship now."""
    units: dict[int, list[str]] = {}
    for parcel in mine:
        units.setdefault(parcel.order_ref, []).append(parcel.unit)
    statuses = uow.dispatch.carton_statuses(list(units))
    complete = [ref for ref in units if all(s in SHIPPED_STATUSES for s in statuses[ref])]
    events, shipped = [], []
    for order in uow.orders.by_refs(complete):
        if order.status is not OrderStatus.PACKED:
            continue  # held or cancelled after loading: the lead's queue has it already
        order.move_to(OrderStatus.SHIPPED)  # `reason` is for holds and exceptions
        shipped.append(order)
        about = {
            "carrier": carrier,
            "load_unit": ", ".join(sorted(set(units[order.id or 0]))),
            "manifest_id": code,
            "by": actor.user,
            "station": actor.station,
        }
        events += [Event(k, p | about, actor, order.id, at) for k, p in order.events]
    uow.orders.save_statuses(shipped)  # one statement for a trailer of 2,000 orders
    uow.events.add_all(events)
    return len(shipped)


def _left_behind(
    uow: UnitOfWork, carrier: str, site: SiteSettings | None, at: datetime
) -> list[LeftBehind]:
    """Cartons packed for this carrier before its cut-off and on no unit: they missed the
    collection. One packed after the cut-off waits for the next collection, not a problem."""
    known = site.carrier(carrier) if site is not None else None
    cutoff = collection_cutoff(known.cutoffs, at) if known is not None else at
    return [
        x
        for x, order_carrier in uow.dispatch.packed_not_loaded()
        if serves(carrier, order_carrier, site) and (x.packed_at is None or x.packed_at <= cutoff)
    ]


def _leave_behind(uow: UnitOfWork, left: list[LeftBehind], carrier: str, code: str) -> None:
    for x in left:
        details = {"carrier": carrier, "carton": x.carton, "sscc": x.sscc, "manifest_id": code}
        uow.packing.add_exception("left_behind", x.order_ref, details)


def _nothing_to_close(uow: UnitOfWork, carrier: str, at: datetime, site) -> BadInput:
    since = at.astimezone(UTC) - timedelta(hours=24)
    earlier = [m for m in uow.dispatch.manifests_since(since) if same_carrier(m[1], carrier, site)]
    if earlier:
        code, _, closed_at = earlier[-1]
        when = f"{closed_at:%H:%M}"
        return BadInput(
            message("dispatch.closed_already", carrier=carrier, time=when, manifest=code)
        )
    return BadInput(message("dispatch.nothing_loaded", carrier=carrier))


def stored_manifest(uow: UnitOfWork, code: str) -> Manifest:
    """A closed manifest again, for a reprint of its PDF, CSV or JSON."""
    with uow:
        document = uow.dispatch.manifest_document(code)
    if document is None:
        raise NotFound(message("dispatch.manifest_unknown", manifest=code))
    return manifest_from_document(document)


@dataclass(frozen=True)
class DockRow:
    """One carrier at the dock, for the lead's Dispatch tab."""

    carrier: str
    units: tuple[str, ...]
    loaded: int
    waiting: int  # cartons packed for it and on no unit yet


def dock_board(uow: UnitOfWork, lead: User) -> list[DockRow]:
    """What each carrier has on its units now, and what still waits to be loaded."""
    require_lead(lead)
    with uow:
        loaded = uow.dispatch.loaded_open()
        waiting = uow.dispatch.packed_not_loaded()
    rows: dict[str, dict] = {}
    for parcel, carrier in loaded:
        row = rows.setdefault(_key(carrier), {"carrier": carrier, "units": set(), "n": 0, "w": 0})
        row["units"].add(parcel.unit)
        row["n"] += 1
    for _left, carrier in waiting:
        row = rows.setdefault(_key(carrier), {"carrier": carrier, "units": set(), "n": 0, "w": 0})
        row["w"] += 1
    return [
        DockRow(r["carrier"], tuple(sorted(r["units"])), r["n"], r["w"])
        for _, r in sorted(rows.items())
    ]


def _key(carrier: str) -> str:
    return " ".join(carrier.split()).casefold()
