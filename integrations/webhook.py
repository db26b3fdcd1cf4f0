"""The webhook sender: `POST` of the message's exact bytes, signed, with its id as the
idempotency key (docs/integrations.md). 2xx is delivered; anything else raises DeliveryFailed.

Runs on the dispatcher's sending threads: each thread keeps its own keep-alive connection per
endpoint (http.client connections are not thread-safe), opened again after any failure.
"""

from __future__ import annotations

import contextlib
import http.client
import ssl
import threading
from urllib.parse import urlsplit

from app.domain.integration import signature
from app.domain.integration_endpoints import Endpoint
from app.services.ports.integration import Attempt, DeliveryFailed

USER_AGENT = "Shipshape-Integrate/1"


class WebhookSender:
    def __init__(self) -> None:
        self._local = threading.local()

    def send(self, endpoint: Endpoint, attempt: Attempt) -> None:
        body = attempt.body.encode("utf-8")
        parts = urlsplit(endpoint.target)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": attempt.message_id,
            "Shipshape-Signature": signature(endpoint.secret, body),
            "User-Agent": USER_AGENT,
        }
        connection = self._connection(endpoint)
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()  # drain it, so the connection can carry the next message
        except (OSError, http.client.HTTPException) as exc:
            self._forget(endpoint)
            raise DeliveryFailed(f"no answer: {type(exc).__name__}: {exc}") from exc
        if response.will_close:
            self._forget(endpoint)
        if not 200 <= response.status < 300:
            raise DeliveryFailed(f"HTTP {response.status} {response.reason}")

    def _connection(self, endpoint: Endpoint) -> http.client.HTTPConnection:
        connections = self._local.__dict__.setdefault("connections", {})
        key = (endpoint.target, endpoint.timeout_s)
        if key not in connections:
            parts = urlsplit(endpoint.target)
            if parts.scheme == "https":
                context = ssl.create_default_context()
                connections[key] = http.client.HTTPSConnection(
                    parts.hostname or "", parts.port, timeout=endpoint.timeout_s, context=context
                )
            else:
                connections[key] = http.client.HTTPConnection(
                    parts.hostname or "", parts.port, timeout=endpoint.timeout_s
                )
        return connections[key]

    def _forget(self, endpoint: Endpoint) -> None:
        connections = self._local.__dict__.get("connections", {})
        connection = connections.pop((endpoint.target, endpoint.timeout_s), None)
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.close()
