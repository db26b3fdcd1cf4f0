"""`build_station(settings)`: one floor station, built in order and started last.

Build order (nothing runs yet): the central database → the station store → the sync engine
(its `on_status`/`on_work` go to the UI-thread bridge) → the backends the screens use (bound
to that engine, so no late binding) → the database worker → the window. `Station.start()`
then starts the threads: serial devices, the sync thread, and shows the window;
`Station.run()` is what `shipshape run` calls; `Station.stop()` stops them again.

UI thread throughout. Tests, benches and screenshots build their stations here too
(`window=False` for a station without its window, e.g. one packer home).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import Central, integration_store, open_central
from app.domain.dispatch import Manifest
from app.domain.users import Role, User
from app.services import demo, warehouses
from app.services.counting_central import CentralCountBackend
from app.services.dispatch_central import CentralDispatchBackend
from app.services.lead.console import LeadConsole
from app.services.moves import CentralMoveBackend
from app.services.packing_central import CentralPackingBackend
from app.services.picking_central import CentralPickingBackend
from app.services.ports import (
    CountBackend,
    DispatchBackend,
    MoveBackend,
    PackingBackend,
    PickingBackend,
    ReceivingBackend,
    ReturnsBackend,
)
from app.services.receiving_central import CentralReceivingBackend
from app.services.returns_central import CentralReturnsBackend
from db.station.backend import StationPickingBackend
from db.station.counting import CountPuller, StationCountBackend
from db.station.dispatch import DispatchPuller, StationDispatchBackend
from db.station.moving import MovePuller, StationMoveBackend
from db.station.packing import PackingPuller, StationPackingBackend
from db.station.pull import Puller
from db.station.receiving import ReceivingPuller, StationReceivingBackend
from db.station.returning import ReturnsPuller, StationReturnsBackend
from db.station.sign_in import StationSignIn
from db.station.store import StationStore
from db.station.sync import SyncEngine
from devices.link import SerialLink
from devices.station import DeviceSettings, start_devices, stop_devices
from printing.manifest import write_manifest
from station.login import seed_first_start, store_of_station_login
from station.packing import PackingStation
from station.reports import SyncReports
from station.sign_in import StationServices
from ui.app import install_scan_filter, prepare_application
from ui.bridge import DeviceBridge, MainThreadBridge
from ui.clerk import ClerkHome, MovePage
from ui.clerk.counting import CountPage
from ui.clerk.receiving import ReceivingPage
from ui.diagnostics import DiagnosticsView
from ui.home import RoleHome
from ui.lead import LeadHome
from ui.loader import LoaderHome
from ui.main_window import MainWindow
from ui.picker import PickerHome
from ui.returns.page import ReturnsPage
from ui.sync_status import SyncStatusWidget
from ui.worker import DatabaseWorker, Worker

MANIFEST_DIR = "~/.shipshape/manifests"


@dataclass(frozen=True)
class StationSettings:
    """What `shipshape run` takes from its options and the environment."""

    name: str
    database: str | None = None  # None: $SHIPSHAPE_DATABASE_URL or the embedded SQLite file
    store_path: str | None = None  # offline-first from this store, synced with central
    fullscreen: bool = False
    seed_demo: bool = True  # seed the demo site into an empty database
    devices: DeviceSettings = field(default_factory=DeviceSettings.from_env)
    spool_dir: str | None = None  # None: $SHIPSHAPE_SPOOL_DIR or ~/.shipshape/spool
    window_settings: Callable[[], QSettings] = QSettings  # language and window state
    printer_settings: Callable[[], QSettings] = QSettings  # the packing printer choice
    argv: Sequence[str] | None = None  # for the QApplication (None: sys.argv)
    listen: bool = True  # LISTEN/NOTIFY on PostgreSQL (else the sync thread polls)
    keyboard_wedge: bool = True  # route keyboard-wedge scans to the window (tests bring their own)
    manifest_dir: str | None = None  # None: $SHIPSHAPE_MANIFEST_DIR or ~/.shipshape/manifests
    warehouse: str | None = None  # its home (a code); None: the first warehouse, no limit


@dataclass
class Station:
    settings: StationSettings
    central: Central
    worker: Worker  # the station's one database thread: sign-in and every home's use cases
    bridge: MainThreadBridge  # every other thread reaches the UI through it
    devices: DeviceBridge
    reports: SyncReports
    sign_in: StationServices
    picking: PickingBackend
    packing: PackingStation
    store: StationStore | None = None
    sync: SyncEngine | None = None
    window: MainWindow | None = None
    links: list[SerialLink] = field(default_factory=list)
    owns_central: bool = True  # opened here, so closed here
    started: bool = False

    @property
    def name(self) -> str:
        return self.settings.name

    def home_factories(self) -> dict[Role, Callable[[User], QWidget]]:
        """Role → function(user) → home screen (UI thread, after sign-in)."""
        return {
            Role.PICKER: self.picker_home,
            Role.PACKER: self.packing.make_home,
            Role.LEAD: self.lead_home,
            Role.LOADER: self.loader_home,
            Role.CLERK: self.clerk_home,
            Role.RETURNS: self.returns_home,
        }

    def picker_home(self, user: User) -> PickerHome:
        home = PickerHome(user, self.picking, self.worker, self.name)
        self.reports.picker_home = home  # the sync thread's news of work goes to it
        return home

    def loader_home(self, user: User) -> LoaderHome:
        # Each parcel is checked against central as it is now when central answers (held
        # since packing?), else against the dock as last pulled (docs/dispatch.md).
        return LoaderHome(user, self.dispatch_backend(), self.worker, self.name)

    def clerk_home(self, user: User) -> QWidget:
        pages = self.clerk_pages(user)
        return ClerkHome(user, pages) if pages else RoleHome(user)

    def clerk_pages(self, user: User) -> dict[str, Callable[[], QWidget]]:
        """The stock clerk's jobs (docs/stock.md): job command → a function making its page."""
        return {
            "RECEIVE": lambda: ReceivingPage(
                user, self.receiving_backend(), self.worker, self.name
            ),
            "COUNT": lambda: CountPage(user, self.count_backend(), self.worker, self.name),
            "MOVE": lambda: MovePage(user, self.move_backend(), self.worker, self.name),
        }

    def returns_home(self, user: User) -> QWidget:
        """The returns clerk's station (docs/returns.md)."""
        return ReturnsPage(user, self.returns_backend(), self.worker, self.name)

    def returns_backend(self) -> ReturnsBackend:
        return self._offline_first(CentralReturnsBackend, StationReturnsBackend)

    def receiving_backend(self) -> ReceivingBackend:
        return self._offline_first(CentralReceivingBackend, StationReceivingBackend)

    def count_backend(self) -> CountBackend:
        return self._offline_first(CentralCountBackend, StationCountBackend)

    def move_backend(self) -> MoveBackend:
        return self._offline_first(CentralMoveBackend, StationMoveBackend)

    def dispatch_backend(self) -> DispatchBackend:
        return self._offline_first(CentralDispatchBackend, StationDispatchBackend)

    def _offline_first(self, on_central, on_store):
        """A backend on the station store when there is one (offline first: facts durable here,
        look-ups from central while it answers, else from the copy the pullers keep), else
        directly on central (a station without a store)."""
        if self.store is None or self.sync is None:
            return on_central(self.central.uow, self.name)
        sync = self.sync
        return on_store(
            self.store, sync.wake, self.central.uow, self.name, lambda: not sync.status.error
        )

    def lead_home(self, user: User) -> LeadHome:
        outbox = integration_store(self.central)  # the shop and ERP links (Stations tab)
        console = LeadConsole(self.central.uow, user, self.name, self.write_manifest, outbox)
        return LeadHome(console, self.worker)

    def write_manifest(self, manifest: Manifest) -> list[str]:
        """A closed carrier's manifest (PDF, CSV, JSON) into the manifest folder (worker)."""
        chosen = self.settings.manifest_dir or os.environ.get("SHIPSHAPE_MANIFEST_DIR")
        folder = Path(chosen or MANIFEST_DIR).expanduser()
        return [str(p) for p in write_manifest(manifest, folder / f"{manifest.code}.pdf")]

    def start(self) -> None:
        """Start the threads (devices, sync) and show the window."""
        self.started = True
        self.links = start_devices(
            self.settings.devices,
            on_scan=self.devices.on_scan,
            on_weight=self.devices.on_weight,
            on_status=self.devices.on_status,
        )
        if self.sync is not None:
            self.sync.start()
        if self.window is not None:
            if self.settings.fullscreen:
                self.window.showFullScreen()
            else:
                self.window.show()

    def run(self) -> int:
        """Start, run the event loop until the window closes, stop; the exit status."""
        app = QApplication.instance()
        assert app is not None, "build_station makes the QApplication"
        self.start()
        try:
            return app.exec()
        finally:
            self.stop()

    def stop(self) -> None:
        self._drop_home()
        self.worker.shutdown()  # queued use cases finish first
        stop_devices(self.links)
        self.links = []
        self.packing.stop()
        if self.sync is not None and self.started:
            self.sync.stop()
        self.started = False
        if self.owns_central:
            self.central.close()

    def _drop_home(self) -> None:
        # The home's timers must not ask the stopped worker for more (a window outlives its
        # station in tests; in `run` the event loop has ended anyway).
        window = self.window
        if window is None or not shiboken6.isValid(window):
            return
        home = window.home
        window.sign_out()
        if home is not None and shiboken6.isValid(home):
            shiboken6.delete(home)


