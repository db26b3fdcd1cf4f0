"""Packing station figures, on a copy of the demo database (SQLite, WAL):

- scan → verdict: a product scan through the real PackerHome until its verdict shows, the fact
  durable in the central database. Baseline: the same, but re-reading the order from the
  database for every scan (what a screen without the state in memory would do).
- carton close → label bytes handed to the printer transport, through allocate numbers, the
  durable package.closed fact, label + slip rendering and the spooler thread. ZPL beside PDF;
  the first close of each run (font and barcode-writer loading) is left out as a warm-up.
  RESULT lines: p99 of the scan verdict, p99 of close → ZPL label bytes.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/packing.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services.packing_central import CentralPackingBackend
from app.steps import packing
from bench.timed_transport import TimedTransport
from printing.carton_printer import carton_printer_for
from printing.spooler import Spooler
from printing.station import StationPrinter
from station.demo_packing import demo_central, pick_into_tote, released_orders
from ui.app import prepare_application
from ui.packer import PackerHome
from ui.worker import SynchronousWorker

PACKER = User("陈静", Role.PACKER, "1007")


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def station(central, tmp: Path, label_format: str):
    backend = CentralPackingBackend(central.uow, "BENCH")
    printer = carton_printer_for(backend, "BENCH")
    transport = TimedTransport()
    spooler = Spooler(transport, tmp / f"spool-{label_format}", printer.on_event)
    printer.station_printer = StationPrinter(
        spooler, label_format, slip_spooler=Spooler(TimedTransport(), tmp / f"slip-{label_format}")
    )
    spooler.start()
    home = PackerHome(backend, SynchronousWorker(), PACKER, "BENCH", printer)
    return backend, home, transport, spooler


def bench_scans(central, tmp, refs, tote_base: int, reread: bool) -> list[float]:
    backend, home, _t, spooler = station(central, tmp, "pdf")
    samples = []
    for n, ref in enumerate(refs):
        order = pick_into_tote(central, ref, f"{tote_base + n:04d}")
        home.handle_scan(interpret(f"T:{order.tote}"))
        for line in order.lines:
            for text in line.unit_scans():  # with its serial where the product needs one
                scan = interpret(text)
                start = time.perf_counter()
                if reread:  # baseline: the order comes from the database on every scan
                    view = backend.open_for_packing(interpret(f"T:{order.tote}"), PACKER)
                    packing.on_scan(packing.start(view, home.actor), scan)
                home.handle_scan(scan)
                samples.append((time.perf_counter() - start) * 1000)
    spooler.stop()
    return samples


def bench_close(central, tmp, refs, tote_base: int, label_format: str) -> list[float]:
    _b, home, transport, spooler = station(central, tmp, label_format)
    samples = []
    for n, ref in enumerate(refs):
        order = pick_into_tote(central, ref, f"{tote_base + n:04d}")
        home.handle_scan(interpret(f"T:{order.tote}"))
        for line in order.lines:
            for text in line.unit_scans():
                home.handle_scan(interpret(text))
        home.weight.setText(f"{home.state.expected_kg(home.carton_type.currentData()):.3f}")
        transport.sent.clear()
        start = time.perf_counter()
        home.close_carton(final=True)
        transport.sent.wait(10)
        samples.append((transport.at - start) * 1000)
    spooler.stop()
    return samples[1:]  # the first close loads fonts and the barcode writer: a warm-up


def main() -> None:
    prepare_application([])
    tmp = Path(tempfile.mkdtemp())
    central = demo_central(tmp, tmp)
    refs = released_orders(central, 1, 6)
    scans, baseline = (
        bench_scans(central, tmp, refs[:20], 1000, False),
        bench_scans(central, tmp, refs[20:40], 2000, True),
    )
    zpl, pdf = (
        bench_close(central, tmp, refs[40:81], 3000, "zpl"),
        bench_close(central, tmp, refs[81:122], 4000, "pdf"),
    )
    print(f"{'measure':44} {'n':>5} {'p50 ms':>9} {'p99 ms':>9}")
    rows = [
        ("scan → verdict (state in memory, ours)", scans),
        ("scan → verdict (re-read order per scan)", baseline),
        ("close → label bytes at transport (ZPL)", zpl),
        ("close → label bytes at transport (PDF)", pdf),
    ]
    for name, samples in rows:
        print(f"{name:44} {len(samples):5d} {statistics.median(samples):9.1f} {p99(samples):9.1f}")
    print(f"RESULT packing_scan_verdict_p99_ms {p99(scans):.1f} ms")
    print(f"RESULT packing_close_to_label_ms {p99(zpl):.1f} ms")
    central.close()


if __name__ == "__main__":
    main()
