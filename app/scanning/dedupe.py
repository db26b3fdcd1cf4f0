"""Duplicate-scan suppression within one session (pure: the caller passes the time)."""

from __future__ import annotations

DEFAULT_WINDOW_S = 0.3


class DuplicateFilter:
    """The same code again within `window_s` of its last sighting counts once.

    A scanner in continuous mode, or a double trigger pull, repeats a code every few tens of
    milliseconds; the window slides with each repeat so a held trigger counts once. Two genuine
    scans of the same item a second apart count twice.
    """

    def __init__(self, window_s: float = DEFAULT_WINDOW_S):
        self.window_s = window_s
        self._last_seen: dict[str, float] = {}

    def accept(self, code: str, now: float) -> bool:
        last = self._last_seen.get(code)
        self._last_seen[code] = now
        if len(self._last_seen) > 1000:  # forget old codes; only the last second matters
            self._last_seen = {c: t for c, t in self._last_seen.items() if now - t < 1.0}
        return last is None or now - last > self.window_s
