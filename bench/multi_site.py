"""Three warehouses x 30 stations on one PostgreSQL: `shipshape simulate --warehouses 3`.

Creates a fresh database on the server (dropped at the end), seeds the demo site in it (users,
products, the site's settings: the first warehouse, WH1), then runs, one after the other,

    shipshape simulate --warehouses 3 --stations 30 --facts 100 --database <it>
    shipshape simulate --warehouses 3 --stations 30 --facts 40 --pace 1 --database <it>

Each sets up SIM1..SIM3 (the first: layout, stock, site settings; both: orders allocated from
each one's stock, released waves), runs 30 headless stations homed in each at once (they begin
together, once all have started): 20 pick, 5 pack the orders their warehouse's pickers finish,
5 load the cartons its packers close onto cages. Each warehouse's lead board (and the whole
site's) is loaded every second meanwhile, and central is checked against every station: every
fact once, every carton and load in its warehouse. The first run is flat out (each station scans as fast as this
machine lets it): facts/s. The second is paced (a scan a second per station, still faster than
a picker walks): ack -> central latency and the board's load time at a floor's pace. Prints
both runs' tables and the RESULT lines.

    SHIPSHAPE_BENCH_PG_URL=postgresql://root@127.0.0.1:5432/postgres \\
        PYTHONPATH=$PWD .venv/bin/python bench/multi_site.py

SHIPSHAPE_BENCH_PG_URL names the server (any database on it the login may connect to; default
postgresql://root@127.0.0.1:5432/postgres). The login needs CREATEDB. 90 stations hold 90
connections (they poll when the server's max_connections is under 200: docs/sync.md).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.bootstrap import open_central  # noqa: E402
from app.services import demo  # noqa: E402
from db.engine import normalize_url  # noqa: E402

SERVER = os.environ.get("SHIPSHAPE_BENCH_PG_URL", "postgresql://root@127.0.0.1:5432/postgres")
WAREHOUSES, STATIONS = 3, 30
# warehouse, stations, facts, facts/s, ack p50, ack p95, board p50, board p95, pick/s, pack/s,
# load/s
ROW = re.compile(r"^(SIM\d+|total)\s+(\d+)\s+(\d+)\s+(\d+)" + r"\s+(\S+)" * 7 + "$")


def url_of(database: str) -> str:
    server = make_url(normalize_url(SERVER))
    return server.set(database=database).render_as_string(hide_password=False)


def admin() -> psycopg.Connection:
    server = make_url(normalize_url(SERVER)).set(drivername="postgresql")
    return psycopg.connect(server.render_as_string(hide_password=False), autocommit=True)


def simulate(database: str, *options: str) -> tuple[str, int, float | None]:
    """simulate's output, its exit status, and PostgreSQL's CPU seconds while the stations ran
    (from its line announcing them to its table's last line)."""
    command = [sys.executable, "-m", "app.cli", "simulate", "--warehouses", str(WAREHOUSES),
               "--stations", str(STATIONS), *options, "--database", url_of(database)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    lines, cpu, central_cpu = [], None, None
    with subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as child:  # fmt: skip
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            if line.startswith(f"simulate: {WAREHOUSES} warehouses x"):
                cpu = PostgresCpu()
            elif "from the stations' common start" in line and cpu is not None:
                central_cpu = cpu.stop()
    return "".join(lines), child.returncode, central_cpu


class PostgresCpu:
    """CPU seconds the local server's processes used while the stations ran (Linux /proc;
    `seconds` is None elsewhere). Sampled twice a second from a thread, so a backend that ends
    (each station's, at its end) is counted up to its last sample."""

    def __init__(self) -> None:
        self.first: dict[int, int] = self._sample()
        self.last = dict(self.first)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.last.update(self._sample())

    def stop(self) -> float | None:
        self._stop.set()
        self._thread.join()
        self.last.update(self._sample())
        if not self.first and not self.last:
            return None
        ticks = sum(t - self.first.get(pid, 0) for pid, t in self.last.items())
        return ticks / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _sample() -> dict[int, int]:
        ticks = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                head, tail = stat.read_text().rsplit(")", 1)
            except (OSError, ValueError):
                continue
            if head.endswith("(postgres"):
                values = tail.split()
                ticks[int(stat.parent.name)] = int(values[11]) + int(values[12])  # utime+stime
        return ticks


@dataclass
class Run:
    title: str
    out: str
    took: float
    central_cpu: float | None

    @property
    def rows(self) -> dict[str, tuple]:
        return {m[1]: m.groups() for m in map(ROW.match, self.out.splitlines()) if m}

    def show(self) -> None:
        print(f"== {self.title}")
        print(self.out.rstrip())
        print(f"simulate took {self.took:.0f} s with setting up the orders of the three warehouses")
        wall = re.search(r"\(([0-9.]+) s with starting the station processes\)", self.out)
        if self.central_cpu is not None and wall:
            print(
                f"PostgreSQL used {self.central_cpu:.0f} CPU-s while the stations started and "
                f"ran, of the machine's {os.cpu_count()} cores x {float(wall[1]):.0f} s (all its "
                "databases: other work's too)"
            )


def run(name: str, title: str, *options: str) -> Run:
    started = time.perf_counter()
    out, status, central_cpu = simulate(name, *options)
    done = Run(title, out, time.perf_counter() - started, central_cpu)
    if status != 0:
        done.show()
        sys.exit(f"simulate exited {status}: the check failed, no RESULT")
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100, help="facts per station, flat out")
    parser.add_argument("--paced-facts", type=int, default=40, help="facts per station, paced")
    parser.add_argument("--pace", type=float, default=1.0, help="seconds between scans, paced")
    args = parser.parse_args()
    name = f"shipshape_bench_multisite_{uuid.uuid4().hex[:8]}"
    with admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        central = open_central(url_of(name))
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
        central.close()
        flat = run(
            name, "flat out: every station scans as fast as it can", "--facts", str(args.facts)
        )
        paced = run(name, f"paced: {args.pace:g} s between a station's scans",
                    "--facts", str(args.paced_facts), "--pace", str(args.pace))  # fmt: skip
    finally:
        with admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    flat.show()
    paced.show()
    print(f"RESULT multi_site_facts_per_s_90_stations {flat.rows['total'][3]} facts/s")
    print(f"RESULT multi_site_ack_p95_ms {float(paced.rows['total'][5]):.0f} ms")
    print(f"RESULT multi_site_ack_p95_ms_flat_out {float(flat.rows['total'][5]):.0f} ms")
    for code in sorted(k for k in paced.rows if k != "total"):
        board = float(paced.rows[code][7])
        print(f"RESULT multi_site_board_p95_ms_{code.lower()} {board:.0f} ms")
    print(f"RESULT multi_site_board_p95_ms_flat_out {float(flat.rows['total'][7]):.0f} ms")
    for n, kind in enumerate(("pick", "pack", "load"), start=8):
        print(f"RESULT multi_site_{kind}_facts_per_s {flat.rows['total'][n]} facts/s")
    for code in sorted(k for k in flat.rows if k != "total"):
        board = float(flat.rows[code][7])
        print(f"RESULT multi_site_board_p95_ms_flat_out_{code.lower()} {board:.0f} ms")
    quiet = re.search(r"^board once the stations stopped: p50 (\d+) ms", paced.out, re.M)
    if quiet:
        print(f"RESULT multi_site_board_after_ms {quiet[1]} ms")


if __name__ == "__main__":
    main()
