"""JSON over HTTP to a carrier's API, with the standard library, and the one rule that splits
failures in two: the carrier could not answer (retry later) or it answered no (a person fixes).

Why not the `easypost` client (10.x): it can be pointed at another `api_base`, but it has no way
to send a header per request (the `Idempotency-Key` a purchase must carry; its request hook only
observes), it retries connections behind our back (an adapter with `max_retries=3` on its
session), has one timeout for everything, and the label file still needs a second client to
download. Four JSON calls and a download are a few lines of `urllib`; no new dependency.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from app.errors import CarrierRefused, CarrierUnavailable

# Answers that are not a person's to fix, although they are 4xx: wait and ask again.
TRANSIENT_4XX = frozenset({408, 409, 425, 429})
REASON_LIMIT = 300  # a carrier's reason is shown on the packer's screen: keep it readable


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class JsonWeb:
    """One carrier's API: `base_url` + path, the bearer key, a short explicit timeout (seconds,
    for connecting and for each read). Sends no cookies and follows no proxies beyond what the
    environment sets for urllib."""

    def __init__(self, carrier: str, base_url: str, api_key: str, timeout_s: float) -> None:
        self.carrier = carrier
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key  # never logged: not in any message or repr
        self.timeout_s = timeout_s

    def __repr__(self) -> str:
        return f"JsonWeb({self.carrier!r}, {self.base_url!r}, timeout_s={self.timeout_s})"

    def call(self, method: str, path: str, body: Any = None, headers: dict | None = None) -> Answer:
        """An API call with our key. Raises CarrierUnavailable when no whole answer came."""
        sent = {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"}
        sent.update(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        return self._exchange(
            urllib.request.Request(self.base_url + path, data, sent, method=method)
        )

    def download(self, url: str) -> bytes:
        """A label file. Without our key: real label URLs point at a file host, not the API."""
        answer = self._exchange(urllib.request.Request(url, method="GET"))
        if answer.status != 200:
            self.fail(answer, f"label {url}")
        return answer.body

    def _exchange(self, request: urllib.request.Request) -> Answer:
        what = f"{request.get_method()} {request.full_url}"
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return Answer(response.status, response.read())
        except urllib.error.HTTPError as error:  # an answer with a status of 4xx/5xx
            try:
                return Answer(error.code, error.read())
            except (OSError, http.client.HTTPException) as cut:
                raise CarrierUnavailable(self.carrier, f"{what}: {cut!r}") from cut
        except (OSError, http.client.HTTPException) as cut:
            # refused, reset, timed out, cut mid-answer: URLError is an OSError too
            raise CarrierUnavailable(self.carrier, f"{what}: {cut!r}") from cut

    def fail(self, answer: Answer, what: str) -> None:
        """Raise for an answer that is not a success: refused for a person to fix, else
        unavailable."""
        if 400 <= answer.status < 500 and answer.status not in TRANSIENT_4XX:
            raise CarrierRefused(self.carrier, reason_of(answer))
        raise CarrierUnavailable(self.carrier, f"{what}: HTTP {answer.status}")


def reason_of(answer: Answer) -> str:
    """The carrier's words for a refusal: EasyPost-shaped `{"error": {"message", "errors": [
    {"field", "message"}]}}`, else the start of the body, else the status."""
    try:
        error = (answer.json() or {}).get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    if not isinstance(error, dict):
        error = {"message": str(error)}
    parts = [str(error.get("message") or "").strip()]
    for item in error.get("errors") or []:
        if isinstance(item, dict):
            parts.append(f"{item.get('field', '')}: {item.get('message', '')}".strip(": "))
    reason = "; ".join(p for p in parts if p)
    if not reason:
        reason = answer.body[:REASON_LIMIT].decode("utf-8", "replace").strip()
    return (reason or f"HTTP {answer.status}")[:REASON_LIMIT]
