"""A local carrier API: a **test double** of a multi-carrier label API in the EasyPost shape,
for tests and benches. A small HTTP server in a thread on 127.0.0.1; never used on a station.

    GET  /v2/shipments/{id or reference}   200 shipment, 404 none
    POST /v2/shipments                     201 shipment with its rates; for a reference
                                           already bought, that shipment as it is; for one
                                           not bought yet, the same shipment made anew
    POST /v2/shipments/{id}/buy            200 bought shipment: tracking_code, postage_label;
                                           a repeated Idempotency-Key gets the first answer
                                           again; buying a bought shipment is a 422
    GET  /labels/{id}.zpl | .pdf           the label file (no key needed, as on a file host)

Faults are injected per operation (`lookup`, `create`, `buy`, `label`, or `any`) and used up
one request each: `drop_before` (cut before anything is done), `drop_after` (done and recorded,
then cut before answering), `drop_mid` (done, then cut half-way through the answer), `status_500`,
`refuse_422` (with `reason`), `slow` (done, answered after `delay_s`). A refused connection is
`stop()`; `start()` again listens on the same port. `purchases(reference)` counts the
purchases the server recorded, which is what "bought once" is checked against.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

from carriers.local_labels import pdf_label, zpl_label

FAULT_KINDS = ("drop_before", "drop_after", "drop_mid", "status_500", "refuse_422", "slow")
OPERATIONS = ("lookup", "create", "buy", "label")
ROUTES = (
    ("GET", re.compile(r"/v2/shipments/([^/?]+)"), "lookup"),
    ("POST", re.compile(r"/v2/shipments"), "create"),
    ("POST", re.compile(r"/v2/shipments/([^/?]+)/buy"), "buy"),
    ("GET", re.compile(r"/labels/([^/?]+)\.(zpl|pdf)"), "label"),
)
REQUIRED_ADDRESS = ("street1", "city", "country")
MAX_WEIGHT_OZ = 1058.2  # 30 kg: refused when bought, as a carrier's weight limit is
Reply = tuple[int, Any]  # status, a JSON object or (content type, bytes)


@dataclass(frozen=True)
class Fault:
    kind: str
    on: str = "any"
    reason: str = "the carrier refused this request"
    delay_s: float = 1.0


def error(status: int, code: str, text: str, field: str = "") -> Reply:
    errors = [{"field": field, "message": text}] if field else []
    return status, {"error": {"code": code, "message": text, "errors": errors}}


class Book:
    """The carrier's side: shipments, purchases per reference, answers per idempotency key."""

    def __init__(self, services: tuple[str, ...]) -> None:
        self.services = services
        self.lock = threading.Lock()
        self.shipments: dict[str, dict] = {}
        self.by_reference: dict[str, str] = {}
        self.labels: dict[str, bytes] = {}
        self.replies: dict[str, Reply] = {}
        self.purchases: Counter[str] = Counter()
        self.seq = 0

    def lookup(self, key: str) -> Reply:
        with self.lock:
            found = self.shipments.get(key) or self.shipments.get(self.by_reference.get(key, ""))
        if found is None:
            return error(404, "NOT_FOUND", f"no shipment {key}")
        return 200, found

    def create(self, body: dict) -> Reply:
        fields = body.get("shipment") if isinstance(body, dict) else None
        if not isinstance(fields, dict):
            return error(422, "PARAMETER.REQUIRED", "shipment is required", "shipment")
        for key in REQUIRED_ADDRESS:
            if not str((fields.get("to_address") or {}).get(key) or "").strip():
                return error(422, "ADDRESS.VERIFY.FAILURE", f"to_address {key} is missing",
                             f"to_address.{key}")  # fmt: skip
        with self.lock:
            reference = str(fields.get("reference") or "")
            found = self.shipments.get(self.by_reference.get(reference, ""))
            if found and found["tracking_code"]:  # bought: never a second one for a reference
                return 201, found
            self.seq += 1  # none, or not bought yet: (re)made from these fields, same rate ids
            shipment_id = found["id"] if found else f"shp_{self.seq:08d}"
            return 201, self._new_shipment(shipment_id, reference, fields)

    def _new_shipment(self, shipment_id: str, reference: str, fields: dict) -> dict:
        rates = [{"id": f"rate_{shipment_id[4:]}_{n}", "object": "Rate", "service": service,
                  "carrier": "LocalCarrier", "rate": f"{5 + 2 * n}.00", "currency": "EUR",
                  "shipment_id": shipment_id} for n, service in enumerate(self.services)]  # fmt: skip
        shipment = {
            "id": shipment_id, "object": "Shipment", "reference": reference or None,
            "to_address": fields.get("to_address"), "from_address": fields.get("from_address"),
            "parcel": fields.get("parcel"), "options": fields.get("options") or {},
            "rates": rates, "selected_rate": None, "tracking_code": None, "postage_label": None,
        }  # fmt: skip
        self.shipments[shipment_id] = shipment
        if reference:
            self.by_reference[reference] = shipment_id
        return shipment

    def buy(self, shipment_id: str, body: dict, key: str, host: str) -> Reply:
        with self.lock:
            if key and key in self.replies:
                return self.replies[key]
            shipment = self.shipments.get(shipment_id)
            if shipment is None:
                return error(404, "NOT_FOUND", f"no shipment {shipment_id}")
            if shipment["tracking_code"]:
                return error(422, "SHIPMENT.POSTAGE.EXISTS", "postage already bought")
            wanted = ((body or {}).get("rate") or {}).get("id")
            rate = next((r for r in shipment["rates"] if r["id"] == wanted), None)
            if rate is None:
                return error(422, "SHIPMENT.RATE.INVALID", f"no rate {wanted}", "rate.id")
            if float((shipment["parcel"] or {}).get("weight") or 0) > MAX_WEIGHT_OZ:
                return error(422, "PARCEL.WEIGHT.EXCEEDED", "parcel weighs over 30 kg",
                             "parcel.weight")  # fmt: skip
            self._record_purchase(shipment, rate, host)
            reply: Reply = 200, shipment
            if key:
                self.replies[key] = reply
            return reply

    def _record_purchase(self, shipment: dict, rate: dict, host: str) -> None:
        self.seq += 1
        tracking = f"LC{self.seq:010d}"
        fmt = "pdf" if str(shipment["options"].get("label_format", "")).lower() == "pdf" else "zpl"
        make = pdf_label if fmt == "pdf" else zpl_label
        to = shipment["to_address"] or {}
        self.labels[f"{shipment['id']}.{fmt}"] = make(tracking, "LocalCarrier", rate["service"], to)
        url = f"http://{host}/labels/{shipment['id']}.{fmt}"
        shipment.update(tracking_code=tracking, selected_rate=rate, postage_label={
            "object": "PostageLabel", "label_file_type": f"application/{fmt}",
            "label_url": url, f"label_{fmt}_url": url,
        })  # fmt: skip
        self.purchases[str(shipment["reference"] or shipment["id"])] += 1

    def label(self, name: str) -> Reply:
        with self.lock:
            data = self.labels.get(name)
        if data is None:
            return error(404, "NOT_FOUND", f"no label {name}")
        kind = "application/pdf" if name.endswith(".pdf") else "application/zpl"
        return 200, (kind, data)


