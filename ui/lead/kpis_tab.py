"""The KPIs tab: rates per picker and packer, accuracy, cycle time, cut-off, walking saved.

UI thread only: the report is computed on the database worker; the rates table and the due
chart (a QtCharts view) are refilled from the finished report.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import utcnow
from ui.lead.rates_table import RatesPanel
from ui.lead.standard_view import StandardPanel

RANGES = {
    "shift": timedelta(hours=8),
    "day": None,
    "week": timedelta(days=7),
    "month": timedelta(days=30),
}
GREEN, GREY = QColor("#0a6b2d"), QColor("#9aa5b1")


def range_for(name: str, now: datetime) -> tuple[datetime, datetime]:
    """Shift: the last 8 hours; day: since local midnight; week/month: the last 7/30 days."""
    if name == "day":
        local = now.astimezone()
        return local.replace(hour=0, minute=0, second=0, microsecond=0), now
    return now - RANGES[name], now


def _chart(title_font: QFont) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitleFont(title_font)
    chart.legend().setFont(QFont(title_font.family(), 16))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)  # with the tiles above, the tab fits 1280×800 in either language
    return chart, view


class KpisTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self._run = run
        self.report = None
        self.range_buttons = {name: QPushButton(objectName="secondary") for name in RANGES}
        for name, button in self.range_buttons.items():
            button.clicked.connect(lambda _=False, n=name: self.show_range(n))
        self.start = QDateTimeEdit(QDateTime.currentDateTime().addDays(-1))
        self.end = QDateTimeEdit(QDateTime.currentDateTime())
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.custom_button = QPushButton(objectName="secondary")
        self.custom_button.clicked.connect(self.show_custom)
        self.export_button = QPushButton(objectName="secondary", enabled=False)
        self.export_button.clicked.connect(self.ask_export)
        self.figures = {
            name: QLabel(objectName="kpiFigure")
            for name in ("accuracy", "cycle", "walking", "cutoff")
        }
        for label in self.figures.values():
            label.setWordWrap(True)
        font = QFont(self.font().family(), 18, QFont.Weight.Bold)
        self.rates = RatesPanel()
        self.due_chart, self.due_view = _chart(font)
        # Each picker-hour vs the labour standard, in the due chart's place when asked for.
        self.standard = StandardPanel()
        self.right = QStackedWidget()
        self.right.addWidget(self.due_view)
        self.right.addWidget(self.standard)
        self.standard_button = QPushButton(objectName="secondary", checkable=True)
        self.standard_button.toggled.connect(self._show_standard)
        # Several warehouses: the same KPIs side by side, one column per warehouse.
        self.compare_button = QPushButton(objectName="secondary", checkable=True)
        self.compare_button.setVisible(False)
        self.compare_button.toggled.connect(self._compare)
        self.comparison: list[tuple[str, object]] | None = None
        self.compare_table = QTableWidget(objectName="kpiComparison")
        self.compare_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare_table.horizontalHeader().setStretchLastSection(False)
        # Scrolls within rather than asking for its rows' height: the tab fits 1280×800.
        self.compare_table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.charts = QStackedWidget()
        self._range: tuple[datetime, datetime] | None = None
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        # The ready ranges and the export on one row, a custom range on the next: in one row
        # they are wider than a 1280 px screen.
        bar = QHBoxLayout()
        for button in self.range_buttons.values():
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.standard_button)
        bar.addWidget(self.export_button)
        custom = QHBoxLayout()
        custom.addWidget(self.start)
        custom.addWidget(self.end)
        custom.addWidget(self.custom_button)
        custom.addStretch(1)
        custom.addWidget(self.compare_button)
        figures = QGridLayout()
        for n, label in enumerate(self.figures.values()):
            figures.addWidget(label, 0, n)
        both = QWidget()
        charts = QHBoxLayout(both)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(self.rates, 1)
        charts.addWidget(self.right, 1)
        self.charts.addWidget(both)
        self.charts.addWidget(self.compare_table)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(custom)
        layout.addLayout(figures)
        layout.addWidget(self.charts, 1)

    def retranslate(self) -> None:
        names = {
            "shift": self.tr("Shift (8 h)"),
            "day": self.tr("Today"),
            "week": self.tr("7 days"),
            "month": self.tr("30 days"),
        }
        for name, button in self.range_buttons.items():
            button.setText(names[name])
        self.custom_button.setText(self.tr("Show range"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.standard_button.setText(self.tr("vs standard"))
        self.compare_button.setText(self.tr("All warehouses"))
        self.standard.retranslate()
        self.rates.retranslate()
        self._fill()
        self._fill_comparison()

    def _show_standard(self, shown: bool) -> None:
        self.right.setCurrentWidget(self.standard if shown else self.due_view)

    def show_range(self, name: str) -> None:
        self.load(*range_for(name, utcnow()))

    def show_custom(self) -> None:
        start = self.start.dateTime().toPython().astimezone()
        self.load(start, self.end.dateTime().toPython().astimezone())

    def load(self, start: datetime, end: datetime) -> None:
        self._range = (start, end)
        self.start.setDateTime(QDateTime(start.astimezone().replace(tzinfo=None)))
        self.end.setDateTime(QDateTime(end.astimezone().replace(tzinfo=None)))
        self._run("kpis", start, end, done=self.show_report)
        if self.compare_button.isChecked():
            self._run("kpis_by_warehouse", start, end, done=self.show_comparison)

    def reload(self) -> None:
        """The same range again (another warehouse was chosen); nothing before a first range."""
        if self._range is not None:
            self.load(*self._range)

    def set_warehouses(self, codes: list[str]) -> None:
        """Several warehouses: offer the side-by-side table; one: hide it."""
        several = len(codes) > 1
        self.compare_button.setVisible(several)
        if not several:
            self.compare_button.setChecked(False)

    def _compare(self, shown: bool) -> None:
        self.charts.setCurrentIndex(1 if shown else 0)
        for label in self.figures.values():  # the chosen warehouse's: its column says the same
            label.setVisible(not shown)
        if shown and self._range is not None:
            self._run("kpis_by_warehouse", *self._range, done=self.show_comparison)

    def show_comparison(self, reports: list[tuple[str, object]]) -> None:
        self.comparison = reports
        self._fill_comparison()

    def _fill_comparison(self) -> None:
        reports = self.comparison or []
        rows = [
            (self.tr("Lines picked"), lambda r: str(r.good_scans)),
            (self.tr("Lines per picker-hour"), _lines_per_hour),
            (self.tr("Mis-scans per 1,000 scans"), _mis_scans),
            (self.tr("Import → shipped, median (h)"), lambda r: _hours(r.cycle.median_h)),
            (self.tr("Import → shipped, p90 (h)"), lambda r: _hours(r.cycle.p90_h)),
            (self.tr("Orders shipped"), lambda r: str(r.cycle.orders)),
            (self.tr("Shipped by cut-off"), self._on_time),
            (self.tr("Walking saved vs S-shape"), self._walking),
            (self.tr("Pick lists"), lambda r: str(r.distance.pick_lists)),
        ]
        table = self.compare_table
        table.setRowCount(len(rows))
        table.setColumnCount(len(reports))
        table.setHorizontalHeaderLabels([code for code, _ in reports])
        table.setVerticalHeaderLabels([label for label, _ in rows])
        for row, (_, value) in enumerate(rows):
            for column, (_, report) in enumerate(reports):
                item = QTableWidgetItem(value(report))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()

    def _walking(self, report) -> str:
        percent = report.distance.saved_percent
        return self.tr("{metres:,.0f} m ({percent})").format(
            metres=report.distance.saved_m,
            percent="—" if percent is None else f"{percent:.0f} %",
        )

    def _on_time(self, report) -> str:
        due = sum(d.due for d in report.due_days)
        on_time = sum(d.shipped_on_time for d in report.due_days)
        return self.tr("{on_time} of {due}").format(on_time=on_time, due=due)

    def show_report(self, report) -> None:
        self.report = report
        self.export_button.setEnabled(True)
        self._fill()

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export KPIs"), "kpis.csv", "CSV (*.csv)"
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        if self.report is not None:
            self._run("export_kpis", self.report, path)

    def _fill(self) -> None:
        report = self.report
        if report is None:
            for label in self.figures.values():
                label.setText("")
            self.standard.fill([])
            self.rates.fill(None)
            return
        self._fill_figures(report)
        self.rates.fill(report.rates)
        self._fill_due(report)
        self.standard.fill(report.performance)

    def _fill_figures(self, report) -> None:
        accuracy = report.mis_scans_per_1000
        scans = report.good_scans + report.refused_scans
        self.figures["accuracy"].setText(
            self.tr("Mis-scans\n{value} per 1,000 scans\n({n} scans)").format(
                value="—" if accuracy is None else f"{accuracy:.1f}", n=scans
            )
        )
        cycle = report.cycle
        self.figures["cycle"].setText(
            self.tr("Import → shipped\nmedian {median} h · p90 {p90} h\n({n} orders)").format(
                median=_hours(cycle.median_h), p90=_hours(cycle.p90_h), n=cycle.orders
            )
        )
        walked = report.distance
        percent = walked.saved_percent
        self.figures["walking"].setText(
            self.tr(
                "Walking saved vs S-shape\n{metres:,.0f} m ({percent})\n({n} pick lists)"
            ).format(
                metres=walked.saved_m,
                n=walked.pick_lists,
                percent="—" if percent is None else f"{percent:.0f} %",
            )
        )
        due = sum(d.due for d in report.due_days)
        on_time = sum(d.shipped_on_time for d in report.due_days)
        self.figures["cutoff"].setText(
            self.tr("Shipped by cut-off\n{on_time} of {due} due").format(on_time=on_time, due=due)
        )

    def _fill_due(self, report) -> None:
        chart = self.due_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("Orders due and shipped on time"))
        days = report.due_days[-14:]
        due, shipped = QBarSet(self.tr("due")), QBarSet(self.tr("shipped on time"))
        due.setColor(GREY)
        shipped.setColor(GREEN)
        for day in days:
            due.append(day.due)
            shipped.append(day.shipped_on_time)
        series = QBarSeries()
        series.append(due)
        series.append(shipped)
        _big_labels(series, due, shipped)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([d.day.strftime("%m-%d") for d in days] or [""])
        values = _count_axis(max([d.due for d in days] or [1]))
        values.setLabelsFont(QFont(self.font().family(), 14))
        axis.setLabelsFont(QFont(self.font().family(), 14))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        series.attachAxis(values)


def _count_axis(top: int) -> QValueAxis:
    """Whole numbers only: a tick per order up to four, every second one up to ten (more ticks
    than that do not fit the chart's height and Qt elides them all), nice steps above."""
    axis = QValueAxis()
    axis.setRange(0, max(top, 1))
    if top <= 10:
        step = 1 if top <= 4 else 2
        ticks = -(-max(top, 1) // step)
        axis.setRange(0, ticks * step)
        axis.setTickCount(ticks + 1)
    else:
        axis.applyNiceNumbers()
    axis.setLabelFormat("%d")
    return axis


def _big_labels(series, *bar_sets: QBarSet) -> None:
    series.setLabelsVisible(True)
    series.setLabelsPosition(series.LabelsPosition.LabelsInsideEnd)
    for bar_set in bar_sets:
        bar_set.setLabelFont(QFont(bar_set.labelFont().family(), 13, QFont.Weight.Bold))
        dark_bar = bar_set.color() != GREY
        bar_set.setLabelColor(QColor("#ffffff" if dark_bar else "#111111"))


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _lines_per_hour(report) -> str:
    picks = [r for r in report.rates if r.kind == "pick"]
    hours = sum(r.hours for r in picks)
    return "—" if not hours else f"{sum(r.lines for r in picks) / hours:.1f}"


def _mis_scans(report) -> str:
    value = report.mis_scans_per_1000
    return "—" if value is None else f"{value:.1f}"
