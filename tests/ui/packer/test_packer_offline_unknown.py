"""Offline, a tote the station does not hold is refused with what happened and what to do."""

from __future__ import annotations

import os

from app.scanning.interpret import interpret
from tests.ui.packer.conftest import offline_packer_home


def test_an_unknown_tote_offline_tells_the_packer_what_to_do(qtbot, central, tmp_path):
    with offline_packer_home(qtbot, central, tmp_path) as home:
        home.handle_scan(interpret("T:9999"))
        qtbot.waitUntil(lambda: "reached" in home.message.text(), timeout=10000)
        text = home.message.text()
        assert "central cannot be reached" in text and "scan this one again" in text
        assert home.state is None
        if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
            home.grab().save(
                os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "packer-offline.png")
            )
