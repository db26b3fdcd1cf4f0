"""The Waves tab: filter allocated orders, preview the carts the planner makes, release.

UI thread only. Planning runs on the database worker (`run("plan", ...)`, seconds for a few
hundred orders): meanwhile the tab says so and the preview button is greyed, so a plan is never
started twice; the preview comes back through `show_preview`, a refusal through `_plan_failed`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.kpis import estimated_pick_seconds
from app.services.waves import WaveFilter
from ui.lead.models import RowsModel, tr
from ui.messages import error_text

# Kilograms as typed: up to 4 digits, a decimal point or comma, 2 decimals (empty: no limit).
KILOGRAMS = QRegularExpression(r"\d{1,4}([.,]\d{1,2})?")
# Litres the same way: up to 9999.99 l (empty: no limit).
LITRES = QRegularExpression(r"\d{1,4}([.,]\d{1,2})?")


def _number(text: str) -> float | None:
    """A limit as typed, `.` or `,` as the decimal point (None: empty, no limit)."""
    text = text.strip().replace(",", ".")
    return float(text) if text else None


def minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min"


class CartModel(RowsModel):
    """One row per cart (pick list) of the previewed wave."""

    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Cart")), lambda c: str(c[0])),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Orders")),
                    lambda c: str(len(c[1].order_refs)),
                ),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Lines")), lambda c: str(len(c[1].tasks))),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Walk")),
                    lambda c: f"{c[1].distance_m:.0f} m",
                ),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "S-shape")),
                    lambda c: f"{c[1].sshape_distance_m:.0f} m",
                ),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Time")), lambda c: minutes(_seconds(c[1]))),
            ],
            parent,
        )


def _seconds(pick_list) -> float:
    return estimated_pick_seconds(pick_list.distance_m, len(pick_list.tasks))


class WavesTab(QWidget):
    planned = Signal(object)  # the previewed PlannedWave

    def __init__(self, run, parent=None):
        super().__init__(parent)
        self.setObjectName("wavesTab")  # its fields a notch lower (floor.qss): 8 rows in 800 px
        self._run = run
        self.wave = None
        self.carrier = QLineEdit(objectName="carrierFilter")
        self.channel = QLineEdit(objectName="channelFilter")
        self.min_priority = QSpinBox(minimum=0, maximum=9)
        self.use_ship_by = QCheckBox()
        self.ship_by = QDateTimeEdit(QDateTime.currentDateTime().addSecs(4 * 3600))
        self.ship_by.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.max_orders = QSpinBox(minimum=0, maximum=10000)
        self.capacity = QSpinBox(minimum=1, maximum=48, value=8)
        self.max_weight = QLineEdit(objectName="cartMaxWeight")  # after capacity in tab order
        self.max_weight.setValidator(QRegularExpressionValidator(KILOGRAMS, self.max_weight))
        self.max_weight.returnPressed.connect(self.preview)
        self.max_volume = QLineEdit(objectName="cartMaxVolume")  # after the weight in tab order
        self.max_volume.setValidator(QRegularExpressionValidator(LITRES, self.max_volume))
        self.max_volume.returnPressed.connect(self.preview)
        self.planning = False  # a plan is on the worker
        self.problem: BaseException | None = None  # why the last plan was refused
        self.preview_button = QPushButton(objectName="primary")
        self.release_button = QPushButton(objectName="primary", enabled=False)
        self.preview_button.clicked.connect(self.preview)
        self.release_button.clicked.connect(self.release)
        self.carts = CartModel(self)
        self.cart_view = QTableView(objectName="cartTable")
        self.cart_view.setModel(self.carts)
        self.cart_view.verticalHeader().hide()
        self.cart_view.verticalHeader().setDefaultSectionSize(44)
        # Each column as wide as its header and figures (equal shares cut "S-shape" at 1280 px).
        header = self.cart_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.totals = QLabel(objectName="previewTotals")
        self.totals.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(4)
        self._labels = [QLabel() for _ in range(8)]
        for label, field in zip(self._labels, self._fields(), strict=True):
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addLayout(buttons)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.totals)
        right.addWidget(self.cart_view, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.retranslate()

    def _fields(self) -> list[QWidget]:
        ship_by = QWidget()
        row = QHBoxLayout(ship_by)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.use_ship_by)
        row.addWidget(self.ship_by, 1)
        return [
            self.carrier,
            self.channel,
            self.min_priority,
            ship_by,
            self.max_orders,
            self.capacity,
            self.max_weight,
            self.max_volume,
        ]

    def retranslate(self) -> None:
        texts = [
            self.tr("Carrier"),
            self.tr("Channel"),
            self.tr("Priority at least"),
            self.tr("Ship by before"),
            self.tr("At most orders (0: all)"),
            self.tr("Orders per cart"),
            self.tr("Max. weight per cart (kg)"),
            self.tr("Max. volume per cart (l)"),
        ]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.carrier.setPlaceholderText(self.tr("any"))
        self.channel.setPlaceholderText(self.tr("any"))
        self.max_weight.setPlaceholderText(self.tr("no limit"))
        self.max_volume.setPlaceholderText(self.tr("no limit"))
        self.preview_button.setText(self.tr("Preview wave"))
        self.release_button.setText(self.tr("Release to the floor"))
        self.carts.retranslate()
        self._show_totals()

    def wave_filter(self) -> WaveFilter:
        ship_by = self.ship_by.dateTime().toPython() if self.use_ship_by.isChecked() else None
        if ship_by is not None:
            ship_by = ship_by.astimezone()  # local wall clock → aware
        return WaveFilter(
            carrier=self.carrier.text().strip() or None,
            channel=self.channel.text().strip() or None,
            min_priority=self.min_priority.value() or None,
            ship_by_before=ship_by,
            max_orders=self.max_orders.value() or None,
        )

    def max_weight_kg(self) -> float | None:
        """The weight limit typed (None: empty, no limit); the planner refuses 0."""
        return _number(self.max_weight.text())

    def max_volume_l(self) -> float | None:
        """The volume limit typed in litres (None: empty, no limit); the planner refuses 0."""
        return _number(self.max_volume.text())

    def preview(self) -> None:
        if self.planning:  # Enter in a field while a plan runs: that plan is the answer
            return
        self._planning(True)
        self.release_button.setEnabled(False)
        self._run(
            "plan",
            self.capacity.value(),
            self.wave_filter(),
            self.max_weight_kg(),
            self.max_volume_l(),
            done=self.show_preview,
            failed=self._plan_failed,
        )

    def _planning(self, running: bool) -> None:
        self.planning, self.problem = running, None
        self.preview_button.setEnabled(not running)
        self._show_totals()

    def show_preview(self, wave) -> None:
        self.wave = wave
        self.carts.set_rows(list(enumerate(wave.pick_lists, start=1)))
        self.release_button.setEnabled(bool(wave.pick_lists))
        self._planning(False)

    def _plan_failed(self, exc: BaseException) -> None:
        self.wave = None  # what was previewed before is not what the lead asked for now
        self.carts.set_rows([])
        self._planning(False)
        self.problem = exc
        self._show_totals()

    def _show_totals(self) -> None:
        wave = self.wave
        if self.planning:
            self.totals.setText(self.tr("Planning… (a few seconds)"))
            return
        if self.problem is not None:
            self.totals.setText(error_text(self.problem))
            return
        if wave is None:
            self.totals.setText(self.tr("Choose filters, then preview the next wave."))
            return
        seconds = sum(_seconds(p) for p in wave.pick_lists)
        lines = sum(len(p.tasks) for p in wave.pick_lists)
        self.totals.setText(
            self.tr(
                "Wave {name}: {orders} orders, {lines} lines on {carts} carts · "
                "{metres:.0f} m walking · about {time} of picking"
            ).format(
                name=wave.name,
                orders=wave.order_count,
                lines=lines,
                carts=len(wave.pick_lists),
                metres=wave.distance_m,
                time=minutes(seconds),
            )
        )

    def forget(self) -> None:
        """Another warehouse was chosen: the preview was the last one's."""
        if not self.planning:
            self.wave, self.problem = None, None
            self.carts.set_rows([])
            self.release_button.setEnabled(False)
            self._show_totals()

    def release(self) -> None:
        if self.wave is None:
            return
        wave, self.wave = self.wave, None
        self.release_button.setEnabled(False)
        self._run("save", wave, True, done=self._released)

    def _released(self, _saved_wave) -> None:  # the banner names what it left out (home.py)
        self.carts.set_rows([])
        self._show_totals()
