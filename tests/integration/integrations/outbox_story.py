"""Shared by the SQLite and PostgreSQL dispatcher tests: messages for many orders, the
dispatcher as a real process, and the checks every run must pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from app.domain.events import Actor, Event
from app.services import integrate
from db.integration_store import SqlIntegrationStore
from db.schema import integration_deliveries, integration_messages, orders

SECRET = "test-secret-0123456789"
SHIPSHAPE = str(Path(sys.executable).with_name("shipshape"))
REPO = Path(__file__).resolve().parents[3]
KINDS = ["order.allocated", "order.exception", "order.on_hold", "order.cancelled"]  # events


def set_webhook(engine, url: str, **policy) -> None:
    endpoint = {"name": "shop", "kind": "webhook", "url": url, "secret": SECRET} | policy
    document = {"endpoints": [endpoint]}
    integrate.set_endpoints(SqlIntegrationStore(engine), document, Actor("setup", "cli"))


def write_messages(central, order_count: int, per_order: int) -> None:
    """`per_order` messages for each of `order_count` orders, interleaved: one transaction per
    round, as many use cases writing at once would."""
    with central.engine.connect() as conn:
        refs = conn.execute(select(orders.c.id).order_by(orders.c.id)).scalars().all()
    refs = refs[:order_count]
    assert len(refs) == order_count
    for n in range(per_order):
        kind = KINDS[n % len(KINDS)]
        with central.uow() as uow:
            uow.events.add_all(
                Event(kind, {"from": "received", "to": kind[6:], "reason": ""}, order_ref=ref)
                for ref in refs
            )
            uow.commit()


def process_env(**extra: str) -> dict[str, str]:
    """The environment of a `shipshape` process that runs this checkout's code: the console
    script of a shared venv (a git worktree's) would import the checkout it was installed from."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path} | extra


def start_dispatcher(url: str, *extra: str) -> subprocess.Popen:
    env = process_env()
    args = [SHIPSHAPE, "integrate", "--database", url, "--batch", "16", *extra]
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stored(engine) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Messages by id: (order, seq); and how many deliveries are in each state."""
    m, d = integration_messages, integration_deliveries
    with engine.connect() as conn:
        sent = select(m).where(m.c.seq.in_(select(d.c.message_seq)))  # not the demo's own
        found = {r.id: (r.order_ref, r.seq) for r in conn.execute(sent)}
        states: dict[str, int] = {}
        for state in conn.execute(select(d.c.state)).scalars():
            states[state] = states.get(state, 0) + 1
    return found, states


def wait_until_delivered(engine, seconds: float) -> dict[str, int]:
    deadline = time.monotonic() + seconds
    while True:
        _, states = stored(engine)
        if set(states) == {"delivered"} or time.monotonic() > deadline:
            return states
        time.sleep(0.2)


def check_received(engine, receiver) -> None:
    """Every message received at least once; an id always with the same body (one message);
    each order's messages first arrived in the order they were written; signatures held."""
    messages, states = stored(engine)
    assert states == {"delivered": len(messages)}, states  # nothing parked, nothing waiting
    assert receiver.bad_signatures == 0
    bodies: dict[str, bytes] = {}
    first_seen: list[str] = []
    for key, body in receiver.received:
        assert bodies.setdefault(key, body) == body  # a retry sends the very same bytes
        if key not in first_seen:
            first_seen.append(key)
    assert set(first_seen) == set(messages)
    by_order: dict[int, list[int]] = {}
    for key in first_seen:
        order, seq = messages[key]
        by_order.setdefault(order, []).append(seq)
    assert all(seqs == sorted(seqs) for seqs in by_order.values())
    assert all(json.loads(body)["id"] == key for key, body in bodies.items())
