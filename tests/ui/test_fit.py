"""Every screen of every role fits a 1280×800 station monitor, in English and in Chinese.

Each screen is opened in the real station window with the floor stylesheet and bundled fonts and
checked by tests/ui/fit.py: the window's minimum size fits the monitor and no text is cut. With
SHIPSHAPE_SCREENSHOTS=DIR set, the screenshots looked at are saved there (`name.png`, `name_zh.png`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.domain.events import Actor
from app.domain.users import Role, User
from app.errors import NotFound, PinRequired
from app.scanning.interpret import interpret
from app.services import holds, layouts
from app.services.dispatch_central import CentralDispatchBackend
from app.services.lead.console import LeadConsole
from app.services.packing_central import CentralPackingBackend
from app.services.picking_central import CentralPickingBackend
from app.services.users import authenticate_lead
from app.steps import dispatch
from db.integration_store import SqlIntegrationStore
from printing.carton_printer import carton_printer_for
from printing.spooler import Spooler
from printing.station import StationPrinter
from printing.transports import FileTransport
from station.demo_dispatch import pack_demo_orders
from tests.integration.packing.packing_site import demo_central as packing_central
from tests.integration.packing.packing_site import (
    loose_hardware_order,
    pick_into_tote,
    released_orders,
)
from tests.integration.warehouses.two_sites import WEST
from tests.ui.fit import SCREEN, look_at, settle
from tests.ui.lead.outbox import park_messages
from tests.ui.lead.screenshots import _an_order_in_picking as an_order_in_picking
from tests.ui.lead.screenshots import _stations_reporting as stations_reporting
from tests.ui.lead.story import play_shift
from tests.ui.packer.make_screenshots import serial_required
from ui.app import load_fonts, load_stylesheet, use_fonts
from ui.bridge import DeviceBridge
from ui.diagnostics import DiagnosticsView
from ui.lead import LeadHome
from ui.loader import LoaderHome
from ui.main_window import MainWindow
from ui.packer import PackerHome
from ui.packer.printer_dialog import PrinterDialog
from ui.picker import PickerHome
from ui.printer_settings import PrinterChoice
from ui.worker import SynchronousWorker

PEOPLE = {
    "1001": User("李娜", Role.PICKER, "1001"),
    "1006": User("Jan de Vries-Oosterhuis", Role.PICKER, "1006"),
    "1007": User("陈静", Role.PACKER, "1007"),
    "1013": User("Kofi Mensah", Role.LOADER, "1013"),
}


@pytest.fixture(scope="module", autouse=True)
def floor_style(qapp):
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


class Badges:
    """Signs in the people above; 1011 is the lead and asks for a PIN."""

    def sign_in(self, badge: str, pin: str | None) -> User:
        if badge == "1011":
            if not pin:
                raise PinRequired("lead")
            return User("Maria Jansen", Role.LEAD, badge)
        if badge in PEOPLE:
            return PEOPLE[badge]
        raise NotFound(badge)


class Screens:
    """A station window at 1280×800 and the problems found on the screens looked at."""

    def __init__(self, qtbot, tmp_path: Path, factories: dict, station: str = "PICK-01"):
        settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(Badges(), SynchronousWorker(), settings, station, factories)
        qtbot.addWidget(self.window)
        self.window.resize(SCREEN)
        self.window.show()
        self.problems: list[str] = []

    def look(self, name: str, window=None) -> None:
        """The screen as it shows now, in English and then in Chinese."""
        window = window or self.window
        self.problems += look_at(window, name)
        self.window.set_language("zh_CN")
        self.problems += look_at(window, f"{name}_zh")
        self.window.set_language("en")
        settle()

    def scan(self, text: str) -> None:
        self.window.handle_scan(text)


class _Offline:
    """A picking backend whose central cannot be reached."""

    def __getattr__(self, name):
        def unreachable(*args, **kwargs):
            raise ConnectionError("central database unreachable")

        return unreachable


def test_sign_in_and_picker_screens_fit(qtbot, tmp_path, demo_central):
    backend = CentralPickingBackend(demo_central.uow, "PICK-01")
    worker = SynchronousWorker()

    def picker(user):
        return PickerHome(user, _Offline() if user.badge == "1006" else backend, worker, "PICK-01")

    screens = Screens(qtbot, tmp_path, {Role.PICKER: picker})
    screens.look("sign_in")
    screens.scan("1234")
    screens.look("sign_in_unknown_badge")
    screens.window.sign_in.reset()
    screens.scan("B:1011")
    screens.look("sign_in_pin")
    screens.window.sign_in.reset()
    screens.scan("B:1001")
    home = screens.window.home
    screens.look("picker_cart")
    for n in range(len(home.state.pick_list.cart)):
        screens.scan(f"T:DOC{n + 1:03d}")
    task = home.state.task
    screens.look("picker_task_location")
    screens.scan(f"L:{task.location}")
    screens.scan("L:Z99-999-Z-9")
    screens.look("picker_wrong_location")
    home.handle_scan(interpret(task.gtins[0]))
    if task.lot_controlled:
        screens.look("picker_task_lot")
        home.handle_scan(interpret(f"]C110{task.lot}"))
    screens.look("picker_task_counted")
    home.handle_scan(interpret("C:SHORT"))
    screens.look("picker_short")
    screens.scan("C:LOGOUT")
    screens.scan("B:1006")
    screens.look("picker_offline")
    assert not screens.problems, "\n".join(screens.problems)


def test_packer_screens_fit(qtbot, tmp_path, tmp_path_factory):
    central = packing_central(tmp_path, tmp_path_factory.getbasetemp())
    backend = CentralPackingBackend(central.uow, "PACK-01")
    printer = carton_printer_for(backend, "PACK-01")
    off = tmp_path / "printer-off"
    off.write_text("a file where the printer's folder should be: every send fails")
    spooler = Spooler(FileTransport(off), tmp_path / "spool", printer.on_event, (30.0,), "zebra")
    printer.station_printer = StationPrinter(spooler)
    spooler.start()
    homes = []

    def packer(user):
        homes.append(
            PackerHome(
                backend,
                SynchronousWorker(),
                user,
                "PACK-01",
                printer,
                printer_setup=lambda parent: None,
            )
        )
        return homes[-1]

    screens = Screens(qtbot, tmp_path, {Role.PACKER: packer}, "PACK-01")
    screens.scan("B:1007")
    home = homes[-1]
    screens.look("packer_1_idle")
    refs = released_orders(central, 3)
    order = pick_into_tote(central, refs[0], "0101")
    screens.scan("T:0101")
    for line in order.lines[:-1]:
        for text in line.unit_scans():
            screens.scan(text)
    screens.look("packer_2_packing")
    screens.scan("4006381333931")
    screens.look("packer_3_wrong_item")
    home.close_carton(final=True)
    home.ask_override()
    screens.look("packer_4_lines_open_override")
    home.hide_override()
    for text in order.lines[-1].unit_scans():
        screens.scan(text)
    kg = home.state.expected_kg(home.carton_type.currentData())
    home.weight.setText(f"{kg + 0.4:.3f}")
    home.close_carton(final=True)
    screens.look("packer_5_weight_override")
    home.hide_override()
    home.weight.setText(f"{kg:.3f}")
    home.close_carton(final=True)
    qtbot.waitUntil(lambda: home.printer_line.isVisible(), timeout=5000)
    screens.look("packer_6_packed_printer_off")
    short = pick_into_tote(central, refs[1], "0102", short={0: 1})
    screens.scan(f"T:{short.tote}")
    screens.look("packer_7_short_pick_blocked")
    serial = pick_into_tote(central, serial_required(central, refs[2]), "0103")
    screens.scan(f"T:{serial.tote}")
    screens.scan(serial.lines[0].gtin)
    screens.look("packer_8_scan_serial")
    home.undo()
    loose = loose_hardware_order(central, "0104", count=4)
    screens.scan(f"T:{loose.tote}")
    for line in loose.lines[:-1]:  # the loose hardware line is the last
        for text in line.unit_scans():
            screens.scan(text)
    screens.look("packer_9_no_barcode")
    spooler.stop()
    central.close()
    assert not screens.problems, "\n".join(screens.problems)


def test_lead_screens_fit(qtbot, tmp_path, demo_central):
    play_shift(demo_central.engine)  # a believable shift: every column and tile has figures
    stations_reporting(demo_central)
    lead = authenticate_lead(demo_central.uow(), "1011", "694907")
    (tmp_path / "erp").mkdir()
    park_messages(demo_central, orders=2, folder=tmp_path / "erp")  # the shop's webhook is down

    def lead_home(user):
        outbox = SqlIntegrationStore(demo_central.engine)
        console = LeadConsole(demo_central.uow, lead, "lead-desk", None, outbox)
        return LeadHome(console, SynchronousWorker())

    screens = Screens(qtbot, tmp_path, {Role.LEAD: lead_home}, "LEAD-DESK")
    screens.window.show_home(User("Maria Jansen", Role.LEAD, "1011"))  # the PIN is sign-in's
    home = screens.window.home
    home.board.wave_view.selectRow(0)
    home.board.list_view.selectRow(2)
    home.kpis.show_range("week")
    home.exceptions.view.selectRow(0)
    home.exceptions.note.setText("2 left at A05-014-R-3, checked")
    home.waves.capacity.setValue(8)
    home.waves.preview_button.click()
    home.lookup.look_up(an_order_in_picking(demo_central))
    dock_with_parcels(demo_central)
    home.dispatch.carrier.setText("SF Express")
    home.dispatch.refresh()
    home.links.parked_view.selectRow(0)
    home.exceptions.counts.first.setText("A01-001-L-1")
    home.exceptions.counts.last.setText("A01-004-R-2")
    home.exceptions.counts.schedule()
    for name, tab in [
        ("waves", home.waves),
        ("board", home.board),
        ("exceptions", home.exceptions),
        ("kpis", home.kpis),
        ("lookup", home.lookup),
        ("dispatch", home.dispatch),
        ("settings", home.settings),
        ("stations", home.stations_tab),
    ]:
        home.tabs.setCurrentWidget(tab)
        screens.look(f"lead_{name}")
    home.tabs.setCurrentWidget(home.kpis)
    home.kpis.standard_button.click()  # each picker-hour vs the labour standard
    screens.look("lead_kpis_standard")
    home.tabs.setCurrentWidget(home.exceptions)
    home.exceptions.counts.abc_button.click()  # the ABC counts' answer in the same row
    screens.look("lead_exceptions_abc")
    home.tabs.setCurrentWidget(home.settings)
    settings_low_and_refused(home.settings)
    screens.look("lead_settings_refused")
    second_warehouse(demo_central, tmp_path)
    home.reload_warehouses()  # the selector appears in the tab row
    home.tabs.setCurrentWidget(home.kpis)
    home.kpis.compare_button.click()  # the same KPIs, one column per warehouse
    screens.look("lead_kpis_warehouses")
    choose_west(home)  # WH1's order, the refused settings kept, WEST's empty dock and returns
    for name, tab in [
        ("lookup", home.lookup),
        ("settings", home.settings),
        ("dispatch", home.dispatch),
        ("returns", home.returns),
    ]:
        home.tabs.setCurrentWidget(tab)
        screens.look(f"lead_{name}_warehouses")
    home.tabs.setCurrentWidget(home.settings)
    home.settings.buttons["reload"].click()  # WEST's own settings: none yet, and whose
    screens.look("lead_settings_west")
    assert not screens.problems, "\n".join(screens.problems)


def choose_west(home) -> None:
    """The lead picks WEST in the tab row's box (Alt+W, arrow down)."""
    index = home.warehouse.findText("WEST")
    home.warehouse.setCurrentIndex(index)
    home.warehouse.activated.emit(index)


