"""The floor pages' scan loop (loader, receiving, count, move): one input at a time, in order.

A page's step (app/steps/*) turns an input into a verdict. The verdict may ask for a look-up
first: the backend call runs on the database worker and the page's step turns the answer into
the next verdict. It may carry facts that must be durable before the screen shows it: they are
recorded on the worker, and the page adopts the verdict once they are stored. Otherwise the page
adopts it at once. While a look-up or a save runs, new input waits in a queue and is stepped,
in order, against the state the page adopted. After a failure the waiting input is dropped: the
operator scans again from what the screen shows.

The page owns its state, its steps, its look-ups and how it shows things; the loop only owns
`busy`, the queue and the order of events. UI thread only: the page calls in from the UI
thread and the worker delivers every answer there (ui/worker.py), so nothing here needs a lock.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from app.domain.events import Event
from app.scanning.interpret import Scan
from ui.worker import Worker


class StepVerdict(Protocol):
    """What the loop reads of a step's verdict (app/steps/*_state.py `Verdict`)."""

    @property
    def look_up(self) -> object | None: ...

    @property
    def durable(self) -> bool: ...

    @property
    def facts(self) -> tuple[Event, ...]: ...


V = TypeVar("V", bound=StepVerdict)


@dataclass(frozen=True)
class LookUpCall(Generic[V]):
    """A look-up to run: `call(arg)` on the worker, then `step(answer)` on the UI thread gives
    the next verdict."""

    call: Callable[[Any], Any]
    arg: Any
    step: Callable[[Any], V]


class ScanLoop(Generic[V]):
    """`take` an input (or `apply` a verdict that must not wait); the page's callables do the
    rest: `look_up(verdict, scan)` says on screen what is looked up and returns the call,
    `record(facts)` stores facts (worker thread), `adopt(verdict)` shows the new state,
    `save_failed` / `look_up_failed` show an error, `after_save` runs once a durable verdict
    was adopted and the queue drained. `record_refusals`: a refusal's facts (a mis-scan kept
    for the KPI) are recorded in the background while the refusal shows at once."""

    def __init__(
        self,
        worker: Worker,
        *,
        look_up: Callable[[V, Scan | None], LookUpCall[V]],
        record: Callable[[list[Event]], object],
        adopt: Callable[[V], None],
        save_failed: Callable[[BaseException], None],
        look_up_failed: Callable[[BaseException], None],
        after_save: Callable[[], None] | None = None,
        record_refusals: bool = False,
    ):
        self._worker = worker
        self._look_up, self._record, self._adopt_verdict = look_up, record, adopt
        self._save_failed, self._look_up_failed = save_failed, look_up_failed
        self._after_save, self._record_refusals = after_save, record_refusals
        self._busy = False
        # Input that arrived while busy: its step runs later, against the state adopted by then.
        self._queue: deque[tuple[Callable[[], V], Scan | None]] = deque()

    @property
    def busy(self) -> bool:
        """A look-up or a save runs: input waits (commands a page ignores meanwhile)."""
        return self._busy

    def take(self, step: Callable[[], V], scan: Scan | None = None) -> None:
        """An operator's input: `step()` now, or once what runs has ended (in arrival order).
        `scan` is the scan behind it, if any, passed on to the page's look-up."""
        if self._busy:
            self._queue.append((step, scan))
            return
        self.apply(step(), scan)

    def apply(self, verdict: V, scan: Scan | None = None) -> None:
        """Act on a verdict now: the page checks `busy` first for input that does not wait."""
        if verdict.look_up is not None:
            self._start_look_up(verdict, scan)
        elif verdict.durable:
            self._busy = True
            self._worker.submit(
                self._record,
                list(verdict.facts),
                on_success=lambda _: self._saved(verdict),
                on_failure=self._save_failed_here,
            )
        else:
            if verdict.facts and self._record_refusals:
                self._worker.submit(self._record, list(verdict.facts))  # shown now, kept later
            self._adopt(verdict)

    def _start_look_up(self, verdict: V, scan: Scan | None) -> None:
        self._busy = True
        ask = self._look_up(verdict, scan)
        self._worker.submit(
            ask.call,
            ask.arg,
            on_success=lambda found: self._answered(ask.step(found), scan),
            on_failure=self._look_up_failed_here,
        )

    def _answered(self, verdict: V, scan: Scan | None) -> None:
        self._busy = False
        self.apply(verdict, scan)
        self._drain()

    def _saved(self, verdict: V) -> None:
        self._adopt(verdict)
        if self._after_save is not None:
            self._after_save()

    def _adopt(self, verdict: V) -> None:
        self._busy = False
        self._adopt_verdict(verdict)
        self._drain()

    def _save_failed_here(self, exc: BaseException) -> None:
        self._busy = False
        self._save_failed(exc)
        self._queue.clear()  # the operator goes on from what the screen shows

    def _look_up_failed_here(self, exc: BaseException) -> None:
        self._busy = False
        self._look_up_failed(exc)
        self._queue.clear()

    def _drain(self) -> None:
        while self._queue and not self._busy:
            step, scan = self._queue.popleft()
            self.apply(step(), scan)
