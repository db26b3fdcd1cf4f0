"""`shipshape scan-parse` in-process: the same interpretation, the fixed JSON line."""

import json

import pytest

from app.cli import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_is_one_line_with_every_interface_field(capsys):
    status, out, err = run(capsys, "scan-parse", "]C10109501101020917\x1d10ABC", "--json")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0]) == {
        "raw": "]C10109501101020917\x1d10ABC",
        "symbology": "GS1_128",
        "kind": "product",
        "gtin": "09501101020917",
        "sscc": None,
        "lot": "ABC",
        "serial": None,
        "expiry": None,
        "quantity": None,
        "error": None,
        "code": None,
        "best_before": None,
    }
    assert "\\u001d" in lines[0]


def test_invalid_scans_are_reported_not_crashed(capsys):
    status, out, _ = run(capsys, "scan-parse", "4006381333932", "--json")
    scan = json.loads(out)
    assert (status, scan["kind"], scan["gtin"]) == (0, "invalid", None)
    assert "check digit" in scan["error"]


def test_human_output_and_the_separator_option(capsys):
    status, out, _ = run(
        capsys, "scan-parse", "0109501101020917~17250200~10X~3012", "--gs1-separator", "~"
    )
    assert status == 0
    assert out.strip() == "product  GTIN 09501101020917  lot X  expiry 2025-02-28  quantity 12"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["scan-parse", " "], "empty"),
        (["scan-parse", "x", "--gs1-separator", "~~"], "one character"),
        (["scan-listen", "foo://x"], "protocol 'foo' not known"),
        (["scan-listen", "loop://", "--baud", "0"], "baud rate"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and words in err
