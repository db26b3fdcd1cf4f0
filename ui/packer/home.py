"""The packer's home: scan a tote, scan every item into the carton, weigh, close; labels print.

UI thread only. Verdicts come from the pure `app.services.packing.PackingSession` (a dictionary
lookup: quick enough for the UI thread); everything that touches data or printers runs on the
injected worker through the `PackingBackend` and the carton printer, and comes back by callback.
A verdict is shown once its fact is durable (`backend.record`), with colour, words and a tone.
"""

from __future__ import annotations

import time
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
from app.scanning.weights import LatestWeight, Weight
from app.services.packing import ClosedCarton, PackingSession, Verdict
from app.services.packing_steps import typed_count
from app.services.ports import PackingBackend
from ui.bridge import MainThreadBridge
from ui.messages import error_text
from ui.packer.carton_panel import CartonPanel
from ui.packer.overrides import LeadOverrides
from ui.packer.printer_link import CartonPrinter, forget
from ui.packer.prompts import PackerPrompts
from ui.packer.texts import close_refusal_text, flags_html, verdict_text, weight_refusal_text
from ui.packer.tones import Tones
from ui.packer.typed_input import TypedInput
from ui.packer.widgets import LinesTable
from ui.widgets import MessageBanner
from ui.worker import Worker


