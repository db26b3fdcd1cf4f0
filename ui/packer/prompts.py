"""The packer's instructions: what the next step needs (scan the items, type the count of an
item without a barcode, weigh the carton). A part of `PackerHome` (mixin), UI thread only. Its
texts keep PackerHome's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.steps.packing_state import Verdict
from ui.packer.texts import no_barcode_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class PackerPrompts:
    def _scan_items_text(self) -> str:
        if self.view and self.view.flags:
            text = translate(
                "PackerHome", "Partial shipment allowed by a lead: pack what was picked."
            )
        else:
            text = translate("PackerHome", "Scan every item into the carton.")
        line = self.state.no_barcode_line() if self.state else None
        return text + (" " + no_barcode_text(line) if line else "")

    def _next_step_text(self, verdict: Verdict) -> str:
        """What the next step needs once the scans are done: the weight, or the count of a line
        without a barcode (the first one still open)."""
        open_lines = self.state.open_lines()
        if verdict.reason == "packed" and not open_lines:
            return " " + self._weigh_text()
        if verdict.ok and open_lines and all(line.no_barcode for line in open_lines):
            return " " + no_barcode_text(open_lines[0])
        return ""

    def _weigh_text(self) -> str:
        if self.has_scale:
            return translate(
                "PackerHome", "Weigh the carton: scan C:WEIGH. A typed weight needs a lead."
            )
        return translate(
            "PackerHome", "Type the carton's weight in kg + Enter, then scan C:CONFIRM."
        )

    def _no_steady_weight_text(self) -> str:
        if self.has_scale:
            return translate(
                "PackerHome",
                "No steady weight from the scale: wait a moment and scan C:WEIGH again.",
            )
        return translate("PackerHome", "No steady weight from the scale: wait or type it.")
