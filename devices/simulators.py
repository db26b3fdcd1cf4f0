"""Virtual serial devices on pseudo-terminals, for tests and demos (no hardware needed).

`python -m devices.simulators scale [--protocol sics|continuous]` prints a port path and runs a
scale there; `python -m devices.simulators scanner` prints a port path and sends each line typed
on stdin as a scan (CR-terminated).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
import tty

from app.scanning.weights import continuous_line, sics_line


class VirtualSerialPort:
    """A pty pair: programs open `path` like a serial port; we read/write the other end."""

    def __init__(self):
        self.master_fd, self._slave_fd = os.openpty()
        tty.setraw(self._slave_fd)  # no echo, no CR→LF translation before a reader opens it
        self.path = os.ttyname(self._slave_fd)

    def write(self, data: bytes) -> None:
        os.write(self.master_fd, data)

    def read(self, size: int = 1024) -> bytes:
        return os.read(self.master_fd, size)

    def close(self) -> None:
        """Unplug: the reader's next read fails, and the path goes away."""
        for fd in (self.master_fd, self._slave_fd):
            with contextlib.suppress(OSError):  # already closed
                os.close(fd)


class ScaleSimulator:
    """A scale on a virtual port. MT-SICS: answers `S`, `SI` (and `Z` with `Z A`); continuous:
    sends a weight line every `interval_s`. Its thread runs until `close()`."""

    def __init__(self, protocol: str = "sics", *, interval_s: float = 0.1):
        self.port = VirtualSerialPort()
        self.protocol = protocol
        self.interval_s = interval_s
        self._weight = (0.0, True, "kg")
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scale-sim", daemon=True)
        self._thread.start()

    @property
    def path(self) -> str:
        return self.port.path

    def set_weight(self, kg: float, *, stable: bool = True, unit: str = "kg") -> None:
        self._weight = (kg, stable, unit)

    def close(self) -> None:
        self._closed.set()
        self.port.close()
        self._thread.join(2)

    def _line(self) -> bytes:
        kg, stable, unit = self._weight
        if self.protocol == "sics":
            return (sics_line(kg, stable=stable, unit=unit) + "\r\n").encode()
        return (continuous_line(kg, stable=stable) + "\r\n").encode()

    def _run(self) -> None:
        buffer = b""
        while not self._closed.is_set():
            if self.protocol != "sics":
                self._closed.wait(self.interval_s)
                self._send(self._line())
                continue
            try:
                buffer += self.port.read()
            except OSError:
                return  # closed
            *commands, buffer = buffer.replace(b"\r", b"").split(b"\n")
            for command in commands:
                if command in (b"S", b"SI"):
                    self._send(self._line())
                elif command == b"Z":
                    self.set_weight(0.0)
                    self._send(b"Z A\r\n")
                elif command:
                    self._send(b"ES\r\n")

    def _send(self, data: bytes) -> None:
        try:
            self.port.write(data)
        except OSError:
            self._closed.set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run a virtual scanner or scale on a pty.")
    parser.add_argument("device", choices=["scale", "scanner"])
    parser.add_argument("--protocol", choices=["sics", "continuous"], default="sics")
    args = parser.parse_args(argv)
    if args.device == "scale":
        scale = ScaleSimulator(args.protocol)
        print(f"scale on {scale.path}; type a weight in kg (add 'd' for unstable), Ctrl-D quits")
        for line in sys.stdin:
            text = line.strip()
            if text:
                scale.set_weight(float(text.rstrip("d")), stable=not text.endswith("d"))
        scale.close()
        return 0
    port = VirtualSerialPort()
    print(f"scanner on {port.path}; each line you type is sent as a scan, Ctrl-D quits")
    for line in sys.stdin:
        port.write(line.rstrip("\n").encode() + b"\r")
    port.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
