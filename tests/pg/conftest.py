"""PostgreSQL tests: a fresh database per test, on the server SHIPSHAPE_TEST_PG_URL names.

Without the variable these tests are skipped, and the skip says so (CI sets it in .ci/run).
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db.engine import normalize_url
from tests.integration.sync.support import applier_running

PG_URL = os.environ.get("SHIPSHAPE_TEST_PG_URL")


def pytest_collection_modifyitems(items):
    if PG_URL:
        return
    skip = pytest.mark.skip(reason="SHIPSHAPE_TEST_PG_URL is not set: PostgreSQL tests skipped")
    for item in items:
        if "tests/pg/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture
def pg_url():
    """The URL of a new, empty database, dropped after the test."""
    server = make_url(normalize_url(PG_URL))
    name = f"shipshape_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def applier(pg_url):
    """Central's `shipshape apply-facts` for this test's database: station logins' facts wait
    in its inbox until it applies them."""
    with applier_running(pg_url) as running:
        yield running
