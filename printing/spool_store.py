"""The spool folder of one printer: jobs that survive a restart, and the print history.

    <folder>/jobs/<id>.json   state of a job not yet finished (written last: the commit point)
    <folder>/jobs/<id>.bin    the bytes to send; <id>.alt.bin the fallback rendition (PDF), if any
    <folder>/done/...         finished jobs, kept for reprint
    <folder>/history.jsonl    one line per event: what was printed when and by whom

Every file is written under a temporary name, fsynced and renamed, so a crash leaves the old
version or the new one. Only the printer's spooler (one thread, under its lock) writes here.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from app.errors import BadInput

JOB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")
OPEN_STATES = ("queued", "retrying", "sending", "uncertain")


@dataclass
class JobRecord:
    job_id: str
    title: str
    user: str
    kind: str
    created: float
    seq: int
    state: str = (
        "queued"  # queued, sending, retrying, uncertain, printed, failed, cancelled, diverted
    )
    attempts: int = 0
    last_error: str = ""
    has_alternate: bool = False
    reprint_of: str = ""


class SpoolStore:
    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.jobs = self.folder / "jobs"
        self.done = self.folder / "done"
        self.jobs.mkdir(parents=True, exist_ok=True)
        self.done.mkdir(parents=True, exist_ok=True)
        self.history_file = self.folder / "history.jsonl"

    def find(self, job_id: str) -> JobRecord | None:
        for where in (self.jobs, self.done):
            meta = where / f"{job_id}.json"
            if meta.exists():
                return JobRecord(**json.loads(meta.read_text(encoding="utf-8")))
        return None

    def add(self, record: JobRecord, data: bytes, alternate: bytes | None) -> None:
        check_job_id(record.job_id)
        _write_atomic(self.jobs / f"{record.job_id}.bin", data)
        if alternate is not None:
            _write_atomic(self.jobs / f"{record.job_id}.alt.bin", alternate)
        self.save(record)

    def save(self, record: JobRecord) -> None:
        text = json.dumps(asdict(record), ensure_ascii=False)
        _write_atomic(self.jobs / f"{record.job_id}.json", text.encode("utf-8"))

    def finish(self, record: JobRecord) -> None:
        """Move a finished job to done/ (data first, the state file last)."""
        self.save(record)
        for suffix in (".bin", ".alt.bin", ".json"):
            source = self.jobs / f"{record.job_id}{suffix}"
            if source.exists():
                os.replace(source, self.done / source.name)
        _fsync_folder(self.jobs)
        _fsync_folder(self.done)

    def data(self, job_id: str, alternate: bool = False) -> bytes:
        name = f"{job_id}.alt.bin" if alternate else f"{job_id}.bin"
        for where in (self.jobs, self.done):
            if (where / name).exists():
                return (where / name).read_bytes()
        raise BadInput(f"print job {job_id}: no {'fallback ' if alternate else ''}data kept")

    def open_jobs(self) -> list[JobRecord]:
        records = [
            JobRecord(**json.loads(p.read_text(encoding="utf-8"))) for p in self.jobs.glob("*.json")
        ]
        return sorted((r for r in records if r.state in OPEN_STATES), key=lambda r: r.seq)

    def log(
        self, record: JobRecord, event: str, user: str, printer: str, message: str = ""
    ) -> None:
        entry = {
            "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "printer": printer,
            "job_id": record.job_id,
            "event": event,
            "user": user,
            "title": record.title,
            "kind": record.kind,
            "attempts": record.attempts,
            "reprint_of": record.reprint_of,
            "message": message,
        }
        with open(self.history_file, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())

    def history(self, limit: int = 200) -> list[dict]:
        if not self.history_file.exists():
            return []
        lines = self.history_file.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines[-limit:] if line.strip()]


def check_job_id(job_id: str) -> str:
    if not JOB_ID.match(job_id):
        raise BadInput(f"print job id {job_id!r}: use letters, digits and . _ - (at most 121)")
    return job_id


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
