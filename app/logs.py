"""Where the details of unexpected errors go: a rotating log file in the user's log directory
(platformdirs), with personal data and secrets masked. Users see one line; this file keeps the
traceback for whoever supports the site (docs/security.md)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from app.domain.safe_text import mask_sql_detail

LOG_NAME = "shipshape.log"


class MaskingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then masks parameters, DETAIL values and URLs."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_sql_detail(super().format(record))


class ShipshapeFileLog(RotatingFileHandler):
    """The program's own log file handler: its class marks it, so setup runs once per process."""


def log_path() -> Path:
    return Path(user_log_dir("shipshape", appauthor=False)) / LOG_NAME


def setup_file_log(path: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the program's log records to the masked log file (once per process).

    Returns the file's path, or None when it cannot be opened (a read-only home): logging must
    never be the reason a command fails."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, ShipshapeFileLog):
            return Path(handler.baseFilename)
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = ShipshapeFileLog(path, maxBytes=5_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
