"""`shipshape intake --watch DIR` as a real service on a SQLite central: files written slowly,
renamed in, broken, partly bad; the service killed with SIGKILL mid-import and restarted. Every
order is imported exactly once and every file ends in done/ or failed/."""

from __future__ import annotations

import os
import signal
import time

import pytest

from app.services.watch_folder import Settling, is_order_file
from tests.integration.intake.watch_support import (
    HEADER,
    counts,
    eventually,
    finished,
    order_lines_csv,
    start_watcher,
    stop,
    write_slowly,
    write_then_rename,
)
from tests.integration.site_files import import_site, order_row


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    import_site(run_cli, sqlite_url, tmp_path / "site")
    return sqlite_url


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_only_settled_order_files_are_taken(tmp_path):
    for name, text in {
        "a.csv": "x",
        "b.JSON": "x",
        ".hidden.csv": "x",
        "c.csv.tmp": "x",
        "d.csv.part": "x",
        "e.txt": "x",
        "empty.csv": "",
    }.items():
        (tmp_path / name).write_text(text)
    assert not is_order_file("~lock.csv") and is_order_file("orders.2026-12-04.csv")
    settling = Settling(seconds=1.0)
    assert settling.ready(tmp_path, now=100.0) == ([], 2)
    ready, still = settling.ready(tmp_path, now=101.0)
    assert [p.name for p in ready] == ["a.csv", "b.JSON"] and still == 0
    (tmp_path / "a.csv").write_text("xy")  # grew: settles again from now
    ready, still = settling.ready(tmp_path, now=101.5)
    assert [p.name for p in ready] == ["b.JSON"] and still == 1


def test_slow_renamed_bad_and_partly_bad_files(site, inbox, run_cli):
    watcher = start_watcher(site, inbox, settle=1.0)
    try:
        slow = write_slowly(inbox / "slow.csv", order_lines_csv("SLOW", 300), chunks=12, pause=0.3)
        write_then_rename(inbox / "renamed.csv", order_lines_csv("REN", 50))
        (inbox / "broken.csv").write_bytes(b"channel,order_id\n\xff\xfe not utf-8\n")
        partly = [*order_lines_csv("PART", 3), order_row("PART-BAD", "NOSUCH", "1")]
        partly.append(order_row("PART-QTY", "BOLT", "0"))
        write_then_rename(inbox / "partly.csv", partly)
        write_then_rename(inbox / "all-bad.csv", [order_row("X-1", "NOSUCH")])
        slow.join()
        names = ("slow.csv", "renamed.csv", "broken.csv", "partly.csv", "all-bad.csv")
        eventually(lambda: finished(inbox, *names))
    finally:
        output = stop(watcher)
    done, failed = inbox / "done", inbox / "failed"
    assert sorted(p.name for p in done.iterdir()) == [
        "partly.csv",
        "partly.csv.errors.txt",
        "renamed.csv",
        "slow.csv",
    ], output
    assert sorted(p.name for p in failed.iterdir()) == [
        "all-bad.csv",
        "all-bad.csv.errors.txt",
        "broken.csv",
        "broken.csv.errors.txt",
    ]
    errors = (done / "partly.csv.errors.txt").read_text().splitlines()
    assert errors[0] == "partly.csv: 2 rejected (each line: the order, its rows, why)"
    assert errors[1] == "web/PART-BAD: row 5: unknown SKU 'NOSUCH'"
    assert errors[2].startswith("web/PART-QTY: row 6: quantity '0' is not a positive integer")
    assert "not UTF-8" in (failed / "broken.csv.errors.txt").read_text()
    # The slow file was read whole, once: all its orders, none rejected half-written.
    assert counts(site) == {"orders": 353, "distinct": 353, "lines": 353, "received": 353}
    assert "slow.csv: 300 imported, 0 already in, 0 rejected -> done/slow.csv" in output


def test_killed_mid_import_and_restarted_imports_every_order_once(site, inbox):
    total = 12_000  # twelve transactions of 1,000 orders
    write_then_rename(inbox / "big.csv", order_lines_csv("BIG", total))
    write_then_rename(inbox / "small.csv", order_lines_csv("SMALL", 10))
    for kill_after in (1_000, 5_000):  # killed twice, at different points of the same file
        watcher = start_watcher(site, inbox, settle=0.2)

        def some_imported(at_least=kill_after) -> bool:
            """the watcher has committed some of big.csv, not all of it"""
            return counts(site)["orders"] >= at_least

        eventually(some_imported, every=0.01)
        os.kill(watcher.pid, signal.SIGKILL)
        watcher.communicate(timeout=30)
        assert watcher.returncode == -signal.SIGKILL
        # Killed mid-file: the file waits in .processing/ with part of its orders in.
        assert (inbox / ".processing" / "big.csv").exists()
        assert kill_after <= counts(site)["orders"] < total + 10
    once = start_watcher(site, inbox, "--once", settle=0.2)
    output, _ = once.communicate(timeout=120)
    assert once.returncode == 0, output
    assert finished(inbox, "big.csv", "small.csv"), output
    assert not list((inbox / ".processing").iterdir())
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["big.csv", "small.csv"]
    assert not list((inbox / "failed").iterdir())
    n = total + 10
    assert counts(site) == {"orders": n, "distinct": n, "lines": n, "received": n}


def test_once_waits_for_a_file_still_being_written_and_names_repeat(site, inbox):
    (inbox / "done").mkdir()
    (inbox / "done" / "day.csv").write_text(HEADER + "\n")  # yesterday's file of the same name
    writer = write_slowly(inbox / "day.csv", order_lines_csv("DAY", 40), chunks=5, pause=0.2)
    time.sleep(0.1)
    once = start_watcher(site, inbox, "--once", settle=0.5)
    output, _ = once.communicate(timeout=60)
    writer.join()
    assert once.returncode == 0, output
    assert (inbox / "done" / "day.1.csv").read_text().count("\n") == 41
    assert counts(site)["orders"] == 40
    assert "day.csv: 40 imported, 0 already in, 0 rejected -> done/day.1.csv" in output
