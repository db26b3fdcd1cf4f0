"""The returns station through its real widgets (docs/returns.md): an announced return, an
unannounced one, a damaged unit to quarantine, a wrong item, a serial that was not shipped, a
parcel arriving at an offline station — each checked in central afterwards."""

from __future__ import annotations

from sqlalchemy import func, select, update

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services.returns_central import CentralReturnsBackend
from db.schema import (
    exceptions,
    order_lines,
    orders,
    package_items,
    product_gtins,
    products,
    quarantine,
    return_lines,
    rmas,
    stock_movements,
)
from db.station.returning import ReturnsPuller, StationReturnsBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.returns.shipped import shipped_orders
from ui.returns.page import ReturnsPage
from ui.worker import SynchronousWorker

SAM = User("Sam Peeters", Role.RETURNS, "1017")


def page_on(qtbot, backend) -> ReturnsPage:
    page = ReturnsPage(SAM, backend, SynchronousWorker(), "RET-01")
    qtbot.addWidget(page)
    page.resize(1280, 700)
    return page


def central_page(qtbot, central) -> ReturnsPage:
    return page_on(qtbot, CentralReturnsBackend(central.uow, "RET-01"))


def scan(page, text: str) -> None:
    page.handle_scan(interpret(text))


def rows(central, query):
    with central.engine.connect() as conn:
        return conn.execute(query).all()


def status_of(central, order) -> str:
    return rows(central, select(orders.c.status).where(orders.c.id == order.ref))[0][0]


def resell_all(page, order) -> None:
    """Each unit: scan it, C:RESELL, then the location the screen shows."""
    for sku, units in order.lines.items():
        for _ in range(units):
            scan(page, order.gtins[sku])
            assert page.banner.kind == "info", page.banner.text()
            scan(page, "C:RESELL")
            where = page.where_label.text()
            assert where and where != "?", "a resellable unit is told where it goes"
            scan(page, f"L:{where}")
            assert page.banner.kind == "ok", page.banner.text()


def test_an_unannounced_return_by_tracking_number(qtbot, shipped_central):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    page = central_page(qtbot, central)
    scan(page, order.tracking)
    assert f"{order.channel}/{order.order_id}" in page.order_label.text()
    assert "not announced" in page.order_label.text()
    assert page.lines.rowCount() == len(order.lines)
    resell_all(page, order)
    scan(page, "C:CLOSE")
    assert page.banner.kind == "ok" and "CLOSED" in page.banner.text()
    assert status_of(central, order) == "returned"
    moves = rows(central, select(stock_movements).where(stock_movements.c.kind == "return"))
    assert sum(m.delta for m in moves) == sum(order.lines.values())


def test_an_announced_return_by_rma_with_a_unit_missing(qtbot, shipped_central, run_cli, tmp_path):
    central = shipped_central
    order = next(o for o in shipped_orders(central, lot_controlled=False) if len(o.lines) >= 2)
    first, second = list(order.lines)[:2]
    path = tmp_path / "rma.csv"
    path.write_text(
        "rma,channel,order_id,sku,quantity,reason\n"
        f"RMA-7,{order.channel},{order.order_id},{first},1,too big\n"
        f"RMA-7,{order.channel},{order.order_id},{second},1,too big\n"
    )
    assert run_cli("import-returns", path, "--database", str(central.engine.url))[0] == 0
    page = central_page(qtbot, central)
    scan(page, "RMA-7")
    assert "RMA RMA-7 (too big)" in page.order_label.text()
    scan(page, order.gtins[first])
    page.buttons["RESELL"].click()  # a touch does what the command barcode does
    scan(page, f"L:{page.where_label.text()}")
    scan(page, "C:CLOSE")
    assert page.banner.kind == "error" and "C:MISSING" in page.banner.text()
    page.buttons["MISSING"].click()
    page.buttons["CLOSE"].click()
    assert page.banner.kind == "ok"
    assert status_of(central, order) == "partially_returned"
    assert rows(central, select(rmas.c.status))[0][0] == "received"
    missing = rows(central, select(return_lines).where(return_lines.c.condition == "missing"))
    assert len(missing) == 1


def test_a_damaged_unit_goes_to_quarantine(qtbot, shipped_central):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    page = central_page(qtbot, central)
    scan(page, order.sscc)
    scan(page, order.gtins[sku])
    scan(page, "C:DAMAGED")
    assert page.banner.kind == "ok" and "QUARANTINE" in page.banner.text()
    (held,) = rows(central, select(quarantine))
    assert (held.reason, held.quantity) == ("damaged", 1)
    assert rows(central, select(stock_movements).where(stock_movements.c.kind == "return")) == []


