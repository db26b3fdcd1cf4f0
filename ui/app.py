"""Start the station UI: `run_app(services, worker_factory)` is what `shipshape run` calls.

It makes the QApplication, registers the bundled fonts (so CJK renders on machines without a CJK
font), loads the floor stylesheet, installs the keyboard-wedge scan filter when it is available,
and shows the main window. Everything here runs on the UI thread.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.domain.users import Role
from ui.main_window import MainWindow
from ui.services import StationServices
from ui.worker import Worker

if TYPE_CHECKING:
    from ui.wedge import WedgeScanFilter

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONTS_DIR = RESOURCES / "fonts"
STYLESHEET = RESOURCES / "style" / "floor.qss"
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

log = logging.getLogger(__name__)


def load_fonts(directory: Path = FONTS_DIR) -> list[str]:
    """Register every font file in `directory`; return the families that became available."""
    families: list[str] = []
    for path in sorted(directory.glob("*")) if directory.is_dir() else []:
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


def use_fonts(app: QApplication, extra_families: Sequence[str]) -> None:
    """The platform's UI font first, then the bundled ones as fallbacks for CJK and Cyrillic."""
    font = QFont(app.font())
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    fallbacks = [f for f in extra_families if f in chinese][:1] or list(extra_families)
    font.setFamilies([font.family(), *fallbacks])
    app.setFont(font)


def load_stylesheet(app: QApplication, path: Path = STYLESHEET) -> None:
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("no floor stylesheet (%s): the screens will look plain", exc)


def install_scan_filter(app: QApplication, window: MainWindow) -> WedgeScanFilter | None:
    """Route keyboard-wedge scans to the window. Without the filter, a scanner still types into
    the focused field and ends with Enter, which the sign-in screen accepts too."""
    try:
        from ui.wedge import WedgeScanFilter
    except ImportError:
        log.info("no keyboard-wedge filter: scans arrive as typed text")
        return None
    scan_filter = WedgeScanFilter(app)
    scan_filter.scanned.connect(window.handle_scan)
    scan_filter.number_typed.connect(window.handle_typed_number)
    app.installEventFilter(scan_filter)
    return scan_filter


def prepare_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with Shipshape's names, fonts and stylesheet (reused if one exists)."""
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName("Shipshape")
    app.setApplicationName("Shipshape")
    use_fonts(app, load_fonts())
    load_stylesheet(app)
    return app


def run_app(
    services: StationServices,
    worker_factory: Callable[[], Worker],
    *,
    station: str = "",
    settings: QSettings | None = None,
    argv: Sequence[str] | None = None,
    fullscreen: bool = False,
    home_factories: Mapping[Role, Callable] | None = None,
    on_ready: Callable[[MainWindow], None] | None = None,
) -> int:
    """Show the station window until it is closed; returns the exit status.

    `worker_factory` is called once, after the QApplication exists (usually `DatabaseWorker`).
    `fullscreen` suits a dedicated floor terminal; a desk PC keeps a normal window.
    """
    app = prepare_application(argv)
    worker = worker_factory()
    window = MainWindow(
        services, worker, settings or QSettings(), station=station, home_factories=home_factories
    )
    window.scan_filter = install_scan_filter(app, window)  # kept alive by the window
    if on_ready is not None:
        on_ready(window)  # the composition root connects devices, printers, sync status here
    if fullscreen:
        window.showFullScreen()
    else:
        window.show()
    try:
        return app.exec()
    finally:
        worker.shutdown()
