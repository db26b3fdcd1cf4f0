"""A real local webhook receiver for the integration tests: a threaded http.server that, by a
seeded random draw per request, answers 500, answers too late, hangs up, or takes the message.
It checks every signature and records what it took, in arrival order."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    def __init__(self, secret: str, seed: int, fail: float = 0.0, slow_s: float = 0.0) -> None:
        self.secret, self.fail, self.slow_s = secret.encode(), fail, slow_s
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.received: list[tuple[str, bytes]] = []  # (Idempotency-Key, body) taken
        self.bad_signatures = 0
        self.failures = {"500": 0, "slow": 0, "hang_up": 0}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def ids(self) -> list[str]:
        with self.lock:
            return [key for key, _ in self.received]

    def _draw(self) -> str:
        with self.lock:
            roll = self.rng.random()
        if roll < self.fail / 2:
            return "500"
        if roll < self.fail * 3 / 4:
            return "slow"
        if roll < self.fail:
            return "hang_up"
        return "take"

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = "sha256=" + hmac.new(receiver.secret, body, hashlib.sha256).hexdigest()
                signed = hmac.compare_digest(expected, self.headers["Shipshape-Signature"] or "")
                key = self.headers["Idempotency-Key"]
                fate = receiver._draw()
                if fate != "take":
                    receiver.failures[fate] += 1
                if fate == "hang_up":
                    self.close_connection = True
                    return  # no answer at all
                if fate == "slow":
                    time.sleep(receiver.slow_s)  # the sender has given up by now
                status = 500 if fate == "500" else 200
                if status == 200:
                    with receiver.lock:
                        receiver.bad_signatures += not signed
                        if json.loads(body)["id"] == key and signed:
                            receiver.received.append((key, body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler
