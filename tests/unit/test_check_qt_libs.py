"""tools/check-qt-libs.sh: what `make run` says when Qt's xcb plugin lacks system libraries."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "check-qt-libs.sh"
LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => not found
\tlibweird.so.9 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def _venv(tmp_path: Path) -> Path:
    platforms = tmp_path / "venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms"
    platforms.mkdir(parents=True)
    (platforms / "libqxcb.so").write_bytes(b"")
    return tmp_path / "venv"


def _fake_ldd(tmp_path: Path, output: str) -> Path:
    (tmp_path / "ldd.txt").write_text(output)
    ldd = tmp_path / "fake-ldd"
    ldd.write_text(f"#!/bin/sh\ncat '{tmp_path / 'ldd.txt'}'\n")
    ldd.chmod(0o755)
    return ldd


def _run(venv: Path, ldd: Path | None = None, platform: str = "xcb"):
    env = dict(os.environ, QT_QPA_PLATFORM=platform, SHIPSHAPE_QT_LIBS_NO_INSTALL="1")
    if ldd is not None:
        env["LDD"] = str(ldd)
    return subprocess.run(
        ["sh", str(SCRIPT), str(venv)], env=env, capture_output=True, text=True, check=False
    )


def test_missing_libraries_are_named_with_the_one_apt_get_line(tmp_path):
    result = _run(_venv(tmp_path), _fake_ldd(tmp_path, LDD_MISSING))
    assert result.returncode == 1
    (line,) = [x for x in result.stderr.splitlines() if "apt-get install" in x]
    assert line.split() == [
        "sudo",
        "apt-get",
        "install",
        "-y",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
    ]
    assert "libweird.so.9" in result.stderr  # no known package: still named


def test_nothing_missing_passes_quietly(tmp_path):
    result = _run(_venv(tmp_path), _fake_ldd(tmp_path, "\tlibc.so.6 => /lib/libc.so.6\n"))
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("platform", ["offscreen", "minimal"])
def test_skipped_without_a_window_system(tmp_path, platform):
    result = _run(_venv(tmp_path), _fake_ldd(tmp_path, LDD_MISSING), platform=platform)
    assert result.returncode == 0


def test_skipped_when_there_is_no_xcb_plugin(tmp_path):
    result = _run(tmp_path / "no-venv", _fake_ldd(tmp_path, LDD_MISSING))
    assert result.returncode == 0


def test_this_machine_with_the_real_ldd():
    venv = SCRIPT.parents[1] / ".venv"
    if not list(venv.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so")):
        pytest.skip("no PySide6 xcb plugin in .venv")
    result = _run(venv)
    assert result.returncode in (0, 1)
    if result.returncode:
        assert "apt-get install -y" in result.stderr