def build_station(
    settings: StationSettings,
    *,
    central: Central | None = None,
    store: StationStore | None = None,
    worker: Worker | None = None,
    window: bool = True,
) -> Station:
    """A station built in order, its threads not started. `central`, `store` and `worker`
    replace what the settings would open (tests: a copied demo database, a store that
    synced earlier, a SynchronousWorker)."""
    if window and QApplication.instance() is None:
        prepare_application(settings.argv)
    owns_central = central is None
    central = central or _open_central(settings)
    _home(central, settings.warehouse)
    store = store or _open_store(settings, central)
    bridge = MainThreadBridge()
    reports = SyncReports(bridge)
    # What the packer, loader and clerk homes need besides pick work (the dock only once a
    # loader signed in here, receiving once a clerk did, the replenishment tasks once a clerk
    # opened the move page).
    pullers: list[Puller] = (
        [
            PackingPuller(store),
            DispatchPuller(store),
            ReceivingPuller(store),
            ReturnsPuller(store),
            CountPuller(store),
            MovePuller(store),
        ]
        if store is not None
        else []
    )
    sync = None
    if store is not None:
        sync = SyncEngine(
            store,
            central.engine,
            on_status=reports.sync_status,
            on_work=reports.work,
            pullers=pullers,
            listen=settings.listen,
            warehouse=central.warehouse,
        )
    sign_in, picking, packing = _backends(central, settings.name, store, sync)
    worker = worker or DatabaseWorker()
    devices = DeviceBridge(bridge=bridge)
    has_scale = settings.devices.scale is not None  # a typed weight then needs a lead
    packing_station = PackingStation(
        packing,
        settings.name,
        worker,
        devices,
        has_scale,
        settings.printer_settings,
        settings.spool_dir,
    )
    station = Station(
        settings,
        central,
        worker,
        bridge,
        devices,
        reports,
        sign_in,
        picking,
        packing_station,
        store,
        sync,
        owns_central=owns_central,
    )
    if window:
        station.window = _build_window(station)
    return station


