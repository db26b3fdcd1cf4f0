"""Dispatch figures (issue 17) on a copy of the demo database (SQLite, WAL), or on the central
database `--database URL` names (a PostgreSQL one is left with the bench's orders in it):

- load scan → verdict: an SSCC scan through the real LoaderHome (synchronous worker) until its
  verdict shows, the parcel looked up fresh in central and, when loaded, its `dispatch.loaded`
  fact durable and applied — with 5,000 parcels packed that day over four carriers; one scan in
  ten is another carrier's parcel (refused). Baseline: the same parcel looked up among all of the
  day's packed parcels of that carrier (what a screen that loads the carrier's list would read).
- close of a 2,000-parcel carrier: the close transaction (manifest, orders shipped, left
  behind) and the manifest written (PDF with one page per 40 parcels per unit, CSV, JSON).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/dispatch.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from app.bootstrap import open_central
from app.domain.events import Actor
from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services import dispatch_close
from app.services.dispatch_central import CentralDispatchBackend
from app.services.facts import apply_facts
from app.steps import dispatch
from printing.manifest import write_manifest
from station.demo_dispatch import packed_day
from station.demo_packing import demo_central
from ui.app import prepare_application
from ui.loader import LoaderHome
from ui.worker import SynchronousWorker

LOADER = User("Kofi Mensah", Role.LOADER, "1013")
LEAD = User("Maria Jansen", Role.LEAD, "1011")
CARRIERS = {"SF Express": 2000, "DHL": 1200, "UPS": 1000, "PostNL": 800}  # 5,000 parcels
SCANS = 400


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def bench_scans(central, day: dict[str, list]) -> tuple[list[float], list[float]]:
    backend = CentralDispatchBackend(central.uow, "DOCK-BENCH")
    home = LoaderHome(LOADER, backend, SynchronousWorker(), "DOCK-BENCH")
    shown: list[str] = []
    home.verdict_shown.connect(lambda tone, reason: shown.append(reason))
    for text in ("U:TRAILER-SF", "CARRIER:SF Express"):
        home.handle_scan(interpret(text))
    rng = random.Random(7)
    mine, others = day["SF Express"][:SCANS], day["DHL"][:SCANS]
    timed, refused = [], []
    for n, (sscc, _tracking) in enumerate(mine):
        wrong = n % 10 == 9
        code = others[n][0] if wrong else sscc
        before = len(shown)
        start = time.perf_counter()
        home.handle_scan(interpret(f"]C100{code}"))
        elapsed = (time.perf_counter() - start) * 1000
        assert len(shown) == before + 1, "the verdict shows before handle_scan returns"
        (refused if wrong else timed).append(elapsed)
        if rng.random() < 0.01:
            home.handle_scan(interpret("C:CANCEL"))  # a stray command now and then
    return timed, refused


def bench_baseline(central, day: dict[str, list]) -> list[float]:
    """Reading the carrier's whole packed list for each scan instead of the one parcel."""
    samples = []
    for sscc, _ in day["SF Express"][SCANS : SCANS + 50]:
        start = time.perf_counter()
        with central.uow() as uow:
            rows = [p for p, c in uow.dispatch.packed_not_loaded() if c == "SF Express"]
            uow.dispatch.parcels(sscc)
        samples.append((time.perf_counter() - start) * 1000)
        assert rows
    return samples


def load_the_rest(central, day: dict[str, list]) -> None:
    """The other SF parcels go on two more units, in one batch of facts (as a sync push)."""
    backend = CentralDispatchBackend(central.uow, "DOCK-BENCH")
    facts = []
    skipped = day["SF Express"][9:SCANS:10]  # the scans that were another carrier's parcel
    for n, (sscc, _) in enumerate(skipped + day["SF Express"][SCANS:]):
        unit = "CAGE-A" if n % 2 else "CAGE-B"
        state = dispatch.on_unit(
            dispatch.start(Actor(LOADER.name, "DOCK-BENCH")), unit, "SF Express"
        )
        verdict = dispatch.on_parcel(state.state, sscc, backend.parcel(sscc))
        facts += verdict.facts
    apply_facts(central.uow(), facts)


def bench_close(central, out: Path) -> tuple[float, float, int]:
    start = time.perf_counter()
    manifest = dispatch_close.close_carrier(central.uow(), LEAD, "SF Express", "LEAD-BENCH")
    closed = time.perf_counter()
    write_manifest(manifest, out / f"{manifest.code}.pdf")
    written = time.perf_counter()
    return closed - start, written - closed, len(manifest.parcels)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", help="a central database URL (default: a demo copy)")
    args = parser.parse_args()
    prepare_application([])
    tmp = Path(tempfile.mkdtemp())
    central = open_central(args.database) if args.database else demo_central(tmp, tmp)
    day = packed_day(central, CARRIERS)
    print(
        f"packed today: {sum(len(v) for v in day.values())} parcels "
        f"({', '.join(f'{c} {len(v)}' for c, v in day.items())}) on {central.engine.dialect.name}"
    )
    loaded, refused = bench_scans(central, day)
    baseline = bench_baseline(central, day)
    load_the_rest(central, day)
    close_s, manifest_s, parcels = bench_close(central, tmp)
    print(f"{'measure':52} {'n':>5} {'p50 ms':>9} {'p99 ms':>9}")
    for name, samples in [
        ("load scan → verdict shown, fact durable (ours)", loaded),
        ("refused scan (other carrier) → verdict shown", refused),
        ("baseline: re-read the carrier's packed list", baseline),
    ]:
        print(f"{name:52} {len(samples):5d} {statistics.median(samples):9.1f} {p99(samples):9.1f}")
    print(
        f"close of {parcels} parcels: transaction {close_s:.2f} s, manifest PDF+CSV+JSON "
        f"{manifest_s:.2f} s, total {close_s + manifest_s:.2f} s"
    )
    print(f"RESULT dispatch_scan_verdict_p99_ms {p99(loaded + refused):.1f} ms")
    print(f"RESULT dispatch_close_2000_s {close_s + manifest_s:.2f} s")
    central.close()


if __name__ == "__main__":
    main()
