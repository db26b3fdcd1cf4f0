"""The terminal boundary: everything the CLI writes as text passes through here.

Order ids, names and addresses come from feeds and people; one holding an ESC sequence must not
clear a lead's screen or hide a line, and a bidi override must not reorder it. Text written to
stdout/stderr has its control characters shown as `\\uXXXX` (a valid JSON escape of the same
character, so `--json` lines keep their meaning). Binary outputs (`sys.stdout.buffer`) are
untouched: a ZPL or PDF stream is meant for a printer, not a terminal.
"""

from __future__ import annotations

import contextlib
import sys

from app.domain.safe_text import escape_terminal_output


class EscapingStream:
    """A text stream that escapes control characters, then writes to the real one."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_terminal_output(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):  # flush, buffer, fileno, isatty, encoding, ...
        return getattr(self._stream, name)


@contextlib.contextmanager
def escaped_terminal():
    """Wrap stdout and stderr for the duration of one command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(saved[0]), EscapingStream(saved[1])
    try:
        yield
    finally:
        # A command may have swapped stdout itself (a reader that went away): keep its choice.
        if isinstance(sys.stdout, EscapingStream):
            sys.stdout = saved[0]
        sys.stderr = saved[1]
