"""The bar across the top of every screen: station, who is signed in, language, sign-out.

UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.users import User
from ui.home import role_name
from ui.i18n import LANGUAGES
from ui.widgets import ElidedLabel


class TopBar(QWidget):
    sign_out_requested = Signal()
    language_requested = Signal(str)  # a code from ui.i18n.LANGUAGES
    devices_requested = Signal()  # the scanner & scale diagnostics, for every role

    def __init__(self, station: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._station = station
        self._user: User | None = None
        self.station_label = QLabel(objectName="station")
        # Elides with a tooltip on a narrow monitor: a long name never pushes "Sign out" away.
        self.user_label = ElidedLabel(objectName="user")
        self.user_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_out_button = QPushButton(objectName="signOut")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.devices_button = QPushButton(objectName="devices")
        self.devices_button.clicked.connect(self.devices_requested)
        self.language_buttons = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 8, 16, 8)
        layout.setSpacing(16)
        layout.addWidget(self.station_label)
        layout.addWidget(self.user_label, 1)  # centred in the room the buttons leave
        for code, name in LANGUAGES.items():
            # Never translated: each language keeps its own name.
            button = QPushButton(name, objectName="language", checkable=True)
            button.setProperty("language", code)
            button.clicked.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
            self.language_buttons.addButton(button)
            layout.addWidget(button)
        layout.addWidget(self.devices_button)
        layout.addWidget(self.sign_out_button)
        self.set_user(None)

    def set_user(self, user: User | None) -> None:
        self._user = user
        self.sign_out_button.setVisible(user is not None)
        self.retranslate()

    def set_language(self, code: str) -> None:
        for button in self.language_buttons.buttons():
            button.setChecked(button.property("language") == code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.station_label.setText(self.tr("Station {station}").format(station=self._station))
        if self._user is None:
            self.user_label.setText(self.tr("Not signed in"))
        else:
            self.user_label.setText(f"{self._user.name} · {role_name(self._user.role)}")
        self.sign_out_button.setText(self.tr("Sign out"))
        self.devices_button.setText(self.tr("Devices"))
