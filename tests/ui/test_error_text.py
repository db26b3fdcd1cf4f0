"""What a station shows for an unexpected failure, and what its status bar says when central is
away: one short line, no SQL, no data, no password (docs/security.md)."""

from __future__ import annotations

from db.fact_door import reason as _reason
from ui.messages import error_text

PG_ERROR = RuntimeError(
    "(psycopg.errors.CheckViolation) new row violates check constraint\n"
    "DETAIL:  Failing row contains (42, web, SO-1, Jane Roe, 7 Hidden Lane).\n"
    "[SQL: UPDATE orders SET ship_to=%(ship_to)s]\n"
    "[parameters: {'ship_to': {'street1': '7 Hidden Lane'}}]"
)
OFFLINE = OSError(
    "connection to postgresql://st:p@ssW0rd@central/wh failed: "
    "failed to resolve host 'ssW0rd@central'\x1b[2J"
)


def test_worker_failures_show_one_line_without_sql_or_data():
    shown = error_text(PG_ERROR)
    assert "\n" not in shown and "[SQL" not in shown and "Hidden Lane" not in shown
    assert shown.startswith("RuntimeError: (psycopg.errors.CheckViolation)")


def test_the_status_bar_never_shows_a_password_or_a_control_byte():
    for shown in (error_text(OFFLINE), _reason(OFFLINE)):
        assert "ssW0rd" not in shown and "p@ss" not in shown and "\x1b" not in shown
