"""The Returns tab (docs/returns.md, "The lead's returns view"): quarantine stock to decide
(scrap, return to the supplier, restock after inspection at a location), the returns received
in the last two weeks, the RMAs still expected, and the returns KPIs of the last 30 days.

UI thread only; every read and decision runs on the database worker (`run`). The tab reloads
when it is shown and after each decision, never on the UI thread's time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.returns import RESTOCK, SCRAP, TO_SUPPLIER
from ui.lead.models import RowsModel, tr
from ui.messages import error_text, message_text
from ui.widgets import ElidedLabel

KPI_DAYS = 30

# Reasons and conditions the code writes, in words (an RMA's own reason is the shop's text).
WORDS = {
    "damaged": QT_TRANSLATE_NOOP("ReturnWords", "damaged"),
    "wrong_item": QT_TRANSLATE_NOOP("ReturnWords", "wrong item"),
    "expired": QT_TRANSLATE_NOOP("ReturnWords", "expired"),
    "resell": QT_TRANSLATE_NOOP("ReturnWords", "resell"),
    "missing": QT_TRANSLATE_NOOP("ReturnWords", "missing"),
    "unannounced": QT_TRANSLATE_NOOP("ReturnWords", "no RMA"),
    "no_reason": QT_TRANSLATE_NOOP("ReturnWords", "no reason given"),
    "open": QT_TRANSLATE_NOOP("ReturnWords", "being received"),
    "closed": QT_TRANSLATE_NOOP("ReturnWords", "closed"),
}


def word(key: str) -> str:
    found = WORDS.get(key)
    return QCoreApplication.translate("ReturnWords", found) if found else key


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%m-%d %H:%M")


def _order(channel: str, order_id: str) -> str:
    return f"{channel}/{order_id}" if order_id else "—"


def _items(ret) -> str:
    return ", ".join(f"{x.quantity}× {x.sku} ({word(x.condition)})" for x in ret.lines)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


class QuarantineModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Product")), lambda r: f"{r.sku} {r.name}"),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Units")), lambda r: str(r.quantity)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Lot / serial")), lambda r: r.serial or r.lot),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Why")), lambda r: word(r.reason)),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Order")),
                    lambda r: _order(r.channel, r.order_id),
                ),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Since")), lambda r: _when(r.entered_at)),
            ],
            parent,
            key=lambda r: r.id,
        )


class ReceivedModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Arrived")), lambda r: _when(r.arrived_at)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Order")), _order_and_rma),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Items")), _items),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Status")), lambda r: _status(r)),
            ],
            parent,
            key=lambda r: r.return_id,
        )


def _order_and_rma(ret) -> str:
    return f"{_order(ret.channel, ret.order_id)} · {ret.rma or word('unannounced')}"


def _status(ret) -> str:
    text = word(ret.status)
    if ret.flagged:
        text += " ⚠ " + QCoreApplication.translate("ReturnWords", "flagged")
    return text


class RmaModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "RMA")), lambda r: r.rma),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Order")),
                    lambda r: _order(r.channel, r.order_id),
                ),
                (
                    tr(QT_TRANSLATE_NOOP("LeadColumns", "Reason")),
                    lambda r: f"{r.units}× {r.reason}",
                ),
            ],
            parent,
            key=lambda r: r.rma,
        )


class FiguresModel(RowsModel):
    """The returns KPIs as (figure, value) rows: the totals, then each product's and each
    reason's rate, worst first."""

    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Figure")), lambda r: r[0]()),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Value")), lambda r: r[1]),
            ],
            parent,
            key=lambda r: r[2],
        )


TOTALS = (
    (QT_TRANSLATE_NOOP("ReturnsTab", "All units"), "all"),
    (QT_TRANSLATE_NOOP("ReturnsTab", "To decision, median"), "median"),
    (QT_TRANSLATE_NOOP("ReturnsTab", "To decision, p90"), "p90"),
    (QT_TRANSLATE_NOOP("ReturnsTab", "Waiting for a decision"), "waiting"),
)
REASON = QT_TRANSLATE_NOOP("ReturnsTab", "Reason: {reason}")


def figure_rows(report) -> list[tuple]:
    """(label function, value, key) per row: the totals, then each product's rate (worst
    first, at most 12), then each reason's; labels follow the language switch."""
    values = {
        "all": _rate(report.returned, report.shipped, report.rate_pct),
        "median": _hours(report.decision_median_h),
        "p90": _hours(report.decision_p90_h),
        "waiting": str(report.undecided),
    }
    rows = [(_label(text), values[key], key) for text, key in TOTALS]
    for rate in [r for r in report.by_product if r.returned][:12]:
        rows.append(
            (lambda k=rate.key: k, _rate(rate.returned, rate.shipped, rate.pct), f"p:{rate.key}")
        )
    for rate in report.by_reason:
        reason = _label(REASON, reason_key=rate.key)
        rows.append((reason, _rate(rate.returned, rate.shipped, rate.pct), f"r:{rate.key}"))
    return rows


def _label(text: str, reason_key: str | None = None):
    """A label translated when shown (the reason's words too)."""

    def shown() -> str:
        translated = QCoreApplication.translate("ReturnsTab", text)
        return translated.format(reason=word(reason_key)) if reason_key else translated

    return shown


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} h"


