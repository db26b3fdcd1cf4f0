"""Integration outbox figures (issue 18) on a copy of the demo database (SQLite, WAL), or on the
central database `--database URL` names (a PostgreSQL one keeps the bench's messages):

- throughput: 3,000 messages waiting (300 orders × 10), delivered to a local webhook (a
  threaded http.server answering 200) by `shipshape integrate`'s dispatcher, in process;
- state change → delivered: order changes committed at ~100 a second in transactions of 10
  for 10 s while the dispatcher runs; the receiver notes when each message arrives, measured
  from the change's `occurred_at` (its transaction's time).

Baseline, in the same run: a naive dispatcher — one message per claim and per record
transaction, sent on a new HTTP connection each time (urllib), one at a time.

    PYTHONPATH=. .venv/bin/python bench/integration.py
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import Actor, Event
from app.domain.integration import signature
from app.services import integrate
from app.services.integrate import Dispatcher
from app.services.ports.integration import DeliveryFailed
from db.integration_store import SqlIntegrationStore
from db.schema import orders
from integrations import senders
from station.demo_packing import demo_central

SECRET = "bench-secret-0123456789"


class Receiver:
    """Answers 200 to every POST and notes when each message id first arrived (server thread)."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.arrived.setdefault(self.headers["Idempotency-Key"], time.time())
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


class NaiveSender:
    """The baseline's sender: a new connection per message (urllib), nothing kept."""

    def send(self, endpoint, attempt) -> None:
        body = attempt.body.encode()
        request = urllib.request.Request(endpoint.target, data=body, method="POST")
        request.add_header("Content-Type", "application/json")
        request.add_header("Idempotency-Key", attempt.message_id)
        request.add_header("Shipshape-Signature", signature(endpoint.secret, body))
        try:
            with urllib.request.urlopen(request, timeout=endpoint.timeout_s) as response:
                response.read()
        except OSError as exc:
            raise DeliveryFailed(str(exc)) from exc


def write_changes(central, refs: list[int], rounds: int, stamp: str) -> list[str]:
    """`rounds` transactions, each an order change per ref; returns the message ids."""
    ids = []
    for _ in range(rounds):
        with central.uow() as uow:
            found = [
                Event("order.allocated", {"from": "received", "to": "allocated", "b": stamp},
                      order_ref=ref)
                for ref in refs
            ]  # fmt: skip
            uow.events.add_all(found)
            uow.commit()
        ids += [e.uuid for e in found]
    return ids


def dispatcher(central, naive: bool) -> Dispatcher:
    store = SqlIntegrationStore(central.engine)
    if naive:
        return Dispatcher(store, {"webhook": NaiveSender()}, batch=1, workers=1)
    return Dispatcher(store, senders())


def bench_throughput(central, refs, receiver, naive: bool) -> tuple[int, float]:
    ids = write_changes(central, refs[:300], 10, f"throughput-{naive}")
    started = time.perf_counter()
    dispatcher(central, naive).run(threading.Event(), once=True)
    elapsed = time.perf_counter() - started
    assert all(i in receiver.arrived for i in ids), "a message was not delivered"
    return len(ids), len(ids) / elapsed


def bench_latency(central, refs, receiver, naive: bool) -> list[float]:
    stop = threading.Event()
    running = dispatcher(central, naive)
    thread = threading.Thread(target=running.run, args=(stop,))
    thread.start()
    written: dict[str, float] = {}
    for n in range(100):  # 10 s: 10 changes every 0.1 s
        tick = time.perf_counter()
        for message_id in write_changes(central, refs[(n % 30) * 10 :][:10], 1, "latency"):
            written[message_id] = datetime.now(UTC).timestamp()
        time.sleep(max(0.0, 0.1 - (time.perf_counter() - tick)))
    deadline = time.time() + 60
    while not all(i in receiver.arrived for i in written) and time.time() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join()
    return sorted(receiver.arrived.get(i, float("inf")) - t for i, t in written.items())


def p95(samples: list[float]) -> float:
    return samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", help="a central database URL (default: a demo copy)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    central = open_central(args.database) if args.database else demo_central(tmp, tmp)
    receiver = Receiver()
    document = {"endpoints": [{"name": "bench", "kind": "webhook", "url": receiver.url,
                               "secret": SECRET}]}  # fmt: skip
    integrate.set_endpoints(SqlIntegrationStore(central.engine), document, Actor("bench", "cli"))
    with central.engine.connect() as conn:
        refs = conn.execute(select(orders.c.id).order_by(orders.c.id).limit(300)).scalars().all()
    rows = []
    for name, naive in (("ours: batched claims, 8 senders, keep-alive", False),
                        ("baseline: one at a time, new connection each", True)):  # fmt: skip
        count, rate = bench_throughput(central, refs, receiver, naive)
        latencies = bench_latency(central, refs, receiver, naive)
        rows.append((name, count, rate, latencies))
    central.close()
    print(f"on {central.engine.dialect.name}; the receiver answers 200 to every message")
    print(f"{'dispatcher':46} {'msgs':>6} {'msg/s':>8} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    for name, count, rate, lat in rows:
        print(f"{name:46} {count:6d} {rate:8.0f} {lat[len(lat) // 2]:7.3f} {p95(lat):7.3f}"
              f" {lat[-1]:7.3f}")  # fmt: skip
    ours = rows[0]
    print(f"RESULT integration_messages_per_s {ours[2]:.0f} msg/s")
    print(f"RESULT integration_delivery_p95_s {p95(ours[3]):.3f} s")


if __name__ == "__main__":
    main()
