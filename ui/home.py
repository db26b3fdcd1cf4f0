"""Role home screens. Placeholders for now: they greet the user by name and say the role clearly.

Later work (picking, packing, the lead console) replaces them through `MainWindow`'s
`home_factories`. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.users import Role, User


def role_name(role: Role) -> str:
    """The role as the floor says it, in the current language."""
    names = {
        Role.PICKER: QCoreApplication.translate("Roles", "Picker"),
        Role.PACKER: QCoreApplication.translate("Roles", "Packer"),
        Role.LEAD: QCoreApplication.translate("Roles", "Shift lead"),
        Role.LOADER: QCoreApplication.translate("Roles", "Loader"),
        Role.CLERK: QCoreApplication.translate("Roles", "Stock clerk"),
        Role.RETURNS: QCoreApplication.translate("Roles", "Returns clerk"),
    }
    return names[role]


class RoleHome(QWidget):
    """Who is signed in, in which role, and what comes next."""

    def __init__(self, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("home")
        self.user = user
        self.greeting = QLabel(objectName="greeting", alignment=Qt.AlignmentFlag.AlignCenter)
        self.role = QLabel(objectName="roleBadge", alignment=Qt.AlignmentFlag.AlignCenter)
        self.next_step = QLabel(objectName="hint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.next_step.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 48, 120, 48)
        layout.setSpacing(32)
        layout.addStretch(1)
        layout.addWidget(self.greeting)
        layout.addWidget(self.role, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.next_step)
        layout.addStretch(2)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Hello, {name}").format(name=self.user.name))
        self.role.setText(role_name(self.user.role))
        next_steps = {
            Role.PICKER: self.tr("Your pick lists will appear here when a wave is released."),
            Role.PACKER: self.tr("Totes ready to pack will appear here."),
            Role.LEAD: self.tr("Waves, progress and exceptions will appear here."),
            Role.LOADER: self.tr("Scan a load unit, then the parcels."),
            Role.CLERK: self.tr("Receive, count or move stock by scanning."),
            Role.RETURNS: self.tr("Scan a returned parcel, then each item and its condition."),
        }
        self.next_step.setText(next_steps[self.user.role])
