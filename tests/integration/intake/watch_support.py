"""The watch folder as a real service: `.venv/bin/shipshape intake --watch DIR` in a subprocess,
order files written the way channels write them (slowly, under a temporary name, broken), and
what the database holds afterwards. Shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select

from app.services.order_files import CSV_COLUMNS
from db.schema import events, order_lines, orders
from tests.integration.site_files import order_row

SHIPSHAPE = Path(sys.executable).with_name("shipshape")  # the installed console script
HEADER = ",".join(CSV_COLUMNS)


def start_watcher(url: str, folder: Path, *extra: str, settle: float = 1.0) -> subprocess.Popen:
    env = os.environ | {"SHIPSHAPE_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    args = ["intake", "--watch", str(folder), "--settle", str(settle), *extra]
    command = (
        [str(SHIPSHAPE), *args] if SHIPSHAPE.exists() else [sys.executable, "-m", "app.cli", *args]
    )
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def stop(process: subprocess.Popen) -> str:
    """SIGTERM (the service finishes the file at hand), then its output."""
    if process.poll() is None:
        process.terminate()
    out, _ = process.communicate(timeout=60)
    return out


def eventually(check: Callable[[], object], timeout: float = 60.0, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"not within {timeout} s: {check.__doc__ or check}")


def order_lines_csv(prefix: str, count: int, sku: str = "BOLT") -> list[str]:
    return [order_row(f"{prefix}-{n:05d}", sku, "1") for n in range(count)]


def write_slowly(path: Path, rows: list[str], chunks: int, pause: float) -> threading.Thread:
    """A writer thread that appends the file in `chunks` pieces (cut mid-line), `pause` s apart."""
    text = "\n".join([HEADER, *rows]) + "\n"
    size = -(-len(text) // chunks)

    def write() -> None:
        with open(path, "w", encoding="utf-8") as out:
            for start in range(0, len(text), size):
                out.write(text[start : start + size])
                out.flush()
                time.sleep(pause)

    writer = threading.Thread(target=write, name=f"writer {path.name}")
    writer.start()
    return writer


def write_then_rename(path: Path, rows: list[str]) -> None:
    """Written under a temporary name, renamed in when complete (the recommended way)."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    os.rename(temporary, path)


def finished(folder: Path, *names: str) -> bool:
    """Every named file is in done/ or failed/, none left in the folder or in .processing/."""
    landed = {p.name for sub in ("done", "failed") for p in (folder / sub).iterdir()}
    waiting = {p.name for p in folder.iterdir() if p.is_file()}
    waiting |= {p.name for p in (folder / ".processing").iterdir()}
    return all(n in landed and n not in waiting for n in names)


def counts(url: str) -> dict[str, int]:
    """Orders, distinct order keys, lines, and `order.received` events in the database. A plain
    engine: central's takes SQLite's write lock at BEGIN, and would wait behind the watcher."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            keys = select(orders.c.channel, orders.c.order_id).distinct().subquery()
            received = events.c.kind == "order.received"
            return {
                "orders": conn.scalar(select(func.count()).select_from(orders)),
                "distinct": conn.scalar(select(func.count()).select_from(keys)),
                "lines": conn.scalar(select(func.count()).select_from(order_lines)),
                "received": conn.scalar(select(func.count()).where(received)),
            }
    finally:
        engine.dispose()
