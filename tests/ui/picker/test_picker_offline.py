"""A picker with no list while the station is offline is told why and how much work waits."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.domain.users import Role, User
from db.engine import make_engine
from db.schema import pick_lists
from db.station.backend import StationPickingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork
from ui.app import load_stylesheet
from ui.picker import PickerHome
from ui.worker import SynchronousWorker

PIA = User("李娜", Role.PICKER, "1001")
SHOTS = os.environ.get("SHIPSHAPE_SCREENSHOTS")


def test_offline_without_a_list_the_screen_says_how_many_wait(qtbot, demo_central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", "PICK-11")
    SyncEngine(store, demo_central.engine).sync_once()  # online once: the site copy is filled
    with demo_central.engine.connect() as conn:
        waiting = conn.execute(
            select(func.count()).where(pick_lists.c.status == "released")
        ).scalar_one()
    dead = make_engine(f"sqlite:///{tmp_path / 'gone' / 'central.sqlite'}")  # the network drops
    backend = StationPickingBackend(store, lambda: None, lambda: SqlUnitOfWork(dead), "PICK-11")
    if SHOTS:  # as the station looks (the stylesheet stays for the session: not in CI runs)
        load_stylesheet(QApplication.instance())
    home = PickerHome(PIA, backend, SynchronousWorker(), "PICK-11")
    qtbot.addWidget(home)
    home.resize(1280, 720)
    home.show()
    assert home.state is None and home.pages.currentWidget() is home.idle
    text = home.idle_text.text()
    assert "Offline" in text and f"({waiting} waiting)" in text and "C:NEXT" in text
    if SHOTS:
        home.grab().save(os.path.join(SHOTS, "picker-offline.png"))
