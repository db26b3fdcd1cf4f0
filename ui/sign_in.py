"""The sign-in screen: scan (or type) a badge; a shift lead then gives a PIN.

The check runs on the database worker (`services.sign_in`); this view only asks and shows the
answer. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.users import User
from app.errors import NotAllowed, NotFound, PinLocked, PinRequired
from app.scanning.codes import BADGE_PREFIX
from ui.messages import message_text
from ui.services import StationServices
from ui.widgets import MessageBanner
from ui.worker import Worker


def badge_from_text(text: str) -> str:
    """`1001` from a scanned `B:1001` or a typed `1001`."""
    text = text.strip()
    return text[len(BADGE_PREFIX) :].strip() if text.upper().startswith(BADGE_PREFIX) else text


def _short(exc: BaseException) -> str:
    """One short line about an unexpected failure: no SQL, no connection details on the floor."""
    first_line = (str(exc).strip().splitlines() or [""])[0]
    text = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"


class SignInView(QWidget):
    signed_in = Signal(object)  # the User

    def __init__(self, services: StationServices, worker: Worker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signIn")
        self._services = services
        self._worker = worker
        self._badge = ""  # the badge waiting for its PIN ("" while asking for a badge)
        self._busy = False
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.prompt = QLabel(objectName="prompt", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(objectName="hint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.badge_field = QLineEdit(objectName="badge", alignment=Qt.AlignmentFlag.AlignCenter)
        self.pin_field = QLineEdit(objectName="pin", alignment=Qt.AlignmentFlag.AlignCenter)
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setValidator(QRegularExpressionValidator(r"\d{0,12}", self.pin_field))
        self.pin_field.hide()
        self.sign_in_button = QPushButton(objectName="primary")
        self.sign_in_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button = QPushButton(objectName="secondary")
        self.back_button.hide()
        self.back_button.clicked.connect(lambda: self.reset())
        self.message = MessageBanner()
        for field in (self.badge_field, self.pin_field):
            field.returnPressed.connect(self.submit)
        self.sign_in_button.clicked.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 48, 120, 48)
        layout.setSpacing(24)
        layout.addStretch(1)
        for widget in (self.prompt, self.hint, self.badge_field, self.pin_field):
            layout.addWidget(widget)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.back_button)
        layout.addWidget(self.message)
        layout.addStretch(2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self._badge:
            self.prompt.setText(self.tr("Enter your PIN"))
            self.hint.setText(
                self.tr(
                    "Badge {badge} belongs to a shift lead. Type your PIN and press Enter."
                ).format(badge=self._badge)
            )
        else:
            self.prompt.setText(self.tr("Scan your badge"))
            self.hint.setText(self.tr("or type your badge number and press Enter"))
        self.badge_field.setPlaceholderText(self.tr("Badge number"))
        self.pin_field.setPlaceholderText(self.tr("PIN"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.back_button.setText(self.tr("Use another badge"))
        self.message.retranslate()

    # --- what the person at the station does -------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        """A badge scanned from anywhere on the screen starts over with that badge."""
        if self._busy:
            return  # the answer for the previous badge is on its way
        self._badge = ""
        self.pin_field.clear()
        self.badge_field.setText(badge_from_text(text))
        self.submit()

    def reject_scan(self, text: str) -> None:
        """Something other than a badge was scanned (a product, a location, ...)."""
        self.message.show_message(
            "error",
            lambda: self.tr(
                "That was not a badge ({code}). Scan the barcode on your badge."
            ).format(code=text.strip()),
        )

    def submit(self) -> None:
        if self._busy:
            return  # one sign-in at a time; the button is disabled meanwhile
        if self._badge:
            self._start(self._badge, self.pin_field.text())
            return
        badge = badge_from_text(self.badge_field.text())
        if not badge:
            self.message.show_message(
                "error", lambda: self.tr("Scan your badge or type its number first.")
            )
            self.badge_field.setFocus()
            return
        self._start(badge, None)

    def reset(self) -> None:
        """Back to the first step, nothing typed, nothing shown (after sign-out)."""
        self._badge = ""
        self._set_busy(False)
        self.badge_field.clear()
        self.pin_field.clear()
        self.pin_field.hide()
        self.back_button.hide()
        self.badge_field.show()
        self.message.clear()
        self.retranslate()
        self.badge_field.setFocus()

    # --- the answer (UI thread, delivered by the worker) -----------------------------------

    def _start(self, badge: str, pin: str | None) -> None:
        self._set_busy(True)
        self.message.show_message(
            "info", lambda: self.tr("Checking badge {badge}…").format(badge=badge)
        )
        self._worker.submit(
            self._services.sign_in,
            badge,
            pin,
            on_success=self._succeeded,
            on_failure=lambda exc: self._failed(badge, exc),
        )

    def _succeeded(self, user: User) -> None:
        self.reset()
        self.signed_in.emit(user)

    def _failed(self, badge: str, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, PinRequired):
            self._ask_pin(badge)
        elif isinstance(exc, PinLocked):
            self.pin_field.clear()
            self.message.show_message(
                "error",
                lambda: self.tr(
                    "PIN locked after too many wrong PINs. Try again in {minutes} min "
                    "or ask another lead to unlock it."
                ).format(minutes=exc.minutes),
            )
        elif isinstance(exc, NotAllowed):
            self.pin_field.clear()
            self.pin_field.setFocus()
            self.message.show_message("error", lambda: message_text(exc.message))
        elif isinstance(exc, NotFound):
            self.reset()
            self.message.show_message("error", lambda: message_text(exc.message))
        else:
            self.message.show_message(
                "error",
                lambda: self.tr(
                    "Could not sign in ({error}). Try again; if it keeps failing, call your shift lead."
                ).format(error=_short(exc)),
            )

    def _ask_pin(self, badge: str) -> None:
        self._badge = badge
        self.badge_field.hide()
        self.pin_field.clear()
        self.pin_field.show()
        self.back_button.show()
        self.pin_field.setFocus()
        self.message.clear()
        self.retranslate()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.sign_in_button.setEnabled(not busy)
