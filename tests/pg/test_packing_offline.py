"""Two packing stations offline at the same time on the real PostgreSQL, logged in with the
least-privileged station role (db/roles.sql): each packs its own orders into cartons from its
station store while the network is down; after reconnecting, central holds every fact exactly
once and every SSCC is distinct."""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.events import Actor
from app.scanning.interpret import interpret
from app.services import demo
from db.engine import make_engine
from db.schema import events, order_lines, orders, packages, shipments, totes
from db.station.packing import TOPIC, PackingPuller, StationPackingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.integration.packing.test_central_packing import PACKER
from tests.integration.sync.proxy import CuttableProxy
from tests.integration.sync.support import eventually, station_role_url
from tests.packing_driver import Packer

ORDERS_PER_STATION = 3


class PackingStation:
    """A headless packing station: store, sync thread (through a cuttable proxy) and the
    backend the packer screen would use."""

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
            pullers=[PackingPuller(self.store, sscc_block=16, tracking_block=4)],
        ).start()
        self.backend = StationPackingBackend(
            self.store,
            self.sync.wake,
            lambda: SqlUnitOfWork(self.engine),
            name,
            central_reachable=lambda: not self.sync.status.error,
        )
        self.cartons: list = []

    def has_every_series(self) -> bool:
        """A block of every number series (SSCC, each carrier's tracking) is on the station."""
        series = self.backend.settings().number_series()
        return all(self.store.numbers_left(name) > 0 for name in series)

    def go_offline(self) -> None:
        self.proxy.refuse = True
        self.proxy.cut()

    def pack(self, order) -> None:
        """One unit per carton, so every order needs several numbers."""
        view = self.backend.open_for_packing(interpret(f"T:{order.tote}"), PACKER)
        session = Packer(view, Actor(PACKER.name, self.name))
        self.backend.record([session.started()])
        for line in order.lines:
            for text in line.unit_scans():
                verdict = session.scan_item(interpret(text))
                assert verdict.ok, verdict
                self.backend.record(list(verdict.facts))
                box = view.package_types[0]
                numbers = self.backend.allocate_numbers(view)
                closed = session.close_carton(
                    box, session.expected_kg(box), "typed", numbers, False
                )
                self.backend.record([closed.fact])
                self.cartons.append(closed)

    def stop(self) -> None:
        self.sync.stop()
        self.engine.dispose()
        self.proxy.close()


def test_two_stations_pack_offline_at_once_and_central_gets_it_all_once(pg_url, tmp_path, applier):
    central = open_central(pg_url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
    refs = released_orders(central, 1, 2)[: 2 * ORDERS_PER_STATION]
    picked = [pick_into_tote(central, ref, f"PG{n:02d}", quantity=2) for n, ref in enumerate(refs)]
    stations = [
        PackingStation(f"pack-{n}", make_url(station_role_url(pg_url, f"pack-{n}")), tmp_path)
        for n in (1, 2)
    ]
    try:
        for station in stations:  # online first: orders, users, settings and numbers arrive
            assert eventually(lambda s=station: len(s.store.cached(TOPIC)) == len(refs), 20)
            assert eventually(lambda s=station: s.store.numbers_left("sscc") == 16, 20)
            assert eventually(station.has_every_series, 20)  # blocks arrive one by one
        for station in stations:
            station.go_offline()
        assert eventually(lambda: all(s.sync.status.error for s in stations), 20)

        work = [picked[:ORDERS_PER_STATION], picked[ORDERS_PER_STATION:]]
        failures: list[BaseException] = []

        def pack_all(station, orders) -> None:
            try:
                for order in orders:
                    station.pack(order)
            except BaseException as exc:  # reported below, with the test's assertion
                failures.append(exc)

        threads = [
            threading.Thread(target=pack_all, args=pair)
            for pair in zip(stations, work, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not failures, failures
        assert all(s.store.waiting() for s in stations)  # all of it is still on the stations
        with central.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(packages)).scalar() == 0

        for station in stations:
            station.proxy.refuse = False
        for station in stations:
            assert wait_until_drained(station.sync, 60), f"{station.name} did not sync"
        check_central(central, stations, picked)
    finally:
        for station in stations:
            station.stop()
        central.close()


def check_central(central, stations, picked) -> None:
    cartons = [closed for station in stations for closed in station.cartons]
    ssccs = [closed.numbers.sscc for closed in cartons]
    assert len(cartons) == sum(line.quantity for order in picked for line in order.lines)
    assert len(set(ssccs)) == len(ssccs), "two cartons share an SSCC"
    acknowledged = {uuid for station in stations for uuid in station.store.acknowledged()}
    refs = [order.order_ref for order in picked]
    with central.engine.connect() as conn:
        stored = Counter(
            conn.execute(
                select(events.c.uuid).where(events.c.station.in_([s.name for s in stations]))
            ).scalars()
        )
        assert acknowledged <= set(stored), "an acknowledged fact is missing on central"
        assert max(stored.values()) == 1, "a fact is stored twice"
        central_ssccs = conn.execute(select(packages.c.sscc)).scalars().all()
        assert sorted(central_ssccs) == sorted(ssccs)
        tracking = conn.execute(
            select(shipments.c.order_id, func.count()).group_by(shipments.c.order_id)
        ).all()
        assert sorted(tracking) == sorted((ref, 1) for ref in refs)  # one shipment per order
        lines = conn.execute(
            select(order_lines.c.packed, order_lines.c.quantity).where(
                order_lines.c.order_id.in_(refs)
            )
        ).all()
        assert all(packed == quantity for packed, quantity in lines)
        statuses = conn.execute(select(orders.c.status).where(orders.c.id.in_(refs)))
        assert set(statuses.scalars()) == {"packed"}
        held = conn.execute(select(func.count()).where(totes.c.order_id.in_(refs))).scalar()
        assert held == 0  # every tote freed
