"""The clerk's count page (`C:COUNT`): scan a location, then every product there; C:CLOSE and
C:CONFIRM record the count. Blind: the page never shows what the system expects.

UI thread only. The loader's loop (ui/scan_loop.py runs it): `handle_scan` → step
(app.steps.counting) → a look-up or the count recorded on the worker → adopt the state and show
the verdict with its tone. Scans that arrive while a look-up or a save runs wait in order. The
open count tasks (next first) come from the backend: central when it answers, the pulled copy
when not (db/station/counting.py).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain.counting import CountTask
from app.domain.events import Actor
from app.domain.users import User
from app.scanning.interpret import Scan
from app.services.ports import CountBackend
from app.steps import counting
from app.steps.counting_state import CountState, Verdict
from ui.clerk.count_texts import verdict_text
from ui.messages import error_text
from ui.scan_loop import LookUpCall, ScanLoop
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import Worker

log = logging.getLogger(__name__)
HUGE = "font-size: 72px; font-weight: 800;"  # the location: read from a metre away
LARGE = "font-size: 34px;"
LINES = "font-size: 34px; font-weight: 600;"
TASKS_SHOWN = 4


class CountPage(QWidget):
    verdict_shown = Signal(str, str)  # (tone, reason), after the screen shows it

    def __init__(
        self, user: User, backend: CountBackend, worker: Worker, station: str, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("countPage")
        self.user, self.backend, self.worker = user, backend, worker
        self.state: CountState = counting.start(Actor(user.name, station))
        self.tasks: list[CountTask] = []
        self.tones = Tones(self)
        self.loop: ScanLoop[Verdict] = ScanLoop(
            worker,
            look_up=self._look_up,
            record=lambda facts: self.backend.record(facts),  # the backend then
            adopt=self._adopt,
            save_failed=self._save_failed,
            look_up_failed=self._look_up_failed,
            after_save=self.refresh_tasks,  # the task counted here is no longer next
        )
        self._build()
        self._feedback("info", "start", {}, sound=False)
        self.refresh_tasks()

    def _build(self) -> None:
        self.location_label = QLabel(objectName="countLocation")
        self.location_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.location_label.setStyleSheet(HUGE)
        self.task_label = QLabel(objectName="countTask", alignment=Qt.AlignmentFlag.AlignCenter)
        self.task_label.setStyleSheet(LARGE)
        self.task_label.setWordWrap(True)
        self.lines_view = QListWidget(objectName="countLines")
        self.lines_view.setStyleSheet(LINES)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_label = QLabel(objectName="countNext", alignment=Qt.AlignmentFlag.AlignCenter)
        self.next_label.setStyleSheet(LARGE)
        self.next_label.setWordWrap(True)
        self.banner = MessageBanner()
        self.banner.setStyleSheet("font-size: 36px; font-weight: 700; padding: 14px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        layout.addWidget(self.location_label)
        layout.addWidget(self.task_label)
        layout.addWidget(self.lines_view, 1)
        layout.addWidget(self.next_label)
        layout.addWidget(self.banner)
        self._render()

    # --- the open tasks (worker) -------------------------------------------------------------
    def refresh_tasks(self) -> None:
        self.worker.submit(
            self.backend.open_tasks,
            on_success=self._tasks_known,
            on_failure=lambda exc: log.warning("count tasks not read: %s", exc),
        )

    def _tasks_known(self, tasks: list[CountTask]) -> None:
        if not isValid(self):  # signed out while the worker read them
            return
        self.tasks = list(tasks)
        self._render()

    # --- input ------------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        # While a look-up or a save runs the scan waits: the loop keeps the order.
        self.loop.take(lambda: counting.on_scan(self.state, scan), scan)

    def handle_typed_number(self, typed: str) -> None:
        """Digits + Enter after a product's scan: that many units of it."""
        self.loop.take(lambda: counting.on_typed(self.state, typed))

    def _look_up(self, verdict: Verdict, _scan: Scan | None) -> LookUpCall[Verdict]:
        look_up = verdict.look_up
        assert look_up is not None
        self.banner.show_message("info", lambda: verdict_text("look_up", {}))
        state = self.state
        if look_up.what == "location":
            return LookUpCall(
                self.backend.location,
                look_up.code,
                lambda info: counting.on_location(state, info),
            )
        scan = look_up.scan  # the product's own scan, kept by the step
        assert scan is not None
        return LookUpCall(
            self.backend.product_of,
            look_up.code,
            lambda found: counting.on_product(state, scan, found),
        )

    def _adopt(self, verdict: Verdict) -> None:
        self.state = verdict.state
        self._render()
        self._feedback(verdict.tone, verdict.reason, verdict.params)

    def _save_failed(self, exc: BaseException) -> None:
        log.warning("could not save a count: %s", exc)
        self._feedback("error", "save_failed", {"error": error_text(exc)})

    def _look_up_failed(self, exc: BaseException) -> None:
        log.warning("could not look up a count scan: %s", exc)
        self._feedback("error", "look_up_failed", {"error": error_text(exc)})

    # --- showing ----------------------------------------------------------------------------
    def _render(self) -> None:
        state = self.state
        self.location_label.setText(state.location or self.tr("Scan a location"))
        self.task_label.setText(self._task_text())
        self.lines_view.clear()
        for line in reversed(state.lines):  # the newest on top
            lot = self.tr(" · lot {lot}").format(lot=line.lot) if line.lot else ""
            self.lines_view.addItem(f"{line.counted:>5}  ×  {line.name or line.sku}{lot}")
        self.lines_view.setVisible(state.location is not None)
        self.next_label.setText(self._next_text())

    def _task_text(self) -> str:
        state = self.state
        if state.location is None:
            if not self.tasks:
                return self.tr("No count tasks open. Scan any location to count it.")
            shown = " · ".join(t.location for t in self.tasks[:TASKS_SHOWN])
            more = len(self.tasks) - TASKS_SHOWN
            text = self.tr("Next: {locations}").format(locations=shown)
            return text + (self.tr(" (+{more} more)").format(more=more) if more > 0 else "")
        if state.task_id is None:
            return self.tr("Unplanned count")
        if state.attempt > 1:
            text = self.tr("Second count (task {task})").format(task=state.task_id)
            if state.counted_before_by_me:
                text += self.tr(" — you made the first: ask another clerk if you can")
            return text
        return self.tr("Count task {task}").format(task=state.task_id)

    def _next_text(self) -> str:
        state = self.state
        if state.location is None:
            return ""
        if state.closing:
            return self.tr("{units} unit(s) counted. C:CONFIRM records the count.").format(
                units=state.units
            )
        return self.tr("Scan each unit, or scan once and type how many. C:CLOSE when done.")

    def _feedback(self, tone: str, reason: str, params: dict, sound: bool = True) -> None:
        """Colour, symbol, words and a tone for every verdict."""
        self.banner.show_message(tone, lambda: verdict_text(reason, params))
        if sound:
            self.tones.play(tone)
        self.verdict_shown.emit(tone, reason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
            self.banner.retranslate()
        super().changeEvent(event)
