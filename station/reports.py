"""What the sync thread reports, carried to the screens over the UI-thread bridge.

`sync_status` and `work` are the sync engine's `on_status` / `on_work` (sync thread); they
only hand over to `run_on_main`. The screens they reach are attached as they are built (UI
thread): the status line with the window, the picker home when a picker signs in.
"""

from __future__ import annotations

import shiboken6

from app.services.sync import SyncStatus
from ui.bridge import MainThreadBridge
from ui.picker import PickerHome
from ui.sync_status import SyncStatusWidget


class SyncReports:
    def __init__(self, bridge: MainThreadBridge) -> None:
        self.bridge = bridge
        self.status_widget: SyncStatusWidget | None = None
        self.picker_home: PickerHome | None = None

    # --- sync thread ---------------------------------------------------------------------
    def sync_status(self, status: SyncStatus) -> None:
        self.bridge.run_on_main(self._show_status, status)

    def work(self, taken_away: list[int]) -> None:
        """Work for the users signed in here changed on central (a reassignment, a new list):
        the picker screen hears at once instead of at its next still-mine poll."""
        self.bridge.run_on_main(self._work_changed, list(taken_away))

    # --- UI thread -----------------------------------------------------------------------
    def _show_status(self, status: SyncStatus) -> None:
        if self.status_widget is not None and shiboken6.isValid(self.status_widget):
            self.status_widget.show_status(status)

    def _work_changed(self, taken_away: list[int]) -> None:
        home = self.picker_home
        if home is not None and shiboken6.isValid(home):
            home.work_changed(taken_away)
