"""The daily CSV with real dispatcher processes on SQLite: two delivering at once lose no row,
and one killed -9 at random points mid-run, then started again, leaves every shipment's rows
exactly once. An ERP polling the folder meanwhile never reads a file cut short or shrinking."""

from __future__ import annotations

import random
import signal
import threading
import time
from collections import Counter

import pytest

from station.demo_packing import demo_central
from tests.integration.integrations.daily_csv_story import (
    TIMEOUT_S,
    check_every_row_once,
    dispatcher,
    integrate_once,
    packed_orders,
    read_day_file,
    set_daily_csv,
    ship,
    states,
    wait_until_due,
)


class Poller(threading.Thread):
    """An ERP reading `shipments-*.csv` as fast as it can: each read must be a whole file (the
    last row ends with CRLF, every row has every column), and a day's file never loses rows."""

    def __init__(self, folder) -> None:
        super().__init__(daemon=True)
        self.folder, self.stop = folder, threading.Event()
        self.most: dict[str, int] = {}
        self.problems: list[str] = []
        self.reads = 0

    def run(self) -> None:
        while not self.stop.is_set():
            for path in self.folder.glob("shipments-*.csv"):
                try:
                    rows = read_day_file(path)
                except Exception as exc:  # any failure to read is the finding
                    self.problems.append(f"{path.name}: {type(exc).__name__}: {exc}")
                    continue
                self.reads += 1
                if len(rows) < self.most.get(path.name, 0):
                    self.problems.append(f"{path.name} shrank to {len(rows)} rows")
                self.most[path.name] = max(len(rows), self.most.get(path.name, 0))

    def __enter__(self) -> Poller:
        self.start()
        return self

    def __exit__(self, *_) -> None:
        self.stop.set()
        self.join()


def delivered(engine) -> int:
    return states(engine).get("delivered", 0)


@pytest.mark.timeout(240)
def test_two_dispatchers_delivering_at_once_lose_no_row(tmp_path, tmp_path_factory, run_cli):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url, folder = str(central.engine.url), tmp_path / "erp"
    folder.mkdir()
    try:
        set_daily_csv(run_cli, url, folder)
        refs = packed_orders(central, 40)
        for _ in range(3):
            ship(central, refs)
        with Poller(folder) as poller:
            both = [dispatcher(url, "--once"), dispatcher(url, "--once")]
            for process in both:
                _, err = process.communicate(timeout=TIMEOUT_S)
                assert process.returncode == 0, err.decode(errors="replace")
        assert states(central.engine) == Counter(delivered=120)
        assert check_every_row_once(central.engine, folder) == 120
    finally:
        central.close()
    assert poller.reads > 0 and not poller.problems, poller.problems[:5]


@pytest.mark.timeout(240)
def test_a_dispatcher_killed_mid_run_and_started_again_writes_every_row_once(
    tmp_path, tmp_path_factory, run_cli
):
    rng = random.Random(19)
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url, folder = str(central.engine.url), tmp_path / "erp"
    folder.mkdir()
    try:
        set_daily_csv(run_cli, url, folder)
        refs = packed_orders(central, 60)
        for _ in range(3):
            ship(central, refs[:40])
        with Poller(folder) as poller:
            for round_ in range(5):
                kill_mid_run(central.engine, url, rng)
                ship(central, refs[40 + 4 * round_ : 44 + 4 * round_])  # news meanwhile
            wait_until_due(central.engine)  # the killed runs' claims have run out
            integrate_once(url)
        assert states(central.engine) == Counter(delivered=140)
        assert check_every_row_once(central.engine, folder) == 140
    finally:
        central.close()
    assert poller.reads > 0 and not poller.problems, poller.problems[:5]


def kill_mid_run(engine, url: str, rng: random.Random) -> None:
    """A dispatcher started, and killed -9 once it is delivering (or, if it finished first,
    when it is idle), at a random moment."""
    before = delivered(engine)
    process = dispatcher(url)
    deadline = time.monotonic() + TIMEOUT_S
    while delivered(engine) == before and process.poll() is None:
        assert time.monotonic() < deadline, "the dispatcher delivered nothing"
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 0.3))
    process.send_signal(signal.SIGKILL)
    process.wait(TIMEOUT_S)
