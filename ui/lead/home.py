"""The shift lead's home: Waves, Board, Exceptions, KPIs, Order lookup, Dispatch, Returns,
Settings and Stations in tabs.

UI thread only. Every use case runs on the injected database worker through `run`; results
come back on the UI thread. The board and the queue are polled every few seconds, never more
than one poll in flight, so a slow database makes the board late, never the screen frozen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from ui.lead.board_tab import BoardTab
from ui.lead.dispatch_tab import DispatchTab
from ui.lead.exceptions_tab import ExceptionsTab
from ui.lead.kpis_tab import KpisTab
from ui.lead.lookup_tab import LookupTab
from ui.lead.returns_tab import ReturnsTab
from ui.lead.settings_tab import SettingsTab
from ui.lead.stations_tab import StationsTab
from ui.lead.waves_tab import WavesTab
from ui.messages import error_text, message_text
from ui.widgets import MessageBanner

POLL_MS = 3000
SHOWN_LEFT_OUT = 4  # orders a wave's save left out, named in the banner (then "and N more")
# Use cases after which the board and the queue are reloaded at once.
CHANGES = {
    "save",
    "top_up",
    "rebalance_apply",
    "release",
    "reassign",
    "reassign_wave",
    "unassign",
    "hold",
    "resume",
    "cancel",
    "resolve",
    "close_carrier",
    "send_again",
    "drop_message",
}


class LeadHome(QWidget):
    def __init__(self, console, worker, poll_ms: int = POLL_MS, parent=None):
        super().__init__(parent)
        self.setObjectName("leadHome")
        self.console, self.worker = console, worker
        self.user = console.lead
        self._polling = False
        self.message = MessageBanner()
        self.message.setObjectName("leadMessage")
        self.tabs = QTabWidget(objectName="leadTabs")
        self.waves = WavesTab(self.run)
        self.board = BoardTab(self.run)
        self.exceptions = ExceptionsTab(self.run)
        self.kpis = KpisTab(self.run)
        self.lookup = LookupTab(self.run)
        self.dispatch = DispatchTab(self.run)
        self.returns = ReturnsTab(self.run)
        self.settings = SettingsTab(self.run)
        self.stations_tab = StationsTab(self.run)  # stations, then the shop and ERP links
        self.stations, self.links = self.stations_tab.table, self.stations_tab.links
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        self.tabs.setCurrentWidget(self.board)
        # Several warehouses: whose work every tab shows (hidden on a single site). In the tab
        # row's corner, the code alone (the names are in the list): nine tabs leave little room.
        self.warehouse = QComboBox(objectName="warehouseChoice")
        self.warehouse.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.warehouse.activated.connect(self._choose_warehouse)
        self.tabs.setCornerWidget(self.warehouse, Qt.Corner.TopRightCorner)
        self.warehouse.setVisible(False)
        self.warehouse_corner = self.warehouse
        # Alt+W reaches it from anywhere, as the tabs' own keys do.
        QShortcut(QKeySequence("Alt+W"), self, self.warehouse.setFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.retranslate()
        # The worker runs one thing at a time, in order: the board polled next is already
        # the chosen warehouse's.
        self.reload_warehouses()
        self.poll()

    def reload_warehouses(self) -> None:
        """Ask again which warehouses there are (the selector appears with a second one)."""
        self.run("warehouses", done=self._warehouses_loaded)

    def _warehouses_loaded(self, choice) -> None:
        self.warehouse.clear()
        for n, found in enumerate(choice.warehouses):
            self.warehouse.addItem(found.code, found.id)
            self.warehouse.setItemData(
                n, f"{found.code} · {found.name}", Qt.ItemDataRole.ToolTipRole
            )
        if choice.chosen is not None:
            self.warehouse.setCurrentIndex(self.warehouse.findData(choice.chosen))
        several = len(choice.warehouses) > 1
        self.warehouse_corner.setVisible(several)
        self.kpis.set_warehouses([w.code for w in choice.warehouses])

    def _choose_warehouse(self, index: int) -> None:
        self.run("choose_warehouse", self.warehouse.itemData(index), done=self._warehouse_chosen)

    def _warehouse_chosen(self, choice) -> None:
        """Every tab shows the chosen warehouse's work: reload them now."""
        self._warehouses_loaded(choice)
        self.waves.forget()
        if self.tabs.currentWidget() is self.dispatch:  # its transfers are the warehouse's
            self.dispatch.refresh()
        self.poll(force=True)
        self.kpis.reload()
        self.lookup.warehouse_changed()  # the order shown: is it the chosen warehouse's?
        self.settings.warehouse_changed()  # reloads, or keeps edits not saved (says whose)
        self.exceptions.slotting.forget()
        self._tab_shown(self.tabs.currentIndex())  # the tab in view now, the others when shown

    def _tab_shown(self, index: int) -> None:
        # A month of KPIs can take a second or two on the worker: only when the lead looks.
        if self.tabs.widget(index) is self.kpis and self.kpis.report is None:
            self.kpis.show_range("shift")
        if self.tabs.widget(index) is self.dispatch:
            self.dispatch.refresh()
        if self.tabs.widget(index) is self.returns:
            self.returns.refresh()
        # Once: coming back to the tab must not drop edits not saved yet (Reload does).
        if self.tabs.widget(index) is self.settings and self.settings.view is None:
            self.settings.reload()

    def run(self, name: str, *args, done=None, failed=None) -> None:
        """Run `console.<name>(*args)` on the worker; `done(result)` on the UI thread, and on
        failure `failed(exc)` (a tab that shows its own refusals) or the home's banner."""

        def succeeded(result) -> None:
            if not isValid(self):  # signed out while the worker was busy
                return
            if done is not None:
                done(result)
            if name in CHANGES:
                self._confirm(name, result)
                self.poll(force=True)

        def refused(exc: BaseException) -> None:
            if isValid(self):
                (failed or self.show_error)(exc)

        self.worker.submit(
            getattr(self.console, name), *args, on_success=succeeded, on_failure=refused
        )

    def poll(self, force: bool = False) -> None:
        """Reload the board and the queue (skipped while the last poll is still running)."""
        if self._polling and not force:
            return
        self._polling = True
        self.worker.submit(
            self.console.board, on_success=self._board_loaded, on_failure=self._poll_failed
        )
        self.worker.submit(
            self.console.stations, on_success=self._stations_loaded, on_failure=self.show_error
        )
        self.worker.submit(
            self.console.links, on_success=self._links_loaded, on_failure=self.show_error
        )
        self.worker.submit(
            self.console.queue, on_success=self._queue_loaded, on_failure=self.show_error
        )

    def _links_loaded(self, links) -> None:
        if isValid(self):
            self.links.show_links(links)

    def _stations_loaded(self, rows) -> None:
        if isValid(self):
            self.stations.set_rows(rows)
            self._retitle()

    def _board_loaded(self, board) -> None:
        if isValid(self):
            self.board.show_board(board)

    def _queue_loaded(self, items) -> None:
        if not isValid(self):
            return
        self._polling = False
        self.exceptions.show_queue(items)
        self._retitle()

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        self.show_error(exc)

    def show_error(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.message.show_message("error", lambda: error_text(exc))

    def _confirm(self, name: str, result) -> None:
        texts = {
            "save": lambda: self._saved(result),
            "release": lambda: self.tr("Wave released to the floor."),
            "reassign": lambda: self.tr("{n} pick list(s) reassigned.").format(n=len(result)),
            "reassign_wave": lambda: self.tr("{n} pick list(s) reassigned.").format(n=len(result)),
            "unassign": lambda: self.tr("{n} pick list(s) back in the pool.").format(n=len(result)),
            "hold": lambda: self.tr("Wave on hold: no station is offered its lists."),
            "resume": lambda: self.tr("Wave resumed."),
            "top_up": lambda: self.tr(
                "{n} order(s) joined wave {wave}: +{added} m walking (on carts of their own "
                "{own} m); {waiting} wait for the next wave."
            ).format(
                n=len(result.orders),
                wave=result.wave,
                added=f"{result.added_m:.0f}",
                own=f"{result.own_carts_m:.0f}",
                waiting=result.waiting,
            ),
            "rebalance_apply": lambda: self.tr(
                "Wave {wave} re-balanced: walking saved {saved} m ({pct} %)."
            ).format(
                wave=result.wave, saved=f"{result.saved_m:.0f}", pct=f"{result.saved_pct:.1f}"
            ),
            "cancel": lambda: self.tr("Wave cancelled; {n} order(s) gave their stock back.").format(
                n=len(result)
            ),
            "resolve": lambda: self.tr("Resolved: {outcome}").format(outcome=message_text(result)),
            "close_carrier": lambda: self.tr("{carrier} closed: manifest {manifest}.").format(
                carrier=result[0].carrier, manifest=result[0].code
            ),
            "send_again": lambda: self._settled(result, self.tr("Message due again: sent soon.")),
            "drop_message": lambda: self._settled(result, self.tr("Message dropped.")),
        }
        self.message.show_message("ok", texts[name])

    def _saved(self, wave) -> str:
        """Released; the orders the save left out (changed since the preview) named, and why."""
        if not wave.left_out:
            return self.tr("Wave released to the floor.")
        why = {
            "cancelled": self.tr("cancelled"),
            "other_wave": self.tr("on another wave"),
            "reservation_changed": self.tr("reservation changed"),
        }
        named = [f"{ref} ({why.get(reason, reason)})" for ref, reason in wave.left_out.items()]
        more = len(named) - SHOWN_LEFT_OUT
        listed = ", ".join(named[:SHOWN_LEFT_OUT])
        if more > 0:
            listed = self.tr("{orders} and {n} more").format(orders=listed, n=more)
        return self.tr(
            "Wave {wave} released to the floor with {n} order(s). Left out, changed since the "
            "preview: {orders}."
        ).format(wave=wave.name, n=wave.order_count, orders=listed)

    def _settled(self, changed: int, text: str) -> str:
        return text if changed else self.tr("That message is no longer parked.")

    def handle_scan(self, scan) -> None:
        """A scanned tote, or any code that is no command, is looked up as an order."""
        if scan.kind in ("tote", "unknown"):
            code = f"T:{scan.code}" if scan.kind == "tote" else scan.raw
            self.tabs.setCurrentWidget(self.lookup)
            self.lookup.look_up(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tabs(self) -> tuple[QWidget, ...]:
        return (
            self.waves,
            self.board,
            self.exceptions,
            self.kpis,
            self.lookup,
            self.dispatch,
            self.returns,
            self.settings,
            self.stations_tab,
        )

    def retranslate(self) -> None:
        self.warehouse.setToolTip(self.tr("Warehouse (Alt+W): every tab shows its work"))
        self.warehouse.setAccessibleName(self.tr("Warehouse"))
        for tab in self._tabs():
            tab.retranslate()
        self.message.retranslate()
        self._retitle()

    def _retitle(self) -> None:
        titles = [
            self.tr("Waves"),
            self.tr("Board"),
            self.tr("Exceptions ({n})").format(n=self.exceptions.total),
            self.tr("KPIs"),
            self.tr("Order lookup"),
            self.tr("Dispatch"),
            self.tr("Returns"),
            self.tr("Settings"),
            self.tr("Stations ({n} offline)").format(
                n=sum(not row["online"] for row in self.stations.stations.rows)
            ),
        ]
        for index, title in enumerate(titles):
            if self.tabs.tabText(index) != title:  # an unchanged title must not relayout the bar
                self.tabs.setTabText(index, title)
