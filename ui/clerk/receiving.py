"""The clerk's receiving page: scan a receipt, then items, then the location they go to. Scanner
only; the receipt's lines in a table, what is in hand and where it goes in very large type.

UI thread only. The loader's loop (ui/scan_loop.py runs it): `handle_scan` → step
(app.steps.receiving) → a look-up or the facts recorded on the worker → adopt the state and
show the verdict with its tone. A receipt or put-away shows only once its fact is durable;
scans that arrive meanwhile wait in order. After every change of what is in hand the page asks
the backend (worker thread) where it should go, and shows the answer if the hand has not
changed since.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Actor
from app.domain.receiving import ReceiptLine
from app.domain.users import User
from app.scanning.interpret import Scan
from app.services.ports import ReceivingBackend
from app.steps import receiving
from app.steps.receiving_state import InHand, ReceiveState, Verdict
from ui.clerk.receiving_texts import verdict_text
from ui.item_table import item_table, item_text, keep_in_view
from ui.messages import error_text
from ui.scan_loop import LookUpCall, ScanLoop
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import Worker

log = logging.getLogger(__name__)
HUGE = "font-size: 72px; font-weight: 800;"  # the location to go to: read from a metre away
LARGE = "font-size: 34px; font-weight: 700;"
FLAGGED = QBrush(QColor("#ffe2a8"))  # over or not announced: words say so too
COMPLETE = QBrush(QColor("#c8ecd3"))


class ReceiptLinesModel(QAbstractTableModel):
    """The receipt's lines: expected, received, put away (and a word when one is off)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[ReceiptLine] = []

    def set_lines(self, lines: list[ReceiptLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Item"),
            self.tr("Lot"),
            self.tr("Expected"),
            self.tr("Received"),
            self.tr("Put away"),
            self.tr("Note"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = (
                item_text(line.sku, line.name),
                line.lot or "–",
                str(line.expected),
                str(line.received),
                str(line.put_away),
                self._note(line),
            )
            return cells[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.received > line.expected:
                return FLAGGED
            return COMPLETE if line.expected and line.put_away >= line.expected else None
        return None

    def _note(self, line: ReceiptLine) -> str:
        if line.expected == 0:
            return self.tr("not on the receipt")
        if line.received > line.expected:
            return self.tr("over by {n}").format(n=line.received - line.expected)
        if line.in_receiving:
            return self.tr("{n} in receiving").format(n=line.in_receiving)
        return ""


class ReceivingPage(QWidget):
    verdict_shown = Signal(str, str)  # (tone, reason), after the screen shows it

    def __init__(
        self,
        user: User,
        backend: ReceivingBackend,
        worker: Worker,
        station: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("receivingPage")
        self.user, self.backend, self.worker = user, backend, worker
        self.state: ReceiveState = receiving.start(Actor(user.name, station))
        self.tones = Tones(self)
        self.loop: ScanLoop[Verdict] = ScanLoop(
            worker,
            look_up=self._look_up,
            record=lambda facts: self.backend.record(facts),  # the backend then
            adopt=self._adopt,
            save_failed=self._save_failed,
            look_up_failed=self._look_up_failed,
        )
        self._build()
        self._feedback("info", "start", {}, sound=False)

    def _build(self) -> None:
        self.receipt_label = QLabel(objectName="receiptTitle")
        self.receipt_label.setStyleSheet(LARGE)
        self.receipt_label.setWordWrap(True)
        self.lines = ReceiptLinesModel(self)
        self.table = item_table(self.lines, "receiptLines", 22)
        self.hand_label = QLabel(objectName="inHand", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hand_label.setStyleSheet(LARGE)
        self.hand_label.setWordWrap(True)
        self.go_label = QLabel(objectName="putAwayHint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.go_label.setStyleSheet("font-size: 26px;")
        self.go_label.setWordWrap(True)
        self.location_label = QLabel(
            objectName="suggestedLocation", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.location_label.setStyleSheet(HUGE)
        self.banner = MessageBanner()
        self.banner.setStyleSheet("font-size: 30px; font-weight: 700; padding: 14px;")
        side = QVBoxLayout()
        side.addWidget(self.hand_label)
        side.addWidget(self.go_label)
        side.addWidget(self.location_label)
        side.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.table, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.receipt_label)
        layout.addLayout(grid, 1)
        layout.addWidget(self.banner)
        self._render()

    # --- input ------------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        # While a fact is being saved or looked up the scan waits: the loop keeps the order.
        self.loop.take(lambda: receiving.on_scan(self.state, scan), scan)

    def handle_typed_number(self, typed: str) -> None:
        """Digits + Enter: the count of the item in hand (or a receipt number)."""
        self.loop.take(lambda: receiving.on_typed(self.state, typed))

    def _look_up(self, verdict: Verdict, scan: Scan | None) -> LookUpCall[Verdict]:
        look = verdict.look_up
        assert look is not None
        if scan is None:  # a typed receipt number
            scan = Scan(raw=look.code, symbology=None, kind="unknown")
        self.banner.show_message("info", lambda: verdict_text(verdict.reason, verdict.params))
        state, scanned = self.state, scan
        if look.what == "receipt":
            return LookUpCall(
                self.backend.receipt,
                look.code,
                lambda found: receiving.on_receipt(state, look.code, found),
            )
        if look.what == "product":
            return LookUpCall(
                self.backend.product,
                look.code,
                lambda found: receiving.on_product(state, scanned, found, look.units),
            )
        return LookUpCall(
            self.backend.location_exists,
            look.code,
            lambda known: receiving.on_location(state, look.code, known),
        )

    def _adopt(self, verdict: Verdict) -> None:
        self.state = verdict.state
        self._render()
        self._feedback(verdict.tone, verdict.reason, verdict.params)
        self._ask_suggestion()

    def _ask_suggestion(self) -> None:
        held, receipt = self.state.in_hand, self.state.receipt
        if held is None or receipt is None or self.state.suggestion is not None:
            return
        self.worker.submit(
            self.backend.suggest,
            receipt.receipt_id,
            held.sku,
            held.lot,
            held.quantity,
            on_success=lambda found: self._suggested(held, found),
            on_failure=lambda exc: log.warning("no put-away suggestion: %s", exc),
        )

    def _suggested(self, asked_for: InHand, location: str | None) -> None:
        if self.state.in_hand == asked_for:  # the hand did not change meanwhile
            self.state = receiving.with_suggestion(self.state, location)
            self._render()

    def _save_failed(self, exc: BaseException) -> None:
        log.warning("could not save a receiving fact: %s", exc)
        self._feedback("error", "save_failed", {"error": error_text(exc)})

    def _look_up_failed(self, exc: BaseException) -> None:
        log.warning("could not look up a receiving scan: %s", exc)
        self._feedback("error", "look_up_failed", {"error": error_text(exc)})

    # --- showing ----------------------------------------------------------------------------
    def _render(self) -> None:
        receipt = self.state.receipt
        if receipt is None:
            self.receipt_label.setText(self.tr("No receipt open: scan one"))
        else:
            self.receipt_label.setText(
                self.tr("Receipt {receipt} · {supplier}").format(
                    receipt=receipt.receipt_id, supplier=receipt.supplier
                )
            )
        self.lines.set_lines(list(receipt.lines) if receipt else [])
        self._render_hand()
        self._keep_in_view()

    def _keep_in_view(self) -> None:
        """The line of the item in hand (of its lot first) scrolled into view."""
        held = self.state.in_hand
        if held is not None:
            lines = self.lines.lines
            rows = [n for n, line in enumerate(lines) if line.sku == held.sku]
            keep_in_view(self.table, sorted(rows, key=lambda n: lines[n].lot != held.lot))

    def _render_hand(self) -> None:
        held, state = self.state.in_hand, self.state
        if state.awaiting_lot is not None:
            product = state.awaiting_lot.product
            self.hand_label.setText(self.tr("{sku}: scan the lot").format(sku=product.sku))
        elif held is not None:
            lot = self.tr(" lot {lot}").format(lot=held.lot) if held.lot else ""
            self.hand_label.setText(
                self.tr("In hand: {quantity} × {sku}{lot}").format(
                    quantity=held.quantity, sku=held.sku, lot=lot
                )
            )
        else:
            self.hand_label.setText(self.tr("Nothing in hand"))
        self.go_label.setText(self._where_text())
        if held is not None:
            self.location_label.setText(state.suggestion or "?")
        else:
            self.location_label.setText(state.last_location or "")

    def _where_text(self) -> str:
        held, state = self.state.in_hand, self.state
        if held is None:
            return self.tr("Last put away at") if state.last_location else ""
        if state.suggestion is None:
            return self.tr("Scan the location you put it in")
        return self.tr("Put it away at (scan the location)")

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
