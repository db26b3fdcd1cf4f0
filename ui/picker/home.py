"""The picker's home: finds their pick list, then cart set-up and one task at a time.

UI thread only. Every use case runs on the injected worker (`backend` calls: load, record,
tote check, reassignment check); results come back here by callback. A confirmation shows its
verdict only once `backend.record` has returned, so it is durable before the screen moves on;
scans that arrive meanwhile wait in order. Refused scans show at once and their mis-scan fact
is recorded in the background.

Routes follow the picker (app/steps/picking_route.py): after a skip, a short, or on a list
another picker started, the rest of the route is re-solved on the route thread; the new order is
recorded like any fact and shown without moving the task at hand.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.domain.events import Actor
from app.domain.picking import ShortReason
from app.domain.users import User
from app.errors import Offline
from app.scanning.interpret import Scan
from app.services.ports import PickingBackend
from app.steps import picking, picking_route
from app.steps.picking import Phase, PickState, Verdict
from ui.messages import error_text
from ui.picker.cart_view import CartView
from ui.picker.messages import verdict_text
from ui.picker.route_follow import RouteFollowing
from ui.picker.task_view import TaskView
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import DatabaseWorker, Worker

log = logging.getLogger(__name__)
CHECK_STILL_MINE_MS = 20_000
REROUTE_AFTER = ("skipped", "short_reported")  # verdicts after which the rest is re-solved


def _today() -> str:
    return date.today().isoformat()


class PickerHome(RouteFollowing, QWidget):
    verdict_shown = Signal(str, str)  # (tone, message id), after the screen shows it
    route_replanned = Signal()  # a re-solved route is recorded and shown

    def __init__(
        self,
        user: User,
        backend: PickingBackend,
        worker: Worker,
        station: str,
        today: Callable[[], str] = _today,
        parent: QWidget | None = None,
        route_worker: Worker | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("home")
        self.user, self.backend, self.worker = user, backend, worker
        self.actor = Actor(user.name, station)
        self.today = today
        self.state: PickState | None = None
        self.tones = Tones(self)
        self._busy = False
        self._queue: deque[Scan | str] = deque()  # scans, and numbers typed (str)
        self._pending_route: picking_route.Rerouted | None = None  # came while saving
        self._pending_list = None  # the list in hand as sync brought it, came while saving
        if route_worker is None:  # the solver's own thread: it never delays the database work
            route_worker = DatabaseWorker(self, name="shipshape-route")
            self.destroyed.connect(route_worker.shutdown)
        self.route_worker = route_worker
        self._idle_message = ("loading", {})
        self._build()
        self._still_mine_timer = QTimer(self, interval=CHECK_STILL_MINE_MS)
        self._still_mine_timer.timeout.connect(self.check_still_mine)
        self._still_mine_timer.start()
        self.worker.submit(self.backend.site_layout, on_success=self.task_view.route_map.set_layout)
        self.load()

    def _build(self) -> None:
        self.idle = QWidget()
        self.idle_text = QLabel(objectName="prompt", alignment=Qt.AlignmentFlag.AlignCenter)
        self.idle_text.setWordWrap(True)
        self.next_button = QPushButton(objectName="primary")
        self.next_button.clicked.connect(lambda: self.command("CONFIRM"))
        idle_layout = QVBoxLayout(self.idle)
        idle_layout.addStretch(1)
        idle_layout.addWidget(self.idle_text)
        idle_layout.addWidget(self.next_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        idle_layout.addStretch(1)
        self.cart_view = CartView()
        self.task_view = TaskView()
        self.task_view.command.connect(self.command)
        self.task_view.count_typed.connect(lambda count: self.handle_typed_number(str(count)))
        self.task_view.reason_chosen.connect(self.choose_reason)
        self.pages = QStackedWidget()
        for page in (self.idle, self.cart_view, self.task_view):
            self.pages.addWidget(page)
        self.banner = MessageBanner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.banner)
        layout.setStretch(0, 1)
        self.retranslate()

    # --- loading work ---------------------------------------------------------------------
    def load(self) -> None:
        self.state = None
        self._show_idle("loading", {})
        self.worker.submit(
            self.backend.my_pick_list,
            self.user,
            on_success=self._loaded,
            on_failure=self._load_failed,
        )

    def _loaded(self, pick_list) -> None:
        if pick_list is None:
            self._show_idle("no_work", {})
            return
        self._show_or_hand_over(picking.start(pick_list, self.actor))

    def _load_failed(self, exc: BaseException) -> None:
        log.warning("could not load the pick list: %s", exc)
        if isinstance(exc, Offline):
            waiting = "?" if exc.waiting is None else exc.waiting
            self._show_idle("offline_no_work", {"waiting": waiting})
            return
        self._show_idle("load_failed", {"error": error_text(exc)})

    def check_still_mine(self) -> None:
        if self.state is None or self.state.phase is Phase.DONE:
            return
        list_id = self.state.pick_list.id
        self.worker.submit(
            self.backend.still_mine,
            list_id,
            self.user,
            on_success=lambda mine: self._still_mine(list_id, mine),
        )

    def _still_mine(self, list_id: int, mine: bool) -> None:
        if not mine and self.state is not None and self.state.pick_list.id == list_id:
            self._taken_away()

    def work_changed(self, taken_away: list[int]) -> None:
        """The sync thread pulled new work for this station (through the UI-thread bridge):
        the list in hand was reassigned, or a picker without work may have some now. Without
        it the screen learns of a reassignment only at the next still-mine poll."""
        if self.state is not None and self.state.phase is not Phase.DONE:
            if self.state.pick_list.id in taken_away:
                self._taken_away()
            else:  # the list in hand may have changed (a task added or taken to another)
                self.worker.submit(
                    self.backend.my_pick_list, self.user, on_success=self._list_refreshed
                )
        elif self.state is None and self._idle_message[0] in ("no_work", "offline_no_work"):
            self.load()

    def _taken_away(self) -> None:
        self.state = None
        self._show_idle("reassigned", {})
        self._feedback("error", "reassigned", {})

    # --- input: scans, commands, typed counts, reasons -----------------------------------
    def handle_scan(self, scan: Scan) -> None:
        if self._busy:
            self._queue.append(scan)  # a confirmation is being saved: keep the order
            return
        if self.state is None or self.state.phase is Phase.DONE:
            if scan.kind == "command" and scan.code in ("NEXT", "CONFIRM"):
                self.load()
            return
        self._apply(picking.on_scan(self.state, scan, self.today()))

    def command(self, name: str) -> None:
        if self.state is None or self.state.phase is Phase.DONE:
            if name in ("NEXT", "CONFIRM"):
                self.load()
        elif not self._busy:
            self._apply(picking.on_command(self.state, name))

    def type_count(self, count: int) -> None:
        if self.state is not None and not self._busy:
            self._apply(picking.on_count(self.state, count))

    def handle_typed_number(self, typed: str) -> None:
        """Digits + Enter typed anywhere (the wedge filter): the quantity after an item scan."""
        if self._busy:
            self._queue.append(typed)  # after the confirmation being saved, in order
            return
        if self.state is None or self.state.phase is Phase.DONE:
            self._feedback("error", "number_not_expected", {"expected": "done"})
            return
        self._apply(picking.on_number(self.state, typed.strip()))

    def choose_reason(self, reason: str) -> None:
        if self.state is not None and not self._busy:
            self._apply(picking.on_reason(self.state, ShortReason(reason)))

    # --- verdicts -------------------------------------------------------------------------
    def _apply(self, verdict: Verdict) -> None:
        if verdict.check_tote:  # no tone yet: the verdict comes with the backend's answer
            self.banner.show_message("info", lambda: verdict_text(verdict.message, verdict.params))
            slot = verdict.state.order_needing_tote
            self._busy = True
            self.worker.submit(
                self.backend.tote_in_use,
                verdict.check_tote,
                slot.order_ref,
                on_success=lambda in_use: self._tote_checked(verdict, in_use),
                on_failure=self._save_failed,
            )
        elif verdict.durable:
            self._busy = True
            self.worker.submit(
                self.backend.record,
                list(verdict.facts),
                on_success=lambda _: self._adopt(verdict),
                on_failure=self._save_failed,
            )
        else:
            if verdict.facts:  # a mis-scan: shown now, kept for the KPI in the background
                self.worker.submit(self.backend.record, list(verdict.facts))
            self.state = verdict.state
            self._render()
            self._feedback(verdict.tone, verdict.message, verdict.params)

    def _tote_checked(self, verdict: Verdict, in_use: bool) -> None:
        self._busy = False
        self._apply(picking.on_tote_checked(self.state, verdict.check_tote, in_use))
        self._drain()

    def _adopt(self, verdict: Verdict) -> None:
        self._busy = False
        self.state = verdict.state
        self._render()
        self._feedback(verdict.tone, verdict.message, verdict.params)
        if verdict.message in REROUTE_AFTER or (
            verdict.message == "cart_ready" and self._started_elsewhere()
        ):
            self._reroute()
        self._drain()

    def _save_failed(self, exc: BaseException) -> None:
        self._busy = False
        log.warning("could not save a picking fact: %s", exc)
        self._feedback("error", "save_failed", {"error": error_text(exc)})
        self._queue.clear()  # the picker scans again from what the screen shows

    def _drain(self) -> None:
        view, self._pending_list = self._pending_list, None
        if view is not None and not self._busy:
            self._list_refreshed(view)
        elif view is not None:
            self._pending_list = view
        pending, self._pending_route = self._pending_route, None
        if pending is not None and not self._busy:
            self._rerouted(pending)  # may save it first: the scans waiting then wait on
        elif pending is not None:
            self._pending_route = pending
        while self._queue and not self._busy:
            given = self._queue.popleft()
            if isinstance(given, str):
                self.handle_typed_number(given)
            else:
                self.handle_scan(given)

    # --- showing --------------------------------------------------------------------------
    def _render(self) -> None:
        state = self.state
        if state is None:
            return
        if state.phase is Phase.CART:
            self.cart_view.show_state(state)
            self.pages.setCurrentWidget(self.cart_view)
        elif state.phase in (Phase.FINISH, Phase.DONE):
            message = "scan_not_now_finish" if state.phase is Phase.FINISH else "finished"
            self._show_idle(message, {})
        else:
            self.task_view.show_state(state)
            self.pages.setCurrentWidget(self.task_view)

    def _show_idle(self, message: str, params: dict) -> None:
        self._idle_message = (message, params)
        self.idle_text.setText(verdict_text(message, params))
        finishing = self.state is not None and self.state.phase is Phase.FINISH
        self.next_button.setText(
            self.tr("Send cart to packing") if finishing else self.tr("Next pick list")
        )
        self.next_button.setVisible(message != "loading")
        self.pages.setCurrentWidget(self.idle)

    def _feedback(self, tone: str, message: str, params: dict) -> None:
        """Colour, symbol, words and a tone for every verdict."""
        self.banner.show_message(tone, lambda: verdict_text(message, params))
        self.tones.play(tone)
        self.verdict_shown.emit(tone, message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.banner.retranslate()
        if self.pages.currentWidget() is self.idle:
            self._show_idle(*self._idle_message)
