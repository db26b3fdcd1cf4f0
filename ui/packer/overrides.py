"""The lead's overrides at the packing station: an order closing with open lines, or a carton
closing at a weight the check-weigh refused (outside the tolerance, or typed on a station that
has a scale). Both take a lead's badge (scanned or typed), PIN and a reason; the rule and the fact
are the packing steps' (`app.steps.packing_close.override_lines` / `override_weight`), the PIN
check the backend's. The override's state is adopted once its fact is stored.

A part of `PackerHome` (mixin), UI thread only. Its texts keep PackerHome's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.packing import PackageType
from app.domain.users import User
from app.errors import PinLocked
from app.steps.packing_close import override_lines, override_weight

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class LeadOverrides:
    _weight_to_allow: tuple[PackageType, float, str, bool] | None = None

    def ask_override(self) -> None:
        """The *Lead override* button: close the order with lines still open."""
        if self.state is None or self.state.finished or self._busy:
            return
        self._open_override_form("open_lines")

    def ask_weight_override(self, package_type: PackageType, kg: float, source: str, final: bool):
        """The check-weigh refused this carton: a lead may allow exactly this weight."""
        asked = (package_type, kg, source, final)
        if not self.override_form.isHidden() and self._weight_to_allow == asked:
            return  # closing again while the lead fills the form in: keep what they typed
        self._weight_to_allow = asked
        self._open_override_form("weight")

    def _open_override_form(self, purpose: str) -> None:
        self.override_form.clear()
        self.override_form.set_purpose(purpose)
        self.panel.show_actions(False)
        self.override_form.show()
        self.override_form.badge.setFocus()

    def hide_override(self) -> None:
        self.override_form.hide()
        self.panel.show_actions(True)

    def badge_scanned(self, code: str) -> None:
        """The lead scans their badge while the form shows: the PIN is next."""
        self.override_form.badge.setText(code)
        self.override_form.pin.setFocus()
        self._say(
            "info",
            lambda: translate(
                "PackerHome", "Lead badge {badge}: type the PIN and the reason."
            ).format(badge=code),
        )

    def submit_override(self, badge: str, pin: str, reason: str) -> None:
        if not reason:
            self._say("error", lambda: translate("PackerHome", "Give a reason for the override."))
            return
        purpose = self.override_form.purpose
        self.worker.submit(
            self.backend.authenticate_lead,
            badge,
            pin,
            on_success=lambda lead: self._overridden(lead, reason, purpose),
            on_failure=self._override_refused,
        )

    def _override_refused(self, exc: BaseException) -> None:
        if not isinstance(exc, PinLocked):
            self._failed(exc)
            return
        self._say(
            "error",
            lambda: translate(
                "PackerHome",
                "PIN locked after too many wrong PINs. Try again in {minutes} min "
                "or ask another lead to unlock it.",
            ).format(minutes=exc.minutes),
        )

    def _overridden(self, lead: User, reason: str, purpose: str) -> None:
        self.hide_override()
        if purpose == "weight" and self._weight_to_allow is not None:
            package_type, kg, source, final = self._weight_to_allow
            verdict = override_weight(self.state, lead, reason, package_type, kg, source)
            self._say(
                "ok",
                lambda: translate(
                    "PackerHome", "{lead} allowed {kg:.3f} kg for this carton."
                ).format(lead=lead.name, kg=kg),
            )
            # The packer asked to close: the carton closes now, at exactly that weight.
            self._apply(verdict, then=lambda: self.close_carton(final))
            return
        self._apply(
            override_lines(self.state, lead, reason),
            then=lambda: self._say(
                "ok",
                lambda: (
                    translate(
                        "PackerHome", "{lead} allowed closing with open lines. Close the carton."
                    )
                ).format(lead=lead.name),
            ),
        )
