"""One unreadable row must not stop the floor (SQLite): see tests/integration/unreadable_rows.py."""

from __future__ import annotations

from tests.integration.unreadable_rows import check_listings_skip_unreadable_rows


def test_listings_skip_and_report_rows_that_cannot_be_read(tmp_path, sqlite_url, run_cli):
    check_listings_skip_unreadable_rows(tmp_path, sqlite_url, run_cli, "sqlite")
