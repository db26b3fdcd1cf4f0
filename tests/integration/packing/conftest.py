"""Fixtures of the packing integration tests: a copy of the demo central, and one that is gone."""

from __future__ import annotations

import pytest

from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.packing.packing_site import demo_central


@pytest.fixture
def central(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    yield central
    central.close()


@pytest.fixture
def dead_central(tmp_path):
    """A central database that cannot be reached: every connection attempt fails."""
    engine = make_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'central.sqlite'}")
    yield lambda: SqlUnitOfWork(engine)
    engine.dispose()
