"""A small released site for the lead tests: 6 locations, a few orders on carts, 4 users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, update

from app.bootstrap import Central, open_central
from app.domain.events import Actor, Event
from app.domain.users import User
from app.services import lead as lead_cases
from app.services.users import save_user
from app.services.waves import WaveFilter
from db.schema import (
    allocations,
    exceptions,
    locations,
    order_lines,
    pick_lists,
    pick_tasks,
    products,
    stock,
    users,
)
from tests.integration.site_files import import_site, order_row, write_orders

STATION = "lead-desk"


@dataclass
class Site:
    central: Central
    lead: User
    pia: User
    paul: User
    packer: User

    def uow(self):
        return self.central.uow()

    def rows(self, query):
        with self.central.engine.connect() as conn:
            return conn.execute(query).all()

    def run(self, statement):
        with self.central.engine.begin() as conn:
            return conn.execute(statement)


def build_site(tmp_path, url, run_cli, n_orders=6, release=True, capacity=3) -> Site:
    import_site(run_cli, url, tmp_path / "site")
    rows = []
    for n in range(n_orders):
        rows.append(order_row(f"SO-{n}", "BOLT", str(1 + n % 3)))
        if n % 2:
            rows.append(order_row(f"SO-{n}", "GLUE", "1"))
    rows.append(order_row("SO-M", "MILK", "2"))  # MILK lies at two locations: reallocatable
    orders_file = write_orders(tmp_path / "o.csv", *rows)
    assert run_cli("import-orders", orders_file, "--database", url)[0] == 0
    assert run_cli("allocate", "--database", url)[0] == 0
    central = open_central(url)
    setup = central.setup_identity()  # the test made the database: it is the site's owner
    people = [
        save_user(central.uow(), "Lena", "lead", "1011", "246810", by=setup),  # the first lead
        save_user(central.uow(), "Pia", "picker", "1001", None, by=setup),
        save_user(central.uow(), "Paul", "picker", "1002", None, by=setup),
        save_user(central.uow(), "Pat", "packer", "1007", None, by=setup),
    ]
    with central.engine.connect() as conn:
        ids = dict(conn.execute(select(users.c.badge, users.c.id)).all())
    people = [User(p.name, p.role, p.badge, p.pin_hash, p.active, ids[p.badge]) for p in people]
    site = Site(central, *people)
    if release:
        wave = lead_cases.plan_wave(site.uow(), site.lead, capacity, WaveFilter())
        lead_cases.save_wave(site.uow(), site.lead, wave, True, STATION)
    return site


def confirm_task(site: Site, task_id: int, who: str, at: datetime | None = None) -> None:
    """What the picker station's `pick.confirmed` applier does, written directly."""
    at = at or datetime.now(UTC)
    with site.central.engine.begin() as conn:
        quantity = conn.execute(
            select(pick_tasks.c.quantity).where(pick_tasks.c.id == task_id)
        ).scalar_one()
        conn.execute(
            update(pick_tasks)
            .where(pick_tasks.c.id == task_id)
            .values(status="done", picked=quantity, picked_by=who, picked_at=at)
        )


def short_task(
    site: Site, task_id: int, who: str, short: int, order_ref: int, reason: str = "damaged"
) -> int:
    """A short pick as the picker station's `pick.short` applier records it: the task short,
    the shortfall's reservation given back, and an open `short_pick` exception. The default
    reason is one every resolution applies to (an `empty` short is never written off)."""
    now = datetime.now(UTC)
    with site.central.engine.begin() as conn:
        task = conn.execute(
            select(pick_tasks, allocations.c.stock_id)
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .where(pick_tasks.c.id == task_id)
        ).one()
        conn.execute(
            update(pick_tasks)
            .where(pick_tasks.c.id == task_id)
            .values(
                status="short",
                picked=task.quantity - short,
                short=short,
                picked_by=who,
                picked_at=now,
            )
        )
        conn.execute(
            update(allocations)
            .where(allocations.c.id == task.allocation_id)
            .values(quantity=allocations.c.quantity - short)
        )
        conn.execute(
            update(order_lines)
            .where(order_lines.c.id == task.order_line_id)
            .values(allocated=order_lines.c.allocated - short)
        )
        conn.execute(
            update(stock)
            .where(stock.c.id == task.stock_id)
            .values(reserved=stock.c.reserved - short)
        )
        return conn.execute(
            insert(exceptions)
            .values(
                kind="short_pick",
                status="open",
                order_ref=order_ref,
                pick_task_id=task_id,
                details={  # the fields the applier writes that a summary reads
                    "sku": conn.execute(
                        select(products.c.sku).where(products.c.id == task.product_id)
                    ).scalar_one(),
                    "location": conn.execute(
                        select(locations.c.code).where(locations.c.id == task.location_id)
                    ).scalar_one(),
                    "shortfall": short,
                    "found": task.quantity - short,
                    "reason": reason,
                    "reported_by": who,
                },
                created_at=now,
                note="",
            )
            .returning(exceptions.c.id)
        ).scalar_one()


def add_event(site: Site, kind: str, who: str, at: datetime, order_ref=None, **payload):
    event = Event(kind, payload, Actor(who, "st-1"), order_ref, at)
    with site.uow() as uow:
        uow.events.add_all([event])
        uow.commit()


def list_ids(site: Site) -> list[int]:
    return [r.id for r in site.rows(select(pick_lists.c.id).order_by(pick_lists.c.id))]


def hours_ago(n: float) -> datetime:
    return datetime.now(UTC) - timedelta(hours=n)
