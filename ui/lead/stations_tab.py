"""The lead's Stations tab: every station's sync state, and below it the shop and ERP links
(ui/lead/links.py). Both are fed by the home's stations poll."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.lead.links import LinksSection
from ui.sync_status import StationsTable


class StationsTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self.table = StationsTable()
        self.links = LinksSection(run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.links, 4)

    def retranslate(self) -> None:  # the stations table follows LanguageChange itself
        self.links.retranslate()
