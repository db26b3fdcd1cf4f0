"""One task at a time, in very large type: where, what, how many, which tote, and the step.

Beside it the route map with the current stop and the next two stops. The buttons and the
quantity field do what the command barcodes do, for touch and keyboard. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.steps.picking import Phase, PickState
from ui.marks import html_text, ok_html
from ui.picker.messages import reason_name, step_prompt
from ui.picker.route_map import RouteMap
from ui.widgets import ElidedLabel

SIDE_WIDTH = 380  # px: the route map and the next stops


def _label(name: str, wrap: bool = False) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(wrap)
    return label


class TaskView(QWidget):
    command = Signal(str)  # CONFIRM, SHORT, SKIP, UNDO, CANCEL: as if scanned
    count_typed = Signal(int)
    reason_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pickTask")
        self.state: PickState | None = None
        self.step = _label("pickStep")
        self.location = _label("pickLocation")
        self.product = _label("pickProduct", wrap=True)
        self.image = _label("pickImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity = _label("pickQuantity")
        self.tote = _label("pickTote")
        self.detail = _label("pickDetail", wrap=True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)  # the drawn check of a scanned lot
        self.progress = _label("pickProgress")
        self.next_stops = [ElidedLabel(objectName="pickNext") for _ in range(2)]
        self.next_title = _label("pickNextTitle")
        self.route_map = RouteMap()
        self.actions = QStackedWidget()
        self.actions.addWidget(self._task_actions())
        self.actions.addWidget(self._short_actions())
        self._show_actions(0)
        self._arrange()
        self.retranslate()

    def _arrange(self) -> None:
        what = QGridLayout()
        what.setHorizontalSpacing(24)
        what.addWidget(self.image, 0, 0, 2, 1)
        what.addWidget(self.product, 0, 1, 1, 2)
        what.addWidget(self.quantity, 1, 1)
        what.addWidget(self.tote, 1, 2)
        what.setColumnStretch(2, 1)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.step)
        left.addWidget(self.location)
        left.addLayout(what)
        left.addWidget(self.detail)
        left.addStretch(1)
        side = QWidget(objectName="pickSide")
        side.setFixedWidth(SIDE_WIDTH)  # the map keeps its size while the texts beside it change
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.progress)
        right.addWidget(self.route_map, 1)
        right.addWidget(self.next_title)
        for label in self.next_stops:
            right.addWidget(label)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(side)
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 8, 24, 4)
        page.addLayout(columns, 1)
        page.addWidget(self.actions)
        for label in (
            self.product,
            self.detail,
            self.location,
            self.step,
            self.next_title,
            *self.next_stops,
        ):
            # long names wrap or clip; they never widen the window past the screen
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _task_actions(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.confirm_button = QPushButton(objectName="primary")
        self.short_button = QPushButton()
        self.skip_button = QPushButton()
        self.undo_button = QPushButton()
        self.count_field = QLineEdit(objectName="pickCount")
        self.count_field.setValidator(QIntValidator(1, 9999, self.count_field))
        self.count_field.returnPressed.connect(self._typed)
        for button, name in (
            (self.confirm_button, "CONFIRM"),
            (self.short_button, "SHORT"),
            (self.skip_button, "SKIP"),
            (self.undo_button, "UNDO"),
        ):
            button.clicked.connect(lambda _=False, n=name: self.command.emit(n))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the count field keeps the keyboard
        row.addWidget(self.count_field)
        for button in (self.confirm_button, self.short_button, self.skip_button, self.undo_button):
            row.addWidget(button)
        return box

    def _short_actions(self) -> QWidget:
        # Six buttons in one row are wider than a 1280 px screen: the reasons on top, then
        # report and back under them.
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.reason_buttons = {}
        for column, reason in enumerate(("empty", "not_found", "damaged", "wrong_item")):
            button = QPushButton(objectName="pickReason", checkable=True)
            button.clicked.connect(lambda _=False, r=reason: self.reason_chosen.emit(r))
            self.reason_buttons[reason] = button
            grid.addWidget(button, 0, column)
        self.report_button = QPushButton(objectName="primary")
        self.report_button.clicked.connect(lambda: self.command.emit("CONFIRM"))
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.command.emit("CANCEL"))
        grid.addWidget(self.report_button, 1, 0, 1, 2)
        grid.addWidget(self.back_button, 1, 2, 1, 2)
        return box

    def _typed(self) -> None:
        text = self.count_field.text().strip()
        if text.isdigit():
            self.count_typed.emit(int(text))
        self.count_field.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.confirm_button.setText(self.tr("Confirm"))
        self.short_button.setText(self.tr("Short"))
        self.skip_button.setText(self.tr("Skip"))
        self.undo_button.setText(self.tr("Undo"))
        self.count_field.setPlaceholderText(self.tr("Qty"))
        self.report_button.setText(self.tr("Report short"))
        self.back_button.setText(self.tr("Back"))
        self.next_title.setText(self.tr("Next stops"))
        for reason, button in self.reason_buttons.items():
            button.setText(reason_name(reason))
        if self.state is not None:
            self.show_state(self.state)

    def show_state(self, state: PickState) -> None:
        """Show the current task of `state` (cheap: labels, and the map only on a new stop)."""
        self.state = state
        task = state.task
        if task is None:
            return
        one_order = len(state.pick_list.cart) == 1
        self.step.setText(step_prompt(state.phase.value, task.no_barcode, one_order))
        self.step.setProperty("phase", state.phase.value)
        self.step.style().polish(self.step)
        self.location.setText(task.location)
        self.product.setText(task.product_name)
        self.image.setText(task.sku.split("-")[0])
        self.quantity.setText(self.tr("Take {n}").format(n=task.remaining))
        tote = state.pick_list.tote_for(task.order_ref) or "—"
        self.tote.setText(self.tr("→ Tote {tote}").format(tote=tote))
        self.detail.setText(self._detail(state))
        total = len(state.pick_list.tasks)
        self.progress.setText(
            self.tr("Stop {n} of {total}").format(n=state.stops_done + 1, total=total)
        )
        following = state.upcoming(2)
        for label, stop in zip(self.next_stops, [*following, None, None], strict=False):
            label.setText("" if stop is None else f"{stop.location}   {stop.product_name}")
        self._show_actions(1 if state.phase is Phase.SHORT else 0)
        for reason, button in self.reason_buttons.items():
            button.setChecked(reason == state.reason.value)
        self.undo_button.setEnabled(state.last is not None)
        self.skip_button.setEnabled(len(state.route) > 1)
        self._show_route(state)

    def _show_actions(self, index: int) -> None:
        """Only the showing row of buttons counts for the layout: the task keeps its room
        while the short reasons (two rows) are hidden."""
        for page in range(self.actions.count()):
            policy = QSizePolicy.Policy.Preferred if page == index else QSizePolicy.Policy.Ignored
            self.actions.widget(page).setSizePolicy(policy, policy)
        self.actions.setCurrentIndex(index)
        self.actions.updateGeometry()

    def _detail(self, state: PickState) -> str:
        task = state.task
        parts = [html_text(self.tr("Order {order}").format(order=task.order_id))]
        if state.lot_scanned:
            lot = html_text(self.tr("Lot {lot}").format(lot=state.lot))
            parts.append(f"{lot}&nbsp;{ok_html(30)}")
        elif task.lot_controlled:  # the lot is scanned, so say which one
            parts.append(html_text(self.tr("Scan lot {lot}").format(lot=task.lot or "…")))
        elif task.lot:
            parts.append(html_text(self.tr("Lot {lot}").format(lot=task.lot)))
        if task.no_barcode:
            parts.append(html_text(self.tr("No barcode: type the count")))
        if state.counted:
            counted = self.tr("Counted {count} of {quantity}").format(
                count=state.counted, quantity=task.remaining
            )
            parts.append(html_text(counted))
        return " &nbsp; · &nbsp; ".join(parts)  # rich text: spaces would collapse

    def _show_route(self, state: PickState) -> None:
        waiting = set(state.route)
        done = [t for t in state.pick_list.tasks if t.id not in waiting]  # tasks are in seq order
        codes = [t.location for t in done] + [state.task_by_id(i).location for i in state.route]
        self.route_map.show_route(codes, len(done))
