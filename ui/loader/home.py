"""The loader's home at the outbound dock: scan a load unit, then parcels. Scanner only, in very
large type (read from a metre away, gloves on).

UI thread only. The picker's loop (ui/scan_loop.py runs it): `handle_scan` → step
(app.steps.dispatch) → a look-up or the facts recorded on the worker → adopt the state and show
the verdict with its tone. A load shows only once its fact is durable; scans that arrive
meanwhile wait in order. A refusal shows at once and its mis-scan fact is recorded in the
background.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.events import Actor
from app.domain.site import SiteSettings
from app.domain.users import User
from app.scanning.interpret import Scan, interpret
from app.services.ports import DispatchBackend
from app.steps import dispatch
from app.steps.dispatch_state import LoadState, Verdict
from ui.loader.texts import verdict_text
from ui.messages import error_text
from ui.scan_loop import LookUpCall, ScanLoop
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import Worker

log = logging.getLogger(__name__)
# Read from a metre away with gloves on: the unit and the parcel in very large type.
HUGE = "font-size: 64px; font-weight: 700;"
LARGE = "font-size: 40px;"


class LoaderHome(QWidget):
    verdict_shown = Signal(str, str)  # (tone, reason), after the screen shows it

    def __init__(
        self,
        user: User,
        backend: DispatchBackend,
        worker: Worker,
        station: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("home")
        self.user, self.backend, self.worker = user, backend, worker
        self.state: LoadState = dispatch.start(Actor(user.name, station))
        self.tones = Tones(self)
        # A refusal shows at once; its mis-scan fact is kept for the KPI in the background.
        self.loop: ScanLoop[Verdict] = ScanLoop(
            worker,
            look_up=self._look_up,
            record=lambda facts: self.backend.record(facts),  # the backend then
            adopt=self._adopt,
            save_failed=self._save_failed,
            look_up_failed=self._look_up_failed,
            record_refusals=True,
        )
        self._build()
        self._feedback("info", "start", {}, sound=False)
        # The site's carriers, so a unit bound to `SF` takes `SF Express` parcels.
        self.worker.submit(
            self.backend.site,
            on_success=self._site_known,
            on_failure=lambda exc: log.warning("site settings not read: %s", exc),
        )

    def _build(self) -> None:
        self.unit_label = QLabel(objectName="loaderUnit", alignment=Qt.AlignmentFlag.AlignCenter)
        self.unit_label.setStyleSheet(HUGE)
        self.unit_label.setWordWrap(True)
        self.count_label = QLabel(objectName="loaderCount", alignment=Qt.AlignmentFlag.AlignCenter)
        self.count_label.setStyleSheet(LARGE)
        self.parcel_label = QLabel(
            objectName="loaderParcel", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.parcel_label.setStyleSheet(HUGE)
        self.parcel_label.setWordWrap(True)
        self.missing_label = QLabel(
            objectName="loaderMissing", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.missing_label.setStyleSheet(LARGE)
        self.missing_label.setWordWrap(True)
        self.banner = MessageBanner()
        self.banner.setStyleSheet("font-size: 40px; font-weight: 700; padding: 18px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        for widget in (self.unit_label, self.count_label, self.parcel_label, self.missing_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.banner)
        self._render()

    def _site_known(self, site: SiteSettings | None) -> None:
        self.state = replace(self.state, site=site)

    # --- input ------------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        # While a load is being saved or looked up the scan waits: the loop keeps the order.
        self.loop.take(lambda: dispatch.on_scan(self.state, scan), scan)

    def handle_typed_number(self, typed: str) -> None:
        """Digits + Enter typed at the dock: an SSCC read off a label the scanner cannot read."""
        self.handle_scan(interpret(typed.strip()))

    def command(self, name: str) -> None:
        if not self.loop.busy:
            self.loop.apply(dispatch.on_command(self.state, name))

    def _look_up(self, verdict: Verdict, scan: Scan | None) -> LookUpCall[Verdict]:
        look_up = verdict.look_up
        assert look_up is not None
        self.banner.show_message("info", lambda: verdict_text(verdict.reason, verdict.params))
        state, raw = self.state, scan.raw if scan is not None else ""
        if look_up.what == "unit":
            return LookUpCall(
                self.backend.unit_carrier,
                look_up.code,
                lambda bound: dispatch.on_unit(state, look_up.code, bound),
            )
        return LookUpCall(
            self.backend.parcel,
            look_up.code,
            lambda found: dispatch.on_parcel(state, look_up.code, found, raw),
        )

    def _adopt(self, verdict: Verdict) -> None:
        self.state = verdict.state
        self._render()
        self._feedback(verdict.tone, verdict.reason, verdict.params)

    def _save_failed(self, exc: BaseException) -> None:
        log.warning("could not save a loading fact: %s", exc)
        self._feedback("error", "save_failed", {"error": error_text(exc)})

    def _look_up_failed(self, exc: BaseException) -> None:
        log.warning("could not look up a load scan: %s", exc)
        self._feedback("error", "load_failed", {"error": error_text(exc)})

    # --- showing ----------------------------------------------------------------------------
    def _render(self) -> None:
        state = self.state
        if state.unit is None:
            self.unit_label.setText(self.tr("No load unit yet"))
        elif state.carrier is None:
            self.unit_label.setText(self.tr("{unit}: carrier?").format(unit=state.unit))
        else:
            self.unit_label.setText(
                self.tr("{unit} → {carrier}").format(unit=state.unit, carrier=state.carrier)
            )
        loaded = len(state.loaded)
        self.count_label.setText(self.tr("Loaded here: {count}").format(count=loaded))
        self.count_label.setVisible(state.unit is not None)
        last = state.last
        self.parcel_label.setText(
            self.tr("{order} · carton {carton}/{cartons}").format(
                order=last.ref, carton=last.carton, cartons=len(last.cartons) or 1
            )
            if last is not None
            else ""
        )
        newest = state.loaded[-1] if state.loaded else None
        shown = last is not None and newest is not None and newest.package_id == last.package_id
        missing = newest.missing if shown and newest is not None else ()
        self.missing_label.setText(
            self.tr("Still missing: carton {cartons}").format(
                cartons=", ".join(str(c) for c in missing)
            )
            if missing
            else ""
        )
        if state.undo_armed:
            self.missing_label.setText(self.tr("TAKING OFF: scan the parcel"))

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
