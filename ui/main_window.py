"""The station window: a top bar over a stack of screens (sign-in, then the role's home).

UI thread only. Use cases arrive as the injected `services` and run on the injected `worker`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.users import Role, User
from app.scanning.interpret import Scan, interpret
from ui.home import RoleHome
from ui.i18n import LanguageSwitch
from ui.services import StationServices
from ui.sign_in import SignInView
from ui.top_bar import TopBar
from ui.worker import Worker

LOGOUT = "LOGOUT"  # the command barcode C:LOGOUT signs out from any screen
NOT_A_BADGE = {"product", "logistic_unit", "location", "tote", "command"}  # kinds from interpret()

HomeFactory = Callable[[User], QWidget]


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: StationServices,
        worker: Worker,
        settings: QSettings,
        station: str = "",
        home_factories: Mapping[Role, HomeFactory] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.station = station
        self.current_user: User | None = None
        # Set by the composition root once devices run: builds the diagnostics screen.
        self.diagnostics_factory: Callable[[], QWidget] | None = None
        self.scan_filter: QObject | None = None  # the keyboard-wedge filter, when installed
        self._diagnostics: QWidget | None = None
        self._home_factories = dict(home_factories or {})
        self.language = LanguageSwitch(settings, self)
        self.language.apply(self.language.saved_language())  # before any text is set

        self.top_bar = TopBar(station)
        self.sign_in = SignInView(services, worker)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.sign_in)
        central = QWidget(objectName="central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        # On a monitor smaller than 1280×800 the screen scrolls rather than leaving the window;
        # at 1280×800 everything fits (tests/ui/test_fit.py) and no scroll bar shows.
        self.screen_scroll = QScrollArea(objectName="screenScroll")
        self.screen_scroll.setWidgetResizable(True)
        self.screen_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.screen_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the fields
        self.screen_scroll.setWidget(self.screens)
        layout.addWidget(self.screen_scroll, 1)
        self.setCentralWidget(central)

        self.sign_in.signed_in.connect(self.show_home)
        self.top_bar.sign_out_requested.connect(self.sign_out)
        self.top_bar.language_requested.connect(self.set_language)
        self.top_bar.devices_requested.connect(self.show_diagnostics)
        self.top_bar.set_language(self.language.current)
        self._retitle()
        self.sign_in.badge_field.setFocus()  # a keyboard-mode scanner types straight into it
        self.resize(1280, 800)

    @property
    def home(self) -> QWidget | None:
        return None if self.current_user is None else self.screens.widget(1)

    def set_language(self, code: str) -> None:
        self.language.apply(code)  # Qt then sends every widget a LanguageChange event
        self.top_bar.set_language(code)
        self._retitle()

    def handle_scan(self, scan: str | Scan) -> None:
        """A scan from the wedge filter (text) or a serial scanner (an interpreted `Scan`, via
        the device bridge), routed to the screen that shows. Homes get the interpreted `Scan`."""
        if isinstance(scan, str):
            scan = interpret(scan)  # pure and quick: fine on the UI thread
        if scan.kind == "command" and scan.code == LOGOUT:
            self.sign_out()
        elif self.current_user is not None:
            if hasattr(self.home, "handle_scan"):
                self.home.handle_scan(scan)
        elif scan.kind == "badge":
            self.sign_in.handle_scan(scan.code)
        elif scan.kind in NOT_A_BADGE:
            self.sign_in.reject_scan(scan.raw)
        else:
            self.sign_in.handle_scan(scan.raw)  # a bare badge number such as 1001

    def handle_typed_number(self, number: str) -> None:
        """Digits + Enter typed outside any field (the wedge filter): the input the current
        step expects (a quantity, a weight, a count, a serial), or a badge number at sign-in."""
        if self.current_user is None:
            self.sign_in.handle_scan(number)
        elif hasattr(self.home, "handle_typed_number"):
            self.home.handle_typed_number(number)

    def show_diagnostics(self) -> None:
        """Open (or raise) the scanner & scale diagnostics in a window of its own."""
        if self.diagnostics_factory is None:
            return
        if self._diagnostics is None:
            self._diagnostics = self.diagnostics_factory()
            self._diagnostics.setParent(self, Qt.WindowType.Window)
            self._diagnostics.resize(1000, 700)
        self._diagnostics.show()
        self._diagnostics.raise_()

    def show_home(self, user: User) -> None:
        self._drop_home()
        self.current_user = user
        factory = self._home_factories.get(user.role, RoleHome)
        home = factory(user)
        # Styled before it joins the window: unstyled sizes would grow the window past the screen.
        home.ensurePolished()
        self.screens.addWidget(home)
        self.screens.setCurrentIndex(1)
        self.top_bar.set_user(user)

    def sign_out(self) -> None:
        self._drop_home()
        self.current_user = None
        self.top_bar.set_user(None)
        self.screens.setCurrentWidget(self.sign_in)
        self.sign_in.reset()

    def closeEvent(self, event) -> None:
        self.language.uninstall()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retitle()
        super().changeEvent(event)

    def _drop_home(self) -> None:
        while self.screens.count() > 1:
            old = self.screens.widget(1)
            self.screens.removeWidget(old)
            old.deleteLater()

    def _retitle(self) -> None:
        self.setWindowTitle(self.tr("Shipshape — station {station}").format(station=self.station))
