"""The stock clerk's home: one station, three jobs — receive, count, move — chosen by scanning
`C:RECEIVE`, `C:COUNT` or `C:MOVE` (or touching the big buttons along the top).

UI thread only. Each job is a page (`ClerkPage`) with its own steps and backend; this home only
switches between them and passes every other scan, typed number and command to the page shown.
A page that is in the middle of something (a receipt open, a count started) keeps its state
while another page is shown, so a clerk can break off to move a pallet and come back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.users import User
from app.scanning.interpret import Scan

# The commands that choose a job, in the order of the buttons.
JOBS = ("RECEIVE", "COUNT", "MOVE")


class ClerkPage(Protocol):
    """What a job's page offers the home (each is a QWidget)."""

    def handle_scan(self, scan: Scan) -> None: ...
    def handle_typed_number(self, typed: str) -> None: ...


class ClerkHome(QWidget):
    job_shown = Signal(str)  # the job now on screen ("RECEIVE", "COUNT", "MOVE")

    def __init__(
        self,
        user: User,
        pages: dict[str, Callable[[], QWidget]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("home")
        self.user = user
        self._factories = {job: pages[job] for job in JOBS if job in pages}
        self._pages: dict[str, QWidget] = {}  # made when first shown
        self.job: str | None = None
        self._build()
        self.show_job(next(iter(self._factories)))

    def _build(self) -> None:
        self.buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        bar = QHBoxLayout()
        bar.setSpacing(12)
        for job in self._factories:
            button = QPushButton(objectName=f"clerkJob{job.title()}", checkable=True)
            button.setProperty("clerkJob", True)  # floor.qss: the job on screen stands out
            button.setMinimumHeight(64)
            button.setStyleSheet("font-size: 28px; font-weight: 700;")
            button.clicked.connect(lambda _=False, j=job: self.show_job(j))
            group.addButton(button)
            bar.addWidget(button)
            self.buttons[job] = button
        self.stack = QStackedWidget(objectName="clerkPages")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._retranslate()

    @property
    def page(self) -> QWidget | None:
        return None if self.job is None else self._pages.get(self.job)

    def show_job(self, job: str) -> None:
        if job not in self._factories:
            return
        if job not in self._pages:
            self._pages[job] = self._factories[job]()
            self.stack.addWidget(self._pages[job])
        self.job = job
        self.stack.setCurrentWidget(self._pages[job])
        self.buttons[job].setChecked(True)
        self.job_shown.emit(job)

    # --- input (the main window's scan filter calls these) ---------------------------------
    def handle_scan(self, scan: Scan) -> None:
        if scan.kind == "command" and scan.code in self._factories:
            self.show_job(scan.code)
            return
        page = self.page
        if page is not None:
            page.handle_scan(scan)  # type: ignore[attr-defined]

    def handle_typed_number(self, typed: str) -> None:
        page = self.page
        if page is not None:
            page.handle_typed_number(typed)  # type: ignore[attr-defined]

    def _retranslate(self) -> None:
        names = {
            "RECEIVE": self.tr("Receive"),
            "COUNT": self.tr("Count"),
            "MOVE": self.tr("Move"),
        }
        for job, button in self.buttons.items():
            button.setText(names[job])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
