"""The lead's Stations tab: every station's sync state, and below it the shop and ERP links
(ui/lead/links.py). Both are fed by the home's stations poll."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.lead.links import LinksSection, fit_rows
from ui.sync_status import StationsTable

STATION_ROWS = 6  # shown at once; a bigger site scrolls the stations table, never the screen


class StationsTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self.table = StationsTable()
        self.table.stations.modelReset.connect(self._fit)
        self.links = LinksSection(run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.links, 1)
        self._fit()

    def _fit(self) -> None:
        fit_rows(self.table, min(len(self.table.stations.rows), STATION_ROWS))

    def retranslate(self) -> None:  # the stations table follows LanguageChange itself
        self.links.retranslate()
