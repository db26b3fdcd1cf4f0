"""Serial line framing: bytes from a scanner in, whole scans out (pure, no I/O).

A scan ends at CR, LF or CRLF (or a configured suffix). Reads may split a scan anywhere; the
framer joins them. Empty lines and stray control bytes are dropped without losing the next scan,
but ASCII 29 (GS, the GS1 field separator) stays inside a scan.
"""

from __future__ import annotations

import re

GS = 0x1D
_LINE_END = re.compile(rb"[\r\n]")
MAX_SCAN_BYTES = 8192  # a line longer than this is noise (e.g. a wrong baud rate): drop it


class LineFramer:
    """Feed it bytes as they arrive; it returns the scans they complete. Not thread-safe: one
    framer per reader thread."""

    def __init__(self, *, prefix: bytes = b"", suffix: bytes = b"", encoding: str = "utf-8"):
        self.prefix = prefix
        self.suffix = suffix
        self.encoding = encoding
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[str]:
        self._buffer += data
        if self.suffix:  # replaced in the buffer: a two-byte suffix may arrive split over reads
            self._buffer = bytearray(self._buffer.replace(self.suffix, b"\n"))
        *lines, rest = _LINE_END.split(bytes(self._buffer))
        self._buffer = bytearray(rest if len(rest) <= MAX_SCAN_BYTES else b"")
        return [scan for scan in map(self._clean, lines) if scan]

    def reset(self) -> None:
        """Forget a partial scan (the port went away in the middle of it)."""
        self._buffer.clear()

    def _clean(self, line: bytes) -> str:
        if self.prefix and line.startswith(self.prefix):
            line = line[len(self.prefix) :]
        kept = bytes(b for b in line if b >= 0x20 and b != 0x7F or b == GS)
        try:
            return kept.decode(self.encoding)
        except UnicodeDecodeError:
            return kept.decode("latin-1")  # an old scanner in a legacy code page: keep the scan
