"""The station's one database worker: every use case runs here, in order, off the UI thread.

`submit(fn, *args, on_success=..., on_failure=...)` returns at once. `fn` runs on the worker
thread; its result (or exception) comes back through the UI-thread bridge (ui/bridge.py), so `on_success(result)` /
`on_failure(exc)` always run on the UI thread, where they may touch widgets. The UI thread never
waits for a database, a device, a printer or the network.

`SynchronousWorker` has the same interface and runs everything at once on the caller's thread,
for tests that want no threads at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from PySide6.QtCore import QObject

from ui.bridge import MainThreadBridge

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class Worker(Protocol):
    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None: ...

    def shutdown(self) -> None: ...


def _log_failure(exc: BaseException) -> None:
    log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))


class DatabaseWorker(QObject):
    """A single-thread executor whose results arrive on the thread that created it (the UI).
    Its own bridge (a child) dies with it, so results still queued for a worker that is gone
    are dropped rather than delivered to a later screen."""

    def __init__(self, parent: QObject | None = None, name: str = "shipshape-db"):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._main = MainThreadBridge(self)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        self._executor.submit(self._run, fn, args, on_success, on_failure or _log_failure)

    def shutdown(self) -> None:
        """Let queued tasks finish, then stop the thread (results still pending are dropped)."""
        self._executor.shutdown(wait=True)

    def _run(self, fn, args, on_success, on_failure) -> None:
        # Worker thread: run the task and hand the outcome to the UI thread; touch no widget.
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
            self._main.run_on_main(_deliver, on_failure, exc)
        else:
            self._main.run_on_main(_deliver, on_success, result)


def _deliver(callback: Callable[[Any], None] | None, value: Any) -> None:
    # UI thread (through the bridge).
    if callback is not None:
        callback(value)


class SynchronousWorker:
    """Runs each task at once on the calling thread; for tests. Same interface as the real one."""

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
    ) -> None:
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001 - mirrors DatabaseWorker
            (on_failure or _log_failure)(exc)
        else:
            if on_success is not None:
                on_success(result)

    def shutdown(self) -> None:
        pass
