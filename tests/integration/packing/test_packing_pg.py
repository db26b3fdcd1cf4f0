"""The packing counters and appliers on PostgreSQL (skipped without SHIPSHAPE_TEST_PG_URL)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from app.bootstrap import open_central
from app.services import demo
from app.services.packing_central import CentralPackingBackend, CentralSerialCounter
from db.schema import orders
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.integration.packing.test_central_packing import pack_everything
from tests.integration.packing.varied_views import check_views_equal_one_by_one
from tests.pg.conftest import PG_URL
from tests.pg.conftest import pg_url as pg_url  # noqa: F401 - the fixture, reused

pytestmark = pytest.mark.skipif(
    not PG_URL, reason="SHIPSHAPE_TEST_PG_URL is not set: PostgreSQL tests skipped"
)


def test_stations_never_share_an_sscc_serial_on_postgresql(pg_url):  # noqa: F811
    central = open_central(pg_url)
    try:
        counter = CentralSerialCounter(central.uow, "sscc")
        with ThreadPoolExecutor(8) as pool:
            serials = list(pool.map(lambda _: counter.next_serial(), range(200)))
        assert sorted(serials) == list(range(1, 201))
    finally:
        central.close()


def test_a_demo_order_is_packed_on_postgresql(pg_url):  # noqa: F811
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        order = pick_into_tote(central, released_orders(central, 2)[0], "PG-1")
        backend = CentralPackingBackend(central.uow, "pack-pg")
        _view, _session, closed = pack_everything(backend, order)
        assert closed.final
        with central.engine.connect() as conn:
            query = select(orders.c.status).where(orders.c.id == order.order_ref)
            assert conn.execute(query).scalar() == "packed"
    finally:
        central.close()


def test_the_packing_checks_hold_on_postgresql(pg_url):  # noqa: F811
    from tests.integration.packing import test_packing_checks as checks
    from tests.integration.packing import test_packing_no_barcode as no_barcode

    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        checks.test_central_tells_the_lead_when_two_stations_packed_the_same_serial(central)
        checks.test_a_carton_off_its_weight_closes_only_with_a_lead_and_central_records_it(central)
        checks.test_a_serial_required_unit_is_packed_with_its_serial_and_that_serial_only_once(
            central, tote=531
        )
        no_barcode.test_central_packs_an_order_with_loose_hardware_without_an_override(central)
    finally:
        central.close()


def test_views_loaded_together_equal_views_loaded_one_by_one_on_postgresql(pg_url):  # noqa: F811
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        check_views_equal_one_by_one(central)
    finally:
        central.close()