def _open_central(settings: StationSettings) -> Central:
    central = open_central(settings.database)
    if settings.seed_demo and not demo.is_seeded(central.uow()):
        seed_first_start(central)
    return central


def _home(central: Central, code: str | None) -> None:
    """The station works for this warehouse from now on; an unknown code is BadInput."""
    if code is not None:
        home = warehouses.choose_warehouse(central.uow(), code)
        central.warehouse = home.code if home else None


def _open_store(settings: StationSettings, central: Central) -> StationStore | None:
    path = settings.store_path or store_of_station_login(central, settings.name)
    return StationStore(Path(path).expanduser(), settings.name) if path else None


def _backends(
    central: Central, station: str, store: StationStore | None, sync: SyncEngine | None
) -> tuple[StationServices, PickingBackend, PackingBackend]:
    """Sign-in, picking and packing on the station store (offline first) when there is one,
    else straight on central."""
    sign_in = StationServices(central.uow, station, here=central.warehouse)
    if store is None or sync is None:
        on_central = CentralPickingBackend(central.uow, station)
        return sign_in, on_central, CentralPackingBackend(central.uow, station)
    sign_in.local = StationSignIn(
        store, sync.wake, sign_in.user_on_central, station, central.warehouse
    )
    # A claim asks the door on the worker thread; the sync thread may have found it already.
    picking = StationPickingBackend(store, sync.wake, central.uow, station, lambda: sync.door)

    def central_reachable() -> bool:
        # The sync thread's last round: an error means offline, so the worker does not wait
        # on a dead network. Before the first round, try.
        return not sync.status.error

    packing = StationPackingBackend(store, sync.wake, central.uow, station, central_reachable)
    return sign_in, picking, packing


def _build_window(station: Station) -> MainWindow:
    window = MainWindow(
        station.sign_in,
        station.worker,
        station.settings.window_settings(),
        station=station.name,
        home_factories=station.home_factories(),
    )
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wedge = install_scan_filter(app, window) if station.settings.keyboard_wedge else None
    window.scan_filter = wedge  # kept alive by the window
    station.devices.scan.connect(window.handle_scan)
    window.diagnostics_factory = lambda: DiagnosticsView(station.devices, wedge=wedge)
    if station.sync is not None:
        widget = SyncStatusWidget(window)
        window.statusBar().addPermanentWidget(widget, 1)
        station.reports.status_widget = widget
    return window