class PackerHome(LeadOverrides, PackerPrompts, TypedInput, QWidget):
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
    ):
        super().__init__(parent)
        self.setObjectName("packerHome")
        self.backend, self.worker, self.user, self.printer = backend, worker, user, printer
        self.actor = Actor(user.name, station)
        self.clock = clock
        self.printer_setup = printer_setup  # opens the printer choice (composition root's)
        self.has_scale = has_scale  # a scale is configured: a typed weight needs a lead
        self.scale = LatestWeight(max_age_s=2.0)
        self.tones = Tones()
        self.view: PackOrderView | None = None
        self.session: PackingSession | None = None
        self.last_jobs: list[str] = []
        self._busy = False
        self._weight_source = "typed"
        self._build()
        # Spooler thread → UI thread; the bridge is ours, so events for a closed home are dropped.
        self.main_thread = MainThreadBridge(self)
        if printer is not None and hasattr(printer, "listeners"):
            listener = partial(self.main_thread.run_on_main, self.show_printer_event)
            printer.listeners.append(listener)
            self.destroyed.connect(lambda: forget(printer.listeners, listener))
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
        self.lines = LinesTable()
        self.panel = CartonPanel(self.printer_setup is not None, self.has_scale)
        # The panel's parts under short names: the steps below and the tests use them.
        for name in ("carton_type", "expected", "weight", "weigh_button", "next_button",
                     "close_button", "override_button", "reprint_button", "printer_button",
                     "override_form"):  # fmt: skip
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
        self._show_header()
        self._show_carton()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- scans ----------------------------------------------------------------------------
    def handle_scan(self, scan: Scan) -> None:
        if scan.kind == "badge" and not self.override_form.isHidden():
            self.badge_scanned(scan.code or "")
        elif scan.kind == "command":
            self._command(scan.code or "")
        elif scan.kind == "logistic_unit":
            self.reprint(scan.sscc)  # the label's own SSCC barcode: print that label again
        elif self._counting(scan):  # a typed number + Enter: the count of a no-barcode item
            self._verdict(self.session.scan_item(scan))
        elif self._started() and scan.kind == "tote":
            self._say("error", lambda: self.tr("Finish this order first (close the carton)."))
        elif not self._started() and (scan.kind != "product" or self._idle()):
            self.open_order(scan)  # nothing packed yet: another tote or order may replace it
        else:
            self._verdict(self.session.scan_item(scan))

    def _idle(self) -> bool:
        return self.session is None or self.session.finished

    def _started(self) -> bool:
        """Items are in a carton of the order being packed: it must be finished first."""
        session = self.session
        return not self._idle() and bool(
            session.carton_items or session.closed or session.awaiting_serial
        )

    def _counting(self, scan: Scan) -> bool:
        return (
            not self._idle()
            and typed_count(scan) is not None
            and self.session.no_barcode_line() is not None
        )

    def serial_typed(self, text: str) -> None:
        """Typed into the serial or the count field + Enter: exactly as typed (never read as a
        GTIN or a code, which a scan of digits might be); the session takes it as the serial it
        awaits, or as the count of the open line without a barcode."""
        if not self._idle():
            self._verdict(self.session.scan_item(Scan(raw=text, symbology=None, kind="unknown")))

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
        self.view, self.session = view, None
        self.weight.clear()
        if view.blocked:
            self._show_header()
            self.lines.show_lines(view.lines, {ln.line_id: ln.packed for ln in view.lines})
            self._show_carton()
            self._say(
                "error", lambda: self.tr("Do not pack: a lead must look at this order first.")
            )
            return
        self.session = PackingSession(view, self.actor, has_scale=self.has_scale)
        self._fill_carton_types()
        self._show_header()
        self._show_carton()  # e.g. the count field of a line without a barcode
        self.lines.show_lines(view.lines, self.session.packed)
        self._record([self.session.started()], lambda: self._say("info", self._scan_items_text))

    def _verdict(self, verdict: Verdict) -> None:
        self._refresh_lines()
        self._show_carton()
        if verdict.facts:
            self._record(list(verdict.facts), lambda: self._show_verdict(verdict))
        else:  # nothing to make durable (e.g. "now scan the serial")
            self._show_verdict(verdict)

    def _show_verdict(self, verdict: Verdict) -> None:
        self._say("ok" if verdict.ok else "error", lambda: verdict_text(self, verdict) + (
            self._next_step_text(verdict)
        ))  # fmt: skip

    def undo(self) -> None:
        if self.session is not None:
            self._verdict(self.session.undo_last())

    # ---- weight and closing ---------------------------------------------------------------
    def show_weight(self, weight: Weight) -> None:
        """From the device bridge (UI thread): the scale's latest reading."""
        self.scale.update(weight, self.clock())

    def take_weight(self) -> None:
        kg = self.scale.stable_kg(self.clock())
        if kg is None:
            self._say("error", lambda: self._no_steady_weight_text())
            return
        if self.override_form.purpose == "weight":
            self.hide_override()  # weighed again: the lead may not be needed any more
        self.weight.setText(f"{kg:.3f}")
        self._weight_source = "scale"
        self._say("info", lambda: self.tr("Weight {kg:.3f} kg taken from the scale.").format(kg=kg))

    def _weight_typed(self, _text: str) -> None:
        self._weight_source = "typed"

    def close_carton(self, final: bool) -> None:
        session = self.session
        if session is None or session.finished or self._busy:
            return
        package_type = self.carton_type.currentData()
        final_now = final or not session.open_lines()
        refusal = session.close_refusal(final_now) or (None if package_type else "no_carton_types")
        if refusal:
            self._say("error", lambda: close_refusal_text(self, refusal))
            return
        kg, source = self._typed_weight(), self._weight_source
        if kg is None:
            self._say("error", lambda: self._weigh_text())
            return
        refusal = session.close_refusal(final_now, package_type, kg, source)
        if refusal in ("weight_out_of_tolerance", "typed_weight"):
            check = session.check_weight(package_type, kg)
            self._say("error", lambda: weight_refusal_text(refusal, check))
            self.ask_weight_override(package_type, kg, source, final)
            return
        if refusal:
            self._say("error", lambda: close_refusal_text(self, refusal))
            return
        self._busy = True
        self.worker.submit(
            self.backend.allocate_numbers,
            self.view,
            on_success=lambda numbers: self._numbers_ready(numbers, package_type, kg, source, final),
            on_failure=self._failed,
        )  # fmt: skip

    def _numbers_ready(self, numbers, package_type, kg: float, source: str, final: bool) -> None:
        closed = self.session.close_carton(package_type, kg, source, numbers, final)
        self.worker.submit(
            self._record_and_print,
            closed,
            on_success=lambda jobs: self._carton_closed(closed, jobs),
            on_failure=self._failed,
        )

    def _record_and_print(self, closed: ClosedCarton) -> list[str]:
        # Worker thread: the fact first (durable), then the print jobs (the spooler is durable too).
        self.backend.record([closed.fact])
        if self.printer is None:
            return []
        return self.printer.print_carton(self.view, closed, self.user.name)

    def _carton_closed(self, closed: ClosedCarton, jobs: list[str]) -> None:
        self._busy = False
        self.weight.clear()
        self._weight_source = "typed"
        self.last_jobs = jobs
        self._refresh_lines()
        self._show_carton()
        sscc = closed.numbers.sscc
        if closed.final:
            self._say("ok", lambda: self.tr(
                "Packed. Label {index}/{count} printing (SSCC {sscc}). Scan the next tote."
            ).format(index=closed.index, count=closed.count, sscc=sscc))  # fmt: skip
        else:
            self._say("ok", lambda: self.tr(
                "Carton {index} closed, label printing. Fill carton {next}."
            ).format(index=closed.index, next=closed.index + 1))  # fmt: skip

    def _typed_weight(self) -> float | None:
        try:
            kg = float(self.weight.text().replace(",", "."))
        except ValueError:
            return None
        return kg if kg > 0 else None

    # ---- reprint --------------------------------------------------------------------------
    def reprint(self, sscc: str | None = None) -> None:
        """The last label, or the label of a scanned SSCC (job ids are `<SSCC>-label`)."""
        job = f"{sscc}-label" if sscc else (self.last_jobs[0] if self.last_jobs else None)
        if job is None or self.printer is None:
            self._say("error", lambda: self.tr("Nothing to reprint at this station yet."))
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
            self.printer_line.setText(self.tr(
                "⚠ Printer {printer}: {problem}. The label waits and prints when it is back."
            ).format(printer=event.printer, problem=event.message))  # fmt: skip
            self.printer_line.show()
        elif event.state == "failed":
            self.printer_line.setText(self.tr(
                "✖ Printer {printer} refused the label: {problem}. Call a lead."
            ).format(printer=event.printer, problem=event.message))  # fmt: skip
            self.printer_line.show()
        elif event.state == "printed":
            self.printer_line.hide()

    # ---- helpers --------------------------------------------------------------------------
    def _record(self, facts, then: Callable[[], None]) -> None:
        self.worker.submit(
            self.backend.record, facts, on_success=lambda _: then(), on_failure=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
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
            self.lines.update_line(row, line, self.session.packed[line.line_id])

    def _fill_carton_types(self) -> None:
        self.panel.fill_types(self.view.package_types, self.session.suggested_carton())

    def _show_carton(self) -> None:
        self.panel.show_session(self.session, bool(self.last_jobs))
