"""One reader thread per serial device, with unplug / replug handling.

Any SerialException or OSError means "unplugged": the port is closed, the owner is told, and the
thread retries with a back-off capped at one second, so reading resumes within a second of the
device coming back. The protocol (scanner lines, scale weights) lives in a subclass.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import sys
import threading
from collections.abc import Callable

import serial

from devices.ports import open_port

log = logging.getLogger(__name__)

StatusCallback = Callable[[str, str], None]  # (device name, message); runs on the reader thread

MAX_BACKOFF_S = 0.8  # under one second, so scanning resumes within a second of the port returning
# Python hands the GIL to a waiting thread only after this long (default 5 ms). A station has a
# few threads and a person waiting for the beep: a scan crosses two thread hand-overs (reader,
# UI), so with another thread busy the 5 ms default alone costs up to 10 ms or more.
PROMPT_SWITCH_INTERVAL_S = 0.001
FIRST_BACKOFF_S = 0.05


class SerialLink(threading.Thread):
    """Reads `port_spec` until `stop()`. Subclasses implement `handle_bytes` (and may override
    `on_connected`, `on_disconnected`, `on_idle`). Status messages start with a state word:
    `connected`, `reconnected`, `disconnected: why`, `waiting: why`, `error: why`."""

    def __init__(
        self,
        port_spec: str,
        *,
        name: str,
        baudrate: int = 9600,
        on_status: StatusCallback | None = None,
        read_timeout_s: float = 0.1,
    ):
        super().__init__(name=f"serial-{name}", daemon=True)
        self.port_spec = port_spec
        self.device_name = name
        self.baudrate = baudrate
        self.read_timeout_s = read_timeout_s
        self._on_status = on_status or (lambda _device, _message: None)
        self._stopping = threading.Event()
        self._port: serial.SerialBase | None = None
        self.connected = threading.Event()

    # -- owner API (any thread) -------------------------------------------------------------
    def start(self) -> None:
        if sys.getswitchinterval() > PROMPT_SWITCH_INTERVAL_S:
            sys.setswitchinterval(PROMPT_SWITCH_INTERVAL_S)  # process-wide, on purpose (above)
        super().start()

    def stop(self, timeout: float | None = 2.0) -> None:
        self._stopping.set()
        port = self._port
        if port is not None and hasattr(port, "cancel_read"):
            # Wake a blocking read now rather than at its timeout; a half-closed port may refuse.
            with contextlib.suppress(Exception):
                port.cancel_read()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    def write(self, data: bytes) -> None:
        """Send to the device (the scale's poll); dropped while it is unplugged."""
        port = self._port
        if port is not None:
            # An unplug is noticed and reported by the reader loop, not here.
            with contextlib.suppress(serial.SerialException, OSError):
                port.write(data)

    # -- reader thread -----------------------------------------------------------------------
    def report(self, message: str) -> None:
        self._on_status(self.device_name, message)

    def run(self) -> None:
        ever_connected = False
        delay = FIRST_BACKOFF_S
        outage_reported = False
        while not self._stopping.is_set():
            try:
                port = open_port(
                    self.port_spec, baudrate=self.baudrate, timeout=self.read_timeout_s
                )
            except (serial.SerialException, OSError, ValueError) as exc:
                if not outage_reported:
                    self.report(f"waiting: {self.port_spec} is not available ({exc})")
                    outage_reported = True
                self._stopping.wait(delay)
                delay = min(delay * 2, MAX_BACKOFF_S)
                continue
            self.report("reconnected" if ever_connected else "connected")
            ever_connected, outage_reported, delay = True, True, FIRST_BACKOFF_S
            self._serve(port)

    def _serve(self, port: serial.SerialBase) -> None:
        self._port = port
        self.connected.set()
        try:
            self.on_connected()
            while not self._stopping.is_set():
                data = self._read_some(port)
                if data:
                    self._deliver(data)
                self.on_idle()
        except (serial.SerialException, OSError, TypeError) as exc:
            # TypeError: pyserial reads from a closed fd as None on some unplugs.
            if not self._stopping.is_set():
                self.report(f"disconnected: {self.device_name} went away ({exc})")
        finally:
            self.connected.clear()
            self._port = None
            self.on_disconnected()
            with contextlib.suppress(Exception):  # closing an unplugged port may fail; it is gone
                port.close()

    def _read_some(self, port: serial.SerialBase) -> bytes:
        """What has arrived, waiting at most the read timeout.

        A local port (pyserial's posix Serial) is read with one select() and one os.read():
        each call that releases the GIL costs a thread switch before we run again when another
        thread is busy, and pyserial's own read() makes several. URLs use pyserial's read().
        """
        fd = getattr(port, "fd", None)
        abort = getattr(port, "pipe_abort_read_r", None)
        if fd is None or abort is None:
            return port.read(port.in_waiting or 1)
        ready, _, _ = select.select([fd, abort], [], [], self.read_timeout_s)
        if fd not in ready:
            return b""
        data = os.read(fd, 4096)
        if not data:  # readable but empty: the device is gone (pyserial says the same)
            raise serial.SerialException("the device reports data but sends none (unplugged?)")
        return data

    def _deliver(self, data: bytes) -> None:
        # A fault in whoever receives our scans must not end the reader: report it, read on.
        try:
            self.handle_bytes(data)
        except Exception as exc:  # noqa: BLE001 - any consumer bug; the port itself is fine
            log.exception("%s: handling %r failed", self.device_name, data)
            self.report(f"error: handling a scan failed ({exc!r})")

    def handle_bytes(self, data: bytes) -> None:
        raise NotImplementedError

    def on_connected(self) -> None:
        """Called on the reader thread after each (re)connect."""

    def on_disconnected(self) -> None:
        """Called on the reader thread after the port went away or the link stopped."""

    def on_idle(self) -> None:
        """Called on the reader thread after every read (data or timeout)."""
