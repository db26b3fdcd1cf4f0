"""`shipshape run`: the station application (what `make run` starts).

The composition root of the desktop app: it opens the central database (seeding the demo site
on first start), builds the use-case facades the UI calls (each runs on the one database worker
thread), starts serial devices and hands everything to `ui.app.run_app`.
"""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path

import platformdirs

from app.bootstrap import open_central, redacted
from app.cli.common import add_database_option
from app.domain.users import Role
from app.errors import NotAllowed, NotSetUp
from app.messages import message
from app.services import demo, users


class StationServices:
    """The sign-in use case bound to this station. Methods run on the database worker thread.
    With a station store, people sign in from its copy of the users (offline too)."""

    def __init__(self, central, station: str, parts: dict | None = None) -> None:
        self.central, self.station = central, station
        self.local = None
        if parts and "station_store" in parts:
            from app.cli.stations import station_sign_in

            self.local = station_sign_in(self._user_on_central, station, parts)

    def sign_in(self, badge: str, pin: str | None):
        if self.local is not None:
            return self.local.sign_in(badge, pin)
        return self._on_central(badge, pin)

    def _on_central(self, badge: str, pin: str | None):
        return users.sign_in(self.central.uow(), badge, pin, self.station)

    def _user_on_central(self, badge: str):
        """Read only: a station with a store records the sign-in itself (its login may not)."""
        return users.find_user(self.central.uow(), badge)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="open the station app (seeds the demo site on first start)")
    add_database_option(p)
    p.add_argument(
        "--station",
        default=os.environ.get("SHIPSHAPE_STATION") or socket.gethostname(),
        help="this station's name (default: $SHIPSHAPE_STATION or the host name)",
    )
    p.add_argument("--fullscreen", action="store_true", help="for a dedicated floor terminal")
    p.add_argument("--no-demo", action="store_true", help="do not seed an empty database")
    p.add_argument(
        "--station-store",
        metavar="PATH",
        default=os.environ.get("SHIPSHAPE_STATION_STORE"),
        help="work offline-first from this local store, synced with central (default: "
        "$SHIPSHAPE_STATION_STORE; without it pickers work on central directly)",
    )
    p.set_defaults(func=_run)


def _seed_first_start(central) -> None:
    """The demo on an empty site, as its set-up identity; a station or lead login cannot."""
    try:
        setup = central.setup_identity()
    except NotSetUp:
        print(f"{redacted(central.url)} has no users, and this login is not its owner: "
              "set the site up first (shipshape migrate --first-lead, docs/setup.md)")  # fmt: skip
        return
    print(f"first start: seeding the demo site into {redacted(central.url)}")
    demo.seed_demo(central.uow(), setup)


def _store_of_station_login(central, station: str) -> str | None:
    """A station login writes only through the narrow door, so it always works from a store
    (by default in the user's data folder); and only as the station it is registered for."""
    from db.fact_door import may_write, station_of_login

    registered = station_of_login(central.engine)
    if registered is None:
        if not may_write(central.engine):
            raise NotAllowed(message("station.login_not_registered", station=station))
        return None
    if registered != station:
        raise NotAllowed(message("station.login_elsewhere", station=station, registered=registered))
    path = Path(platformdirs.user_data_dir("shipshape")) / f"station-{station}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"station login for {station}: working offline-first from {path}")
    return str(path)


def _run(args) -> int:
    central = open_central(args.database)
    if not args.no_demo and not demo.is_seeded(central.uow()):
        _seed_first_start(central)
    from app.cli.packing import stop_packing
    from devices.station import DeviceSettings, start_devices, stop_devices
    from ui.app import run_app
    from ui.bridge import DeviceBridge
    from ui.diagnostics import DiagnosticsView
    from ui.worker import DatabaseWorker

    parts: dict = {}
    args.station_store = args.station_store or _store_of_station_login(central, args.station)
    if args.station_store:  # offline-first: the sync thread starts in on_ready
        from app.cli.stations import open_station_store

        parts["station_store"] = open_station_store(args.station_store, args.station)

    def on_ready(window) -> None:
        # UI thread, before the event loop: device threads report through the bridge.
        bridge = parts["bridge"] = DeviceBridge(window)
        bridge.scan.connect(window.handle_scan)
        parts["links"] = start_devices(
            DeviceSettings.from_env(),
            on_scan=bridge.on_scan,
            on_weight=bridge.on_weight,
            on_status=bridge.on_status,
        )
        window.diagnostics_factory = lambda: DiagnosticsView(bridge, wedge=window.scan_filter)
        if "station_store" in parts:
            from app.cli.stations import start_station_sync

            start_station_sync(window, central, parts)

    def station_worker() -> DatabaseWorker:
        # The station's one database thread: sign-in and every home's use cases run on it, in
        # order (made by run_app once the QApplication exists).
        parts["worker"] = DatabaseWorker()
        return parts["worker"]

    try:
        return run_app(
            StationServices(central, args.station, parts),
            station_worker,
            station=args.station,
            fullscreen=args.fullscreen,
            home_factories=home_factories(central, args.station, parts),
            on_ready=on_ready,
        )
    finally:
        stop_devices(parts.get("links", []))
        stop_packing(parts)
        if "sync" in parts:
            parts["sync"].stop()
        central.close()


def home_factories(central, station: str, parts: dict) -> dict:
    """Role → function(user) → home screen. Each role's issue plugs its screen in here."""
    from app.cli.lead import lead_home_factory
    from app.cli.packing import packer_home_factory
    from app.cli.stations import station_picking_backend
    from app.services.picking_central import CentralPickingBackend
    from ui.picker import PickerHome

    picking = station_picking_backend(central, station, parts) or CentralPickingBackend(
        central.uow, station
    )
    return {
        Role.PICKER: lambda user: PickerHome(user, picking, parts["worker"], station),
        Role.PACKER: packer_home_factory(central, station, parts),
        Role.LEAD: lead_home_factory(central, station, parts),
    }


__all__ = ["Role", "StationServices", "home_factories"]
