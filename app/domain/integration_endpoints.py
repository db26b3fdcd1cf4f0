"""Integration endpoints: where the outbox's messages go (docs/interfaces.md §12).

`parse_endpoints` checks a whole `shipshape integrations --set FILE` document and raises
`FieldProblem` naming the first bad field, so a bad file is refused whole. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app.domain.fields import FieldProblem, finite_number, shown, text, whole_number

WEBHOOK, FILE = "webhook", "file"
MESSAGE_KINDS = (
    "order.held",
    "order.released",
    "order.allocated",
    "order.exception",
    "order.packed",
    "order.shipped",
    "order.cancelled",
    "stock.adjusted",  # a count changed stock (no order: an endpoint's channels do not apply)
)
DEFAULT_MAX_TRIES = 12  # with the default back-off: about an hour and a half of retrying
DEFAULT_RETRY_BASE_S = 2.0
DEFAULT_RETRY_MAX_S = 900.0
DEFAULT_TIMEOUT_S = 10.0
SECRET_SHOWN = "***"  # what `--json` prints instead of a secret
_KEYS = {
    WEBHOOK: ("name", "kind", "url", "secret", "kinds", "channels", "max_tries", "retry_base_s",
              "retry_max_s", "timeout_s"),
    FILE: ("name", "kind", "folder", "kinds", "channels", "max_tries", "retry_base_s",
           "retry_max_s"),
}  # fmt: skip


@dataclass(frozen=True)
class Endpoint:
    """One receiver. `target` is the webhook's URL or the drop folder; empty `kinds`/`channels`
    mean every kind / every channel."""

    name: str
    kind: str
    target: str
    secret: str = ""
    kinds: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    max_tries: int = DEFAULT_MAX_TRIES
    retry_base_s: float = DEFAULT_RETRY_BASE_S
    retry_max_s: float = DEFAULT_RETRY_MAX_S
    timeout_s: float = DEFAULT_TIMEOUT_S

    def wants(self, kind: str, channel: str) -> bool:
        return (not self.kinds or kind in self.kinds) and (
            not self.channels or channel in self.channels
        )

    def document(self, show_secret: bool = False) -> dict[str, Any]:
        """The endpoint as in the file; the secret as `***` unless asked for (never printed)."""
        doc: dict[str, Any] = {"name": self.name, "kind": self.kind}
        if self.kind == WEBHOOK:
            doc |= {"url": self.target, "secret": self.secret if show_secret else SECRET_SHOWN}
        else:
            doc["folder"] = self.target
        doc |= {"kinds": list(self.kinds), "channels": list(self.channels)}
        doc |= {"max_tries": self.max_tries, "retry_base_s": self.retry_base_s}
        doc["retry_max_s"] = self.retry_max_s
        if self.kind == WEBHOOK:
            doc["timeout_s"] = self.timeout_s
        return doc


def parse_endpoints(document: Any) -> list[Endpoint]:
    if not isinstance(document, dict):
        raise FieldProblem("not_object", field="endpoints file", found=type(document).__name__)
    unknown = sorted(set(document) - {"endpoints"})
    if unknown:
        raise FieldProblem("unknown_key", field=unknown[0], accepted="endpoints")
    raw = document.get("endpoints")
    if not isinstance(raw, list):
        raise FieldProblem("not_list", field="endpoints", minimum=0)
    found = [_endpoint(value, f"endpoints[{n}]") for n, value in enumerate(raw)]
    names = [e.name for e in found]
    for n, name in enumerate(names):
        if name in names[:n]:
            other = f"endpoints[{names.index(name)}].name"
            raise FieldProblem(
                "duplicate", field=f"endpoints[{n}].name", value=shown(name), other=other
            )
    return found


def _endpoint(value: Any, field: str) -> Endpoint:
    if not isinstance(value, dict):
        raise FieldProblem("not_object", field=field, found=type(value).__name__)
    kind = value.get("kind")
    if kind not in _KEYS:
        raise FieldProblem(
            "not_one_of", field=f"{field}.kind", value=shown(kind), accepted="webhook, file"
        )
    unknown = sorted(set(value) - set(_KEYS[kind]))
    if unknown:
        accepted = ", ".join(_KEYS[kind])
        raise FieldProblem("unknown_key", field=f"{field}.{unknown[0]}", accepted=accepted)
    name = text(value.get("name"), f"{field}.name", 60, required=True)
    target, secret = _target(value, field, kind)
    return Endpoint(
        name,
        kind,
        target,
        secret,
        _choices(value.get("kinds"), f"{field}.kinds", MESSAGE_KINDS),
        _choices(value.get("channels"), f"{field}.channels", None),
        *_retry_policy(value, field),
    )


def _target(value: dict, field: str, kind: str) -> tuple[str, str]:
    if kind == FILE:
        return text(value.get("folder"), f"{field}.folder", 400, required=True), ""
    url = text(value.get("url"), f"{field}.url", 400, required=True)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FieldProblem(
            "not_one_of", field=f"{field}.url", value=shown(url), accepted="http://…, https://…"
        )
    secret = text(value.get("secret"), f"{field}.secret", 200, required=True)
    if len(secret) < 16:  # a short secret is guessable: the signature would prove nothing
        raise FieldProblem(
            "out_of_range", field=f"{field}.secret length", value=len(secret), minimum=16,
            maximum=200,
        )  # fmt: skip
    return url, secret


def _choices(value: Any, field: str, accepted: tuple[str, ...] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FieldProblem("not_list", field=field, minimum=0)
    items = [text(v, f"{field}[{n}]", 40, required=True) for n, v in enumerate(value)]
    for n, item in enumerate(items):
        if accepted is not None and item not in accepted:
            raise FieldProblem(
                "not_one_of", field=f"{field}[{n}]", value=shown(item), accepted=", ".join(accepted)
            )
    return tuple(dict.fromkeys(items))


def _retry_policy(value: dict, field: str) -> tuple[int, float, float, float]:
    def number(key: str, default: float, low: float, high: float) -> float:
        found = value.get(key)
        if found is None:
            return default
        return finite_number(found, f"{field}.{key}", low, high, " s")

    tries = value.get("max_tries")
    max_tries = (
        DEFAULT_MAX_TRIES if tries is None else whole_number(tries, f"{field}.max_tries", 1, 1000)
    )
    base = number("retry_base_s", DEFAULT_RETRY_BASE_S, 0.01, 3600)
    ceiling = number("retry_max_s", DEFAULT_RETRY_MAX_S, base, 86400)
    return max_tries, base, ceiling, number("timeout_s", DEFAULT_TIMEOUT_S, 0.1, 120)
