"""The lead role (db/roles.sql): a lead's desk does every lead use case, and nothing that
rewrites history. The site is built by the database owner; the console runs as the role."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url

from app.bootstrap import open_central
from app.domain.users import Role, User
from app.services import demo, sync
from app.services import site as site_settings
from app.services.demo import DEMO_DIR
from app.services.lead import links
from app.services.lead.console import LeadConsole
from app.services.waves import WaveFilter
from db.engine import make_engine
from db.integration_store import SqlIntegrationStore
from db.schema import exceptions, order_lines, orders, pick_lists, pick_tasks
from db.uow import SqlUnitOfWork
from tests.integration.lead.site import STATION, build_site, short_task
from tests.integration.lead.test_exceptions import milk_task
from tests.integration.sync.support import role_url
from tests.ui.lead.outbox import park_messages

LEAD_LOGIN = "shipshape_test_lead"
DEMO_SITE = DEMO_DIR / "site.json"
FORBIDDEN = [
    "DELETE FROM orders",
    "DELETE FROM events",
    "UPDATE events SET kind = 'rewritten'",
    "TRUNCATE events",
    "UPDATE users SET role = 'lead'",
    "INSERT INTO changes (topic, ref_id) VALUES ('pick_list', 1)",
    "SELECT pin_hash FROM users",
    "SELECT pepper FROM station_logins",
    "INSERT INTO users (name, role, badge, active) VALUES ('Mallory', 'lead', '6666', true)",
    "DELETE FROM stock",
    "INSERT INTO fact_inbox (station, facts, waiting_after, received_at)"
    " VALUES ('pack-9', '[]', 0, now())",
]


def lead_role_url(owner_url: str) -> str:
    return role_url(owner_url, LEAD_LOGIN, "shipshape_lead")


@pytest.fixture
def desk(pg_url, tmp_path, run_cli):
    site = build_site(tmp_path, pg_url, run_cli, release=False)
    engine = make_engine(lead_role_url(pg_url))
    yield site, LeadConsole(lambda: SqlUnitOfWork(engine), site.lead, STATION)
    engine.dispose()


def test_a_lead_desk_runs_the_shift_with_the_lead_role(desk, pg_url, run_cli):
    site, console = desk
    first = console.save(console.plan(3, WaveFilter()), True).id
    assert console.cancel(first, "planned too early")  # its orders give their stock back
    assert run_cli("allocate", "--database", pg_url)[0] == 0  # the allocation run (owner)
    wave_id = console.save(console.plan(3, WaveFilter()), True).id
    query = select(pick_lists.c.id).where(pick_lists.c.wave_id == wave_id)
    lists = [row.id for row in site.rows(query)]
    assert console.reassign(lists[:1], "Paul") == lists[:1]
    assert console.unassign(lists[:1]) == lists[:1]
    console.hold(wave_id)
    console.resume(wave_id)
    task_id, order_ref, _line = milk_task(site)
    site.run(update(orders).where(orders.c.id == order_ref).values(status="exception"))
    short = short_task(site, task_id, "Pia", 1, order_ref)  # what a picker's station records
    assert "A01-" in console.resolve(f"exception:{short}", "reallocate", "other bay").english()
    for order_id, resolution in (("SO-1", "mark_damaged"), ("SO-3", "cancel_line")):
        task_id, order_ref = task_of(site, order_id)
        shorted = short_task(site, task_id, "Pia", 1, order_ref)
        console.resolve(f"exception:{shorted}", resolution, "")
    past = datetime.now(UTC) - timedelta(hours=2)
    site.run(update(orders).where(orders.c.order_id.in_(["SO-0", "SO-2"])).values(ship_by=past))
    console.resolve("late:web/SO-0", "prioritise", "")
    console.resolve("late:web/SO-2", "cancel_order", "customer called")
    sync.report_status(site.uow(), "PICK-01", "Pia", 0)
    assert [row["name"] for row in console.stations()] == ["PICK-01"]
    assert console.kpis(datetime.now(UTC) - timedelta(days=1), datetime.now(UTC)) is not None
    assert console.timeline("web/SO-M").order == "web/SO-M"
    assert console.board() is not None
    resolved = site.rows(select(exceptions.c.status).where(exceptions.c.id == short))
    assert resolved[0].status == "resolved"
    statuses = dict(site.rows(select(orders.c.order_id, orders.c.priority)))
    assert statuses["SO-0"] > 0
    open_left = site.rows(select(exceptions.c.id).where(exceptions.c.status == "open"))
    assert open_left == []


def test_a_lead_desk_takes_a_cancelled_order_off_a_planned_wave(desk):
    """*Cancel the order* on the lead role for an order on a planned wave: its tasks leave the
    cart, the cart is routed again, and the wave is then released with the rest."""
    site, console = desk
    wave = console.save(console.plan(3, WaveFilter()), False)
    assert console.resolve("hold:web/SO-1", "cancel_order", "").english() == "web/SO-1 cancelled"
    console.release(wave.id)
    statuses = dict(site.rows(select(orders.c.order_id, orders.c.status)))
    assert statuses.pop("SO-1") == "cancelled"
    assert set(statuses.values()) == {"released"}
    on_lists = site.rows(
        select(orders.c.order_id)
        .join(order_lines, order_lines.c.order_id == orders.c.id)
        .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
        .where(orders.c.order_id == "SO-1")
    )
    assert on_lists == []


def task_of(site, order_id: str) -> tuple[int, int]:
    """The first task of an order on the released wave, and the order's ref."""
    row = site.rows(
        select(pick_tasks.c.id, order_lines.c.order_id)
        .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
        .join(orders, orders.c.id == order_lines.c.order_id)
        .where(orders.c.order_id == order_id)
        .order_by(pick_tasks.c.id)
    )[0]
    return row.id, row.order_id


