"""Keyboard-wedge scans: tell a scanner's burst of keys from a person typing (pure, no Qt).

A wedge scanner "types" its data much faster than any person and ends with its suffix (Enter by
default). The caller (ui/wedge.py, on the UI thread) feeds every printable key with its arrival
time and holds the key back; the detector answers, per key, either nothing yet, a `WedgeScan`
(swallow the held keys) or `Typing` (replay the held keys to the focused widget: a person typed
them). When no key arrives for `max_gap_s`, the caller calls `flush`.
"""

from __future__ import annotations

from dataclasses import dataclass

GS = "\x1d"


@dataclass(frozen=True)
class WedgeScan:
    text: str  # the scan without prefix and suffix; the GS1 replacement character turned into GS


@dataclass(frozen=True)
class Typing:
    keys: tuple[str, ...]  # held keys, oldest first, to hand back to the focused widget


@dataclass(frozen=True)
class WedgeSettings:
    max_gap_s: float = 0.04  # scanners: 1-15 ms between keys; people: 80 ms and more
    min_length: int = 4  # shorter bursts are never scans (two keys pressed together, say)
    prefix: str = ""  # if the scanner is set up to send one, a scan must start with it
    suffix: str = "\r"  # Enter; "" = the burst ends when the keys stop
    gs1_separator: str | None = None  # a character sent instead of GS (e.g. "~" or "^")


class BurstDetector:
    def __init__(self, settings: WedgeSettings | None = None):
        self.settings = settings or WedgeSettings()
        self._keys: list[str] = []
        self._last_key_at = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._keys)

    def feed(self, key: str, now: float) -> list[WedgeScan | Typing]:
        decisions = []
        if self._keys and now - self._last_key_at > self.settings.max_gap_s:
            decisions += self.flush(now)  # the previous burst is over: it was not a scan
        self._keys.append(key)
        self._last_key_at = now
        suffix = self.settings.suffix
        if suffix and "".join(self._keys[-len(suffix) :]) == suffix:
            decisions.append(self._decide("".join(self._keys)[: -len(suffix)]))
        return decisions

    def flush(self, now: float) -> list[WedgeScan | Typing]:
        """No key for a while: decide what the held keys were (called by the caller's timer)."""
        if not self._keys or now - self._last_key_at < self.settings.max_gap_s:
            return []
        if self.settings.suffix:  # a scan always ends with its suffix; this one never came
            return [self._release()]
        return [self._decide("".join(self._keys))]

    def _decide(self, body: str) -> WedgeScan | Typing:
        settings = self.settings
        if not body.startswith(settings.prefix):
            return self._release()
        body = body[len(settings.prefix) :]
        if len(body) < settings.min_length:
            return self._release()
        self._keys.clear()
        if settings.gs1_separator:
            body = body.replace(settings.gs1_separator, GS)
        return WedgeScan(body)

    def _release(self) -> Typing:
        keys, self._keys = tuple(self._keys), []
        return Typing(keys)
