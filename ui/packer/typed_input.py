"""The packer's typed input: digits + Enter typed anywhere on the screen (the wedge filter's
`number_typed`) or into the weight, count or serial field take one path, and the packing step
decides what the number is; and the printer choice by scan. A part of `PackerHome` (mixin), UI
thread only. Its texts keep PackerHome's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.steps.packing_state import number_expected
from ui.packer.texts import number_not_expected_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class TypedInput:
    def handle_typed_number(self, text: str) -> None:
        """Digits + Enter, typed anywhere (the wedge filter) or into a field: the serial a unit
        waits for, the count of a line without a barcode, or the carton's weight. While a step
        is being saved it waits its turn (the step decides on the state after it)."""
        if self._busy:
            self._queue.append(text)
            return
        expected = number_expected(self.state)
        if expected == "weight":
            self.weight_typed(text.strip())
        elif expected is not None:
            self.serial_typed(text.strip())
        else:
            expected = "tote" if self._idle() else "item"
            self._say("error", lambda: number_not_expected_text(expected))

    def weight_typed(self, text: str) -> None:
        """A typed weight: without a scale it closes the carton with C:CONFIRM (or C:NEXT);
        with a scale, closing with it asks for a lead (the closing rule)."""
        self.weight.setText(text)
        self._weight_source = "typed"
        kg = self._typed_weight()
        if kg is None:
            self._say("error", lambda: self._weigh_text())
            return
        if self.has_scale:
            self._say(
                "info",
                lambda: translate(
                    "PackerHome",
                    "Weight {kg:.3f} kg typed: closing with it needs a lead. Scan C:CONFIRM.",
                ).format(kg=kg),
            )
        else:
            self._say(
                "info",
                lambda: translate(
                    "PackerHome", "Weight {kg:.3f} kg typed. Scan C:CONFIRM to close the carton."
                ).format(kg=kg),
            )

    def _choose_printer(self) -> None:
        if self.printer_setup is None:
            self._say(
                "error", lambda: translate("PackerHome", "No printer choice at this station.")
            )
        else:
            self.printer_setup(self)
