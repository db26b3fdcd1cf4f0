"""Three warehouses x 30 stations on one PostgreSQL: `shipshape simulate --warehouses 3`.

Creates a fresh database on the server (dropped at the end), seeds the demo site in it (users,
products, the site's settings: the first warehouse, WH1), then runs

    shipshape simulate --warehouses 3 --stations 30 --facts F --database <it>

which sets up SIM1..SIM3 (layout, stock, orders allocated from each one's stock, released
waves), runs 30 headless picker stations homed in each at once, loads the lead's board every
second meanwhile, and checks central against every station. Prints simulate's table and the
RESULT lines.

    SHIPSHAPE_BENCH_PG_URL=postgresql://root@127.0.0.1:5432/postgres \\
        PYTHONPATH=$PWD .venv/bin/python bench/multi_site.py [--facts 100]

SHIPSHAPE_BENCH_PG_URL names the server (any database on it the login may connect to; default
postgresql://root@127.0.0.1:5432/postgres). The login needs CREATEDB.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import uuid
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
ROW = re.compile(r"^(SIM\d+|total)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$")


def url_of(database: str) -> str:
    server = make_url(normalize_url(SERVER))
    return server.set(database=database).render_as_string(hide_password=False)


def admin() -> psycopg.Connection:
    server = make_url(normalize_url(SERVER)).set(drivername="postgresql")
    return psycopg.connect(server.render_as_string(hide_password=False), autocommit=True)


def simulate(database: str, facts: int) -> tuple[str, int]:
    command = [sys.executable, "-m", "app.cli", "simulate", "--warehouses", str(WAREHOUSES),
               "--stations", str(STATIONS), "--facts", str(facts), "--database", url_of(database)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100, help="facts per station")
    args = parser.parse_args()
    name = f"shipshape_bench_multisite_{uuid.uuid4().hex[:8]}"
    with admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        central = open_central(url_of(name))
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
        central.close()
        started = time.perf_counter()
        out, status = simulate(name, args.facts)
        took = time.perf_counter() - started
    finally:
        with admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(out.rstrip())
    print(f"simulate took {took:.0f} s including setting up the three warehouses")
    if status != 0:
        sys.exit(f"simulate exited {status}: the check failed, no RESULT")
    rows = {m[1]: m.groups() for m in map(ROW.match, out.splitlines()) if m}
    total = rows["total"]
    print(f"RESULT multi_site_facts_per_s_90_stations {total[3]} facts/s")
    print(f"RESULT multi_site_ack_p95_ms {float(total[5]):.0f} ms")
    for code in sorted(k for k in rows if k != "total"):
        print(f"RESULT multi_site_board_p95_ms_{code.lower()} {float(rows[code][7]):.0f} ms")


if __name__ == "__main__":
    main()
