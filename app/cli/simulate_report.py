"""What `shipshape simulate --warehouses W` measures besides the stations: the lead's board of
each warehouse (and the whole site's) loaded every second while they run, and the table of
facts/s by job, ack -> central latency and board load times, per warehouse and in total."""

from __future__ import annotations

import statistics
import threading
import time

from app.bootstrap import Central
from app.domain.users import Role, User
from app.services.lead.board import load_board

BOARD_EVERY_S = 1.0
ROLES = ("pick", "pack", "load")
SITE = "total"  # the whole site's board (a lead desk without a home)


class BoardTimer:
    """One lead's console per warehouse, and one for the whole site: each loads its board
    (app/services/lead/board.py `load_board`, what the Board tab polls; a warehouse's with its
    id) every second from a thread of its own and keeps how long each load took."""

    def __init__(self, central: Central, codes: list[str]) -> None:
        self.central = central
        self.lead = User("Sim lead", Role.LEAD, "990000")  # in memory: the use case checks the role
        with central.uow() as uow:
            ids = {w.code: w.id for w in uow.warehouses.all()}
        self.boards: dict[str, int | None] = {code: ids[code] for code in codes} | {SITE: None}
        # board -> (time.time() it began, ms it took)
        self.times: dict[str, list[tuple[float, float]]] = {board: [] for board in self.boards}
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(board,), name=f"board-{board}", daemon=True)
            for board in self.boards
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(60)

    def load_times(self, board: str, count: int) -> list[float]:
        """`count` loads of one board, one after the other (ms each)."""
        times = []
        for _ in range(count):
            started = time.perf_counter()
            load_board(self.central.uow(), self.lead, self.boards[board])
            times.append((time.perf_counter() - started) * 1000)
        return times

    def during(self, board: str, begin: float, end: float) -> list[float]:
        return [ms for at, ms in self.times[board] if begin <= at <= end]

    def _run(self, board: str) -> None:
        while not self._stop.is_set():
            at = time.time()
            took = self.load_times(board, 1)[0]
            self.times[board].append((at, took))
            self._stop.wait(max(0.0, BOARD_EVERY_S - took / 1000))


def print_table(codes: list[str], runs: list, elapsed: float, board: BoardTimer) -> None:
    """A row per warehouse and the total: stations, facts, facts/s, ack -> central p50/p95,
    board p50/p95 (the warehouse's own board; the total row: the site's), then facts/s by job
    (each over its own stations' window)."""
    begin, end = min(run.started_at for run in runs), max(run.finished_at for run in runs)
    print(f"{'warehouse':<10} {'stations':>8} {'facts':>7} {'facts/s':>8} {'ack p50 ms':>11} "
          f"{'ack p95 ms':>11} {'board p50 ms':>13} {'board p95 ms':>13} {'pick/s':>7} "
          f"{'pack/s':>7} {'load/s':>7}")  # fmt: skip
    for code in [*codes, SITE]:
        mine = [run for run in runs if code in (SITE, run.warehouse)]
        facts = sum(len(run.acknowledged) for run in mine)
        ack = cuts([s * 1000 for run in mine for s in run.latencies_s])
        shown = cuts(board.during(code, begin, end))
        by_role = [_rate([r for r in mine if r.role == role], begin) for role in ROLES]
        print(
            f"{code:<10} {len(mine):>8} {facts:>7} {facts / elapsed:>8.0f} {ack[0]:>11.0f} "
            f"{ack[1]:>11.0f} {shown[0]:>13.0f} {shown[1]:>13.0f} {by_role[0]:>7.0f} "
            f"{by_role[1]:>7.0f} {by_role[2]:>7.0f}"
        )


def print_ack_by_job(runs: list) -> None:
    """Ack -> central p50/p95 of each job's facts: whose facts waited."""
    parts = []
    for role in ROLES:
        ack = cuts([s * 1000 for run in runs if run.role == role for s in run.latencies_s])
        parts.append(f"{role} p50 {ack[0]:.0f} ms, p95 {ack[1]:.0f} ms")
    print(f"ack -> central by job: {'; '.join(parts)}")


def _rate(runs: list, begin: float) -> float:
    """Facts/s of these stations over their own window: from the common start to the last of
    them done (pickers stop long before the last carton is loaded)."""
    if not runs:
        return 0.0
    return sum(len(run.acknowledged) for run in runs) / (max(r.finished_at for r in runs) - begin)


def print_quiet_board(codes: list[str], board: BoardTimer) -> None:
    """Each board loaded 5 times once the stations stopped."""
    quiet = {code: statistics.median(board.load_times(code, 5)) for code in [*codes, SITE]}
    each = ", ".join(f"{code} {ms:.0f} ms" for code, ms in quiet.items())
    print(f"board once the stations stopped: p50 {quiet[SITE]:.0f} ms of 5 loads ({each})")


def cuts(values: list[float]) -> tuple[float, float]:
    """p50 and p95 (NaN without at least two values)."""
    if len(values) < 2:
        return float("nan"), float("nan")
    found = statistics.quantiles(sorted(values), n=100, method="inclusive")
    return found[49], found[94]
