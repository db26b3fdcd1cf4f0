"""The sign-in screen of a station of one warehouse refuses someone of another, saying where
they belong, in English and in Chinese (pytest-qt, SQLite central with two warehouses)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.bootstrap import open_central
from station.sign_in import StationServices
from tests.integration.warehouses.two_sites import TwoSites
from ui.main_window import MainWindow
from ui.worker import SynchronousWorker


def test_a_picker_of_west_is_refused_at_a_station_of_wh1(qtbot, sqlite_url, tmp_path, run_cli):
    sites = TwoSites(run_cli, sqlite_url, tmp_path)
    sites.ok("add-user", "Pia", "--role", "picker", "--badge", "B-PIA")
    sites.ok("user-warehouses", "B-PIA", "--set", "WEST")
    central = open_central(sqlite_url)
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    services = StationServices(central.uow, "PICK-E1", here="WH1")
    window = MainWindow(services, SynchronousWorker(), settings, station="PICK-E1")
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)
    window.handle_scan("B:B-PIA")
    text = window.sign_in.message.text()
    assert "Pia works in WEST, not in WH1" in text, text
    assert window.current_user is None
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: "属于 WEST" in window.sign_in.message.text(), timeout=3000)
    finally:
        window.set_language("en")
    services.here = "WEST"  # the same badge at a station of WEST
    window.handle_scan("B:B-PIA")
    assert window.current_user is not None and window.current_user.name == "Pia"