def _rate(returned: int, shipped: int, pct: float | None) -> str:
    return f"{returned}/{shipped} · {_pct(pct)}"


def _table(model, name: str, stretch: int = 0) -> QTableView:
    """A table whose columns take what their contents need; `stretch` takes the rest."""
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(34)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ReturnsTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.quarantine = QuarantineModel(self)
        self.received = ReceivedModel(self)
        self.rmas = RmaModel(self)
        self.figures = FiguresModel(self)
        self.quarantine_view = _table(self.quarantine, "quarantineTable")
        self.received_view = _table(self.received, "returnsTable", stretch=2)
        self.rma_view = _table(self.rmas, "rmaTable", stretch=2)
        self.figures_view = _table(self.figures, "returnFigures")
        self.titles = {key: QLabel(objectName="sectionTitle") for key in _TITLES}
        self.location = QLineEdit(objectName="restockLocation")
        self.location.returnPressed.connect(lambda: self.decide(RESTOCK))
        self.buttons = {
            SCRAP: QPushButton(objectName="scrapButton"),
            TO_SUPPLIER: QPushButton(objectName="toSupplierButton"),
            RESTOCK: QPushButton(objectName="restockButton"),
        }
        for decision, button in self.buttons.items():
            button.clicked.connect(lambda _=False, d=decision: self.decide(d))
        self.refresh_button = QPushButton(objectName="returnsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.result = ElidedLabel(objectName="returnsResult")
        self._said = lambda: ""
        self.desk = None
        self.report = None
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        """The quarantine list and its decisions across the top; below, side by side, the
        returns received, the RMAs still expected and the figures."""
        grid = QGridLayout()
        grid.addWidget(self.titles["quarantine"], 0, 0, 1, 3)
        grid.addWidget(self.quarantine_view, 1, 0, 1, 3)
        decide = QHBoxLayout()
        decide.addWidget(self.location, 1)
        for button in self.buttons.values():
            decide.addWidget(button)
        decide.addWidget(self.refresh_button)
        grid.addLayout(decide, 2, 0, 1, 3)
        grid.addWidget(self.result, 3, 0, 1, 3)
        for column, key in enumerate(("received", "rmas", "kpis")):
            grid.addWidget(self.titles[key], 4, column)
        grid.addWidget(self.received_view, 5, 0)
        grid.addWidget(self.rma_view, 5, 1)
        grid.addWidget(self.figures_view, 5, 2)
        for column, stretch in enumerate((5, 3, 3)):
            grid.setColumnStretch(column, stretch)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(5, 3)
        QVBoxLayout(self).addLayout(grid)

    def retranslate(self) -> None:
        for key, title in self.titles.items():
            title.setText(QCoreApplication.translate("ReturnsTab", _TITLES[key]))
        self.location.setPlaceholderText(self.tr("Restock to location"))
        self.buttons[SCRAP].setText(self.tr("Scrap"))
        self.buttons[TO_SUPPLIER].setText(self.tr("Return to supplier"))
        self.buttons[RESTOCK].setText(self.tr("Restock after inspection"))
        self.refresh_button.setText(self.tr("Refresh"))
        for model in (self.quarantine, self.received, self.rmas, self.figures):
            model.retranslate()
        self.result.setText(self._said())

    # ---- loading (on the worker) -------------------------------------------------------------
    def refresh(self) -> None:
        self._run("returns_desk", done=self._desk_loaded, failed=self._failed)
        end = datetime.now(UTC)
        start = end - timedelta(days=KPI_DAYS)
        self._run("returns_kpis", start, end, done=self._kpis_loaded, failed=self._failed)

    def _desk_loaded(self, desk) -> None:
        self.desk = desk
        self.quarantine.set_rows(desk.quarantine)
        self.received.set_rows(desk.returns)
        self.rmas.set_rows(desk.rmas)

    def _kpis_loaded(self, report) -> None:
        self.report = report
        self.figures.set_rows(figure_rows(report))

    # ---- a decision ----------------------------------------------------------------------------
    def decide(self, decision: str) -> None:
        rows = self.quarantine_view.selectionModel().selectedRows()
        if not rows:
            self._say(lambda: self.tr("Choose a row in the quarantine list first."))
            return
        item = self.quarantine.rows[rows[0].row()]
        location = self.location.text().strip() or None
        self._run(
            "decide_quarantine",
            item.id,
            decision,
            location,
            done=self._decided,
            failed=self._failed,
        )

    def _decided(self, outcome) -> None:
        self.location.clear()
        self._say(lambda: message_text(outcome))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._say(lambda: error_text(exc))

    def _say(self, text) -> None:
        self._said = text
        self.result.setText(text())


_TITLES = {
    "quarantine": QT_TRANSLATE_NOOP("ReturnsTab", "Quarantine: decide each row"),
    "kpis": QT_TRANSLATE_NOOP("ReturnsTab", "Last 30 days"),
    "received": QT_TRANSLATE_NOOP("ReturnsTab", "Received (14 days)"),
    "rmas": QT_TRANSLATE_NOOP("ReturnsTab", "RMAs expected"),
}
