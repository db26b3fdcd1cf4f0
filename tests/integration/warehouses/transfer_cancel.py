"""Cancelling a transfer (docs/stock.md, "Transfers"; docs/interfaces.md §15): through the CLI
and the use case, on the three sites of transfers.py. The checks run on SQLite
(test_transfer_cancel.py) and PostgreSQL (tests/pg/test_transfer_cancel_pg.py).

NORTH has GLUE 6 at N01-001; each check sends 2 GLUE from NORTH to WEST as TR-1.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.bootstrap import open_central
from app.domain.events import Actor
from app.errors import BadInput
from app.services import transfers
from db.engine import make_engine
from db.schema import events, exceptions, orders
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.transfers import PIA, TransferSites, ship_picked
from tests.picking_script import pick_cart

BY = Actor("Maria Jansen", "LEAD-01")


def send_glue(sites: TransferSites) -> None:
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")


def receipt_status(url: str) -> tuple[str, list[str]]:
    """TR-1's receipt status at central, and the open receipts WEST's receiving screen lists."""
    engine = make_engine(url)
    try:
        with SqlUnitOfWork(engine) as uow:
            found = uow.receiving.receipt("TR-1")
        with SqlUnitOfWork(engine, warehouse="WEST") as uow:
            open_at_west = [r.receipt_id for r in uow.receiving.open_receipts()]
    finally:
        engine.dispose()
    assert found is not None
    return found.status, open_at_west


def check_cancel_gives_the_reservation_back_and_closes_the_receipt(sites: TransferSites) -> None:
    send_glue(sites)
    sites.ok("allocate")
    assert sites.allocated_in("NORTH") == {("N01-001", "GLUE"): 2}
    assert receipt_status(sites.url) == ("open", ["TR-1"])
    (cancelled,) = sites.json_lines("transfer", "--cancel", "tr-1", "--json")
    assert cancelled["transfer"] == "TR-1" and cancelled["status"] == "cancelled"
    assert cancelled["lines"] == [
        {"sku": "GLUE", "quantity": 2, "shipped": 0, "received": 0, "in_transit": 0, "lots": []}
    ]
    assert sites.allocated_in("NORTH") == {}  # the 2 GLUE are NORTH's to give again
    assert sites.orders()["TR-1"]["status"] == "cancelled"
    assert receipt_status(sites.url) == ("closed", [])  # WEST's clerks no longer see it
    assert sites.in_transit("WEST") == []
    assert sites.transfers()["TR-1"]["status"] == "cancelled"
    sites.ok("allocate")  # a cancelled transfer is never allocated again
    assert sites.allocated_in("NORTH") == {}
    assert "cancelled already" in sites.refused("transfer", "--cancel", "TR-1")


def check_the_cli_prints_the_cancelled_transfer(sites: TransferSites) -> None:
    send_glue(sites)  # open: nothing reserved yet
    out = sites.ok("transfer", "--cancel", "TR-1")
    assert out.splitlines()[0].split() == ["TR-1", "NORTH", "→", "WEST", "cancelled"]
    assert "in transit 0" in out
    for args, words in (
        (("transfer", "--cancel", "TR-9"), "no transfer 'TR-9'"),
        (("transfer", "--cancel", "TR-1", "--from", "NORTH"), "takes no --from"),
        (("transfer", "--sku", "GLUE", "--quantity", "1"), "--from CODE and --to CODE"),
    ):
        assert words in sites.refused(*args), args


def check_a_transfer_on_the_floor_cannot_be_cancelled(sites: TransferSites) -> None:
    """On a released wave, then picked, then shipped: refused each time, nothing changed."""
    send_glue(sites)
    sites.ok("allocate")
    sites.json_lines("plan-waves", "--warehouse", "NORTH", "--release")
    assert "cancel that wave first" in sites.refused("transfer", "--cancel", "TR-1")
    central = open_central(sites.url)
    try:
        ((ref, tote),) = pick_cart(central, PIA, tote_prefix="TR").totes.items()
    finally:
        central.close()
    assert sites.orders()["TR-1"]["status"] == "picked"
    assert "picked already" in sites.refused("transfer", "--cancel", "TR-1")
    assert sites.transfers()["TR-1"]["status"] == "picked"
    assert receipt_status(sites.url)[0] == "open"
    ship_picked(sites, ref, tote)
    assert sites.transfers()["TR-1"]["status"] == "in transit"
    assert "has shipped" in sites.refused("transfer", "--cancel", "TR-1")
    assert sites.in_transit("WEST") == [{"sku": "GLUE", "in_transit": 2}]


def check_a_transfer_waiting_for_stock_is_cancelled_and_leaves_the_queue(
    sites: TransferSites,
) -> None:
    """NORTH has 6 GLUE: a transfer of 9 waits for stock (the lead's queue); cancelled, its
    queue item is closed as an order's is."""
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "9")
    sites.ok("allocate")
    assert sites.orders()["TR-1"]["status"] == "exception"
    assert waiting_items(sites.url) == [("open", None)]
    (cancelled,) = sites.json_lines("transfer", "--cancel", "TR-1", "--json")
    assert cancelled["status"] == "cancelled"
    assert waiting_items(sites.url) == [("resolved", "cancel_order")]
    assert receipt_status(sites.url) == ("closed", [])


def waiting_items(url: str) -> list[tuple[str, str | None]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            query = select(exceptions.c.status, exceptions.c.resolution).where(
                exceptions.c.kind == "waiting_for_stock"
            )
            return [tuple(row) for row in conn.execute(query)]
    finally:
        engine.dispose()


def check_the_use_case_refuses_and_keeps_nothing(sites: TransferSites) -> None:
    """The use case as the lead console calls it: an unknown number refused, a cancel kept."""
    send_glue(sites)
    sites.ok("allocate")
    central = open_central(sites.url)
    try:
        with pytest.raises(BadInput) as refused:
            transfers.cancel_transfer(central.uow(), "TR-2", BY)
        assert refused.value.message.id == "transfer.unknown"
        made = transfers.cancel_transfer(central.uow(), " TR-1 ", BY, "not needed after all")
        assert made.status == "cancelled"
        with central.uow() as uow:
            assert transfers.in_transit(uow, None) == {}
        kinds = events_of(sites.url, "TR-1")
    finally:
        central.close()
    assert "transfer.cancelled" in kinds and "order.cancelled" in kinds
    assert json.loads(json.dumps(made.record()))["status"] == "cancelled"


def events_of(url: str, order_id: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            ref = select(orders.c.id).where(orders.c.order_id == order_id).scalar_subquery()
            query = select(events.c.kind).where(events.c.order_ref == ref)
            return list(conn.execute(query.order_by(events.c.seq)).scalars())
    finally:
        engine.dispose()


CHECKS = (
    check_cancel_gives_the_reservation_back_and_closes_the_receipt,
    check_the_cli_prints_the_cancelled_transfer,
    check_a_transfer_on_the_floor_cannot_be_cancelled,
    check_a_transfer_waiting_for_stock_is_cancelled_and_leaves_the_queue,
    check_the_use_case_refuses_and_keeps_nothing,
)
