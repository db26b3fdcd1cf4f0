"""Use case: the order watch folder (`shipshape intake --watch DIR`, docs/integrations-in.md).

Every order file (`*.csv`, `*.json`, the formats of `import-orders`) that lands in DIR is
imported and moved to `DIR/done/` or `DIR/failed/`, with `NAME.errors.txt` beside it naming
every rejected order and its rows.

- **Never half a file.** A file is taken once its size and modification time have not changed
  for the settle interval; dotfiles, `*.tmp`, `*.part` (and other temporary names) and empty
  files are left alone, so a writer that writes under such a name and renames it in is taken
  as soon as it settles.
- **Once, even when killed.** A file is claimed by renaming it into `DIR/.processing/` (atomic;
  a second watcher on the same folder loses the race and skips it). A file found there at start
  was being imported when the service stopped: it is imported again, and since orders go in
  whole and an order already present is skipped (app/services/intake.py), every order ends up
  in the database exactly once. The `.errors.txt` is written (temp file + rename) before the
  file leaves `.processing/`.
- **Done or failed.** A file that cannot be read at all (not UTF-8, a missing column, broken
  JSON) or whose every order was rejected goes to `failed/`; a file with some rejected orders
  goes to `done/` (whole orders are atomic: the others are in) with the `.errors.txt` listing
  the rejected ones. When the database fails, the file stays in `.processing/` and is tried
  again. A name already in `done/`/`failed/` gets a number: `orders.1.csv`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.events import Actor
from app.errors import BadInput
from app.services import intake
from app.services.intake import ImportReport
from app.services.order_files import read_order_file
from app.services.ports import UnitOfWork

log = logging.getLogger("shipshape.intake")

ORDER_SUFFIXES = (".csv", ".json")
# Names writers use while a file is not finished (browsers, rsync, editors, our own convention).
TEMPORARY_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download", ".swp", "~")
WORKING, DONE, FAILED = ".processing", "done", "failed"
ERRORS_SUFFIX = ".errors.txt"


@dataclass(frozen=True)
class Outcome:
    """What became of one file: where it went, and what the import reported (None: the file
    could not be read at all, `error` says why)."""

    name: str
    moved_to: Path
    report: ImportReport | None = None
    error: str = ""

    def line(self) -> str:
        where = f"{self.moved_to.parent.name}/{self.moved_to.name}"
        if self.report is None:
            return f"{self.name}: not read ({self.error}) -> {where}"
        r = self.report
        return (
            f"{self.name}: {len(r.imported)} imported, {len(r.duplicates)} already in, "
            f"{len(r.rejected)} rejected -> {where}"
        )


def is_order_file(name: str) -> bool:
    lower = name.lower()
    if name.startswith((".", "~")) or lower.endswith(TEMPORARY_SUFFIXES):
        return False
    return lower.endswith(ORDER_SUFFIXES)


@dataclass
class Settling:
    """Which files have kept their size and modification time for `seconds` (by a monotonic
    clock): only those are read, so a file still being written is never half-imported."""

    seconds: float
    _seen: dict[str, tuple[tuple[int, int], float]] = field(default_factory=dict)

    def ready(self, folder: Path, now: float) -> tuple[list[Path], int]:
        """The files that have settled, and how many others are still settling."""
        settled, settling, present = [], 0, {}
        for path in sorted(folder.iterdir()):
            stat = _stat(path)
            if stat is None or not is_order_file(path.name) or stat.st_size == 0:
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            previous = self._seen.get(path.name)
            since = previous[1] if previous and previous[0] == signature else now
            present[path.name] = (signature, since)
            if now - since >= self.seconds:
                settled.append(path)
            else:
                settling += 1
        self._seen = present
        return settled, settling


def _stat(path: Path) -> os.stat_result | None:
    try:
        stat = path.stat()
    except OSError:  # gone meanwhile (another watcher, the writer renamed it)
        return None
    return stat if path.is_file() else None


class WatchFolder:
    """One watch folder. `poll()` imports what has settled and returns what became of it."""

    def __init__(
        self,
        folder: Path,
        uow: UnitOfWork,
        actor: Actor,
        settle_seconds: float = 2.0,
        channel: str | None = None,
    ) -> None:
        self.folder, self.uow, self.actor, self.channel = folder, uow, actor, channel
        self.settling = Settling(settle_seconds)
        for sub in (WORKING, DONE, FAILED):
            (folder / sub).mkdir(parents=True, exist_ok=True)

    def poll(self, now: float) -> tuple[list[Outcome], int]:
        """Import every claimed or settled file; also how many files are still settling."""
        outcomes = [self._import(path) for path in self._left_over()]
        settled, settling = self.settling.ready(self.folder, now)
        for path in settled:
            claimed = self._claim(path)
            if claimed is not None:
                outcomes.append(self._import(claimed))
        return outcomes, settling

    def _left_over(self) -> list[Path]:
        """Files a stopped (or killed) run had claimed but not finished."""
        working = self.folder / WORKING
        return sorted(
            p for p in working.iterdir() if p.is_file() and is_order_file(p.name)
        )  # .errors.txt.tmp and the like are rewritten, never read

    def _claim(self, path: Path) -> Path | None:
        target = self.folder / WORKING / path.name
        try:
            os.rename(path, target)  # atomic: of two watchers, one gets it
        except FileNotFoundError:
            return None
        return target

    def _import(self, path: Path) -> Outcome:
        try:
            drafts = read_order_file(path, self.channel)
        except BadInput as exc:
            return self._finish(path, FAILED, [str(exc)], error=str(exc))
        report = intake.import_orders(self.uow, drafts, self.actor)
        nothing_in = not report.imported and not report.duplicates
        where = FAILED if report.rejected and nothing_in else DONE
        return self._finish(path, where, report.rejected, report=report)

    def _finish(
        self,
        path: Path,
        where: str,
        rejected: list[str],
        report: ImportReport | None = None,
        error: str = "",
    ) -> Outcome:
        target = _free_name(self.folder / where, path.name)
        if rejected:  # before the file itself: a rerun after a kill lands on the same name
            errors = path.with_name(path.name + ERRORS_SUFFIX)
            _write_atomically(errors, rejected, path.name)
            os.replace(errors, target.with_name(target.name + ERRORS_SUFFIX))
        os.replace(path, target)
        outcome = Outcome(path.name, target, report, error)
        log.info("%s", outcome.line())
        return outcome


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem.N.suffix` when a file of that name is already there (an
    errors file alone is one a killed run left: it is replaced)."""
    candidate, stem, suffix, n = folder / name, Path(name).stem, Path(name).suffix, 0
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}.{n}{suffix}"
    return candidate


def _write_atomically(path: Path, rejected: list[str], source: str) -> None:
    heading = f"{source}: {len(rejected)} rejected (each line: the order, its rows, why)"
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as out:
        out.write("\n".join([heading, *rejected]) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def run(
    watcher: WatchFolder,
    clock: Callable[[], float],
    sleep: Callable[[float], object],
    once: bool,
    report: Callable[[Outcome], None],
    interval: float = 0.5,
    stopping: Callable[[], bool] = lambda: False,
) -> None:
    """Poll until stopped; with `once`, until nothing that was in the folder is left to do."""
    while not stopping():
        outcomes, settling = watcher.poll(clock())
        for outcome in outcomes:
            report(outcome)
        if once and not settling and not outcomes:
            return
        sleep(interval)