def second_warehouse(central, folder) -> None:
    """DC West joins the demo's warehouse (docs/setup.md, "Several warehouses")."""
    path = folder / "west.json"
    path.write_text(json.dumps(WEST), encoding="utf-8")
    layouts.import_layout(central.uow(), path, warehouse="WEST")


def settings_low_and_refused(tab) -> None:
    """The Settings tab at its fullest: a range saved low (the warning on top), then a bad
    prefix refused (the red line at the bottom)."""
    tab.fields["sscc_serial.last"].setText(str(int(tab.fields["sscc_serial.next"].text()) + 99))
    tab.save()
    tab.fields["gs1_company_prefix"].setText("871234")
    tab.save()


def dock_with_parcels(central) -> None:
    """Two carriers at the dock: some parcels on cages, some still waiting."""
    backend = CentralDispatchBackend(central.uow, "DOCK-01")
    for carrier, unit, count, base in (
        ("SF Express", "CAGE-07", 4, 9100),
        ("DHL", "PAL-2", 2, 9200),
    ):
        cartons = pack_demo_orders(central, count, carrier=carrier, tote_base=base)
        state = dispatch.on_unit(dispatch.start(Actor("Kofi Mensah", "DOCK-01")), unit, None).state
        state = dispatch.on_scan(state, interpret(f"CARRIER:{carrier}")).state
        for carton in cartons[:-1]:
            verdict = dispatch.on_parcel(state, carton.sscc, backend.parcel(carton.sscc))
            backend.record(list(verdict.facts))
            state = verdict.state


