"""A demo site for tests that need the whole floor: seeded once per session, copied fresh for
each test. Registered as a plugin in tests/conftest.py."""

from __future__ import annotations

import shutil

import pytest

from app.bootstrap import open_central
from app.services import demo


@pytest.fixture(scope="session")
def seeded_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    central = open_central(f"sqlite:///{path}")
    demo.seed_demo(central.uow(), central.setup_identity())
    central.close()
    return path


@pytest.fixture
def demo_central(seeded_demo, tmp_path):
    path = tmp_path / "central.sqlite"
    shutil.copy(seeded_demo, path)
    central = open_central(f"sqlite:///{path}")
    yield central
    central.close()
