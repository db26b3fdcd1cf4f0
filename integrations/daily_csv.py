"""The daily CSV of shipment confirmations: a file endpoint with `"format": "daily_csv"` keeps
one `shipments-YYYY-MM-DD.csv` per day in its folder, for ERPs that poll folders
(docs/integrations.md, "The daily CSV"). Which rows, which day: app/domain/shipment_csv.py.

Each delivery rewrites the day's whole file under an exclusive `flock` on `.shipments.lock` in
the folder (so two dispatchers, or two sending threads, never lose each other's rows): read it,
take out this message's rows if it was delivered before, add them, write everything to a hidden
`.shipments-….<pid>.<thread>.tmp`, flush it to disk and rename it over the day's file. A reader
sees the file before or after a delivery, never half of one; a dispatcher killed anywhere leaves
at worst a stray `.tmp` and the lock free (the kernel drops it with the process).
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import os
import threading
import time
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path

from app.domain.integration_endpoints import Endpoint
from app.domain.shipment_csv import NotADayFile, Row, file_name, merged, message_day
from app.domain.shipment_csv import shipment_rows as rows_of
from app.services.ports.integration import Attempt, DeliveryFailed

LOCK_NAME = ".shipments.lock"


class DailyCsvSender:
    def __init__(self, zone: tzinfo | None = None) -> None:
        self.zone = zone  # None: the machine's local time, the site's (as for the cut-offs)

    def send(self, endpoint: Endpoint, attempt: Attempt) -> None:
        message = json.loads(attempt.body)
        new = rows_of(message)
        if not new:  # not a shipment (the endpoint was a json one before): nothing to write
            return
        folder = Path(endpoint.target)
        path = folder / file_name(message_day(message, self.zone))
        try:
            with _locked(folder / LOCK_NAME, endpoint.timeout_s):
                day = merged(_read(path), attempt.message_id, new)
                if day is not None:
                    _replace(path, day)
        except NotADayFile as exc:
            raise DeliveryFailed(f"{path} is not a shipments file (header {exc}): move it") from exc
        except (OSError, UnicodeError, csv.Error) as exc:
            detail = getattr(exc, "strerror", None) or exc
            raise DeliveryFailed(f"cannot write {path}: {detail}") from exc


@contextlib.contextmanager
def _locked(lock: Path, wait_s: float) -> Iterator[None]:
    """The folder's lock, held until the block ends. Waits at most `wait_s` (the endpoint's
    `timeout_s`, which the dispatcher's claim counts on): longer, the delivery fails and is
    retried rather than overrunning its claim."""
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o664)
    try:
        deadline = time.monotonic() + wait_s
        pause = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DeliveryFailed(f"{lock} stayed locked for {wait_s:g} s") from None
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _read(path: Path) -> list[Row]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _replace(path: Path, rows: list[Row]) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\r\n").writerows(rows)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