def test_loader_screens_fit(qtbot, tmp_path, tmp_path_factory):
    central = packing_central(tmp_path, tmp_path_factory.getbasetemp())
    single = pack_demo_orders(central, 2, carrier="SF Express")
    double = pack_demo_orders(central, 1, cartons=3, carrier="SF Express", tote_base=9500)
    other = pack_demo_orders(central, 1, carrier="DHL", tote_base=9600)
    lead = authenticate_lead(central.uow(), "1011", "694907")
    holds.hold_order(central.uow(), lead, f"{single[1].channel}/{single[1].order_id}", "", "x")
    backend = CentralDispatchBackend(central.uow, "DOCK-01")

    def loader_home(user):
        return LoaderHome(user, backend, SynchronousWorker(), "DOCK-01")

    screens = Screens(qtbot, tmp_path, {Role.LOADER: loader_home}, "DOCK-01")
    screens.scan("B:1013")
    screens.look("loader_start")
    screens.scan("U:CAGE-07")
    screens.look("loader_scan_carrier")
    screens.scan("CARRIER:SF Express")
    screens.scan(single[0].sscc)
    screens.look("loader_loaded")
    screens.scan(double[0].sscc)
    screens.look("loader_cartons_missing")
    screens.scan(other[0].sscc)
    screens.look("loader_other_carrier")
    screens.scan(single[1].sscc)
    screens.look("loader_pull_on_hold")
    screens.scan("C:UNDO")
    screens.look("loader_undo")
    central.close()
    assert not screens.problems, "\n".join(screens.problems)


def test_diagnostics_and_printer_settings_fit(qtbot, tmp_path):
    screens = Screens(qtbot, tmp_path, {})
    for language, name in (("en", "diagnostics"), ("zh_CN", "diagnostics_zh")):
        # Built when opened, in the language of the moment (as MainWindow.show_diagnostics).
        screens.window.set_language(language)
        diagnostics = DiagnosticsView(DeviceBridge())
        qtbot.addWidget(diagnostics)
        diagnostics.resize(SCREEN)
        diagnostics.show()
        screens.problems += look_at(diagnostics, name)
        diagnostics.close()
    screens.window.set_language("en")
    printers = [
        PrinterChoice("label-zebra-packing-01", "cups", "idle"),
        PrinterChoice("10.0.0.7:9100", "zpl"),
    ]
    dialog = PrinterDialog(lambda: printers, lambda settings: "ok")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_widget.isVisible())
    screens.look("label_printer_settings", dialog)
    assert not screens.problems, "\n".join(screens.problems)
