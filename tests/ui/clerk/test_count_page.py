"""The count page through the real widgets on the demo site: count a location, a recount, an
unplanned count, C:UNDO; blind throughout; fits 1280×800 in English and Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QListWidget

from app.domain.users import Role, User
from app.errors import NotFound
from app.scanning.interpret import interpret
from app.services import count_lead
from app.services.counting_central import CentralCountBackend
from tests.integration.counting.story import LEAD
from tests.ui.clerk.pages import clerk_home as clerk_home_with
from tests.ui.fit import SCREEN, look_at, settle
from ui.clerk.counting import CountPage
from ui.main_window import MainWindow
from ui.worker import SynchronousWorker

SANNE = User("Sanne de Vries", Role.CLERK, "1015")
HUANG_MIN = User("黄敏", Role.CLERK, "1016")


def _a_shelf(central):
    """A location holding one product that is not lot-controlled, nothing reserved: (stock
    row, the product's GTIN)."""
    with central.uow() as uow:
        rows = uow.stock.all()
        for item in rows:
            alone = sum(1 for s in rows if s.location == item.location) == 1
            product = uow.catalog.product(item.sku)
            plain = not product.lot_controlled and product.gtins
            if alone and plain and not item.reserved and item.on_hand >= 10:
                return item, product.gtins[0]
    raise AssertionError("no such shelf in the demo")


def _page(qtbot, central, user=SANNE) -> CountPage:
    page = CountPage(
        user, CentralCountBackend(central.uow, "COUNT-01"), SynchronousWorker(), "COUNT-01"
    )
    qtbot.addWidget(page)
    return page


def _on_screen(page) -> str:
    texts = [label.text() for label in page.findChildren(QLabel)]
    for view in page.findChildren(QListWidget):
        texts += [view.item(i).text() for i in range(view.count())]
    return "\n".join(texts)


def _count(page, location, gtin, units, close=True):
    page.handle_scan(interpret(f"L:{location}"))
    page.handle_scan(interpret(gtin))
    if units > 1:
        page.handle_typed_number(str(units))
    if close:
        page.handle_scan(interpret("C:CLOSE"))
        page.handle_scan(interpret("C:CONFIRM"))


def test_counting_a_location_by_scans_and_a_typed_number_sets_the_stock(qtbot, central):
    count_lead.set_tolerance(central.uow(), LEAD, count_lead.Tolerance(100, 100.0), "desk")
    item, gtin = _a_shelf(central)
    page = _page(qtbot, central)
    page.handle_scan(interpret(f"L:{item.location}"))
    assert page.location_label.text() == item.location and page.state.task_id is None
    assert "Unplanned count" in page.task_label.text()
    page.handle_scan(interpret(gtin))
    page.handle_scan(interpret(gtin))
    assert page.state.lines[0].counted == 2 and page.banner.kind == "ok"
    page.handle_scan(interpret("C:UNDO"))
    assert page.state.lines[0].counted == 1
    page.handle_typed_number(str(item.on_hand - 3))  # that scan counts so many
    page.handle_scan(interpret("C:CLOSE"))
    assert page.banner.kind == "info" and "C:CONFIRM" in page.banner.text()
    assert str(item.on_hand) not in _on_screen(page)  # blind: the expected figure never shows
    page.handle_scan(interpret("C:CONFIRM"))
    assert page.banner.kind == "ok" and "SAVED" in page.banner.text()
    assert page.state.location is None and page.tones.played[-1] == "ok"
    with central.uow() as uow:
        assert uow.stock.get(item.location, item.sku, "").on_hand == item.on_hand - 3


def test_a_big_variance_asks_for_a_second_count_without_showing_the_first(qtbot, central):
    item, gtin = _a_shelf(central)
    count_lead.schedule_range(central.uow(), LEAD, item.location, item.location, "desk")
    first = _page(qtbot, central)
    assert item.location in first.task_label.text()  # the task is listed as next
    _count(first, item.location, gtin, item.on_hand - 7)
    assert first.banner.kind == "ok"
    second = _page(qtbot, central, HUANG_MIN)
    second.handle_scan(interpret(f"L:{item.location}"))
    assert "Second count" in second.task_label.text() and second.state.attempt == 2
    assert str(item.on_hand - 7) not in _on_screen(second)  # not the first figure either
    mine = _page(qtbot, central)
    mine.handle_scan(interpret(f"L:{item.location}"))
    assert "another clerk" in mine.task_label.text()


def test_a_product_scan_before_a_location_and_an_unknown_location_are_refused(qtbot, central):
    item, gtin = _a_shelf(central)
    page = _page(qtbot, central)
    page.handle_scan(interpret(gtin))
    assert page.banner.kind == "error" and page.tones.played[-1] == "error"
    page.handle_scan(interpret("L:NOWHERE-1"))
    assert page.banner.kind == "error" and "NOWHERE-1" in page.banner.text()
    page.handle_scan(interpret(f"L:{item.location}"))
    page.handle_scan(interpret("UNKNOWN-THING"))
    assert page.banner.kind == "error" and page.state.units == 0


class _Badges:
    def sign_in(self, badge: str, pin: str | None) -> User:
        if badge == SANNE.badge:
            return SANNE
        raise NotFound(badge)


def test_the_count_screens_fit_in_english_and_chinese(qtbot, tmp_path: Path, central):
    item, gtin = _a_shelf(central)
    count_lead.schedule_range(central.uow(), LEAD, "A01-001-L-1", "A01-003-R-2", "desk")
    backend = CentralCountBackend(central.uow, "COUNT-01")
    worker = SynchronousWorker()

    def clerk(user):
        page = lambda: CountPage(user, backend, worker, "COUNT-01")  # noqa: E731
        return clerk_home_with(user, central, worker, "COUNT-01", "COUNT", page)

    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = MainWindow(_Badges(), worker, settings, "COUNT-01", {Role.CLERK: clerk})
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    window.handle_scan("B:1015")
    problems: list[str] = []

    def look(name):
        nonlocal problems
        problems += look_at(window, name)
        window.set_language("zh_CN")
        problems += look_at(window, f"{name}_zh")
        window.set_language("en")
        settle()

    look("clerk_count_start")
    window.handle_scan(f"L:{item.location}")
    for _ in range(3):
        window.handle_scan(gtin)
    look("clerk_count")
    window.handle_scan("C:CLOSE")
    look("clerk_count_confirm")
    assert not problems, "\n".join(problems)


def test_the_station_root_gives_a_clerk_the_count_page_offline_first(qtbot, tmp_path, central):
    """Built like `shipshape run` with a station store: the COUNT page over the store's
    backend (counts go to the outbox), its puller on the sync thread."""
    from db.station.counting import CountPuller, StationCountBackend
    from db.station.store import StationStore
    from tests.ui.stations import station_on

    store = StationStore(tmp_path / "count-01.sqlite", "COUNT-01")
    station = station_on(central, "COUNT-01", tmp_path, store=store, worker=SynchronousWorker())
    try:
        home = station.clerk_home(SANNE)
        qtbot.addWidget(home)
        home.handle_scan(interpret("C:COUNT"))  # the clerk chooses the job by scanning
        assert home.job == "COUNT" and isinstance(home.page, CountPage)
        assert isinstance(home.page.backend, StationCountBackend)
        assert any(isinstance(p, CountPuller) for p in station.sync.pullers)
        item, gtin = _a_shelf(central)
        _count(home.page, item.location, gtin, 4)
        assert home.page.banner.kind == "ok" and store.waiting() == 1  # durable, not yet sent
    finally:
        station.stop()
