"""Use cases of the shift lead's console. Every one checks the role (`require_lead`) before it
reads or changes anything, and every change writes an audit event. They run on the station's
database worker thread (or a CLI command), never on the UI thread.
"""

from app.services.lead.board import (
    Board,
    BoardRow,
    cancel_wave,
    hold_wave,
    load_board,
    plan_wave,
    preview_seconds,
    reassign,
    reassign_wave,
    release_wave,
    resume_wave,
    save_wave,
    unassign,
)
from app.services.lead.exceptions import RESOLUTIONS, URGENT_PRIORITY, QueueItem, exception_queue
from app.services.lead.reports import Timeline, TimelineEntry, kpi_report, order_timeline
from app.services.lead.resolutions import resolve

__all__ = [
    "RESOLUTIONS",
    "URGENT_PRIORITY",
    "Board",
    "BoardRow",
    "QueueItem",
    "Timeline",
    "TimelineEntry",
    "cancel_wave",
    "exception_queue",
    "hold_wave",
    "kpi_report",
    "load_board",
    "order_timeline",
    "plan_wave",
    "preview_seconds",
    "reassign",
    "reassign_wave",
    "release_wave",
    "resolve",
    "resume_wave",
    "save_wave",
    "unassign",
]
