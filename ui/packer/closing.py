"""The packer's weighing and carton closing on the screen: the scale's reading or a typed weight,
the closing rules' refusals in words (and the lead's weight override when the check-weigh
refuses), then the close itself as one use case on the worker
(`app.services.carton_close.close_and_print`: numbers, the durable fact, the print jobs).

A part of `PackerHome` (mixin), UI thread only. Its texts keep PackerHome's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.scanning.weights import Weight
from app.services.carton_close import CartonClosed, CloseRequest, close_and_print
from app.steps.packing_close import close_refusal
from ui.packer.texts import close_refusal_text, weight_refusal_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class CartonClosing:
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
        self._say(
            "info",
            lambda: translate("PackerHome", "Weight {kg:.3f} kg taken from the scale.").format(
                kg=kg
            ),
        )

    def _weight_typed(self, _text: str) -> None:
        self._weight_source = "typed"

    def close_carton(self, final: bool) -> None:
        """C:CONFIRM (the last carton) or C:NEXT (another follows): check the rules here, where
        the words are, then close on the worker. The screen moves on once it is durable."""
        state = self.state
        if state is None or state.finished or self._busy:
            return
        package_type = self.carton_type.currentData()
        final_now = final or not state.open_lines()
        refusal = close_refusal(state, final_now) or (None if package_type else "no_carton_types")
        if refusal:
            self._say("error", lambda: close_refusal_text(self, refusal))
            return
        kg, source = self._typed_weight(), self._weight_source
        if kg is None:
            self._say("error", lambda: self._weigh_text())
            return
        refusal = close_refusal(state, final_now, package_type, kg, source)
        if refusal in ("weight_out_of_tolerance", "typed_weight"):
            check = state.check_weight(package_type, kg)
            self._say("error", lambda: weight_refusal_text(refusal, check))
            self.ask_weight_override(package_type, kg, source, final)
            return
        if refusal:
            self._say("error", lambda: close_refusal_text(self, refusal))
            return
        self._busy = True
        request = CloseRequest(package_type, kg, source, final)
        self.worker.submit(
            close_and_print,
            self.backend,
            self.printer,
            state,
            request,
            self.user.name,
            self.carriers,
            on_success=self._carton_closed,
            on_failure=self._failed,
        )

    def _carton_closed(self, result: CartonClosed) -> None:
        closed = result.verdict.closed
        self.state = result.verdict.state
        self._busy = False
        self.weight.clear()
        self._weight_source = "typed"
        self.last_jobs = result.jobs
        self._refresh_lines()
        self._show_carton()
        if result.awaiting_label:
            self._awaits_label(closed)
        elif closed.final:
            self._say(
                "ok",
                lambda: translate(
                    "PackerHome",
                    "Packed. Label {index}/{count} printing (SSCC {sscc}). Scan the next tote.",
                ).format(index=closed.index, count=closed.count, sscc=closed.numbers.sscc),
            )
        else:
            self._say(
                "ok",
                lambda: translate(
                    "PackerHome", "Carton {index} closed, label printing. Fill carton {next}."
                ).format(index=closed.index, next=closed.index + 1),
            )
        self._drain()

    # ---- cartons awaiting their carrier label (app/services/carrier_labels.py) ---------------
    def _awaits_label(self, closed) -> None:
        """The carrier did not answer: the carton is closed, the packer goes on, and the label
        prints by itself (the retrier's thread) once the carrier answers."""
        reference = closed.fact.payload.get("label_reference") or closed.numbers.sscc
        self.awaiting[reference] = (self.view.order_id, closed.index, closed.numbers.sscc)
        self.show_awaiting()
        order, index = self.view.order_id, closed.index
        if closed.final:
            text = translate("PackerHome", "Packed. Carton {index} of order {order} is waiting "
                             "for its label; it prints by itself. Scan the next tote.")  # fmt: skip
        else:
            text = translate("PackerHome", "Carton {index} of order {order} is waiting for its "
                             "label; it prints by itself. Fill carton {next}.")  # fmt: skip
        self._say("ok", lambda: text.format(index=index, order=order, next=index + 1))

    def show_label_event(self, event) -> None:
        """UI thread (queued from the label retrier): an awaited label printed or was refused."""
        reference = event.awaited.reference
        if event.state == "printed":
            self.awaiting.pop(reference, None)
        elif event.state in ("waiting", "refused"):
            awaited = event.awaited
            self.awaiting[reference] = (awaited.order_id, awaited.carton, awaited.sscc)
        self.show_awaiting(event.reason if event.state == "refused" else "")

    def show_awaiting(self, refused: str = "") -> None:
        lines = [
            translate(
                "PackerHome",
                "⏳ Carton {index} of order {order} is waiting for its label; it prints by itself.",
            ).format(index=index, order=order)  # fmt: skip
            for order, index, _sscc in self.awaiting.values()
        ]
        if refused:
            lines.append(translate("PackerHome", "✖ The carrier refused a waiting label: "
                                   "{reason}. Call a lead.").format(reason=refused))  # fmt: skip
        self.label_line.setText("\n".join(lines))
        self.label_line.setVisible(bool(lines))

    def still_awaited(self, job: str) -> bool:
        """A reprint asked for a label the carrier has not sold yet: say so instead."""
        found = [(o, i) for o, i, sscc in self.awaiting.values() if job.startswith(f"{sscc}-")]
        if not found:
            return False
        order, index = found[0]
        waiting = translate("PackerHome", "⏳ Carton {index} of order {order} is waiting for its "
                            "label; it prints by itself.")  # fmt: skip
        self._say("info", lambda: waiting.format(index=index, order=order))
        return True

    def _typed_weight(self) -> float | None:
        try:
            kg = float(self.weight.text().replace(",", "."))
        except ValueError:
            return None
        return kg if kg > 0 else None
