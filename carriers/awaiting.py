"""Cartons awaiting their carrier label: a durable list and the thread that retries them.

`AwaitedLabelFolder` keeps one JSON file per carton (written to a temporary file, synced, then
renamed, so a crash leaves the old file or the new one, never half of one); a station restart
finds them again. `LabelRetrier` is one thread that works through the list with back-off: each
carton with its own reference (bought once), until the carrier answers. What a try does is
injected (`app.services.carrier_labels.buy_awaited`): buy, print, record, take off the list.

Nothing here touches a widget: `on_event(AwaitedEvent)` runs on the retrier's thread and the
screen reaches the UI thread through its bridge.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import CarrierRefused, CarrierUnavailable
from app.services.ports.carriers import AwaitedLabel

log = logging.getLogger(__name__)
BACKOFF_S = (2.0, 5.0, 10.0, 30.0, 60.0)


class AwaitedLabelFolder:
    """`AwaitedLabels` in a folder (the station's spool folder: `<spool>/awaiting-labels`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)  # made with the first carton that awaits its label
        self._lock = threading.Lock()

    def _path(self, reference: str) -> Path:
        name = hashlib.sha256(reference.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{name}.json"

    def add(self, label: AwaitedLabel) -> None:
        path = self._path(label.reference)
        data = json.dumps(label.document(), ensure_ascii=False).encode("utf-8")
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            with open(temporary, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)

    def remove(self, reference: str) -> None:
        with self._lock:
            self._path(reference).unlink(missing_ok=True)

    def all(self) -> list[AwaitedLabel]:
        """Oldest first (the order the cartons closed in)."""
        with self._lock:
            paths = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
            found = []
            for path in paths:
                try:
                    found.append(AwaitedLabel.from_document(json.loads(path.read_bytes())))
                except (OSError, ValueError, TypeError, KeyError) as error:
                    log.error("awaited label %s unreadable: %r", path.name, error)
            return found


@dataclass(frozen=True)
class AwaitedEvent:
    state: str  # waiting (the carrier did not answer) | printed | refused
    awaited: AwaitedLabel
    reason: str = ""  # the carrier's words, for a refusal
    tracking_number: str = ""


class LabelRetrier:
    """One thread: every awaited label in turn, again after a back-off while the carrier does not
    answer, at once when `wake()`d (a carton just closed awaiting its label)."""

    def __init__(
        self,
        awaited: AwaitedLabelFolder,
        attempt: Callable[[AwaitedLabel], str],  # the tracking number bought; raises otherwise
        on_event: Callable[[AwaitedEvent], None] | None = None,
        backoff: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        self.awaited, self.attempt, self.backoff = awaited, attempt, backoff
        self.listeners: list[Callable[[AwaitedEvent], None]] = [on_event] if on_event else []
        self._cond = threading.Condition()
        self._woken = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="label-retrier", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        with self._cond:
            self._woken = True
            self._cond.notify_all()

    def _run(self) -> None:
        failures = 0
        while not self._stopping:
            pending = self.awaited.all()
            answered = self._round(pending)
            failures = 0 if answered else failures + 1
            delay = None if answered else self.backoff[min(failures, len(self.backoff)) - 1]
            with self._cond:
                if not self._woken and not self._stopping:
                    self._cond.wait(delay)
                self._woken = False

    def _round(self, pending: list[AwaitedLabel]) -> bool:
        """Each awaited label once, oldest first; True when none is left waiting. A carrier
        that does not answer is not asked again this round (its next carton would wait out the
        same timeouts); the others' cartons still are."""
        left, silent = False, set()
        for item in pending:
            if self._stopping:
                return False
            if item.request.carrier in silent:
                left = True
                continue
            outcome = self._try(item)
            left = left or outcome != "printed"
            if outcome == "waiting":
                silent.add(item.request.carrier)
        return not left

    def _try(self, item: AwaitedLabel) -> str:
        try:
            tracking = self.attempt(item)
        except CarrierUnavailable as error:
            log.info("label %s still awaited: %s", item.reference, error.detail)
            self._tell(AwaitedEvent("waiting", item))
            return "waiting"
        except CarrierRefused as error:  # a person must look: the lead sees it awaiting
            log.warning("label %s refused by %s: %s", item.reference, error.carrier, error.reason)
            self._tell(AwaitedEvent("refused", item, error.reason))
            return "refused"
        except Exception:  # a printer or database problem: keep the carton on the list
            log.exception("label %s: retry failed", item.reference)
            return "failed"
        self._tell(AwaitedEvent("printed", item, tracking_number=tracking))
        return "printed"

    def _tell(self, event: AwaitedEvent) -> None:
        for listener in list(self.listeners):
            listener(event)
