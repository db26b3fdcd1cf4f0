"""Loading against the central database: `CentralDispatchBackend` (the loader screen's direct
`DispatchBackend`) and `load_codes`, the same steps run for `shipshape dispatch load`.

Everything here runs on a database worker thread (the station's) or in a CLI command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.dispatch import ParcelView
from app.domain.events import Actor, Event
from app.domain.site import SiteSettings
from app.domain.users import Role, User
from app.errors import NotAllowed, NotFound
from app.messages import message
from app.scanning.interpret import interpret
from app.services import site as site_settings
from app.services import users
from app.services.facts import apply_facts
from app.services.ports import UnitOfWork
from app.steps import dispatch
from app.steps.dispatch_state import LoadState, Verdict

LOADING_ROLES = (Role.LOADER, Role.LEAD)


class CentralDispatchBackend:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], station: str) -> None:
        self.uow_factory = uow_factory
        self.station = station

    def unit_carrier(self, unit: str) -> str | None:
        with self.uow_factory() as uow:
            return uow.dispatch.unit_carrier(unit)

    def parcel(self, code: str) -> ParcelView | None:
        with self.uow_factory() as uow:
            return pick_carton(uow.dispatch.parcels(code))

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)

    def site(self) -> SiteSettings | None:
        return site_settings.current_site(self.uow_factory())


def pick_carton(found: list[ParcelView]) -> ParcelView | None:
    """A tracking number names every carton of its order: the first not on a unit yet (so
    scanning it again loads the next), else the first."""
    if not found:
        return None
    return next((p for p in found if p.status == "packed"), found[0])


def require_loader(user: User) -> None:
    """Loaders load; a shift lead may too."""
    if user.role not in LOADING_ROLES or not user.active:
        raise NotAllowed(message("dispatch.not_a_loader", name=user.name, role=user.role.value))


@dataclass(frozen=True)
class LoadResult:
    code: str
    verdict: Verdict

    def record(self) -> dict:
        """The CLI's JSON line (docs/interfaces.md)."""
        shown = self.verdict.parcel
        return {
            "code": self.code,
            "verdict": "loaded" if self.verdict.ok else "refused",
            "reason": self.verdict.reason,
            "channel": shown.channel if shown else None,
            "order_id": shown.order_id if shown else None,
            "carton": shown.carton if shown else None,
        }


def load_codes(
    uow_factory: Callable[[], UnitOfWork],
    badge: str,
    unit: str,
    carrier: str,
    codes: list[str],
    station: str,
    site: SiteSettings | None = None,
) -> list[LoadResult]:
    """`shipshape dispatch load`: the loader's own steps, code by code, each load durable
    before the next code is read; a refused code does not stop the others."""
    with uow_factory() as uow:
        user = uow.users.by_badge(users.badge_from_scan(badge))
    if user is None:
        raise NotFound(message("dispatch.unknown_badge", badge=badge))
    require_loader(user)
    backend = CentralDispatchBackend(uow_factory, station)
    site = backend.site() if site is None else site
    state = dispatch.on_unit(
        dispatch.start(Actor(user.name, station), site), unit, backend.unit_carrier(unit)
    ).state
    bound = dispatch.on_scan(state, interpret(f"CARRIER:{carrier}"))
    if not bound.ok:
        backend.record(list(bound.facts))
        return [LoadResult(code, bound) for code in codes]
    state = bound.state
    results = []
    for code in codes:
        verdict = _one(backend, state, code)
        backend.record(list(verdict.facts))
        if verdict.ok:
            state = verdict.state
        results.append(LoadResult(code, verdict))
    return results


def _one(backend: CentralDispatchBackend, state: LoadState, code: str) -> Verdict:
    verdict = dispatch.on_scan(state, interpret(code))
    if verdict.look_up is None or verdict.look_up.what != "parcel":
        return verdict
    found = backend.parcel(verdict.look_up.code)
    return dispatch.on_parcel(state, verdict.look_up.code, found, code)
