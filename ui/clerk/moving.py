"""The clerk's move page: scan the from-location, the items, the to-location. From → to in very
large type, the product and quantity in hand, and the open replenishment tasks below, most
urgent first (pick faces whose units pickers are waiting for first).

UI thread only. The loader's loop (ui/scan_loop.py runs it): `handle_scan` → step
(app.steps.moving) → a look-up or the facts recorded on the worker → adopt the state and show
the verdict with its tone. A move shows only once its facts are durable; scans that arrive
meanwhile wait in order. The task list is read on the worker when the page opens, after each
move and every 30 s while nothing is in hand.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.domain.events import Actor
from app.domain.moves import ReplenishTask
from app.domain.users import User
from app.scanning.interpret import Scan
from app.services.ports import MoveBackend
from app.steps import moving
from app.steps.moving_state import MoveState, Verdict
from ui.clerk.moving_texts import reason_word, verdict_text
from ui.messages import error_text
from ui.scan_loop import LookUpCall, ScanLoop
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import Worker

log = logging.getLogger(__name__)
HUGE = "font-size: 60px; font-weight: 700;"
LARGE = "font-size: 36px;"
LIST = "font-size: 26px;"
REFRESH_MS = 30_000
TASK_ROLE = Qt.ItemDataRole.UserRole


class MovePage(QWidget):
    verdict_shown = Signal(str, str)  # (tone, reason), after the page shows it

    def __init__(
        self,
        user: User,
        backend: MoveBackend,
        worker: Worker,
        station: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("movePage")
        self.user, self.backend, self.worker = user, backend, worker
        self.state: MoveState = moving.start(Actor(user.name, station))
        self.tones = Tones(self)
        self.loop: ScanLoop[Verdict] = ScanLoop(
            worker,
            look_up=self._look_up,
            record=lambda facts: self.backend.record(facts),  # the backend then
            adopt=self._adopt,
            save_failed=self._save_failed,
            look_up_failed=self._look_up_failed,
            # The task done is gone; a face still low has its next one.
            after_save=self.refresh_tasks,
        )
        self._build()
        self._start_message()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._refresh_if_idle)
        self.timer.start()
        self.refresh_tasks()

    def _build(self) -> None:
        self.route_label = QLabel(objectName="moveRoute", alignment=Qt.AlignmentFlag.AlignCenter)
        self.route_label.setStyleSheet(HUGE)
        self.route_label.setWordWrap(True)
        self.item_label = QLabel(objectName="moveItem", alignment=Qt.AlignmentFlag.AlignCenter)
        self.item_label.setStyleSheet(LARGE)
        self.item_label.setWordWrap(True)
        self.tasks_title = QLabel(objectName="moveTasksTitle")
        self.tasks_title.setStyleSheet("font-size: 26px; font-weight: 700;")
        self.task_list = QListWidget(objectName="moveTasks")
        self.task_list.setStyleSheet(LIST)
        self.task_list.itemClicked.connect(self._task_touched)
        self.banner = MessageBanner()
        self.banner.setStyleSheet("font-size: 34px; font-weight: 700; padding: 14px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        layout.addWidget(self.route_label)
        layout.addWidget(self.item_label)
        layout.addWidget(self.tasks_title)
        layout.addWidget(self.task_list, 1)
        layout.addWidget(self.banner)
        self._render()

    # --- tasks ----------------------------------------------------------------------------------
    def refresh_tasks(self) -> None:
        self.worker.submit(
            self.backend.replenishments,
            on_success=self._tasks_read,
            on_failure=lambda exc: log.warning("replenishments not read: %s", exc),
        )

    def _refresh_if_idle(self) -> None:
        if not self.loop.busy and not self.state.lines:
            self.refresh_tasks()

    def _tasks_read(self, tasks: list[ReplenishTask]) -> None:
        if not isValid(self):  # signed out while the worker read them
            return
        idle = self.state.source is None and self.state.task is None
        self.state = moving.with_tasks(self.state, tuple(tasks))
        self._render()
        if idle and self.banner.kind in ("none", "info"):
            self._start_message()

    def _task_touched(self, item: QListWidgetItem) -> None:
        if not self.loop.busy:
            self.loop.apply(moving.choose_task(self.state, int(item.data(TASK_ROLE))))

    # --- input (the clerk's home passes these on) -----------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        # While a look-up or a move's save runs the scan waits: the loop keeps the order.
        self.loop.take(lambda: moving.on_scan(self.state, scan), scan)

    def handle_typed_number(self, typed: str) -> None:
        self.loop.take(lambda: moving.on_number(self.state, typed))

    def _look_up(self, verdict: Verdict, _scan: Scan | None) -> LookUpCall[Verdict]:
        look_up = verdict.look_up
        assert look_up is not None
        self.banner.show_message("info", lambda: verdict_text(verdict.reason, verdict.params))
        state = self.state
        return LookUpCall(
            self.backend.location,
            look_up.code,
            lambda view: moving.on_location(state, look_up.what, look_up.code, view),
        )

    def _adopt(self, verdict: Verdict) -> None:
        self.state = verdict.state
        self._render()
        self._feedback(verdict.tone, verdict.reason, verdict.params)

    def _save_failed(self, exc: BaseException) -> None:
        log.warning("could not save a move: %s", exc)
        self._feedback("error", "save_failed", {"error": error_text(exc)})

    def _look_up_failed(self, exc: BaseException) -> None:
        log.warning("could not look up a location: %s", exc)
        self._feedback("error", "look_up_failed", {"error": error_text(exc)})

    # --- showing --------------------------------------------------------------------------------
    def _render(self) -> None:
        state, task = self.state, self.state.task
        source = state.source.code if state.source else (task.from_location if task else None)
        target = task.to_location if task else None
        self.route_label.setText(
            self.tr("{source} → {target}").format(source=source or "?", target=target or "?")
            if source or target
            else self.tr("From? → To?")
        )
        self.item_label.setText(self._item_text())
        self.tasks_title.setText(
            self.tr("Replenishments open: {count}").format(count=len(state.tasks))
            if state.tasks
            else self.tr("No replenishments open")
        )
        self._fill_tasks()

    def _item_text(self) -> str:
        state, task = self.state, self.state.task
        if state.lines:
            return ", ".join(
                self.tr("{quantity} × {sku} {name}").format(
                    quantity=x.quantity, sku=x.sku, name=x.name
                )
                for x in state.lines
            )
        if task is not None:
            return self.tr("Bring {quantity} × {sku} {name}").format(
                quantity=task.quantity, sku=task.sku, name=task.name
            )
        if state.last is not None:
            units = sum(x.quantity for x in state.last.lines)
            return self.tr("Last: {units} units {source} → {target}").format(
                units=units, source=state.last.from_location, target=state.last.to_location
            )
        return ""

    def _fill_tasks(self) -> None:
        self.task_list.clear()
        chosen = self.state.task.id if self.state.task else None
        for task in self.state.tasks:
            waiting = (
                self.tr(" · {units} waiting").format(units=task.waiting) if task.waiting else ""
            )
            text = self.tr("{quantity} × {sku}: {source} → {target} ({why}){waiting}").format(
                quantity=task.quantity,
                sku=task.sku,
                source=task.from_location,
                target=task.to_location,
                why=reason_word(task.reason),
                waiting=waiting,
            )
            item = QListWidgetItem(("▶ " if task.id == chosen else "") + text)
            item.setData(TASK_ROLE, task.id)
            self.task_list.addItem(item)

    def _start_message(self) -> None:
        tasks = self.state.tasks
        if tasks:
            first = tasks[0]
            params = {
                "quantity": first.quantity,
                "sku": first.sku,
                "from": first.from_location,
                "to": first.to_location,
            }
            self.banner.show_message("info", lambda: verdict_text("start_task", params))
        else:
            self.banner.show_message("info", lambda: verdict_text("start", {}))

    def _feedback(self, tone: str, reason: str, params: dict) -> None:
        """Colour, symbol, words and a tone for every verdict."""
        self.banner.show_message(tone, lambda: verdict_text(reason, params))
        self.tones.play(tone)
        self.verdict_shown.emit(tone, reason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
            self.banner.retranslate()
        super().changeEvent(event)
