"""One unreadable row must not stop the floor on PostgreSQL: a `ship_by` in the year 10000 or
`infinity` (psycopg: "timestamp too large"), an address that is JSON but not an address."""

from __future__ import annotations

import pytest

from tests.integration.unreadable_rows import check_listings_skip_unreadable_rows

pytestmark = pytest.mark.pg


def test_listings_skip_and_report_rows_that_cannot_be_read(tmp_path, pg_url, run_cli):
    check_listings_skip_unreadable_rows(tmp_path, pg_url, run_cli, "postgresql")
