"""The file drop: one `<occurred_at compact>-<id>.json` per message in the endpoint's folder,
for ERPs that poll folders (docs/integrations.md).

Written to a hidden temporary name in the same folder, flushed to disk, then renamed: a reader
sees the whole file or none. Sent again (a retry after a kill), the same name is written again
with the same bytes. Runs on the dispatcher's sending threads; each message has its own names.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.integration import drop_file_name
from app.domain.integration_endpoints import Endpoint
from app.services.ports.integration import Attempt, DeliveryFailed


class FileDropSender:
    def send(self, endpoint: Endpoint, attempt: Attempt) -> None:
        folder = Path(endpoint.target)
        name = drop_file_name(attempt.occurred_at, attempt.message_id)
        temporary = folder / f".{name}.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as out:
                out.write(attempt.body.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, folder / name)
            _sync_folder(folder)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise DeliveryFailed(f"cannot write {folder / name}: {exc.strerror or exc}") from exc


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a platform without directory fds skips it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
