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
    "DummyTransport",
    "FileTransport",
    "LpTransport",
    "PrinterError",
    "PrinterStatus",
    "RawTcpTransport",
    "Transport",
]
