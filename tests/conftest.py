"""Shared fixtures: a migrated SQLite central database per test, and the CLI as a function."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main as cli_main

pytest_plugins = ["tests.demo_site"]  # seeded_demo, demo_central

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo"


@pytest.fixture(autouse=True, scope="session")
def _log_files_in_a_temporary_folder(tmp_path_factory):
    """The CLI writes its masked error log under the user's state folder: not during tests."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    yield
    patch.undo()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'central.sqlite'}"


@pytest.fixture
def run_cli(capsys):
    """Run `shipshape ARGS`; return (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = cli_main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    return target
