"""Raw TCP (port 9100) to a ZPL printer, with the `~HS` host status query.

A job is delivered only when the printer has taken all of it: after sending we half-close and
wait for the printer to close its side. A printer that drops the connection mid-job resets it
(unread data), which we report as a retryable error; a ZPL printer discards a format cut short
before `^XZ`, so sending the whole job again prints it once.
"""

from __future__ import annotations

import socket

from printing.transports.base import PrinterError, PrinterStatus

STX, ETX = b"\x02", b"\x03"


class RawTcpTransport:
    def __init__(
        self,
        host: str,
        port: int = 9100,
        timeout: float = 10.0,
        check_status: bool = True,
        close_wait: float = 2.0,
    ) -> None:
        self.host, self.port = host, port
        self.timeout = timeout
        self.check_status = check_status
        self.close_wait = close_wait  # how long to wait for the printer to close after a job
        self.name = f"tcp:{host}:{port}"

    def send(self, job: bytes) -> None:
        if self.check_status:
            status = self.status()
            if not status.ready:
                raise PrinterError(f"{self.name}: {status.describe()}")
        try:
            with self._connect() as conn:
                conn.sendall(job)
                conn.shutdown(socket.SHUT_WR)
                conn.settimeout(self.close_wait)
                try:
                    while conn.recv(4096):
                        pass
                except TimeoutError:
                    pass  # a printer that keeps the line open has still taken the job
        except OSError as exc:
            raise PrinterError(f"{self.name}: job not delivered ({_reason(exc)})") from exc

    def status(self) -> PrinterStatus:
        """Ask `~HS`; raise PrinterError when the printer cannot be reached."""
        try:
            with self._connect() as conn:
                conn.sendall(b"~HS")
                reply = b""
                while reply.count(ETX) < 3:
                    chunk = conn.recv(1024)
                    if not chunk:
                        break
                    reply += chunk
        except OSError as exc:
            raise PrinterError(f"{self.name}: no status ({_reason(exc)})") from exc
        return parse_host_status(reply)

    def _connect(self) -> socket.socket:
        return socket.create_connection((self.host, self.port), timeout=self.timeout)


def parse_host_status(reply: bytes) -> PrinterStatus:
    """The three `~HS` strings: 1 has paper-out (field 2) and pause (3); 2 has head-up (3)."""
    strings = [part.split(ETX)[0] for part in reply.split(STX)[1:]]
    if len(strings) < 2:
        raise PrinterError(f"unreadable ~HS reply {reply[:60]!r}")
    first = strings[0].decode("ascii", "replace").split(",")
    second = strings[1].decode("ascii", "replace").split(",")
    problems = []
    if len(first) > 2 and first[1] == "1":
        problems.append("paper out")
    if len(first) > 2 and first[2] == "1":
        problems.append("paused")
    if len(second) > 2 and second[2] == "1":
        problems.append("head open")
    return PrinterStatus(ready=not problems, problems=tuple(problems))


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
