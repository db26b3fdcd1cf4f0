"""Counting against the central database: `CentralCountBackend` (the count page's direct
backend) and `count_codes`, the same steps run for `shipshape count` (docs/interfaces.md §13).

Everything here runs on a database worker thread (the station's) or in a CLI command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.counting import CountStatus, CountTask, parse_scan_count
from app.domain.events import Actor, Event
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed
from app.messages import Message, message
from app.scanning.interpret import interpret
from app.services import users
from app.services.facts import apply_facts
from app.services.ports import UnitOfWork
from app.steps import counting
from app.steps.counting_state import CountState, LocationInfo, ProductInfo, Verdict

COUNTING_ROLES = (Role.CLERK, Role.LEAD)


class CentralCountBackend:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], station: str) -> None:
        self.uow_factory = uow_factory
        self.station = station

    def open_tasks(self) -> list[CountTask]:
        with self.uow_factory() as uow:
            return uow.counts.open_tasks()

    def location(self, code: str) -> LocationInfo:
        with self.uow_factory() as uow:
            if not uow.counts.known_locations([code]):
                return LocationInfo(code, False)
            task = uow.counts.unfinished_at(code)
        return location_info(code, task)

    def product_of(self, code: str) -> ProductInfo | None:
        with self.uow_factory() as uow:
            sku = uow.catalog.gtin_owners([code]).get(code, code)
            product = uow.catalog.product(sku)
        if product is None:
            return None
        return ProductInfo(product.sku, product.name, product.lot_controlled)

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)


def location_info(code: str, task: dict | None) -> LocationInfo:
    """A known location and the count task waiting there, if any (one waiting for a lead's
    approval takes no count: an unplanned count then)."""
    if task is None or task["status"] not in (CountStatus.OPEN, CountStatus.RECOUNT):
        return LocationInfo(code, True)
    attempt = 2 if task["status"] == CountStatus.RECOUNT else 1
    return LocationInfo(code, True, task["id"], attempt, task.get("counted_by"))


def require_counter(user: User) -> None:
    """Stock clerks count; a shift lead may too."""
    if user.role not in COUNTING_ROLES or not user.active:
        raise NotAllowed(message("count.not_a_clerk", name=user.name, role=user.role.value))


@dataclass(frozen=True)
class CountReport:
    """The CLI's JSON line: what was counted against what was expected, and what followed."""

    location: str
    lines: list[dict]  # {sku, lot, counted, expected, variance}
    status: str  # adjusted | recount | approval

    def record(self) -> dict:
        return {"location": self.location, "lines": self.lines, "status": self.status}


def count_codes(
    uow_factory: Callable[[], UnitOfWork], badge: str, location: str, codes: list[str], station: str
) -> CountReport:
    """`shipshape count`: the counter's own steps. Every code is checked before anything is
    recorded, so a bad one changes nothing (BadInput names it)."""
    with uow_factory() as uow:
        user = uow.users.by_badge(users.badge_from_scan(badge))
    if user is None:
        raise BadInput(message("count.unknown_badge", badge=badge))
    require_counter(user)
    backend = CentralCountBackend(uow_factory, station)
    state = counting.start(Actor(user.name, station))
    state = _step(state, counting.on_location(state, backend.location(location.strip())))
    for code in codes:
        state = _scan(backend, state, code)
    state = _step(state, counting.on_command(state, "CLOSE"))
    done = counting.on_command(state, "CONFIRM")
    (fact,) = done.facts
    backend.record([fact])
    return _report(uow_factory, fact)


def _scan(backend: CentralCountBackend, state: CountState, code: str) -> CountState:
    parsed = parse_scan_count(code)
    if parsed is None:
        raise BadInput(message("count.bad_times", code=code))
    raw, times = parsed
    scan = interpret(raw)
    verdict = counting.on_scan(state, scan)
    if verdict.look_up is not None and verdict.look_up.what == "product":
        verdict = counting.on_product(state, scan, backend.product_of(verdict.look_up.code))
    state = _step(state, verdict, code)
    return state if times == 1 else _step(state, counting.on_typed(state, str(times)), code)


def _step(state: CountState, verdict: Verdict, code: str = "") -> CountState:
    if verdict.ok and verdict.look_up is None:
        return verdict.state
    raise BadInput(refusal(verdict, code))


def refusal(verdict: Verdict, code: str) -> Message:
    """The refusal in words, for the CLI (the screen words its own, ui/clerk/count_texts.py)."""
    p = verdict.params
    ids = {
        "unknown_location": message("count.unknown_location", location=p.get("location")),
        "unknown_product": message("count.unknown_product", code=p.get("code")),
        "lot_needed": message("count.lot_needed", sku=p.get("sku")),
        "invalid_scan": message("count.bad_scan", code=code, error=p.get("error")),
        "bad_quantity": message("count.bad_times", code=code),
    }
    return ids.get(verdict.reason, message("count.bad_scan", code=code, error=verdict.reason))


def _report(uow_factory: Callable[[], UnitOfWork], fact: Event) -> CountReport:
    """What central made of the count: the task's record of this fact."""
    location = fact.payload["location"]
    with uow_factory() as uow:
        task = uow.counts.latest_counted(location, fact.uuid)
    if task is None:
        raise BadInput(message("count.not_recorded", location=location))
    record, status = task
    keys = ("sku", "lot", "counted", "expected", "variance")
    return CountReport(location, [{k: x[k] for k in keys} for x in record["lines"]], status)
