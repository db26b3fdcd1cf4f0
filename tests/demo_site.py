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


@pytest.fixture(scope="session")
def shipped_demo(seeded_demo, tmp_path_factory):
    """The demo site after one cart was picked, packed, loaded and its carriers but the last
    collected (tests/ui/lead/real_flow.py): shipped orders to return."""
    from tests.ui.lead.real_flow import ship_for_real

    path = tmp_path_factory.mktemp("shipped") / "shipped.sqlite"
    shutil.copy(seeded_demo, path)
    central = open_central(f"sqlite:///{path}")
    closed = ship_for_real(central.engine, carts=2)
    assert closed, "no carrier was collected"
    central.close()
    return path


@pytest.fixture
def shipped_central(shipped_demo, tmp_path):
    path = tmp_path / "central.sqlite"
    shutil.copy(shipped_demo, path)
    central = open_central(f"sqlite:///{path}")
    yield central
    central.close()
