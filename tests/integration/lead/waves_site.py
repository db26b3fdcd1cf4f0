"""The tiny lead site with orders chosen for top-ups and re-balances.

MILK lies in aisle A01, BOLT and GLUE in aisle A02: a cart of MILK orders walks one aisle, a
cart that mixes MILK and BOLT walks both.
"""

from __future__ import annotations

import itertools

from sqlalchemy import select

from app.domain.events import utcnow
from app.domain.waves import PlannedPickList, PlannedWave
from app.services import lead
from app.services.wave_plan import WavePlan, by_order
from db.schema import order_lines, orders, pick_lists, pick_tasks
from tests.integration.lead.site import STATION, Site, build_site
from tests.integration.site_files import order_row, write_orders

_files = itertools.count()


def add_orders(site: Site, tmp_path, url: str, run_cli, *rows: str) -> None:
    """Orders arriving: imported and allocated as the floor would."""
    path = write_orders(tmp_path / f"more-{next(_files)}.csv", *rows)
    assert run_cli("import-orders", path, "--database", url)[0] == 0
    assert run_cli("allocate", "--database", url)[0] == 0


def milk_and_bolt_site(tmp_path, url: str, run_cli) -> Site:
    """SO-M (2 MILK) from the lead site, then SO-M2 (MILK), SO-B1 and SO-B2 (BOLT)."""
    site = build_site(tmp_path, url, run_cli, n_orders=0, release=False)
    add_orders(
        site,
        tmp_path,
        url,
        run_cli,
        order_row("SO-M2", "MILK", "1"),
        order_row("SO-B1", "BOLT", "1"),
        order_row("SO-B2", "BOLT", "2"),
    )
    return site


def refs(site: Site) -> dict[str, int]:
    return dict(site.rows(select(orders.c.order_id, orders.c.id)))


def carts(site: Site) -> dict[int, set[str]]:
    """Each open pick list's orders by order id."""
    found: dict[int, set[str]] = {}
    rows = site.rows(
        select(pick_lists.c.id, orders.c.order_id)
        .join(pick_tasks, pick_tasks.c.pick_list_id == pick_lists.c.id)
        .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
        .join(orders, orders.c.id == order_lines.c.order_id)
        .where(pick_lists.c.status != "cancelled")
    )
    for list_id, order_id in rows:
        found.setdefault(list_id, set()).add(order_id)
    return found


def mixed_wave(
    site: Site,
    groups: list[list[str]],
    capacity: int,
    release: bool,
    max_weight_kg: float | None = None,
    max_volume_l: float | None = None,
) -> int:
    """A wave whose carts hold the named orders as given (say, MILK and BOLT mixed on each
    cart: the walking a re-balance can save), stored through the real repository."""
    ids = refs(site)
    with site.uow() as uow:
        sources = by_order(uow.waves.pick_sources([ids[o] for g in groups for o in g]))
    plan = WavePlan(capacity, max_weight_kg=max_weight_kg, max_volume_l=max_volume_l)
    wave = PlannedWave(f"W-MIX-{capacity}", [], utcnow(), plan=plan.document())
    for group in groups:
        tasks = [s for o in group for s in sources[ids[o]]]
        wave.pick_lists.append(PlannedPickList([ids[o] for o in group], tasks, 0.0, 0.0))
    return lead.save_wave(site.uow(), site.lead, wave, release, STATION)
