"""Moving stock against the central database: `CentralMoveBackend` (the move page's direct
backend, and the online half of the station's) and `move_codes`, the same steps run for
`shipshape move` (docs/interfaces.md §13, docs/stock.md).

Online, a move is checked again under the stock row's lock when it is applied (`record_checked`):
two clerks moving out of one location at once never move more than was there; the second is
refused and nothing of it changes. Runs on a database worker thread or in a CLI command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.events import Actor, Event
from app.domain.fact_payloads import StockMoved
from app.domain.moves import LocationView, ReplenishTask
from app.domain.users import Role, User
from app.errors import BadInput, NotAllowed
from app.messages import message
from app.scanning.interpret import interpret
from app.services import replenishment, users
from app.services.facts import apply_fresh
from app.services.ports import UnitOfWork
from app.steps import moving
from app.steps.moving_state import MoveLine, MoveState, Verdict

MOVING_ROLES = (Role.CLERK, Role.LEAD)
# The step refusals a command line can meet (no task there), each worded in app/messages.py.
CLI_REFUSALS = frozenset(
    {
        "unknown_location",
        "same_location",
        "not_here",
        "lot_not_here",
        "scan_lot",
        "not_available",
        "not_expected",
        "invalid_scan",
    }
)


class CentralMoveBackend:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], station: str) -> None:
        self.uow_factory = uow_factory
        self.station = station

    def location(self, code: str) -> LocationView | None:
        with self.uow_factory() as uow:
            return uow.moves.location_view(code)

    def replenishments(self) -> list[ReplenishTask]:
        return replenishment.open_tasks(self.uow_factory())

    def record(self, facts: list[Event]) -> None:
        record_checked(self.uow_factory(), facts)


def record_checked(uow: UnitOfWork, facts: list[Event]) -> None:
    """Apply moves only if every one still fits what is available, in one transaction: the
    stock rows are locked first, so a move racing this one waits, then finds less."""
    with uow:
        for fact in facts:
            if fact.kind == StockMoved.KIND:
                _check_available(uow, StockMoved.of(fact))
        apply_fresh(uow, facts)
        uow.commit()


def _check_available(uow: UnitOfWork, moved: StockMoved) -> None:
    item = uow.moves.lock_stock(moved.from_location, moved.sku, moved.lot)
    available = item.available if item is not None else 0
    if moved.quantity > available:
        raise BadInput(
            message(
                "move.gone_meanwhile",
                quantity=moved.quantity,
                sku=moved.sku,
                location=moved.from_location,
                available=available,
            )
        )


def require_mover(user: User) -> None:
    """Stock clerks move stock; a shift lead may too."""
    if user.role not in MOVING_ROLES or not user.active:
        raise NotAllowed(message("move.not_a_clerk", name=user.name, role=user.role.value))


@dataclass(frozen=True)
class MoveResult:
    from_location: str
    to_location: str
    lines: tuple[MoveLine, ...]

    def record(self) -> dict:
        """The CLI's JSON line (docs/interfaces.md §13)."""
        return {
            "from": self.from_location,
            "to": self.to_location,
            "items": [{"sku": x.sku, "lot": x.lot, "quantity": x.quantity} for x in self.lines],
        }


def move_codes(
    uow_factory: Callable[[], UnitOfWork],
    badge: str,
    source: str,
    target: str,
    codes: list[str],
    station: str,
) -> MoveResult:
    """`shipshape move`: the clerk's own steps — the from-location, each scan (`CODE*N`: N
    units), the to-location. The first refusal raises BadInput and nothing is recorded."""
    with uow_factory() as uow:
        user = uow.users.by_badge(users.badge_from_scan(badge))
    if user is None:
        raise BadInput(message("move.unknown_badge", badge=badge))
    require_mover(user)
    backend = CentralMoveBackend(uow_factory, station)
    state = moving.start(Actor(user.name, station))
    state = _step(backend, state, moving.on_scan(state, interpret(_location(source))))
    for code, times in (_counted(code) for code in codes):
        if interpret(code).kind == "location":
            raise BadInput(message("move.not_an_item", code=code))
        for _ in range(times):
            state = _step(backend, state, moving.on_scan(state, interpret(code)))
    if not state.lines:
        raise BadInput(message("move.nothing_scanned"))
    lines = state.lines
    verdict = moving.on_scan(state, interpret(_location(target)))
    done = _answer(backend, state, verdict)
    backend.record(list(done.facts))
    return MoveResult(_bare(source), _bare(target), lines)


def _step(backend: CentralMoveBackend, state: MoveState, verdict: Verdict) -> MoveState:
    return _answer(backend, state, verdict).state


def _answer(backend: CentralMoveBackend, state: MoveState, verdict: Verdict) -> Verdict:
    """The verdict, after its look-up if it asks one; a refusal raises BadInput."""
    if verdict.look_up is not None:
        code = verdict.look_up.code
        verdict = moving.on_location(state, verdict.look_up.what, code, backend.location(code))
    if not verdict.ok:
        if verdict.reason in CLI_REFUSALS:
            raise BadInput(message(f"move.{verdict.reason}", **verdict.params))
        raise BadInput(message("move.refused", reason=verdict.reason))
    return verdict


def _counted(code: str) -> tuple[str, int]:
    """`CODE*N`: N units of CODE (N a whole number from 1); else one unit."""
    text, star, times = code.rpartition("*")
    if star and text and times.isdigit() and int(times) >= 1:
        return text, int(times)
    return code, 1


def _bare(code: str) -> str:
    return code[2:] if code.upper().startswith("L:") else code


def _location(code: str) -> str:
    return code if code.upper().startswith("L:") else f"L:{code}"