class _Handler(BaseHTTPRequestHandler):
    server: _Http

    def log_message(self, format: str, *args: Any) -> None:  # quiet in tests
        pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        path = self.path.split("?", 1)[0]
        found = next(((op, m) for verb, pattern, op in ROUTES
                      if verb == method and (m := pattern.fullmatch(path))), None)  # fmt: skip
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        owner = self.server.owner
        if found is None:
            return self._answer(*error(404, "NOT_FOUND", f"no route {method} {path}"))
        operation, match = found
        owner.seen.append((operation, dict(self.headers), raw))
        fault = owner.take_fault(operation)
        if operation != "label" and self.headers.get("Authorization") != f"Bearer {owner.api_key}":
            return self._answer(*error(401, "APIKEY.INVALID", "API key is not valid"))
        if fault and fault.kind == "drop_before":
            return self._drop()
        if fault and fault.kind in ("status_500", "refuse_422"):
            status = 500 if fault.kind == "status_500" else 422
            return self._answer(*error(status, "FAULT", fault.reason))
        status, payload = self._do(operation, match, raw)
        if fault and fault.kind == "slow":
            owner.stopping.wait(fault.delay_s)
        if fault and fault.kind == "drop_after":
            return self._drop()
        self._answer(status, payload, cut=bool(fault and fault.kind == "drop_mid"))

    def _do(self, operation: str, match: re.Match, raw: bytes) -> Reply:
        book = self.server.owner.book
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            return error(400, "BAD_REQUEST", "body is not JSON")
        if operation == "lookup":
            return book.lookup(unquote(match.group(1)))
        if operation == "create":
            return book.create(body)
        if operation == "buy":
            host = f"{self.server.owner.host}:{self.server.owner.port}"
            return book.buy(
                unquote(match.group(1)), body, self.headers.get("Idempotency-Key", ""), host
            )
        return book.label(f"{match.group(1)}.{match.group(2)}")

    def _answer(self, status: int, payload: Any, cut: bool = False) -> None:
        if isinstance(payload, tuple):
            kind, data = payload
        else:
            kind, data = "application/json", json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2] if cut else data)
        if cut:
            self._drop()

    def _drop(self) -> None:
        """Cut the connection: the client gets an empty or a half answer."""
        self.close_connection = True
        with contextlib.suppress(OSError):  # the client may have hung up first
            self.connection.shutdown(socket.SHUT_RDWR)


