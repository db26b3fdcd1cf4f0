"""Redaction, CSV neutralisation, control characters and SQL detail masking (app/domain/safe_text)."""

from __future__ import annotations

import json

import pytest

from app.bootstrap import redacted
from app.domain.safe_text import (
    csv_cell,
    escape_controls,
    escape_terminal_output,
    mask_sql_detail,
    one_line_error,
    redact_url,
    redact_urls,
    without_controls,
)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:p@ssW0rd@127.0.0.1/db", "postgresql://***@127.0.0.1/db"),
        ("postgresql://u:secret@db.example:5432/wh", "postgresql://***@db.example:5432/wh"),
        ("postgresql+psycopg://u:s3cr@t@h/db", "postgresql+psycopg://***@h/db"),
        ("postgresql://u:a@b@c@h/db?sslmode=require", "postgresql://***@h/db?sslmode=require"),
        ("postgresql://u:pa/ss?w@h/db", "postgresql://***@h/db"),
        ("postgresql://alice@h/db", "postgresql://***@h/db"),
        ("postgresql://h/db?user=x", "postgresql://h/db?user=x"),
        ("postgresql:///db?host=/run/postgresql", "postgresql:///db?host=/run/postgresql"),
        ("sqlite:////tmp/central.sqlite", "sqlite:////tmp/central.sqlite"),
        ("sqlite:///rel/dir@x/central.sqlite", "sqlite:///rel/dir@x/central.sqlite"),
        ("sqlite://", "sqlite://"),
        (
            "postgresql:///db?user=u&password=x@y&sslmode=require",
            "postgresql:///db?user=u&password=***&sslmode=require",
        ),
    ],
)
def test_every_url_form_loses_its_credentials(url, shown):
    assert redact_url(url) == shown
    assert redacted(url) == shown


def test_no_password_fragment_survives_in_an_error_message():
    message = (
        "connection to postgresql://u:p@ssW0rd@127.0.0.1/db failed: "
        "[Errno -2] failed to resolve host 'ssW0rd@127.0.0.1': Name or service not known"
    )
    shown = redact_urls(message)
    assert "ssW0rd" not in shown and "p@" not in shown
    assert "host '***@127.0.0.1'" in shown and "postgresql://***@127.0.0.1/db" in shown


def test_unexpected_errors_become_one_masked_line():
    error = RuntimeError(
        "(psycopg.errors.UniqueViolation) duplicate key\n"
        "DETAIL:  Key (order_id)=(Jane Doe, 1 Main St) already exists.\n"
        "[SQL: INSERT INTO orders (ship_to) VALUES (%(ship_to)s)]\n"
        "[parameters: {'ship_to': {'name': 'Jane Doe', 'street1': '1 Main St'}}]"
    )
    assert one_line_error(error) == "(psycopg.errors.UniqueViolation) duplicate key"
    logged = mask_sql_detail(str(error))
    assert "Jane" not in logged and "Main St" not in logged
    assert "[parameters: ***]" in logged and "INSERT INTO orders" in logged


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1+1", "'+1+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Pia", "Pia"),
        ("-3", "-3"),
        ("-2.50", "-2.50"),
        ("+4", "+4"),
        (-3, -3),
        (-1.5, -1.5),
        ("", ""),
    ],
)
def test_csv_cells_never_start_a_formula_but_numbers_stay_numbers(value, written):
    assert csv_cell(value) == written


def test_detail_lines_lose_their_values():
    row = "DETAIL:  Failing row contains (42, web, Jane Roe, 7 Hidden Lane)."
    assert mask_sql_detail(row) == "DETAIL:  Failing row contains (***)."
    key = "DETAIL:  Key (channel, order_id)=(web, Jane's order) already exists."
    assert mask_sql_detail(key) == "DETAIL:  Key (channel, order_id)=(***) already exists."


def test_control_and_bidi_characters_are_shown_not_sent():
    assert escape_controls("SO-\x1b[2J1") == "SO-\\u001b[2J1"
    assert escape_controls("B:\u202e1001") == "B:\\u202e1001"
    assert escape_controls("Zoë 张") == "Zoë 张"
    assert without_controls("A\x07B\x1b\u202eC\x85") == "ABC"


def test_terminal_escaping_keeps_lines_and_json_meaning():
    line = json.dumps({"order_id": "SO-\x9b1\u2066"}, ensure_ascii=False) + "\r\n"
    shown = escape_terminal_output(line)
    assert "\x9b" not in shown and "\u2066" not in shown and shown.endswith("\r\n")
    assert json.loads(shown) == {"order_id": "SO-\x9b1\u2066"}
    assert escape_terminal_output("a\tb\nc\rd") == "a\tb\nc\\u000dd"
