"""Two dock stations on the real PostgreSQL, each logged in with the least-privileged station
role (db/roles.sql): one loads online, the other while its network is down, from the dock it
pulled; reconnected, central holds every load exactly once (through the narrow door and the
applier), and the lead's close ships the orders."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.events import Actor
from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services import demo, dispatch_close
from app.steps import dispatch
from db.engine import make_engine
from db.schema import events, orders, packages, parcel_loads
from db.station.dispatch import TOPIC, DispatchPuller, StationDispatchBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork
from station.demo_dispatch import pack_demo_orders
from tests.integration.sync.proxy import CuttableProxy
from tests.integration.sync.support import eventually, station_role_url

LEAD = User("Maria Jansen", Role.LEAD, "1011")


class Dock:
    def __init__(self, name: str, station_url, tmp_path) -> None:
        self.name = name
        self.proxy = CuttableProxy((station_url.host, station_url.port or 5432))
        self.engine = make_engine(station_url.set(port=self.proxy.port).render_as_string(False))
        self.store = StationStore(tmp_path / f"{name}.sqlite", name)
        self.sync = SyncEngine(
            self.store,
            self.engine,
            poll_s=0.1,
            backoff=(0.01, 0.1),
            pullers=[DispatchPuller(self.store)],
        )
        self.backend = StationDispatchBackend(
            self.store,
            self.sync.wake,
            lambda: SqlUnitOfWork(self.engine),
            name,
            central_reachable=lambda: not self.sync.status.error,
        )
        self.sync.start()
        self.state = dispatch.start(Actor("Kofi Mensah", name))

    def use(self, unit: str, carrier: str) -> None:
        self.state = dispatch.on_unit(self.state, unit, self.backend.unit_carrier(unit)).state
        self.state = dispatch.on_scan(self.state, interpret(f"CARRIER:{carrier}")).state

    def load(self, code: str) -> str:
        verdict = dispatch.on_parcel(self.state, code, self.backend.parcel(code))
        self.backend.record(list(verdict.facts))
        if verdict.ok:
            self.state = verdict.state
        return verdict.reason

    def stop(self) -> None:
        self.sync.stop()
        self.engine.dispose()
        self.proxy.close()


def test_two_docks_one_offline_then_the_close(pg_url, tmp_path, applier):
    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    cartons = pack_demo_orders(central, 6, carrier="SF Express")
    docks = [
        Dock(f"dock-{n}", make_url(station_role_url(pg_url, f"dock-{n}")), tmp_path) for n in (1, 2)
    ]
    try:
        for dock in docks:  # a loader's first scan there: the station keeps the dock from now
            assert dock.backend.unit_carrier("CAGE-0") is None
        for dock in docks:
            assert eventually(lambda d=dock: len(d.store.cached(TOPIC)) == len(cartons), 20)
        offline, online = docks
        offline.proxy.refuse = True
        offline.proxy.cut()
        assert eventually(lambda: bool(offline.sync.status.error), 20)
        offline.use("CAGE-1", "SF Express")
        online.use("CAGE-2", "SF Express")
        assert [offline.load(c.sscc) for c in cartons[:3]] == ["order_complete"] * 3
        assert [online.load(c.sscc) for c in cartons[3:]] == ["order_complete"] * 3
        assert offline.store.waiting() >= 3
        offline.proxy.refuse = False
        for dock in docks:
            assert wait_until_drained(dock.sync, 60), f"{dock.name} did not sync"
        assert eventually(lambda: _loads(central) == 6, 30)  # the applier took the inbox
        manifest = dispatch_close.close_carrier(central.uow(), LEAD, "SF Express", "lead-desk")
        assert len(manifest.parcels) == 6 and manifest.orders_shipped == 6
        with central.engine.connect() as conn:
            stored = Counter(
                conn.execute(
                    select(events.c.uuid).where(events.c.kind == "dispatch.loaded")
                ).scalars()
            )
            statuses = set(
                conn.execute(
                    select(orders.c.status).where(orders.c.id.in_([c.order_ref for c in cartons]))
                ).scalars()
            )
        assert len(stored) == 6 and max(stored.values()) == 1
        assert statuses == {"shipped"}
    finally:
        for dock in docks:
            dock.stop()
        central.close()


def _loads(central) -> int:
    with central.engine.connect() as conn:
        return len(conn.execute(select(parcel_loads.c.package_id)).all())


def test_a_lead_desk_login_closes_a_carrier(pg_url):
    from app.services.dispatch_central import CentralDispatchBackend
    from app.services.lead.console import LeadConsole
    from tests.integration.sync.support import role_url

    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    cartons = pack_demo_orders(central, 3, carrier="DHL")
    backend = CentralDispatchBackend(central.uow, "dock-1")  # the owner applies the loads
    state = dispatch.on_unit(dispatch.start(Actor("Kofi Mensah", "dock-1")), "PAL-1", None).state
    state = dispatch.on_scan(state, interpret("CARRIER:DHL")).state
    for carton in cartons[:2]:
        verdict = dispatch.on_parcel(state, carton.sscc, backend.parcel(carton.sscc))
        backend.record(list(verdict.facts))
        state = verdict.state
    with central.engine.begin() as conn:  # packed yesterday: before any cut-off of today's
        yesterday = datetime.now(UTC) - timedelta(days=1)
        query = update(packages).where(packages.c.sscc == cartons[2].sscc)
        conn.execute(query.values(packed_at=yesterday))
    engine = make_engine(role_url(pg_url, "shipshape_test_lead_dock", "shipshape_lead"))
    try:
        written: list = []
        console = LeadConsole(
            lambda: SqlUnitOfWork(engine),
            LEAD,
            "lead-desk",
            lambda m: written.append(m.code) or [f"{m.code}.pdf"],
        )
        (row,) = console.dock()
        assert (row.carrier, row.loaded, row.waiting) == ("DHL", 2, 1)
        manifest, paths = console.close_carrier("dhl")
        assert manifest.orders_shipped == 2 and len(manifest.left_behind) == 1
        assert paths == [f"{manifest.code}.pdf"] and written == [manifest.code]
    finally:
        engine.dispose()
        central.close()
