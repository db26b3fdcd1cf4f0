"""Opening serial ports: by path, stable name (/dev/serial/by-id/...), USB VID:PID or pyserial URL.

Device paths are opened exclusively, so a second program cannot steal scans. Runs on the device's
reader thread.
"""

from __future__ import annotations

import re

import serial
from serial.tools import list_ports
from serial.urlhandler import protocol_socket

_VID_PID = re.compile(r"^([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})$")


class _KeepInputOnOpen:
    """pyserial empties the input buffer when it opens a port. A scan that arrived just before
    (a device server sending the instant the TCP connection is made, or a scanner read while we
    were reconnecting) would be lost; skip only that one drain."""

    _opening = False

    def open(self):
        self._opening = True
        try:
            super().open()
        finally:
            self._opening = False

    def reset_input_buffer(self):  # socket:// calls this one from open()
        if not self._opening:
            super().reset_input_buffer()

    def _reset_input_buffer(self):  # the posix port calls this one from open()
        if not self._opening:
            super()._reset_input_buffer()


class _LocalPort(_KeepInputOnOpen, serial.Serial):
    pass


class _SocketPort(_KeepInputOnOpen, protocol_socket.Serial):
    pass


def describe_port(spec: str) -> str:
    """A name for messages: the spec as the user gave it."""
    return spec


def resolve_port(spec: str) -> str:
    """The device path or URL to open now. A VID:PID is looked up at each (re)open, because a
    replugged scanner may come back as another /dev/ttyACMn."""
    match = _VID_PID.match(spec)
    if not match:
        return spec
    vid, pid = (int(part, 16) for part in match.groups())
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        if port.vid == vid and port.pid == pid:
            return port.device
    raise serial.SerialException(f"no USB serial device {spec} is plugged in")


def open_port(spec: str, *, baudrate: int = 9600, timeout: float = 0.1) -> serial.SerialBase:
    """Open the port (raises serial.SerialException or OSError when it is not there)."""
    target = resolve_port(spec)
    if target.startswith("socket://"):
        port = _SocketPort(None, baudrate=baudrate, timeout=timeout)
        port.port = target
        port.open()
        return port
    if "://" in target:
        return serial.serial_for_url(target, baudrate=baudrate, timeout=timeout)
    return _LocalPort(target, baudrate=baudrate, timeout=timeout, exclusive=True)


def check_port_spec(spec: str) -> None:
    """Raise ValueError, saying what to write instead, for a port no retry can ever open."""
    if not spec.strip():
        raise ValueError("the port is empty: give a path such as /dev/ttyACM0 or a URL")
    if "://" in spec:
        try:
            serial.serial_for_url(spec, do_not_open=True)
        except (ValueError, serial.SerialException) as exc:
            raise ValueError(
                f"{spec}: {exc} (pyserial URLs: socket://host:port, rfc2217://host:port, loop://)"
            ) from exc


def list_serial_ports() -> list[dict]:
    """Serial ports on this machine, for the diagnostics screen and `--help` hints."""
    return [
        {
            "device": p.device,
            "description": p.description,
            "usb_id": f"{p.vid:04x}:{p.pid:04x}" if p.vid is not None else None,
        }
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    ]
