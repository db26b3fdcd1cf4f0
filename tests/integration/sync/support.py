"""Shared by the sync tests (SQLite here, PostgreSQL in tests/pg): a tiny site, a test-only fact
kind whose applier takes stock, and the exact count check every fault test ends with."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, inspect, select, update

from app.domain.events import Actor, Event
from app.services import fact_appliers, master_data, users
from db.engine import make_engine
from db.fact_inbox import InboxApplier
from db.roles import role_login_url, station_login_url
from db.schema import events, stock
from tests.integration.site_files import write_site

KIND = "test.taken"  # a fact: `qty` units taken from stock row `stock_id`
START_ON_HAND = 100  # BOLT at A02-001-L-1 in the tiny site


def take_stock(uow, fact: Event) -> None:
    """The test applier: runs inside push_facts' transaction, so stock moves exactly once."""
    uow.connection.execute(
        update(stock)
        .where(stock.c.id == fact.payload["stock_id"])
        .values(on_hand=stock.c.on_hand - fact.payload["qty"])
    )


def register_applier(monkeypatch) -> None:
    monkeypatch.setitem(fact_appliers.APPLIERS, KIND, fact_appliers.one_by_one(take_stock))


def seed_site(central, folder: Path) -> int:
    """Layout, products and stock of the tiny site; returns the id of the BOLT stock row."""
    paths = write_site(folder)
    master_data.import_layout(central.uow(), paths["layout.json"])
    master_data.import_products(central.uow(), paths["products.csv"])
    master_data.import_stock(central.uow(), paths["stock.csv"])
    # The picker of `taken`: central sets aside a fact of a user it does not know.
    users.save_user(central.uow(), "pia", "picker", "4711", None, by=central.setup_identity())
    with central.engine.connect() as conn:
        return conn.execute(select(stock.c.id).where(stock.c.on_hand == START_ON_HAND)).scalar_one()


def taken(stock_id: int, n: int, station: str = "station-1", user: str = "pia") -> list[Event]:
    return [
        Event(KIND, {"stock_id": stock_id, "qty": 1, "n": i}, Actor(user, station))
        for i in range(n)
    ]


def assert_exactly_once(central, acknowledged: list[str], stock_id: int) -> None:
    """Every acknowledged fact is on central exactly once, and stock moved once per fact."""
    with central.engine.connect() as conn:
        stored = Counter(conn.execute(select(events.c.uuid).where(events.c.kind == KIND)).scalars())
        on_hand = conn.execute(select(stock.c.on_hand).where(stock.c.id == stock_id)).scalar_one()
        total = conn.execute(select(func.count()).select_from(events).where(events.c.kind == KIND))
    missing = set(acknowledged) - set(stored)
    assert not missing, f"{len(missing)} acknowledged facts missing on central"
    assert set(stored) <= set(acknowledged), "central holds a fact no station acknowledged"
    assert max(stored.values(), default=1) == 1, "a fact is stored twice"
    assert total.scalar_one() == len(stored)
    assert on_hand == START_ON_HAND - len(stored), "stock did not move exactly once per fact"


STATION_LOGIN = "shipshape_test_station"


def station_role_url(owner_url: str, station: str = "station-1") -> str:
    """Apply db/roles.sql and return a URL that logs in with a station login registered for
    `station` (one login per station, as a site sets them up)."""
    login = STATION_LOGIN if station == "station-1" else f"shipshape_test_{_login_part(station)}"
    return station_login_url(owner_url, login, station)


def _login_part(station: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in station.lower())


@contextlib.contextmanager
def applier_running(owner_url: str):
    """Central's applier (`shipshape apply-facts`) in a thread, as the owner, for the test. It
    starts applying once the database has its schema (a fixture starts before the test
    migrates it)."""
    engine = make_engine(owner_url)
    applier = InboxApplier(engine, poll_s=0.2)

    def run() -> None:
        while not applier._stopping.is_set() and not inspect(engine).has_table("fact_inbox"):
            time.sleep(0.05)
        applier.run()

    thread = threading.Thread(target=run, name="apply-facts", daemon=True)
    thread.start()
    try:
        yield applier
    finally:
        applier.stop()
        thread.join(10)
        engine.dispose()


def role_url(owner_url: str, login: str, group: str) -> str:
    """Apply db/roles.sql, make `login` a member of `group` and return a URL logging in as it."""
    return role_login_url(owner_url, login, group)


def seed_pick_lists(central, folder: Path, orders: int = 32, per_list: int = 2) -> None:
    """The tiny site with `orders` one-line orders, allocated, on released pick lists of
    `per_list` orders, and two pickers, Pia and Jan."""
    from app.services import allocation, intake, users, waves
    from app.services.order_files import read_order_file
    from tests.integration.site_files import order_row, write_orders

    seed_site(central, folder)
    rows = [order_row(f"SO-{n}", "BOLT", "2") for n in range(orders)]
    intake.import_orders(central.uow(), read_order_file(write_orders(folder / "o.csv", *rows)))
    allocation.allocate(central.uow())
    plan = waves.plan_wave(central.uow(), capacity=per_list)
    waves.save_wave(central.uow(), plan, release=True)
    for name, badge in (("Pia", "2001"), ("Jan", "2002")):
        users.save_user(central.uow(), name, "picker", badge, None, by=central.setup_identity())


def eventually(check, timeout: float = 10.0) -> bool:
    """Wait until `check()` is true (a sync thread works in the background); False on timeout."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
