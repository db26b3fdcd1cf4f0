"""Use cases: orders that will miss their ship-by, told before they do (app/domain/at_risk.py).

`orders_at_risk` only reads (the lead's queue shows them first); `tell_at_risk` records one
`order.at_risk` event per order the first time it is predicted late — the event other systems
are told through (docs/lead.md, "Orders at risk"). Both run on a database worker thread, the
lead console's poll or `shipshape at-risk`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain.at_risk import Prediction, at_risk, pace_of
from app.domain.events import Actor, Event
from app.domain.site import SiteSettings
from app.services import site as site_settings
from app.services.ports import UnitOfWork

PACE_WINDOW = timedelta(hours=1)


def orders_at_risk(uow: UnitOfWork, now: datetime) -> list[Prediction]:
    with uow:
        return predicted(uow, now)


def tell_at_risk(uow: UnitOfWork, actor: Actor, now: datetime) -> list[Prediction]:
    """Record `order.at_risk` for each order newly predicted late; returns those."""
    with uow:
        found = predicted(uow, now)
        told = uow.lead.risk.flagged([p.order.ref for p in found])
        new = [p for p in found if p.order.ref not in told]
        uow.events.add_all(
            [Event("order.at_risk", _payload(p), actor, p.order.ref, now) for p in new]
        )
        uow.commit()
    return new


def predicted(uow: UnitOfWork, now: datetime) -> list[Prediction]:
    """Call inside `with uow:`."""
    pace = pace_of(uow.lead.risk.work_since(now - PACE_WINDOW), now)
    site = site_settings.stored_site(uow)
    return at_risk(uow.lead.risk.open_orders(), pace, _cutoffs(site), now)


def _cutoffs(site: SiteSettings | None):
    def of(carrier: str) -> tuple[str, ...]:
        found = site.carrier(carrier) if site is not None else None
        return found.cutoffs if found is not None else ()

    return of


def _payload(prediction: Prediction) -> dict:
    return {
        "ship_by": prediction.order.ship_by.isoformat(),
        "predicted_ship": prediction.ships_at.isoformat(),
        "predicted_packed": prediction.packed_at.isoformat(),
        "carrier": prediction.order.carrier,
    }