@pytest.mark.parametrize("statement", FORBIDDEN)
def test_the_lead_role_cannot_rewrite_history(pg_url, statement):
    open_central(pg_url).close()  # the schema, migrated by the owner
    url = make_url(lead_role_url(pg_url)).set(drivername="postgresql")
    with (
        psycopg.connect(url.render_as_string(False), autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)


def test_a_lead_desk_moves_no_label_counter(pg_url):
    """Row security: of the counters a desk may move only the KPI watermark, so the SSCC and
    tracking series cannot be wound back (an UPDATE of them changes no row)."""
    central = open_central(pg_url)
    with central.engine.begin() as conn:
        conn.execute(text("INSERT INTO counters (name, value) VALUES ('sscc', 500)"))
    url = make_url(lead_role_url(pg_url)).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(False), autocommit=True) as conn:
        wound_back = conn.execute("UPDATE counters SET value = 1 WHERE name = 'sscc'").rowcount
        assert conn.execute("SELECT value FROM counters WHERE name = 'sscc'").fetchone() == (500,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO counters (name, value) VALUES ('tracking:X', 0)")
    assert wound_back == 0
    central.close()


def test_a_lead_desk_saves_the_site_settings_and_moves_counters_only_forward(desk, pg_url):
    """The Settings tab's save on the lead role: the settings row and the counters (through
    the checked function, migration 0021), which never move back."""
    site, _console = desk
    engine = make_engine(lead_role_url(pg_url))
    try:
        document = json.loads(DEMO_SITE.read_text(encoding="utf-8"))
        document["carriers"][0]["tracking"]["next"] = 5000
        saved = site_settings.save_site_as_lead(SqlUnitOfWork(engine), site.lead, document, STATION)
        assert saved.carriers[0].tracking.range.next == 5000
        document["carriers"][0]["tracking"]["next"] = 10  # back: the counter keeps its place
        saved = site_settings.save_site_as_lead(SqlUnitOfWork(engine), site.lead, document, STATION)
        assert saved.carriers[0].tracking.range.next == 5000
        with engine.begin() as conn:  # row security: the desk does not even see the row to move
            moved = conn.execute(text("UPDATE counters SET value = 0 WHERE name LIKE 'tracking:%'"))
            assert moved.rowcount == 0
    finally:
        engine.dispose()


def test_a_lead_desk_sees_the_shop_links_and_settles_a_parked_message(pg_url, tmp_path):
    """The Stations tab's links on the lead role: the queue and the parked messages read, one
    sent again and one dropped through the desk's own grants (db/roles.sql)."""
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        park_messages(central, orders=2, folder=tmp_path / "erp")
    finally:
        central.close()
    engine = make_engine(lead_role_url(pg_url))
    try:
        lead = User("Maria Jansen", Role.LEAD, "1011")
        desk = SqlIntegrationStore(engine)
        seen = links.links(desk, lead)
        shop = next(row for row in seen.endpoints if row.name == "shop")
        assert shop.parked == 2 and len(seen.parked) == 2
        first, second = seen.parked
        assert links.settle(desk, lead, "shop", first.id, True, "LEAD-01") == 1
        assert links.settle(desk, lead, "shop", second.id, False, "LEAD-01") == 1
        assert links.links(desk, lead).parked == []
    finally:
        engine.dispose()
