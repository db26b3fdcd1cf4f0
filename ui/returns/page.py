"""The returns clerk's station (docs/returns.md): scan the parcel, then each item and its
condition; a resellable unit is put back where the big location says and confirmed by scanning
it. Scanner only — the buttons along the bottom do what the command barcodes do, for a clerk who
prefers to touch.

UI thread only. The loader's loop (ui/scan_loop.py runs it): `handle_scan` → step
(app.steps.returning) → a look-up or the facts recorded on the worker → adopt the state and
show the verdict with its tone. What is taken in shows only once its fact is durable; scans that
arrive meanwhile wait in order.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Actor
from app.domain.returns import ReturnedItem, ShippedLine
from app.domain.users import User
from app.scanning.interpret import Scan
from app.services.ports import ReturnsBackend
from app.steps import returning
from app.steps.returning_state import ReturnState, Verdict
from ui.item_table import item_table, item_text, keep_in_view
from ui.messages import error_text
from ui.returns.texts import verdict_text
from ui.scan_loop import LookUpCall, ScanLoop
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import Worker

log = logging.getLogger(__name__)
HUGE = "font-size: 64px; font-weight: 800;"  # where the unit goes: read from a metre away
LARGE = "font-size: 32px; font-weight: 700;"
FLAGGED = QBrush(QColor("#ffc9c9"))
DONE = QBrush(QColor("#c8ecd3"))
# The buttons along the bottom: the command each one gives.
BUTTONS = ("RESELL", "DAMAGED", "WRONG_ITEM", "MISSING", "UNDO", "CLOSE", "CANCEL")


class ParcelLinesModel(QAbstractTableModel):
    """What the order shipped, what the RMA expects back, and what this parcel brought."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[ShippedLine] = []
        self.taken: list[ReturnedItem] = []

    def show(self, lines: list[ShippedLine], taken: list[ReturnedItem]) -> None:
        self.beginResetModel()
        self.lines, self.taken = list(lines), list(taken)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines) + len(self._strangers())

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Item"),
            self.tr("Shipped"),
            self.tr("Expected"),
            self.tr("This parcel"),
            self.tr("Lots / serials"),
        )[section]

    def _strangers(self) -> list[ReturnedItem]:
        """Items taken in that the order did not ship (wrong items), one row each."""
        known = {line.sku for line in self.lines}
        return [x for x in self.taken if x.sku not in known]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self.lines):
            item = self._strangers()[row - len(self.lines)]
            cells = (item.sku, "0", "–", self._taken_text(item.sku), item.serial or item.lot)
            if role == Qt.ItemDataRole.BackgroundRole:
                return FLAGGED
            return cells[index.column()] if role == Qt.ItemDataRole.DisplayRole else None
        line = self.lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = (
                item_text(line.sku, line.name),
                str(line.shipped),
                str(line.expected) if line.expected else "–",
                self._taken_text(line.sku),
                ", ".join([*(x.lot for x in line.lots), *line.serials]) or "–",
            )
            return cells[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and line.expected:
            got = sum(x.quantity for x in self.taken if x.sku == line.sku)
            return DONE if got >= line.expected else None
        return None

    def _taken_text(self, sku: str) -> str:
        parts = [
            f"{x.quantity} {self.condition_word(x.condition)}" for x in self.taken if x.sku == sku
        ]
        return ", ".join(parts) or "–"

    def condition_word(self, condition: str) -> str:
        words = {
            "resell": self.tr("resell"),
            "damaged": self.tr("damaged"),
            "wrong_item": self.tr("wrong item"),
            "missing": self.tr("missing"),
        }
        return words.get(condition, condition)


class ReturnsPage(QWidget):
    verdict_shown = Signal(str, str)  # (tone, reason), after the screen shows it

    def __init__(
        self,
        user: User,
        backend: ReturnsBackend,
        worker: Worker,
        station: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("home")
        self.user, self.backend, self.worker = user, backend, worker
        self.state: ReturnState = returning.start(Actor(user.name, station), date.today())
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
        self.order_label = QLabel(objectName="returnOrder")
        self.order_label.setStyleSheet(LARGE)
        self.order_label.setWordWrap(True)
        self.lines = ParcelLinesModel(self)
        self.table = item_table(self.lines, "returnLines", 24)
        self.hand_label = QLabel(objectName="returnInHand", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hand_label.setStyleSheet(LARGE)
        self.hand_label.setWordWrap(True)
        self.go_label = QLabel(objectName="returnHint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.go_label.setStyleSheet("font-size: 26px;")
        self.go_label.setWordWrap(True)
        self.where_label = QLabel(objectName="returnWhere", alignment=Qt.AlignmentFlag.AlignCenter)
        self.where_label.setStyleSheet(HUGE)
        self.buttons = {name: QPushButton(objectName=f"return{name.title()}") for name in BUTTONS}
        for name, button in self.buttons.items():
            button.setMinimumHeight(64)
            button.setStyleSheet("font-size: 24px; font-weight: 700;")
            button.clicked.connect(lambda _=False, n=name: self.give_command(n))
        self.banner = MessageBanner()
        self.banner.setStyleSheet("font-size: 28px; font-weight: 700; padding: 12px;")
        self._lay_out()
        self._render()

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        side.addWidget(self.hand_label)
        side.addWidget(self.go_label)
        side.addWidget(self.where_label)
        side.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.table, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        layout.addWidget(self.order_label)
        layout.addLayout(grid, 1)
        layout.addLayout(row)
        layout.addWidget(self.banner)

    # --- input ------------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        # While a fact is being saved or looked up the scan waits: the loop keeps the order.
        self.loop.take(lambda: returning.on_scan(self.state, scan), scan)

    def handle_typed_number(self, typed: str) -> None:
        """Digits + Enter: how many of the item in hand (or an order or RMA number)."""
        self.loop.take(lambda: returning.on_typed(self.state, typed))

    def give_command(self, name: str) -> None:
        """A button: the same as scanning C:<name>."""
        self.loop.take(lambda: returning.on_command(self.state, name))

    def _look_up(self, verdict: Verdict, scan: Scan | None) -> LookUpCall[Verdict]:
        look = verdict.look_up
        assert look is not None
        if scan is None:  # a typed parcel code
            scan = Scan(raw=look.code, symbology=None, kind="unknown")
        self.banner.show_message("info", lambda: verdict_text(verdict.reason, verdict.params))
        state, scanned = verdict.state, scan
        if look.what == "parcel":
            # A new return's name; an open return of the order is resumed under its own.
            opened = str(uuid.uuid4())
            return LookUpCall(
                self.backend.parcel,
                look.code,
                # Today's date with each parcel: a station signed in overnight judges expiry right.
                lambda found: returning.on_parcel(
                    replace(state, today=date.today()), look.code, found, opened
                ),
            )
        if look.what == "product":
            return LookUpCall(
                self.backend.product,
                look.code,
                lambda found: returning.on_product(state, scanned, found, look.units),
            )
        if look.what == "suggestion":
            held, order = state.in_hand, state.context
            assert held is not None and order is not None
            return LookUpCall(
                lambda _: self.backend.suggest(
                    order.channel, order.order_id, held.sku, held.lot, held.quantity
                ),
                look.code,
                lambda found: returning.on_suggestion(state, found),
            )
        if look.what == "stock":
            return self._stock_look_up(state, look.code)
        return LookUpCall(
            self.backend.location_exists,
            look.code,
            lambda known: returning.on_location(state, look.code, known),
        )

    def _stock_look_up(self, state: ReturnState, code: str) -> LookUpCall[Verdict]:
        """C:UNDO of a unit put on a shelf: how many are still free there."""
        last = state.taken[-1]
        return LookUpCall(
            lambda _: self.backend.free_at(last.location, last.sku, last.lot),
            code,
            lambda free: returning.on_stock_left(state, free),
        )

    def _adopt(self, verdict: Verdict) -> None:
        self.state = verdict.state
        self._render()
        self._feedback(verdict.tone, verdict.reason, verdict.params)

    def _save_failed(self, exc: BaseException) -> None:
        log.warning("could not save a returns fact: %s", exc)
        self._feedback("error", "save_failed", {"error": error_text(exc)})

    def _look_up_failed(self, exc: BaseException) -> None:
        log.warning("could not look up a returns scan: %s", exc)
        self._feedback("error", "look_up_failed", {"error": error_text(exc)})

    # --- showing ----------------------------------------------------------------------------
    def _render(self) -> None:
        self._retranslate_buttons()
        context = self.state.context
        if context is None:
            self.order_label.setText(self.tr("No parcel open: scan the parcel's label"))
            self.lines.show([], [])
        else:
            rma = (
                self.tr(" · RMA {rma} ({reason})").format(
                    rma=context.rma, reason=context.rma_reason
                )
                if context.rma
                else self.tr(" · not announced")
            )
            self.order_label.setText(
                self.tr("Order {channel}/{order_id}").format(
                    channel=context.channel, order_id=context.order_id
                )
                + rma
            )
            self.lines.show(list(context.lines), list(self.state.taken))
        self._render_hand()
        held = self.state.in_hand
        if held is not None:  # its line in view: a parcel of many lines outgrows the table
            keep_in_view(
                self.table, [n for n, x in enumerate(self.lines.lines) if x.sku == held.sku]
            )

    def _render_hand(self) -> None:
        held, state = self.state.in_hand, self.state
        if state.awaiting_serial is not None:
            sku = state.awaiting_serial.product.sku
            self.hand_label.setText(self.tr("{sku}: scan the serial").format(sku=sku))
        elif held is not None:
            extra = held.serial or held.lot
            self.hand_label.setText(
                self.tr("In hand: {quantity} × {sku} {extra}")
                .format(quantity=held.quantity, sku=held.sku, extra=extra)
                .strip()
            )
        else:
            self.hand_label.setText(self.tr("Nothing in hand"))
        self.go_label.setText(self._hint())
        self.where_label.setText(self._where())
        flagged = held is not None and bool(held.flag)
        self.where_label.setStyleSheet(HUGE + (" color: #b00020;" if flagged else ""))

    def _hint(self) -> str:
        held, state = self.state.in_hand, self.state
        if held is None:
            return ""
        if held.flag:
            return self.tr("Not as shipped: C:WRONG_ITEM or C:CANCEL")
        if state.reselling:
            return self.tr("Put it back at (scan the location)")
        return self.tr("Its condition? C:RESELL · C:DAMAGED · C:WRONG_ITEM")

    def _where(self) -> str:
        held, state = self.state.in_hand, self.state
        if held is not None and held.flag:
            return "⚠"
        if held is not None and state.reselling:
            return state.suggestion or "?"
        return ""

    def _retranslate_buttons(self) -> None:
        texts = {
            "RESELL": self.tr("Resell"),
            "DAMAGED": self.tr("Damaged"),
            "WRONG_ITEM": self.tr("Wrong item"),
            "MISSING": self.tr("Missing"),
            "UNDO": self.tr("Undo last"),
            "CLOSE": self.tr("Close parcel"),
            "CANCEL": self.tr("Cancel"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])

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
