"""Ways to reach a printer, each a small module behind one method: `send(job_bytes)`.

    FileTransport(folder)                  -- writes each job as a file (a hot folder, tests)
    LpTransport(queue, server=None)        -- the system spooler (CUPS `lp`)
    RawTcpTransport(host, port=9100)       -- ZPL printers on the network, with ~HS status
    DummyTransport()                       -- collects the bytes for tests and demos

`send` raises `PrinterError`; `error.retryable` says whether trying again later may help (printer
off, paper out) or not (queue unknown). Transports are used from one spooler thread each.
"""

from printing.transports.base import PrinterError, PrinterStatus, Transport
from printing.transports.cups import LpTransport
from printing.transports.dummy import DummyTransport
from printing.transports.file import FileTransport
from printing.transports.tcp9100 import RawTcpTransport

__all__ = [
    "transport_from_url",
    "DummyTransport",
    "FileTransport",
    "LpTransport",
    "PrinterError",
    "PrinterStatus",
    "RawTcpTransport",
    "Transport",
]


def transport_from_url(url: str):
    """Build a transport from a station setting:

    `lp:QUEUE` (the system spooler), `tcp://HOST[:PORT]` (raw ZPL, port 9100 by default; add
    `?status=no` for a printer that does not answer `~HS`),
    `file:/FOLDER` (write jobs as files), `dummy:` (keep them in memory).
    """
    from urllib.parse import urlsplit

    from app.errors import BadInput

    scheme, _, rest = url.partition(":")
    if scheme == "lp" and rest:
        return LpTransport(rest)
    if scheme == "tcp":
        parts = urlsplit(url)
        if parts.hostname:
            check_status = parts.query != "status=no"
            return RawTcpTransport(parts.hostname, parts.port or 9100, check_status=check_status)
    if scheme == "file" and rest:
        return FileTransport(rest[2:] if rest.startswith("//") else rest)
    if scheme == "dummy":
        return DummyTransport(rest or "dummy")
    raise BadInput(f"printer {url!r}: use lp:QUEUE, tcp://HOST[:PORT], file:/FOLDER or dummy:")