class _Http(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow answer must not hold up stop()
    owner: LocalCarrierServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (the point of a slow answer) is no error of the server's."""


class LocalCarrierServer:
    """`with LocalCarrierServer() as server:` → `server.base_url` for `JsonWeb`."""

    def __init__(self, api_key: str = "local-test-key", services: tuple[str, ...] = ("Standard", "Express")) -> None:  # fmt: skip
        self.api_key = api_key
        self.book = Book(services)
        self.host, self.port = "127.0.0.1", 0
        self.stopping = threading.Event()
        self.seen: list[tuple[str, dict, bytes]] = []  # (operation, headers, body) per request
        self._faults: list[Fault] = []
        self._faults_lock = threading.Lock()
        self._http: _Http | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v2"

    def start(self) -> LocalCarrierServer:
        self.stopping.clear()
        self._http = _Http((self.host, self.port), _Handler)
        self._http.owner = self
        self.port = self._http.server_address[1]  # kept: a restart listens on the same port
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,),
                                        name="local-carrier", daemon=True)  # fmt: skip
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening: from now on connections are refused, until `start()`."""
        self.stopping.set()
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> LocalCarrierServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def add_fault(self, fault: Fault, times: int = 1) -> None:
        if fault.kind not in FAULT_KINDS or fault.on not in (*OPERATIONS, "any"):
            raise ValueError(f"unknown fault {fault}")
        with self._faults_lock:
            self._faults.extend([fault] * times)

    def take_fault(self, operation: str) -> Fault | None:
        with self._faults_lock:
            for n, fault in enumerate(self._faults):
                if fault.on in (operation, "any"):
                    return self._faults.pop(n)
        return None

    def clear_faults(self) -> None:
        with self._faults_lock:
            self._faults.clear()

    def purchases(self, reference: str) -> int:
        with self.book.lock:
            return self.book.purchases[reference]

    def purchase_counts(self) -> dict[str, int]:
        with self.book.lock:
            return dict(self.book.purchases)
