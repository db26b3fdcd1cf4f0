"""Offline, a tote the station does not hold is refused with what happened and what to do."""

from __future__ import annotations

import os
from types import SimpleNamespace

from PySide6.QtCore import QSettings

from app.cli.packing import packer_home_factory, stop_packing
from app.scanning.interpret import interpret
from db.engine import make_engine
from db.station_store import StationStore
from db.sync import SyncEngine
from db.uow import SqlUnitOfWork
from tests.ui.packer.conftest import PACKER
from ui.worker import DatabaseWorker


def test_an_unknown_tote_offline_tells_the_packer_what_to_do(qtbot, central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", "PACK-02")
    dead = make_engine(f"sqlite:///{tmp_path / 'gone' / 'central.sqlite'}")
    offline_central = SimpleNamespace(uow=lambda: SqlUnitOfWork(dead))  # the network is down
    parts: dict = {"worker": DatabaseWorker(), "station_store": store}
    ini = str(tmp_path / "station.ini")
    make_home = packer_home_factory(
        offline_central, "PACK-02", parts, lambda: QSettings(ini, QSettings.Format.IniFormat)
    )
    SyncEngine(store, central.engine, pullers=parts["pullers"], listen=False).sync_once()
    home = make_home(PACKER)
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.show()
    try:
        home.handle_scan(interpret("T:9999"))
        qtbot.waitUntil(lambda: "reached" in home.message.text(), timeout=10000)
        text = home.message.text()
        assert "central cannot be reached" in text and "scan this one again" in text
        assert home.session is None
        if os.environ.get("SHIPSHAPE_SCREENSHOTS"):
            home.grab().save(
                os.path.join(os.environ["SHIPSHAPE_SCREENSHOTS"], "packer-offline.png")
            )
    finally:
        stop_packing(parts)
        parts["worker"].shutdown()
