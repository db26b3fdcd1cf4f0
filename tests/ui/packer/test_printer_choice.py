"""The packer picks another label printer in the screen's printer dialog: it is remembered for
the station (QSettings) and the next carton's label goes there."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from station import packing
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.ui.packer.conftest import PACKER, pack_and_close
from tests.ui.stations import station_on


def test_a_printer_chosen_in_the_dialog_prints_the_next_label_and_is_remembered(
    qtbot, central, tmp_path, monkeypatch
):
    first, second = tmp_path / "first-printer", tmp_path / "zebra-hot-folder"
    monkeypatch.setenv("SHIPSHAPE_LABEL_PRINTER", f"file:{first}")
    monkeypatch.setenv("SHIPSHAPE_SPOOL_DIR", str(tmp_path / "spool"))
    monkeypatch.setattr(packing, "cups_printers", lambda: [("file", str(second), "ready")])
    ini = str(tmp_path / "PACK-01.ini")  # where the station keeps its printer choice
    station = station_on(central, "PACK-01", tmp_path)  # the station's one database thread
    home = station.packing.make_home(PACKER)
    qtbot.addWidget(home)
    try:
        assert not home.printer_button.isHidden()
        home.printer_button.click()
        dialog = station.packing.dialog
        box = dialog.settings_widget.printer_box
        qtbot.waitUntil(lambda: box.count() == 2, timeout=15000)
        assert box.currentData().name == str(first)  # the printer in use is preselected
        box.setCurrentIndex(1)
        dialog.use_button.click()
        assert QSettings(ini, QSettings.Format.IniFormat).value("packing/label_printer") == (
            f"file:{second}"
        )
        order = pick_into_tote(central, released_orders(central, 2)[0], "0201")
        pack_and_close(qtbot, home, order)
        qtbot.waitUntil(lambda: len(list(second.glob("*"))) == 2, timeout=20000)  # label, slip
        assert not first.exists() or not list(first.glob("*"))
    finally:
        station.stop()
