"""Order priority: one scale for the words and numbers sales channels send.

Higher is more urgent; 0 is normal (and what an order without a priority gets). Channels send
words as often as numbers, in English or Chinese; each word maps to a number on this scale
(docs/setup.md). A lead's "prioritise" sets `LEAD_PRIORITY`, above anything a file says.
"""

from __future__ import annotations

from app.domain.fields import FieldProblem, shown, whole_number

LOWEST, HIGHEST = -9, 9
LEAD_PRIORITY = 9  # app/services/lead/exceptions.py URGENT_PRIORITY: a lead's decision
PRIORITY_WORDS = {
    "low": -1,
    "低": -1,
    "normal": 0,
    "普通": 0,
    "high": 1,
    "高": 1,
    "urgent": 2,
    "express": 2,
    "加急": 2,
}


def parse_priority(value: object) -> int:
    """A word (any case) or a whole number within LOWEST..HIGHEST; empty is normal (0)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in PRIORITY_WORDS:
            return PRIORITY_WORDS[word]
    try:
        return whole_number(value, "priority", LOWEST, HIGHEST)
    except FieldProblem:
        raise FieldProblem(
            "unknown_priority",
            value=shown(value),
            accepted=", ".join(PRIORITY_WORDS),
            minimum=LOWEST,
            maximum=HIGHEST,
        ) from None
