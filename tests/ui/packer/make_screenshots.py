"""Screenshots of the packing station for docs/screenshots/packer_*.png, on the demo database:

QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tests/ui/packer/make_screenshots.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services.packing_central import CentralPackingBackend
from printing.carton_printer import carton_printer_for
from printing.spooler import Spooler
from printing.station import StationPrinter
from printing.transports import FileTransport
from tests.integration.packing.packing_site import (
    demo_central,
    loose_hardware_order,
    pick_into_tote,
    released_orders,
)
from ui.app import prepare_application
from ui.packer import PackerHome
from ui.worker import SynchronousWorker

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def serial_required(central, ref: int) -> int:
    """Make the order's first product serial-required (as the demo's electronics are)."""
    from sqlalchemy import select, update

    from db.schema import order_lines, products

    with central.engine.begin() as conn:
        first = select(order_lines.c.product_id).where(order_lines.c.order_id == ref)
        first = first.order_by(order_lines.c.line_no).limit(1).scalar_subquery()
        conn.execute(update(products).where(products.c.id == first).values(serial_required=True))
    return ref


def main() -> None:
    app = prepare_application([])
    tmp = Path(tempfile.mkdtemp())
    central = demo_central(tmp, tmp)
    backend = CentralPackingBackend(central.uow, "PACK-01")
    printer = carton_printer_for(backend, "PACK-01")
    off = tmp / "printer-off"
    off.write_text("a file where the printer's folder should be: every send fails")
    spooler = Spooler(FileTransport(off), tmp / "spool", printer.on_event, (30.0,), "label-zebra")
    printer.station_printer = StationPrinter(spooler)
    spooler.start()
    packer = User("陈静", Role.PACKER, "1007")
    home = PackerHome(backend, SynchronousWorker(), packer, "PACK-01", printer, printer_setup=print)
    home.resize(1280, 720)
    home.show()
    refs = released_orders(central, 3)
    order = pick_into_tote(central, refs[0], "0101")

    def shot(name: str) -> None:
        for _ in range(20):
            app.processEvents()
        home.grab().save(str(OUT / f"packer_{name}.png"))

    def scan(text: str) -> None:
        home.handle_scan(interpret(text))

    def weigh(extra: float = 0.0) -> None:
        kg = home.state.expected_kg(home.carton_type.currentData()) + extra
        home.weight.setText(f"{kg:.3f}")

    shot("1_idle")
    scan("T:0101")
    for line in order.lines[:-1]:
        for text in line.unit_scans():
            scan(text)
    shot("2_packing")
    scan("4006381333931")
    shot("3_wrong_item")
    weigh()
    home.close_carton(final=True)
    home.ask_override()
    shot("4_lines_open_override")
    home.hide_override()
    for text in order.lines[-1].unit_scans():
        scan(text)
    weigh(0.4)
    home.close_carton(final=True)  # outside the tolerance: the lead's form opens
    shot("5_weight_override")
    home.hide_override()
    weigh()
    home.close_carton(final=True)
    shot("6_packed_printer_off")
    short = pick_into_tote(central, refs[1], "0102", short={0: 1})
    scan(f"T:{short.tote}")
    shot("7_short_pick_blocked")
    serial = pick_into_tote(central, serial_required(central, refs[2]), "0103")
    scan(f"T:{serial.tote}")
    scan(serial.lines[0].gtin)
    shot("8_scan_serial")
    home.undo()  # the unit waits for no serial now: the order may be put aside
    loose = loose_hardware_order(central, "0104", count=4)
    scan(f"T:{loose.tote}")
    for line in loose.lines[:-1]:  # the loose hardware line is the last
        for text in line.unit_scans():
            scan(text)
    shot("9_no_barcode")
    spooler.stop()
    central.close()


if __name__ == "__main__":
    main()
