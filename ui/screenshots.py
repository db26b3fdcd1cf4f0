"""Write the documentation screenshots of the station screens (offscreen, 1280×800).

    QT_QPA_PLATFORM=offscreen python -m ui.screenshots --out docs/screenshots

Uses the real window, stylesheet, fonts and translations with a tiny stand-in for the use cases.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.domain.users import Role, User
from app.errors import NotFound, PinRequired
from ui.app import prepare_application
from ui.main_window import MainWindow
from ui.worker import SynchronousWorker


class _ScreenshotServices:
    """Badge 1001 is a picker, 1011 a lead; anything else is unknown."""

    def sign_in(self, badge: str, pin: str | None) -> User:
        if badge == "1001":
            return User("李娜", Role.PICKER, badge)
        if badge == "1011":
            if not pin:
                raise PinRequired("lead")
            return User("Maria Jansen", Role.LEAD, badge)
        raise NotFound(badge)


def _grab(window: MainWindow, path: Path) -> None:
    # A language switch reaches the widgets as posted events, and their new texts then post
    # layout requests: two rounds settle both.
    QApplication.processEvents()
    QApplication.processEvents()
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def write_screenshots(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = prepare_application([])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "screens.ini"), QSettings.Format.IniFormat)
        window = MainWindow(_ScreenshotServices(), SynchronousWorker(), settings, station="PICK-01")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        _grab(window, out / "sign_in.png")
        window.sign_in.handle_scan("1234")
        _grab(window, out / "sign_in_unknown_badge.png")
        window.set_language("zh_CN")
        window.sign_in.reset()
        _grab(window, out / "sign_in_zh.png")
        window.sign_in.handle_scan("B:1011")
        _grab(window, out / "sign_in_pin_zh.png")
        window.set_language("en")
        window.handle_scan("B:1001")
        _grab(window, out / "sign_in_picker_home.png")
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    write_screenshots(parser.parse_args().out)


if __name__ == "__main__":
    main()
