"""The clerk's move page through the real widgets, on the tiny site's central database: a free
move by scanning, a replenishment task done by scanning (and every scan it asks for), and the
page fitting a 1280×800 station monitor in English and Chinese (screenshots with
SHIPSHAPE_SCREENSHOTS=DIR: clerk_move*.png)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.domain.users import Role, User
from app.errors import NotFound
from app.scanning.interpret import interpret
from app.services.moves import CentralMoveBackend
from tests.integration.stock.moves_site import (
    BOLT_GTIN,
    EMPTY,
    FACE,
    RESERVE,
    all_tasks,
    milk,
    on_hand,
    order_bolts,
    plan_and_release,
    tiny_site,
)
from tests.ui.clerk.pages import clerk_home as clerk_home_with
from tests.ui.fit import SCREEN, look_at, settle
from ui.app import load_fonts, load_stylesheet, use_fonts
from ui.clerk import ClerkHome, MovePage
from ui.main_window import MainWindow
from ui.worker import SynchronousWorker

CLERK = User("Sanne de Vries", Role.CLERK, "2001")


@pytest.fixture(scope="module", autouse=True)
def floor_style(qapp):
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def central(sqlite_url, tmp_path):
    central = tiny_site(sqlite_url, tmp_path / "site")
    yield central
    central.close()


def page(qtbot, central) -> MovePage:
    backend = CentralMoveBackend(central.uow, "STOCK-01")
    home = ClerkHome(CLERK, {"MOVE": lambda: MovePage(CLERK, backend, SynchronousWorker(), "S")})
    qtbot.addWidget(home)
    return home.page


def scan(page: MovePage, text: str) -> None:
    page.handle_scan(interpret(text))


def test_a_free_move_by_scanning_with_a_typed_quantity(qtbot, central):
    mover = page(qtbot, central)
    assert mover.task_list.count() == 0 and "No replenishments" in mover.tasks_title.text()
    scan(mover, BOLT_GTIN)
    assert mover.banner.kind == "error" and "from-location first" in mover.banner.text()
    scan(mover, f"L:{FACE}")
    assert FACE in mover.route_label.text() and mover.banner.kind == "ok"
    scan(mover, BOLT_GTIN)
    mover.handle_typed_number("30")  # only 20 there
    assert mover.banner.kind == "error" and "ONLY 20 of BOLT" in mover.banner.text()
    assert mover.tones.played[-1] == "error"
    mover.handle_typed_number("3")
    assert "3 × BOLT" in mover.item_label.text()
    scan(mover, "C:UNDO")  # back to one unit
    assert "1 × BOLT" in mover.item_label.text()
    mover.handle_typed_number("3")
    scan(mover, f"L:{FACE}")
    assert "where the stock comes from" in mover.banner.text()
    scan(mover, f"L:{EMPTY}")
    assert mover.banner.kind == "ok" and "MOVED 3 units" in mover.banner.text()
    assert mover.tones.played[-1] == "ok"
    assert (on_hand(central, FACE, "BOLT"), on_hand(central, EMPTY, "BOLT")) == (17, 3)
    assert "Last: 3 units" in mover.item_label.text()


def test_a_lot_controlled_product_needs_its_lot_when_the_location_holds_several(qtbot, central):
    mover = page(qtbot, central)
    scan(mover, "L:A01-002-L-1")
    scan(mover, "9501101020917")
    assert mover.banner.kind == "error" and "2 lots here" in mover.banner.text()
    scan(mover, milk("L1"))
    assert "1 × MILK" in mover.item_label.text()
    scan(mover, "C:CANCEL")
    assert "Move cancelled" in mover.banner.text() and not mover.state.lines


def test_a_replenishment_task_done_by_scanning(qtbot, central, tmp_path):
    order_bolts(central, tmp_path, 15)
    plan_and_release(central)  # the face's 20: 15 wait for pickers, 5 free, min 10
    mover = page(qtbot, central)
    assert mover.task_list.count() == 1
    assert "35 × BOLT" in mover.task_list.item(0).text()
    assert "15 waiting" in mover.task_list.item(0).text()
    assert f"Scan {RESERVE}" in mover.banner.text()
    mover.task_list.itemClicked.emit(mover.task_list.item(0))  # a touch chooses it
    assert mover.state.task is not None and "Bring 35 × BOLT" in mover.item_label.text()
    scan(mover, f"L:{EMPTY}")
    assert mover.banner.kind == "error" and f"takes from {RESERVE}" in mover.banner.text()
    scan(mover, f"L:{RESERVE}")
    scan(mover, f"L:{FACE}")  # the item is not scanned yet: no move without it
    assert mover.banner.kind == "error" and "Scan the item first" in mover.banner.text()
    scan(mover, BOLT_GTIN)
    assert "35 × BOLT" in mover.item_label.text()  # the task's quantity, after the scan
    scan(mover, f"L:{EMPTY}")
    assert f"goes to {FACE}" in mover.banner.text()
    scan(mover, f"L:{FACE}")
    assert mover.banner.kind == "ok" and "MOVED 35 units" in mover.banner.text()
    (task,) = all_tasks(central)
    assert task.status == "done"
    assert on_hand(central, FACE, "BOLT") == 55 and mover.task_list.count() == 0


class Badges:
    def sign_in(self, badge: str, pin: str | None) -> User:
        if badge == CLERK.badge:
            return CLERK
        raise NotFound(badge)


def test_the_move_page_fits_a_station_monitor_in_english_and_chinese(qtbot, central, tmp_path):
    order_bolts(central, tmp_path, 15)
    plan_and_release(central)
    backend = CentralMoveBackend(central.uow, "STOCK-01")
    worker = SynchronousWorker()

    def clerk_home(user):
        page = lambda: MovePage(user, backend, worker, "STOCK-01")  # noqa: E731
        return clerk_home_with(user, central, worker, "STOCK-01", "MOVE", page)

    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Badges(), worker, settings, "STOCK-01", {Role.CLERK: clerk_home})
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    window.handle_scan(f"B:{CLERK.badge}")
    problems = look_at(window, "clerk_move_start")
    for text in (f"L:{RESERVE}", BOLT_GTIN):
        window.handle_scan(text)
    problems += _both(window, "clerk_move")
    window.handle_scan(f"L:{EMPTY}")  # the wrong place: the longest refusal
    problems += _both(window, "clerk_move_wrong_to")
    window.handle_scan(f"L:{FACE}")
    problems += _both(window, "clerk_move_done")
    assert not problems, "\n".join(problems)


def _both(window, name: str) -> list[str]:
    problems = look_at(window, name)
    window.set_language("zh_CN")
    problems += look_at(window, f"{name}_zh")
    window.set_language("en")
    settle()
    return problems
