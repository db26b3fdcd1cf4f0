"""Our codes are printable ASCII, and no scan may carry bidi controls (docs/security.md)."""

from __future__ import annotations

import json

import pytest

from app.cli import main as cli_main
from app.scanning.interpret import interpret


@pytest.mark.parametrize(
    "raw",
    ["L:A01\x07\x1b", "T:00\x0001", "B:1001\x7f", "C:CONFIRM\x1b[2J", "PL:12\x9b", "L:A01\u00e9"],
)
def test_our_codes_with_anything_but_printable_ascii_are_invalid(raw):
    scan = interpret(raw)
    assert scan.kind == "invalid" and "printable ASCII" in scan.error
    assert "\x1b" not in scan.error and "\x07" not in scan.error


@pytest.mark.parametrize(
    "raw",
    [
        "B:\u202e1001",
        "L:A01\u2066",
        "4006381333931\u202d",
        "]C1\u202a0104006381333931",
        "SKU\u2069",
    ],
)
def test_bidi_controls_are_refused_in_every_scan(raw):
    scan = interpret(raw)
    assert scan.kind == "invalid" and "direction" in scan.error


def test_clean_codes_still_read():
    assert interpret("L:A01-001-L-1").code == "A01-001-L-1"
    assert interpret("B:1001").kind == "badge"
    assert interpret("C:CONFIRM").code == "CONFIRM"


def test_scan_parse_refuses_them_and_writes_no_raw_control_bytes(capsys):
    assert cli_main(["scan-parse", "--json", "L:A01\x07\x1b"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert json.loads(out)["kind"] == "invalid"
    cli_main(["scan-parse", "B:\u202e1001"])
    out = capsys.readouterr().out
    assert out.startswith("invalid:") and "\u202e" not in out
