"""Receiving through the real widgets: a clerk signs in at a station window, scans the demo's
announced receipt, receives by GS1 scan (lot and expiry filled in), over-receives, meets an
unknown item and a location that does not exist, puts away at the suggested and at another
location, and closes the receipt: the lead's queue gets its differences, and the orders that
waited for the received product are allocated. The screens must fit 1280×800 in English and
Chinese (SHIPSHAPE_SCREENSHOTS=DIR saves them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services import users
from app.services.lead.exceptions import exception_queue
from app.services.receiving_central import CentralReceivingBackend
from app.steps.receiving_state import ReceiveState
from db.station.receiving import StationReceivingBackend
from db.station.store import StationStore
from tests.ui.clerk.pages import clerk_home as clerk_home_with
from tests.ui.fit import SCREEN, look_at, settle
from tests.ui.stations import station_on
from ui.app import load_fonts, load_stylesheet, use_fonts
from ui.clerk import ClerkHome
from ui.clerk.receiving import ReceivingPage
from ui.main_window import MainWindow
from ui.worker import SynchronousWorker

CLERK = User("Sanne de Vries", Role.CLERK, "1015")
RECEIPT = "PO-4500012001"
COFFEE = "(01)08712345000202(17)270831(10)L2708R"  # FOD-10020, lot-controlled, announced
CABLE = "8712345000875"  # ELE-10087, announced 48
MUG = "8712345000011"  # HOM-10001: a known product nobody announced on this receipt
NOBODY = "4006381333931"  # a valid GTIN no product of the demo has


class Badges:
    def sign_in(self, badge: str, pin: str | None) -> User:
        assert badge == CLERK.badge
        return CLERK


@pytest.fixture(scope="module", autouse=True)
def floor_style(qapp):
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


class Station:
    def __init__(self, qtbot, tmp_path: Path, central):
        backend = CentralReceivingBackend(central.uow, "STOCK-01")
        worker = SynchronousWorker()

        def clerk_home(user):
            page = lambda: ReceivingPage(user, backend, worker, "STOCK-01")  # noqa: E731
            return clerk_home_with(user, central, worker, "STOCK-01", "RECEIVE", page)

        settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(Badges(), worker, settings, "STOCK-01", {Role.CLERK: clerk_home})
        qtbot.addWidget(self.window)
        self.window.resize(SCREEN)
        self.window.show()
        self.window.handle_scan("B:1015")
        self.problems: list[str] = []

    @property
    def page(self) -> ReceivingPage:
        page = self.window.home.page
        assert isinstance(page, ReceivingPage)
        return page

    @property
    def state(self) -> ReceiveState:
        return self.page.state

    def scan(self, text: str) -> tuple[str, str]:
        self.window.handle_scan(text)
        settle(0.02)
        return self.page.banner.kind, self.page.banner.words()

    def type(self, digits: str) -> None:
        self.window.handle_typed_number(digits)
        settle(0.02)

    def look(self, name: str) -> None:
        self.problems += look_at(self.window, name)
        self.window.set_language("zh_CN")
        self.problems += look_at(self.window, f"{name}_zh")
        self.window.set_language("en")
        settle()


def _waiting_for(central, sku: str) -> list[int]:
    with central.uow() as uow:
        return uow.orders.waiting_for_stock({sku})


def _line(station: Station, sku: str):
    return next(x for x in station.state.receipt.lines if x.sku == sku)


def test_receive_put_away_and_close_with_differences(qtbot, tmp_path, demo_central):
    central = demo_central
    waiting = _waiting_for(central, "FOD-10020")
    assert waiting, "the demo leaves orders waiting for FOD-10020"
    station = Station(qtbot, tmp_path, central)
    station.look("clerk_receiving_start")

    # The receipt by its number; the page shows its lines.
    kind, _ = station.scan(RECEIPT)
    assert kind == "ok" and station.state.receipt.receipt_id == RECEIPT
    assert station.page.lines.rowCount() == len(station.state.receipt.lines) == 5

    # GS1 with lot and expiry: received into the hand, the count typed, a suggestion shown.
    kind, words = station.scan(COFFEE)
    assert kind == "ok" and "RECEIVED FOD-10020" in words
    held = station.state.in_hand
    assert (held.sku, held.lot, held.expiry, held.quantity) == (
        "FOD-10020",
        "L2708R",
        "2027-08-31",
        1,
    )
    station.type("12")
    assert station.state.in_hand.quantity == 12
    suggested = station.state.suggestion
    assert suggested and station.page.location_label.text() == suggested
    assert _line(station, "FOD-10020").received == 12
    station.look("clerk_receiving")

    # A location that does not exist is refused; the suggested one takes it.
    kind, words = station.scan("L:NOPE-99")
    assert kind == "error" and "NOPE-99" in words and station.state.in_hand.quantity == 12
    kind, words = station.scan(f"L:{suggested}")
    assert kind == "ok" and f"at {suggested}" in words and "suggested" not in words
    with central.uow() as uow:
        assert uow.stock.get(suggested, "FOD-10020", "L2708R").on_hand == 12
    assert len(_waiting_for(central, "FOD-10020")) < len(waiting)  # allocated at once

    # Over-receipt: 60 cables where 48 were announced, put away elsewhere (the clerk decides).
    station.scan(CABLE)
    station.type("60")
    assert station.page.banner.kind == "info" and "OVER-RECEIPT" in station.page.banner.words()
    station.look("clerk_receiving_over")
    other = "A01-001-L-1"
    kind, words = station.scan(f"L:{other}")
    assert kind == "ok" and "suggested" in words and other in words

    # An item nobody announced is received, flagged; an unknown GTIN is refused.
    kind, words = station.scan(MUG)
    assert kind == "info" and "NOT ON THE RECEIPT" in words
    station.scan(f"L:{other}")
    kind, words = station.scan(NOBODY)
    assert kind == "error" and "UNKNOWN ITEM" in words and station.state.in_hand is None

    # Close: differences (over, under, unexpected) go to the lead's queue as one item.
    kind, words = station.scan("C:CLOSE")
    assert kind == "ok" and "differences" in words and station.state.receipt is None
    lead = users.authenticate_lead(central.uow(), "1011", "694907")
    items = [q for q in exception_queue(central.uow(), lead) if q.kind == "receipt_difference"]
    assert len(items) == 1
    text = str(items[0].summary)
    assert RECEIPT in text and "ELE-10087: 60 received, 48 expected" in text
    assert "HOM-10001: 1 received, not on the receipt" in text and "KIT-10022" in text
    with central.uow() as uow:
        assert uow.receiving.receipt(RECEIPT).status == "closed"
    assert not station.problems, "\n".join(station.problems)


def test_the_suppliers_sscc_opens_the_receipt_and_a_lot_is_asked_for(qtbot, tmp_path, demo_central):
    station = Station(qtbot, tmp_path, demo_central)
    station.scan("(00)087123450000010010")
    assert station.state.receipt.receipt_id == RECEIPT
    kind, words = station.scan("8712345000202")  # coffee beans without their lot
    assert kind == "info" and "lot" in words and station.state.in_hand is None
    station.look("clerk_receiving_lot")
    kind, words = station.scan("(10)L2708R")
    assert kind == "ok" and station.state.in_hand.lot == "L2708R"
    announced = _line(station, "FOD-10020").expiry
    assert station.state.in_hand.expiry == announced.isoformat()  # as the receipt announced it
    kind, words = station.scan("C:CANCEL")  # set aside: received, not stock
    assert kind == "info" and station.state.in_hand is None
    assert _line(station, "FOD-10020").in_receiving == 1
    assert not station.problems, "\n".join(station.problems)


def test_the_station_root_gives_a_clerk_the_receiving_page_on_its_store(
    qtbot, tmp_path, demo_central
):
    store = StationStore(tmp_path / "stock.sqlite", "STOCK-03")
    station = station_on(
        demo_central, "STOCK-03", tmp_path, store=store, worker=SynchronousWorker()
    )
    try:
        home = station.clerk_home(CLERK)
        qtbot.addWidget(home)
        assert isinstance(home, ClerkHome) and home.job == "RECEIVE"
        page = home.page
        assert isinstance(page, ReceivingPage) and isinstance(page.backend, StationReceivingBackend)
        page.handle_typed_number("PO-4500012002")  # the number off the delivery papers
        assert page.state.receipt is not None and page.state.receipt.supplier == "明华食品"
        page.handle_scan(interpret("8712345000011"))
        assert page.banner.kind == "info" and [f.kind for _, f in store.pending(10)] == [
            "receipt.item_received"
        ]
    finally:
        station.stop()
        store.close()


def test_the_line_in_hand_is_scrolled_into_view(qtbot, tmp_path, demo_central):
    station = Station(qtbot, tmp_path, demo_central)
    station.page.table.setFixedHeight(150)  # room for a row or two: a long receipt's case
    station.scan(RECEIPT)
    table, lines = station.page.table, station.page.lines
    row = next(n for n, line in enumerate(lines.lines) if line.sku == "FOD-10020")
    assert row >= 2  # below what the small table shows at first
    station.scan(COFFEE)
    settle()
    shown = table.viewport().rect()
    assert shown.intersects(table.visualRect(lines.index(row, 0)))
    assert lines.data(lines.index(row, 0)).startswith("FOD-10020\n")  # code over name
