"""Shared by the daily CSV tests: a daily_csv endpoint set through the CLI, shipped orders with
real cartons, the dispatcher as a real process in a chosen time zone, and the check that the
folder holds every delivered shipment's rows exactly once."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import time
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select, update

from app.domain.events import Event
from app.domain.shipment_csv import COLUMNS, file_name, message_day, shipment_rows
from db.schema import integration_deliveries as d
from db.schema import integration_messages as m
from station.demo_dispatch import pack_demo_orders
from tests.integration.integrations.outbox_story import SHIPSHAPE, process_env

ZONE_HOURS = 14  # the dispatchers' TZ: UTC+14, so the file's day is seldom the UTC one
ZONE = timezone(timedelta(hours=ZONE_HOURS))
TIMEOUT_S = 60.0


def set_daily_csv(run_cli, url: str, folder: Path) -> None:
    endpoint = {"name": "erp", "kind": "file", "folder": str(folder), "format": "daily_csv"}
    path = folder.parent / "endpoints.json"
    path.write_text(json.dumps({"endpoints": [endpoint]}))
    code, _, err = run_cli("integrations", "--database", url, "--set", str(path))
    assert code == 0, err


def packed_orders(central, count: int, cartons: int = 2) -> list[int]:
    """`count` demo orders packed into `cartons` cartons each: their order refs."""
    packed = pack_demo_orders(central, count, cartons=cartons)
    return sorted({carton.order_ref for carton in packed})


def ship(central, refs: list[int]) -> None:
    """An `order.shipped` for each order (one transaction), as the dock's close writes it: the
    outbox reads the cartons packed for it. Shipping an order again makes another message."""
    with central.uow() as uow:
        uow.events.add_all(
            Event("order.shipped", {"from": "packed", "to": "shipped"}, order_ref=ref)
            for ref in refs
        )
        uow.commit()


def dispatcher(url: str, *extra: str) -> subprocess.Popen:
    env = process_env(TZ=f"XST-{ZONE_HOURS}")
    args = [SHIPSHAPE, "integrate", "--database", url, "--batch", "8", *extra]
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def integrate_once(url: str) -> None:
    process = dispatcher(url, "--once")
    _, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 0, err.decode(errors="replace")


def states(engine) -> Counter:
    with engine.connect() as conn:
        return Counter(conn.execute(select(d.c.state)).scalars())


def wait_until_due(engine, seconds: float = TIMEOUT_S) -> None:
    """Until no delivery waits on a claim (a killed dispatcher's ends with its lease)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        later = select(d.c.id).where(d.c.state == "pending", d.c.due_at > datetime.now(UTC))
        with engine.connect() as conn:
            if conn.execute(later).first() is None:
                return
        time.sleep(0.2)
    raise AssertionError(f"deliveries still claimed after {seconds} s")


def redeliver(engine, count: int | None = None, state: str = "delivered") -> None:
    """The first `count` (all: None) delivered messages pending again and due now, as after a
    dispatcher killed between writing the file and noting it (`state="pending"`: those waiting
    made due now, as if the dispatcher ran later)."""
    with engine.begin() as conn:
        ids = conn.execute(select(d.c.id).where(d.c.state == state).order_by(d.c.id))
        chosen = list(ids.scalars())[:count]
        conn.execute(
            update(d)
            .where(d.c.id.in_(chosen))
            .values(state="pending", due_at=datetime.now(UTC) - timedelta(seconds=1))
        )


def read_day_file(path: Path) -> list[list[str]]:
    """The rows of a day's file; a file cut short (no CRLF at its end) or a row of the wrong
    width fails here."""
    data = path.read_bytes()
    assert data.endswith(b"\r\n"), f"{path.name} cut short"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == COLUMNS and all(len(row) == len(COLUMNS) for row in rows)
    return rows[1:]


def check_every_row_once(engine, folder: Path) -> int:
    """Every delivered shipment's rows exactly once, in the file of its day in the dispatcher's
    zone, and nothing else. Returns how many messages."""
    with engine.connect() as conn:
        bodies = conn.execute(select(m.c.body).where(m.c.seq.in_(select(d.c.message_seq))))
        messages = [json.loads(body) for body in bodies.scalars()]
    expected: dict[str, Counter] = {}
    for message in messages:
        day = expected.setdefault(file_name(message_day(message, ZONE)), Counter())
        day.update(tuple(row) for row in shipment_rows(message))
    found = {p.name: Counter(map(tuple, read_day_file(p))) for p in folder.glob("shipments-*")}
    assert found == expected, _difference(found, expected)
    return len(messages)


def _difference(found: dict[str, Counter], expected: dict[str, Counter]) -> str:
    """Per file, how many rows are missing and how many are too many (the assertion's message:
    this module is not rewritten by pytest)."""
    lines = []
    for name in sorted(set(found) | set(expected)):
        have, want = found.get(name, Counter()), expected.get(name, Counter())
        missing, extra = want - have, have - want
        lines.append(f"{name}: {sum(missing.values())} rows missing, {sum(extra.values())} extra")
    return "; ".join(lines)
