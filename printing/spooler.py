"""One spooler thread per printer: durable jobs, retry with back-off, no double prints, reprint,
history, and a PDF copy on another printer when this one is down.

    spooler = Spooler(RawTcpTransport("10.0.0.7"), spool_folder, on_event=callback)
    spooler.start()
    spooler.submit(zpl, job_id="SO-1001-1", title="Label SO-1001 1/2", user="ann", alternate=pdf)

`on_event(JobEvent)` runs on the spooler thread: the UI bridge turns it into a queued signal. A
job id names one request: submitting the same id again prints nothing new. A job that was being
sent when the app stopped may or may not have printed; it comes back as "uncertain" and waits
for a person to `confirm(job_id, printed=...)` or `reprint` it, rather than risk a double label.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.errors import BadInput, IllegalTransition
from printing.spool_store import JobRecord, SpoolStore, check_job_id
from printing.transports.base import PrinterError, Transport

BACKOFF_S = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class JobEvent:
    printer: str
    job_id: str
    state: str
    attempts: int = 0
    message: str = ""
    fallback_available: bool = False  # a PDF copy can go to another printer (see `divert`)


class Spooler:
    def __init__(
        self,
        transport: Transport,
        folder,
        on_event: Callable[[JobEvent], None] | None = None,
        backoff: tuple[float, ...] = BACKOFF_S,
        name: str | None = None,
    ) -> None:
        self.transport = transport
        self.name = name or transport.name
        self.store = SpoolStore(folder)
        self.on_event = on_event or (lambda event: None)
        self.backoff = backoff
        self._cond = threading.Condition()
        self._queue: list[JobRecord] = []
        self._next_try = 0.0
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._last_seq = 0
        self._recover()

    # ---- called from any thread ----------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"spooler-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread:
            self._thread.join(timeout)

    def submit(
        self,
        data: bytes,
        job_id: str,
        title: str,
        user: str,
        kind: str = "label",
        alternate: bytes | None = None,
        reprint_of: str = "",
    ) -> JobRecord:
        """Queue a job durably; a known job id returns the existing job and prints nothing."""
        check_job_id(job_id)
        with self._cond:
            existing = self.store.find(job_id)
            if existing:
                return existing
            record = JobRecord(
                job_id,
                title,
                user,
                kind,
                time.time(),
                self._next_seq(),
                has_alternate=alternate is not None,
                reprint_of=reprint_of,
            )
            self.store.add(record, data, alternate)
            self.store.log(record, "queued", user, self.name)
            self._queue.append(record)
            self._cond.notify_all()
        self._emit(record)
        return record

    def reprint(self, job_id: str, user: str) -> JobRecord:
        """Print a finished job again, on request, as a new job `<id>.r<n>`."""
        original = self._get(job_id)
        n = 1
        while self.store.find(f"{job_id}.r{n}"):
            n += 1
        return self.submit(
            self.store.data(job_id),
            f"{job_id}.r{n}",
            original.title,
            user,
            original.kind,
            reprint_of=job_id,
        )

    def cancel(self, job_id: str, user: str) -> JobRecord:
        return self._close(job_id, "cancelled", user)

    def confirm(self, job_id: str, printed: bool, user: str) -> JobRecord:
        """Settle an "uncertain" job: it did print (close it) or it did not (send it)."""
        with self._cond:
            record = self._get(job_id)
            if record.state != "uncertain":
                raise IllegalTransition(f"print job {job_id} is {record.state}, not uncertain")
            if not printed:
                record.state = "queued"
                self.store.save(record)
                self.store.log(record, "queued", user, self.name, "did not print: sending again")
                self._cond.notify_all()
                return record
        return self._close(job_id, "printed", user, allow_uncertain=True)

    def divert(self, job_id: str, other: Spooler, user: str) -> JobRecord:
        """Send the job's fallback rendition (its PDF) to `other` and drop it here."""
        record = self._get(job_id)
        if not record.has_alternate:
            raise BadInput(f"print job {job_id}: no PDF copy was kept to print elsewhere")
        alternate = self.store.data(job_id, alternate=True)
        self._close(job_id, "diverted", user)
        return other.submit(alternate, f"{job_id}.pdf", record.title, user, record.kind)

    def state(self, job_id: str) -> str:
        return self._get(job_id).state

    def history(self, limit: int = 200) -> list[dict]:
        return self.store.history(limit)

    def wait_until_idle(self, timeout: float) -> bool:
        """True once no job is waiting (tests and shutdown)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while any(r.state != "uncertain" for r in self._queue):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    # ---- the spooler thread ----------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                record = self._next_job()
                if record is None:
                    return
                record.state = "sending"
                self.store.save(record)  # on restart: maybe printed, ask a person
            self._emit(record)
            try:
                self.transport.send(self.store.data(record.job_id))
            except PrinterError as exc:
                self._failed_attempt(record, exc)
            except Exception as exc:  # noqa: BLE001 - a bug or a lost spool file must not
                # end the spooler thread: report it on the job and try again later.
                self._failed_attempt(record, PrinterError(f"{self.name}: {exc!r}"))
            else:
                self._close(record.job_id, "printed", record.user, allow_sending=True)

    def _next_job(self) -> JobRecord | None:
        """Oldest sendable job, waiting for it (or a back-off) as needed; None when stopping."""
        while not self._stopping:
            ready = [r for r in self._queue if r.state in ("queued", "retrying")]
            wait = self._next_try - time.monotonic()
            if ready and wait <= 0:
                return ready[0]  # strictly in order: labels come out as they were asked for
            self._cond.wait(wait if ready else None)
        return None

    def _failed_attempt(self, record: JobRecord, exc: PrinterError) -> None:
        with self._cond:
            record.attempts += 1
            record.last_error = str(exc)
            record.state = "retrying" if exc.retryable else "failed"
            delay = self.backoff[min(record.attempts, len(self.backoff)) - 1]
            self._next_try = time.monotonic() + delay
            if exc.retryable:
                self.store.save(record)
            else:
                self._queue.remove(record)
                self.store.finish(record)
            self.store.log(record, record.state, record.user, self.name, str(exc))
            self._cond.notify_all()
        self._emit(record, str(exc))

    def _close(
        self,
        job_id: str,
        state: str,
        user: str,
        allow_sending: bool = False,
        allow_uncertain: bool = False,
    ) -> JobRecord:
        with self._cond:
            record = self._get(job_id)
            while record.state == "sending" and not allow_sending:
                self._cond.wait(1.0)  # the spooler thread ends the attempt and notifies
            allowed = (
                {"queued", "retrying"}
                | ({"sending"} if allow_sending else set())
                | ({"uncertain"} if allow_uncertain else set())
            )
            if record.state not in allowed:
                raise IllegalTransition(f"print job {job_id} is {record.state}: cannot be {state}")
            record.state = state
            self._queue = [r for r in self._queue if r.job_id != job_id]
            self.store.finish(record)
            self.store.log(record, state, user, self.name)
            self._cond.notify_all()
        self._emit(record)
        return record

    def _next_seq(self) -> int:
        # Orders jobs across restarts without reading the whole spool: time, never repeating.
        self._last_seq = max(time.time_ns(), self._last_seq + 1)
        return self._last_seq

    def _get(self, job_id: str) -> JobRecord:
        for record in self._queue:
            if record.job_id == job_id:
                return record
        record = self.store.find(job_id)
        if record is None:
            raise BadInput(f"print job {job_id}: unknown on printer {self.name}")
        return record

    def _recover(self) -> None:
        """Jobs left by the last run come back; one caught mid-send becomes "uncertain"."""
        for record in self.store.open_jobs():
            if record.state == "sending":
                record.state = "uncertain"
                self.store.save(record)
                self.store.log(
                    record,
                    "uncertain",
                    record.user,
                    self.name,
                    "the app stopped while sending: check the printer, then confirm",
                )
            self._queue.append(record)
            self._last_seq = max(self._last_seq, record.seq)

    def _emit(self, record: JobRecord, message: str = "") -> None:
        snapshot = replace(record)
        self.on_event(
            JobEvent(
                self.name,
                snapshot.job_id,
                snapshot.state,
                snapshot.attempts,
                message or snapshot.last_error,
                snapshot.has_alternate and snapshot.state == "retrying",
            )
        )
