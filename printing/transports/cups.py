"""The system print spooler through the CUPS command-line clients (`lp`, `lpstat`).

The commands run in the spooler thread (or a UI worker thread for `list_printers`), never in the
UI thread: `lp` can take a second when cupsd is busy. `server` (or $CUPS_SERVER) picks a cupsd
other than the system one, e.g. a private instance in the tests.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from printing.transports.base import PrinterError

TIMEOUT_S = 30


@dataclass(frozen=True)
class QueueInfo:
    name: str
    state: str  # "idle", "printing", "disabled", ...
    default: bool = False


class LpTransport:
    def __init__(
        self,
        queue: str,
        server: str | None = None,
        options: dict[str, str] | None = None,
        title: str = "shipshape",
    ) -> None:
        self.queue = queue
        self.server = server
        # True size: the label was laid out on the printer's dot grid; scaling would break it.
        self.options = {"print-scaling": "none"} if options is None else options
        self.title = title
        self.name = f"lp:{queue}"

    def send(self, job: bytes) -> None:
        command = ["lp", *_server_args(self.server), "-d", self.queue, "-t", self.title]
        for key, value in self.options.items():
            command += ["-o", f"{key}={value}"]
        command.append("-")  # the job comes on stdin
        result = _run(command, job)
        if result.returncode != 0:
            message = result.stderr.decode(errors="replace").strip() or "lp failed"
            # "The printer or class does not exist" will not heal by itself; a stopped cupsd may.
            retryable = "does not exist" not in message
            raise PrinterError(f"{self.name}: {message}", retryable=retryable)


def list_printers(server: str | None = None) -> list[QueueInfo]:
    """The queues the spooler knows, default marked. Empty when there are none."""
    default = ""
    result = _run(["lpstat", *_server_args(server), "-d"], b"", check_missing=True)
    out = result.stdout.decode(errors="replace")
    if ":" in out and "no system default" not in out:
        default = out.split(":", 1)[1].strip()
    result = _run(["lpstat", *_server_args(server), "-p"], b"", check_missing=True)
    queues = []
    for line in result.stdout.decode(errors="replace").splitlines():
        if line.startswith("printer "):  # "printer NAME is idle.  enabled since ..."
            words = line.split()
            state = words[3].rstrip(".") if len(words) > 3 else "unknown"
            if "disabled" in line:
                state = "disabled"
            queues.append(QueueInfo(words[1], state, words[1] == default))
    return queues


def _server_args(server: str | None) -> list[str]:
    return ["-h", server] if server else []


def _run(command: list[str], stdin: bytes, check_missing: bool = False):
    try:
        return subprocess.run(command, input=stdin, capture_output=True, timeout=TIMEOUT_S)
    except FileNotFoundError as exc:
        raise PrinterError(
            f"{command[0]} not found: install the CUPS client (Debian: cups-client)",
            retryable=False,
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise PrinterError(f"{command[0]} did not answer within {TIMEOUT_S} s") from exc