def test_a_wrong_item_is_flagged_and_taken_in_only_as_wrong(qtbot, shipped_central):
    central = shipped_central
    order, other = shipped_orders(central, lot_controlled=False)[:2]
    stranger = next(s for s in other.gtins if s not in order.gtins)
    page = central_page(qtbot, central)
    scan(page, order.tracking)
    scan(page, other.gtins[stranger])
    assert page.banner.kind == "error" and "NOT IN THIS ORDER" in page.banner.text()
    assert page.where_label.text() == "⚠"
    scan(page, "C:RESELL")
    assert page.banner.kind == "error" and "only C:WRONG_ITEM" in page.banner.text()
    assert rows(central, select(func.count()).select_from(return_lines))[0][0] == 0
    scan(page, "C:WRONG_ITEM")
    assert page.banner.kind == "ok"
    assert page.lines.rowCount() == len(order.lines) + 1  # the stranger has a row of its own
    flagged = rows(central, select(exceptions).where(exceptions.c.kind == "return_flagged"))
    assert len(flagged) == 1
    (line,) = rows(central, select(return_lines))
    assert (line.condition, line.order_line_id, line.flag) == ("wrong_item", None, "not_in_order")


def test_a_serial_that_was_not_shipped_is_flagged(qtbot, shipped_central):
    central = shipped_central
    found = rows(
        central,
        select(orders.c.id, orders.c.channel, orders.c.order_id, products.c.sku, order_lines.c.id)
        .join(order_lines, order_lines.c.order_id == orders.c.id)
        .join(products, products.c.id == order_lines.c.product_id)
        .where(orders.c.status == "shipped", products.c.serial_required.is_(True)),
    )
    ref, channel, order_id, sku, line_id = found[0]
    with central.engine.begin() as conn:  # the serial the packer scanned into the carton
        conn.execute(
            update(package_items)
            .where(package_items.c.order_line_id == line_id)
            .values(serial="SN-SHIPPED-1")
        )
    (gtin,) = rows(
        central,
        select(product_gtins.c.gtin)
        .join(products, products.c.id == product_gtins.c.product_id)
        .where(products.c.sku == sku)
        .limit(1),
    )[0]
    page = central_page(qtbot, central)
    scan(page, f"{channel}/{order_id}")
    scan(page, f"01{gtin}21SN-OTHER-9")
    assert page.banner.kind == "error" and "SN-OTHER-9 WAS NOT SHIPPED" in page.banner.text()
    scan(page, "C:CANCEL")
    assert page.state.in_hand is None
    scan(page, f"01{gtin}21SN-SHIPPED-1")
    assert page.banner.kind == "info" and page.state.in_hand.serial == "SN-SHIPPED-1"


def test_a_parcel_returned_at_an_offline_station_reaches_central_once(
    qtbot, shipped_central, tmp_path
):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    store = StationStore(tmp_path / "ret-01.sqlite", "RET-01")
    online = {"yes": True}
    backend = StationReturnsBackend(
        store, lambda: None, central.uow, "RET-01", lambda: online["yes"]
    )
    page = page_on(qtbot, backend)
    scan(page, "C:CANCEL")  # a first touch: the returns clerk is here, the copy is kept
    backend._activate()
    engine = SyncEngine(store, central.engine, pullers=[ReturnsPuller(store)], listen=False)
    engine.sync_once()  # the copy of shipped orders, taken while central answered
    online["yes"] = False  # the network drops
    scan(page, order.tracking)
    assert f"{order.channel}/{order.order_id}" in page.order_label.text()
    resell_all(page, order)
    scan(page, "C:CLOSE")
    assert page.banner.kind == "ok"
    assert store.waiting() == sum(order.lines.values()) + 1  # durable here, not sent yet
    assert status_of(central, order) == "shipped"
    online["yes"] = True
    engine.sync_once()  # back online: pushed
    engine.sync_once()  # and again: nothing doubles
    assert store.waiting() == 0
    assert status_of(central, order) == "returned"
    returned = rows(
        central, select(order_lines.c.returned).where(order_lines.c.order_id == order.ref)
    )
    assert sorted(r.returned for r in returned) == sorted(order.lines.values())


def test_the_line_in_hand_is_scrolled_into_view(qtbot, shipped_central):
    order = next(o for o in shipped_orders(shipped_central) if len(o.lines) >= 3)
    page = central_page(qtbot, shipped_central)
    page.table.setFixedHeight(110)  # room for one line: a parcel of many lines' case
    page.show()
    scan(page, order.tracking)
    last = page.lines.rowCount() - 1
    sku = page.lines.lines[last].sku
    assert last >= 1 and page.lines.data(page.lines.index(last, 0)).startswith(f"{sku}\n")
    scan(page, order.gtins[sku])
    assert page.state.in_hand is not None and page.state.in_hand.sku == sku
    table = page.table
    assert table.viewport().rect().intersects(table.visualRect(page.lines.index(last, 0)))
