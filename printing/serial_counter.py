"""A file-backed SSCC serial counter for a station or the CLI (implements app.domain.sscc.SerialCounter).

Each `next_serial()` takes an exclusive fcntl lock on `<file>.lock`, reads the last serial handed
out, writes the next one to a temporary file, fsyncs it, renames it over the counter file and
fsyncs the folder: after a crash or power cut the counter is the old value or the new one, never
empty, so a serial is never handed out twice. Several processes on one machine (or on a shared
folder with working POSIX locks) may share the file. Stations without a shared folder use the
central-database counter instead.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from app.errors import BadInput


class FileSerialCounter:
    def __init__(self, path: str | os.PathLike, start: int = 1) -> None:
        self.path = Path(path)
        self.start = start

    def next_serial(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            serial = self._last() + 1 if self.path.exists() else self.start
            self._store(serial)
            return serial

    def _last(self) -> int:
        text = self.path.read_text(encoding="ascii").strip()
        if not text.isdigit():
            raise BadInput(
                f"{self.path}: SSCC counter file holds {text!r}, not a number; restore it from "
                "a backup (never lower it: that would reuse SSCCs)"
            )
        return int(text)

    def _store(self, serial: int) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="ascii") as out:
            out.write(f"{serial}\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
