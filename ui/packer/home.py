"""The packer's home: scan a tote, scan every item into the carton, weigh, close; labels print.

UI thread only. Steps are the pure state machine in `app.steps.packing` / `packing_close` (quick
enough for the UI thread); everything that touches data or printers runs on the injected worker
through the `PackingBackend` and the carton printer, and comes back by callback. As at the picker,
a step's new state is adopted, and its verdict shown with colour, words and a tone, only once its
facts are durable (`backend.record`); scans and numbers that arrive meanwhile wait in order.
A refused scan shows at once; its mis-scan fact is recorded in the background.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Actor
from app.domain.packing import PackOrderView
from app.domain.users import User
from app.scanning.interpret import Scan
from app.scanning.weights import LatestWeight
from app.services.carrier_labels import CarrierDesk
from app.services.ports import CartonPrinter, PackingBackend
from app.steps import packing
from app.steps.packing_state import PackState, Verdict, typed_count
from ui.bridge import MainThreadBridge
from ui.messages import error_text
from ui.packer.carton_panel import CartonPanel
from ui.packer.closing import CartonClosing
from ui.packer.overrides import LeadOverrides
from ui.packer.prompts import PackerPrompts
from ui.packer.texts import flags_html, verdict_text
from ui.packer.typed_input import TypedInput
from ui.packer.widgets import LinesTable
from ui.tones import Tones
from ui.widgets import MessageBanner
from ui.worker import Worker


class PackerHome(CartonClosing, LeadOverrides, PackerPrompts, TypedInput, QWidget):
    def __init__(
        self,
        backend: PackingBackend,
        worker: Worker,
        user: User,
        station: str,
        printer: CartonPrinter | None = None,
        clock: Callable[[], float] = time.monotonic,
        printer_setup: Callable[[QWidget], None] | None = None,
        parent: QWidget | None = None,
        has_scale: bool = False,
        carriers: CarrierDesk | None = None,
        label_events: list | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("packerHome")
        self.backend, self.worker, self.user, self.printer = backend, worker, user, printer
        self.actor = Actor(user.name, station)
        self.clock = clock
        self.printer_setup = printer_setup  # opens the printer choice (composition root's)
        self.has_scale = has_scale  # a scale is configured: a typed weight needs a lead
        self.carriers = carriers  # API carriers sell labels here (None: our own labels only)
        self.awaiting: dict[str, tuple[str, int, str]] = {}  # reference → order, carton, SSCC
        self.scale = LatestWeight(max_age_s=2.0)
        self.tones = Tones(self)
        self.view: PackOrderView | None = None
        self.state: PackState | None = None
        self.last_jobs: list[str] = []
        self._busy = False  # a step's facts are being stored: inputs wait in `_queue`
        self._queue: deque[Scan | str] = deque()  # scans, and numbers typed (str)
        self._weight_source = "typed"
        self._build()
        # Spooler thread → UI thread; the bridge is ours, so events for a closed home are dropped.
        self.main_thread = MainThreadBridge(self)
        if printer is not None and hasattr(printer, "listeners"):
            listener = partial(self.main_thread.run_on_main, self.show_printer_event)
            printer.listeners.append(listener)
            self.destroyed.connect(lambda: forget(printer.listeners, listener))
        if label_events is not None:  # the label retrier's thread → UI thread
            heard = partial(self.main_thread.run_on_main, self.show_label_event)
            label_events.append(heard)
            self.destroyed.connect(lambda: forget(label_events, heard))
        self.retranslate()
        self._show_idle()

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(objectName="packTitle")
        self.flags = QLabel(objectName="packFlags")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)  # the drawn check of done flags
        self.message = MessageBanner()
        self.printer_line = QLabel(objectName="printerLine")
        self.printer_line.setWordWrap(True)
        self.printer_line.hide()
        self.label_line = QLabel(objectName="labelLine")  # cartons awaiting their carrier label
        self.label_line.setWordWrap(True)
        self.label_line.hide()
        self.lines = LinesTable()
        self.panel = CartonPanel(self.printer_setup is not None, self.has_scale)
        # The panel's parts under short names: the steps below and the tests use them.
        for name in (
            "carton_type",
            "expected",
            "weight",
            "weigh_button",
            "next_button",
            "close_button",
            "override_button",
            "reprint_button",
            "printer_button",
            "override_form",
        ):
            setattr(self, name, getattr(self.panel, name))
        self.carton_title = self.panel.title
        body = QHBoxLayout()
        body.addWidget(self.lines, 1)
        body.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 4, 24, 4)
        heading = QHBoxLayout()  # the flags beside the title: the screen fits 1280×800
        heading.addWidget(self.title)
        heading.addWidget(self.flags, 1)
        layout.addLayout(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.printer_line)
        layout.addWidget(self.label_line)
        layout.addLayout(body, 1)
        self.weight.textEdited.connect(self._weight_typed)
        self.weigh_button.clicked.connect(self.take_weight)
        self.next_button.clicked.connect(lambda: self.close_carton(final=False))
        self.close_button.clicked.connect(lambda: self.close_carton(final=True))
        self.override_button.clicked.connect(self.ask_override)
        self.reprint_button.clicked.connect(lambda: self.reprint())
        self.printer_button.clicked.connect(lambda: self.printer_setup(self))
        self.carton_type.currentIndexChanged.connect(self._show_carton)
        self.override_form.submitted.connect(self.submit_override)
        self.override_form.cancelled.connect(self.hide_override)
        # The fields and keys typed anywhere take one path: the step decides what a number is.
        self.panel.serial_typed.connect(self.handle_typed_number)
        self.panel.count_typed.connect(self.handle_typed_number)
        self.weight.returnPressed.connect(lambda: self.handle_typed_number(self.weight.text()))

    def retranslate(self) -> None:
        self.lines.retranslate()
        self.message.retranslate()
        self.show_awaiting()
        self._show_header()
        self._show_carton()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- scans ----------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        if self._busy:
            self._queue.append(scan)  # a step is being saved: keep the order
        elif scan.kind == "badge" and not self.override_form.isHidden():
            self.badge_scanned(scan.code or "")
        elif scan.kind == "command":
            self._command(scan.code or "")
        elif scan.kind == "logistic_unit":
            self.reprint(scan.sscc)  # the label's own SSCC barcode: print that label again
        elif self._counting(scan):  # a typed number + Enter: the count of a no-barcode item
            self._apply(packing.on_scan(self.state, scan))
        elif self._started() and scan.kind == "tote":
            self._say("error", lambda: self.tr("Finish this order first (close the carton)."))
        elif not self._started() and (scan.kind != "product" or self._idle()):
            self.open_order(scan)  # nothing packed yet: another tote or order may replace it
        else:
            self._apply(packing.on_scan(self.state, scan))

    def _idle(self) -> bool:
        return self.state is None or self.state.finished

    def _started(self) -> bool:
        """Items are in a carton of the order being packed: it must be finished first."""
        state = self.state
        return not self._idle() and bool(
            state.carton_items or state.closed or state.awaiting_serial
        )

    def _counting(self, scan: Scan) -> bool:
        return (
            not self._idle()
            and typed_count(scan) is not None
            and self.state.no_barcode_line() is not None
        )

    def serial_typed(self, text: str) -> None:
        """Typed into the serial or the count field + Enter: exactly as typed (never read as a
        GTIN or a code, which a scan of digits might be); the step takes it as the serial it
        awaits, or as the count of the open line without a barcode."""
        if not self._idle():
            typed = Scan(raw=text, symbology=None, kind="unknown")
            self._apply(packing.on_scan(self.state, typed))

    def _command(self, name: str) -> None:
        actions = {
            "WEIGH": self.take_weight,
            "NEXT": lambda: self.close_carton(final=False),
            "CONFIRM": lambda: self.close_carton(final=True),
            "UNDO": self.undo,
            "CANCEL": self.hide_override,
            "REPRINT": self.reprint,
            "PRINTER": self._choose_printer,
            "OVERRIDE": self.ask_override,
        }
        action = actions.get(name)
        if action is None:
            self._say("error", lambda: self.tr("{name} does nothing at packing.").format(name=name))
        else:
            action()

    def open_order(self, scan: Scan) -> None:
        self._say("info", lambda: self.tr("Looking up {code}…").format(code=scan.raw))
        self.worker.submit(
            self.backend.open_for_packing,
            scan,
            self.user,
            on_success=self._order_opened,
            on_failure=self._failed,
        )

    def _order_opened(self, view: PackOrderView) -> None:
        self.view, self.state = view, None
        self.weight.clear()
        if view.blocked:
            self._show_header()
            self.lines.show_lines(view.lines, {ln.line_id: ln.packed for ln in view.lines})
            self._show_carton()
            self._say(
                "error", lambda: self.tr("Do not pack: a lead must look at this order first.")
            )
            return
        self.state = packing.start(view, self.actor, has_scale=self.has_scale)
        self._fill_carton_types()
        self._show_header()
        self._show_carton()  # e.g. the count field of a line without a barcode
        self.lines.show_lines(view.lines, self.state.packed)
        self.worker.submit(
            self.backend.record,
            [packing.started(self.state)],
            on_success=lambda _: self._say("info", self._scan_items_text),
            on_failure=self._failed,
        )

    # ---- verdicts -------------------------------------------------------------------------
    def _apply(self, verdict: Verdict, then: Callable[[], None] | None = None) -> None:
        """Show a step's verdict. A refusal shows at once (its mis-scan fact is kept in the
        background); a step that changes the carton is adopted once its facts are durable."""
        if not verdict.ok:
            if verdict.facts:
                self.worker.submit(self.backend.record, list(verdict.facts))
            self._show_verdict(verdict)
        elif verdict.facts:
            self._busy = True
            self.worker.submit(
                self.backend.record,
                list(verdict.facts),
                on_success=lambda _: self._adopt(verdict, then),
                on_failure=self._failed,
            )
        else:  # nothing to make durable (e.g. "now scan the serial")
            self._adopt(verdict, then)

    def _adopt(self, verdict: Verdict, then: Callable[[], None] | None = None) -> None:
        self._busy = False
        self.state = verdict.state
        self._refresh_lines()
        self._show_carton()
        if then is None:
            self._show_verdict(verdict)
        else:
            then()
        self._drain()

    def _show_verdict(self, verdict: Verdict) -> None:
        self._say(
            "ok" if verdict.ok else "error",
            lambda: verdict_text(self, verdict) + (self._next_step_text(verdict)),
        )

    def _drain(self) -> None:
        while self._queue and not self._busy:
            given = self._queue.popleft()
            if isinstance(given, str):
                self.handle_typed_number(given)
            else:
                self.handle_scan(given)

    def undo(self) -> None:
        if self.state is not None and not self._busy:
            self._apply(packing.undo(self.state))

    # ---- reprint --------------------------------------------------------------------------
    def reprint(self, sscc: str | None = None) -> None:
        """The last label, or the label of a scanned SSCC (job ids are `<SSCC>-label`)."""
        job = f"{sscc}-label" if sscc else (self.last_jobs[0] if self.last_jobs else None)
        if job is None or self.printer is None:
            self._say("error", lambda: self.tr("Nothing to reprint at this station yet."))
            return
        if self.still_awaited(job):
            return
        self.worker.submit(
            self.printer.reprint,
            job,
            self.user.name,
            on_success=lambda job: self._say("ok", lambda: self.tr("Label sent again.")),
            on_failure=self._failed,
        )

    def show_printer_event(self, event) -> None:
        """UI thread (queued from the spooler): a printer that is off or back."""
        if event.state == "retrying":
            self.printer_line.setText(
                self.tr(
                    "⚠ Printer {printer}: {problem}. The label waits and prints when it is back."
                ).format(printer=event.printer, problem=event.message)
            )
            self.printer_line.show()
        elif event.state == "failed":
            self.printer_line.setText(
                self.tr("✖ Printer {printer} refused the label: {problem}. Call a lead.").format(
                    printer=event.printer, problem=event.message
                )
            )
            self.printer_line.show()
        elif event.state == "printed":
            self.printer_line.hide()

    # ---- helpers --------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._queue.clear()  # the packer goes on from what the screen shows
        self._say("error", lambda: error_text(exc))

    def _say(self, kind: str, text: Callable[[], str]) -> None:
        self.message.show_message(kind, text)
        if kind in ("ok", "error"):
            self.tones.play(kind)

    def _show_idle(self) -> None:
        self._say("info", lambda: self.tr("Scan a tote, an order or a pick list to start packing."))

    def _show_header(self) -> None:
        if self.view is None:
            self.title.setText(self.tr("Packing station"))
            self.flags.setText("")
            return
        tote = self.tr(" · tote {tote}").format(tote=self.view.tote) if self.view.tote else ""
        self.title.setText(self.tr("Order {order}").format(order=self.view.order_id) + tote)
        self.flags.setText(flags_html(self, self.view.flags))

    def _refresh_lines(self) -> None:
        for row, line in enumerate(self.view.lines):
            self.lines.update_line(row, line, self.state.packed[line.line_id])

    def _fill_carton_types(self) -> None:
        self.panel.fill_types(self.view.package_types, self.state.suggested_carton())

    def _show_carton(self) -> None:
        self.panel.show_state(self.state, bool(self.last_jobs))


def forget(listeners: list, listener) -> None:
    """Take a closed screen's listener off the spooler's list (the spooler outlives screens)."""
    if listener in listeners:
        listeners.remove(listener)
