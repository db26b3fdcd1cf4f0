"""A packer home on a copy of the demo database, with real spoolers writing label files."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services.packing_central import CentralPackingBackend
from db.schema import events, orders
from db.station.store import StationStore
from db.station.sync import SyncEngine
from printing.carton_printer import carton_printer_for
from printing.spooler import Spooler
from printing.station import StationPrinter
from printing.transports import FileTransport
from tests.integration.packing.packing_site import demo_central, pick_into_tote, released_orders
from tests.ui.stations import packing_pullers, station_on, unreachable_central
from ui.app import load_stylesheet
from ui.marks import is_ok_html
from ui.packer import PackerHome
from ui.worker import SynchronousWorker

PACKER = User("陈静", Role.PACKER, "1007")


@pytest.fixture(scope="module", autouse=True)
def floor_style(qapp):
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def central(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    yield central
    central.close()


class Station:
    """The packer home with its real backend and printers; helpers to drive it like a packer."""

    def __init__(
        self, qtbot, central, tmp_path, label_transport=None, label_format="pdf", has_scale=False
    ):
        self.qtbot, self.central = qtbot, central
        self.labels, self.slips = tmp_path / "labels-out", tmp_path / "slips-out"
        self.backend = CentralPackingBackend(central.uow, "PACK-01")
        self.printer = carton_printer_for(self.backend, "PACK-01")
        quick = (0.05, 0.1)
        self.label_spooler = Spooler(
            label_transport or FileTransport(self.labels, ".pdf"),
            tmp_path / "spool-l",
            self.printer.on_event,
            quick,
        )
        slip_spooler = Spooler(FileTransport(self.slips, ".pdf"), tmp_path / "spool-s", None, quick)
        self.printer.station_printer = StationPrinter(
            self.label_spooler, label_format, slip_spooler=slip_spooler
        )
        self.spoolers = [self.label_spooler, slip_spooler]
        for spooler in self.spoolers:
            spooler.start()
        self.home = PackerHome(
            self.backend, SynchronousWorker(), PACKER, "PACK-01", self.printer, has_scale=has_scale
        )
        qtbot.addWidget(self.home)
        self.home.resize(1280, 720)
        self.home.show()

    def order(self, tote: str = "0101", n: int = 0, min_lines: int = 2, **kw):
        return pick_into_tote(self.central, released_orders(self.central, min_lines)[n], tote, **kw)

    def scan(self, text: str) -> str:
        self.home.handle_scan(interpret(text))
        return self.home.message.text()

    def pack_all(self, order, skip: int = 0) -> None:
        """Scan every unit in (with its serial where the product needs one), but the last `skip`."""
        scans = [text for line in order.lines for text in line.unit_scans()]
        for text in scans[: len(scans) - skip]:
            assert is_ok_html(self.scan(text)), self.home.message.text()

    def type_weight(self, kg: float) -> None:
        self.home.weight.clear()
        self.qtbot.keyClicks(self.home.weight, f"{kg:.3f}")

    def expected_kg(self) -> float:
        return self.home.state.expected_kg(self.home.carton_type.currentData())

    def close(self, final: bool = True) -> str:
        button = self.home.close_button if final else self.home.next_button
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return self.home.message.text()

    def status(self, order) -> str:
        with self.central.engine.connect() as conn:
            return conn.execute(
                select(orders.c.status).where(orders.c.id == order.order_ref)
            ).scalar()

    def event_kinds(self, order) -> list[str]:
        with self.central.engine.connect() as conn:
            query = (
                select(events.c.kind)
                .where(events.c.order_ref == order.order_ref)
                .order_by(events.c.seq)
            )
            return list(conn.execute(query).scalars())

    def files(self, folder) -> list:
        return sorted(folder.glob("*.pdf")) if folder.exists() else []

    def stop(self) -> None:
        for spooler in self.spoolers:
            spooler.stop()


@pytest.fixture
def station(qtbot, central, tmp_path):
    station = Station(qtbot, central, tmp_path)
    yield station
    station.stop()


def pack_and_close(qtbot, home, order) -> None:
    """Scan the order's tote and every unit in, weigh it as expected and close the last carton."""
    home.handle_scan(interpret(f"T:{order.tote}"))
    qtbot.waitUntil(lambda: home.state is not None, timeout=15000)
    for line in order.lines:
        for text in line.unit_scans():
            home.handle_scan(interpret(text))
    qtbot.waitUntil(lambda: not home.state.open_lines(), timeout=15000)
    home.weight.setText(f"{home.state.expected_kg(home.carton_type.currentData()):.3f}")
    home.close_carton(final=True)


@contextmanager
def offline_packer_home(qtbot, central, tmp_path):
    """A packer home wired by the composition root from a station store that synced once, then
    lost central (the network is down): yields the home; stops its threads afterwards."""
    store = StationStore(tmp_path / "station.sqlite", "PACK-02")
    offline = unreachable_central(tmp_path)
    station = station_on(offline, "PACK-02", tmp_path, store=store)
    SyncEngine(store, central.engine, pullers=packing_pullers(station), listen=False).sync_once()
    home = station.packing.make_home(PACKER)
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.show()
    try:
        yield home
    finally:
        station.stop()
        offline.close()
