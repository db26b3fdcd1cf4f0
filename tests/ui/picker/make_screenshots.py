"""Write the picker screenshots for the docs (offscreen, 1280×800, English and Chinese).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.picker.make_screenshots --out docs/screenshots

Uses a fresh demo database, the real window, stylesheet, fonts, translations and backend.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.bootstrap import open_central
from app.domain.users import Role
from app.scanning.interpret import interpret
from app.services import demo
from app.services.picking_central import CentralPickingBackend
from ui.app import prepare_application
from ui.main_window import MainWindow
from ui.picker import PickerHome
from ui.worker import SynchronousWorker


class _Services:
    def __init__(self, central, station):
        self.central, self.station = central, station

    def sign_in(self, badge, pin):
        from app.services.users import sign_in

        return sign_in(self.central.uow(), badge, pin, self.station)


def _grab(window: MainWindow, path: Path) -> None:
    # The map is drawn on its own thread: give it a moment to arrive (and the layout to settle).
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
        home = window.home
        route_map = getattr(getattr(home, "task_view", None), "route_map", None)
        if route_map is None or route_map.image is not None or not route_map.isVisible():
            break
    for _ in range(3):
        QApplication.processEvents()
        time.sleep(0.05)
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def write_screenshots(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = prepare_application([])  # noqa: F841 - keep the application alive while we draw
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        central = open_central(f"sqlite:///{tmp}/demo.sqlite")
        demo.seed_demo(central.uow(), central.setup_identity())
        backend = CentralPickingBackend(central.uow, "PICK-01")
        worker = SynchronousWorker()
        factories = {Role.PICKER: lambda u: PickerHome(u, backend, worker, "PICK-01")}
        settings = QSettings(str(Path(tmp) / "screens.ini"), QSettings.Format.IniFormat)
        window = MainWindow(_Services(central, "PICK-01"), worker, settings, "PICK-01", factories)
        window.show()
        window.handle_scan("B:1001")
        home = window.home
        _grab(window, out / "picker_cart.png")
        for n in range(len(home.state.pick_list.cart)):
            window.handle_scan(f"T:DOC{n + 1:03d}")
        _grab(window, out / "picker_task_location.png")
        task = home.state.task
        window.handle_scan(f"L:{task.location}")
        window.handle_scan("L:Z99-999-Z-9")
        _grab(window, out / "picker_wrong_location.png")
        home.handle_scan(interpret(task.gtins[0]))  # a plain EAN: a lot-controlled item asks
        if task.lot_controlled:  # for its lot label next
            _grab(window, out / "picker_task_lot.png")
            window.set_language("zh_CN")
            _grab(window, out / "picker_task_lot_zh.png")
            window.set_language("en")
            home.handle_scan(interpret(f"]C110{task.lot}"))
        _grab(window, out / "picker_task_counted.png")
        window.set_language("zh_CN")
        _grab(window, out / "picker_task_counted_zh.png")
        home.handle_scan(interpret("C:SHORT"))
        _grab(window, out / "picker_short_zh.png")
        window.set_language("en")
        _grab(window, out / "picker_short.png")
        window.close()
        central.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    write_screenshots(parser.parse_args().out)


if __name__ == "__main__":
    main()
