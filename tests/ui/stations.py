"""Stations for the UI tests, built by the composition root (station/) like `shipshape run`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.bootstrap import Central
from db.engine import make_engine
from db.station.packing import PackingPuller
from db.station.store import StationStore
from station import Station, StationSettings, build_station
from ui.worker import DatabaseWorker, Worker


def ini_settings(path: Path):
    """QSettings in a file of the test's own, not the user's."""
    return lambda: QSettings(str(path), QSettings.Format.IniFormat)


def station_on(
    central: Central,
    name: str,
    tmp_path: Path,
    *,
    store: StationStore | None = None,
    worker: Worker | None = None,
    window: bool = False,
    **settings,
) -> Station:
    """A station of `central` (not opened, not closed by it) with its settings in tmp_path."""
    ini = ini_settings(tmp_path / f"{name}.ini")
    station_settings = StationSettings(
        name,
        window_settings=ini,
        printer_settings=ini,
        listen=False,
        keyboard_wedge=False,
        **settings,
    )
    return build_station(
        station_settings,
        central=central,
        store=store,
        worker=worker or DatabaseWorker(),
        window=window,
    )


def unreachable_central(tmp_path: Path) -> Central:
    """A central whose network is down: every connection fails."""
    return Central("sqlite:///gone", make_engine(f"sqlite:///{tmp_path / 'gone' / 'c.sqlite'}"))


def packing_pullers(station: Station) -> list:
    """What the station's sync thread pulls for its packer home."""
    assert station.sync is not None
    return [p for p in station.sync.pullers if isinstance(p, PackingPuller)]
