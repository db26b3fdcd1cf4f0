"""A ZPL printer on loopback TCP for the tests: it can be switched off (connections refused),
drop a connection in the middle of a job, and report paper out / head open on `~HS`.

Like a real printer it prints a format only when it has all of it, up to `^XZ`.
"""

from __future__ import annotations

import socket
import struct
import threading

STATUS = (
    b"\x02030,{paper},{pause},1218,000,0,0,0,000,0,0,0\x03\r\n"
    b"\x02001,0,{head},0,1,2,6,0,00000000,1,000\x03\r\n"
    b"\x021234,0\x03\r\n"
)


class FakeZplPrinter:
    def __init__(self) -> None:
        self.printed: list[bytes] = []
        self.paper_out = False
        self.head_open = False
        self.drop_next = 0  # the next N jobs are cut off after a few bytes
        self.connections = 0
        self._listener: socket.socket | None = None
        self._lock = threading.Lock()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]

    def power_on(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(8)
        self._listener = listener
        threading.Thread(target=self._serve, args=(listener,), daemon=True).start()

    def power_off(self) -> None:
        """Stop listening: new connections are refused."""
        if self._listener:
            self._listener.close()
            self._listener = None

    def _serve(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # switched off
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            first = conn.recv(4096)
            with self._lock:
                self.connections += 1
                drop = first.startswith(b"^XA") and self.drop_next > 0
                if drop:
                    self.drop_next -= 1
            if first.startswith(b"~HS"):
                flags = {"paper": int(self.paper_out), "pause": 0, "head": int(self.head_open)}
                conn.sendall(
                    STATUS.replace(b"{paper}", b"%d" % flags["paper"])
                    .replace(b"{pause}", b"0")
                    .replace(b"{head}", b"%d" % flags["head"])
                )
                return
            if drop:  # reset the connection with the job half read: as a printer losing power
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            data = first
            while chunk := conn.recv(65536):
                data += chunk
            with self._lock:
                self.printed += [part + b"^XZ" for part in data.split(b"^XZ")[:-1]]
