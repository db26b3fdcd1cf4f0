"""Senders of integration messages (app/services/ports/integration.py `Sender`): a webhook over
HTTP(S) and a file drop. No SQL, no Qt; the dispatcher (app/services/integrate.py) drives them."""

from __future__ import annotations

from integrations.file_drop import FileDropSender
from integrations.webhook import WebhookSender


def senders() -> dict:
    """Every sender by endpoint kind (docs/interfaces.md §12)."""
    return {"webhook": WebhookSender(), "file": FileDropSender()}
