"""Write each job as a file into a folder (a hot folder watched by other software, or for tests).

Files appear whole: written under a dot-name, fsynced, then renamed, so a watcher never picks up
half a job.
"""

from __future__ import annotations

import itertools
import os
import time
import uuid
from pathlib import Path

from printing.transports.base import PrinterError


class FileTransport:
    def __init__(self, folder: str | os.PathLike, suffix: str = ".bin", name: str = "") -> None:
        self.folder = Path(folder)
        self.suffix = suffix
        self.name = name or f"file:{self.folder}"
        self._numbers = itertools.count(1)

    def send(self, job: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Time first so a folder lists in print order; the random part keeps two transports
            # (or processes) writing to one folder from ever replacing each other's files.
            stem = (
                f"{time.strftime('%Y%m%d-%H%M%S')}-{next(self._numbers):06d}-{uuid.uuid4().hex[:8]}"
            )
            tmp = self.folder / f".{stem}.tmp"
            with open(tmp, "wb") as out:
                out.write(job)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.folder / f"{stem}{self.suffix}")
        except OSError as exc:
            raise PrinterError(f"{self.name}: cannot write the job ({exc.strerror})") from exc
