"""The count page tests' demo site: a copy of the seeded demo database, the floor stylesheet."""

from __future__ import annotations

import pytest

from station.demo_packing import demo_central
from ui.app import load_fonts, load_stylesheet, use_fonts


@pytest.fixture(scope="module", autouse=True)
def floor_style(qapp):
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def central(tmp_path, tmp_path_factory):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    yield central
    central.close()
