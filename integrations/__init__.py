"""Senders of integration messages (app/services/ports/integration.py `Sender`): a webhook over
HTTP(S), a file drop and the daily CSV of shipments. No SQL, no Qt; the dispatcher
(app/services/integrate.py) drives them."""

from __future__ import annotations

from app.domain.integration_endpoints import DAILY_CSV, Endpoint
from app.services.ports.integration import Attempt
from integrations.daily_csv import DailyCsvSender
from integrations.file_drop import FileDropSender
from integrations.webhook import WebhookSender


class FileSender:
    """A `file` endpoint: one JSON file per message, or the day's CSV (its `format`)."""

    def __init__(self) -> None:
        self.json, self.daily_csv = FileDropSender(), DailyCsvSender()

    def send(self, endpoint: Endpoint, attempt: Attempt) -> None:
        sender = self.daily_csv if endpoint.format == DAILY_CSV else self.json
        sender.send(endpoint, attempt)


def senders() -> dict:
    """Every sender by endpoint kind (docs/interfaces.md §12)."""
    return {"webhook": WebhookSender(), "file": FileSender()}
