"""A clerk's station on its store: it receives and puts away while central is away, from the
receipts, products and locations it pulled, with its own facts laid over the receipt; the facts
reach central exactly once when the network is back (a late put-away still lands on the shelf,
even after another station closed the receipt)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.events import Actor
from app.domain.fact_payloads import PutAway, ReceiptClosed
from app.scanning.interpret import interpret
from app.services.facts import apply_facts
from app.services.lead.exceptions import summarise
from app.steps import receiving
from db.schema import stock_movements
from db.station.receiving import ReceivingPuller, StationReceivingBackend
from db.station.store import StationStore

RECEIPT = "PO-4500012002"


def test_receiving_offline_then_syncing(tmp_path, demo_central):
    central = demo_central
    store = StationStore(tmp_path / "stock.sqlite", "STOCK-02")
    online = {"up": True}
    backend = StationReceivingBackend(
        store, lambda: None, central.uow, "STOCK-02", lambda: online["up"]
    )
    assert backend.receipt("NOPE") is None  # the clerk's first scan: keep receiving here
    ReceivingPuller(store).pull(central.uow, None, False)
    online["up"] = False  # the network drops: everything from the store now
    with central.uow() as uow:
        gtin = next(g for g, p in uow.receiving.products_by_gtin().items() if p.sku == "FOD-10200")
        waiting = uow.orders.waiting_for_stock({"FOD-10200"})
    state = receiving.on_receipt(
        receiving.start(Actor("黄敏", "STOCK-02")), RECEIPT, backend.receipt(RECEIPT)
    ).state
    code = f"(01){gtin}(10)L2708R"
    verdict = receiving.on_product(state, interpret(code), backend.product(gtin))
    assert verdict.reason == "received"
    backend.record(list(verdict.facts))
    verdict = receiving.on_typed(verdict.state, "30")
    backend.record(list(verdict.facts))
    where = backend.suggest(RECEIPT, "FOD-10200", "L2708R", 30)
    assert where is not None and backend.location_exists(where)
    assert not backend.location_exists("NOPE-1")
    assert backend.product("04006381333931") is None
    verdict = receiving.on_location(receiving.with_suggestion(verdict.state, where), where, True)
    assert verdict.reason == "put_away"
    backend.record(list(verdict.facts))
    # A restart of the screen: the receipt as pulled, with this station's facts over it.
    line = backend.receipt(RECEIPT).line("FOD-10200", "L2708R")
    assert (line.received, line.put_away) == (30, 30)
    # Meanwhile another station closed the receipt at central.
    apply_facts(
        central.uow(), [ReceiptClosed(receipt_id=RECEIPT).fact(Actor("Sanne de Vries", "STOCK-01"))]
    )
    # Back online: the outbox pushed (as the sync thread does), twice: applied once.
    pending = [fact for _, fact in store.pending(100)]
    apply_facts(central.uow(), pending)
    apply_facts(central.uow(), pending)
    with central.uow() as uow:
        assert uow.stock.get(where, "FOD-10200", "L2708R").on_hand == 30
        line = uow.receiving.receipt(RECEIPT).line("FOD-10200", "L2708R")
        assert (line.received, line.put_away) == (30, 30)
        assert len(uow.orders.waiting_for_stock({"FOD-10200"})) < len(waiting)
    with central.engine.connect() as conn:
        put_away = select(func.count()).where(stock_movements.c.kind == "put_away")
        assert conn.execute(put_away).scalar_one() == 1
    online["up"] = True
    assert backend.receipt(RECEIPT).status == "closed"  # central answers again
    store.close()


def test_a_fact_about_a_receipt_central_does_not_know_still_lands_and_tells_the_lead(demo_central):
    fact = PutAway(receipt_id="PO-GONE", sku="ELE-10087", quantity=2, location="A01-001-L-1").fact(
        Actor("黄敏", "STOCK-02")
    )
    apply_facts(demo_central.uow(), [fact])
    with demo_central.uow() as uow:
        assert uow.stock.get("A01-001-L-1", "ELE-10087", "").on_hand == 2  # on the shelf
        found = [e for e in uow.lead.open_exceptions() if e["kind"] == "receipt_unknown"]
    assert len(found) == 1
    assert "PO-GONE, which central does not know" in str(
        summarise("receipt_unknown", found[0]["details"])
    )
