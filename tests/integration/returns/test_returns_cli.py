"""`shipshape returns receive` and `import-returns` on the real flow: orders picked, packed,
loaded and shipped by the demo's people, then returned (docs/returns.md, docs/interfaces.md §14).
Every case checks what central holds afterwards: the order's status and returned units, stock
through the ledger, quarantine, the lead's queue, the return.received message."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from db.schema import (
    events,
    exceptions,
    integration_messages,
    locations,
    order_lines,
    products,
    quarantine,
    return_lines,
    returns,
    rmas,
    stock,
    stock_movements,
)
from tests.integration.returns.shipped import shipped_orders

CLERK = "1017"  # no returns clerk in the demo before issue 20: the test adds one


def url_of(central) -> str:
    return str(central.engine.url)


def add_clerk(central, run_cli) -> None:
    from app.services.users import save_user

    save_user(central.uow(), "Sam Returns", "returns", CLERK, None, by=central.setup_identity())


def receive(run_cli, central, code, *scans, extra=()):
    return run_cli(
        "returns",
        "receive",
        code,
        "--scan",
        *scans,
        "--badge",
        CLERK,
        "--json",
        "--database",
        url_of(central),
        *extra,
    )


def rows(central, query):
    with central.engine.connect() as conn:
        return conn.execute(query).all()


def on_hand(central, sku: str, location: str | None = None) -> int:
    query = (
        select(func.coalesce(func.sum(stock.c.on_hand), 0))
        .join(products, products.c.id == stock.c.product_id)
        .join(locations, locations.c.id == stock.c.location_id)
        .where(products.c.sku == sku)
    )
    if location:
        query = query.where(locations.c.code == location)
    return rows(central, query)[0][0]


def test_an_unannounced_return_puts_every_unit_back_where_it_was_picked(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = shipped_orders(central, lot_controlled=False)[0]
    sku, units = next(iter(order.lines.items()))
    before = on_hand(central, sku)
    scans = [f"{order.gtins[s]}*{n}" for s, n in order.lines.items()]
    status, out, err = receive(run_cli, central, order.tracking, *scans)
    assert status == 0, err
    record = json.loads(out)
    assert (record["channel"], record["order_id"], record["rma"]) == (
        order.channel,
        order.order_id,
        "",
    )
    assert record["status"] == "returned"
    assert {(i["sku"], i["quantity"], i["condition"]) for i in record["items"]} == {
        (s, n, "resell") for s, n in order.lines.items()
    }
    assert on_hand(central, sku) == before + units
    where = next(i["location"] for i in record["items"] if i["sku"] == sku)
    moves = rows(central, select(stock_movements).where(stock_movements.c.kind == "return"))
    assert sum(m.delta for m in moves) == sum(order.lines.values())
    returned = rows(
        central, select(order_lines.c.returned).where(order_lines.c.order_id == order.ref)
    )
    assert sorted(r.returned for r in returned) == sorted(order.lines.values())
    assert on_hand(central, sku, where) >= units
    (message,) = rows(
        central,
        select(integration_messages).where(integration_messages.c.kind == "return.received"),
    )
    body = json.loads(message.body)
    assert body["order"] == {"channel": order.channel, "order_id": order.order_id}
    assert body["data"]["restocked"] == sum(order.lines.values())
    assert body["data"]["status"] == "returned"


def test_orders_json_shows_returned_units_per_line(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    assert receive(run_cli, central, order.key, order.gtins[sku])[0] == 0
    status, out, _ = run_cli("orders", "--json", "--database", url_of(central))
    mine = next(
        json.loads(x) for x in out.splitlines() if json.loads(x)["order_id"] == order.order_id
    )
    lines = {x["sku"]: x for x in mine["lines"]}
    assert lines[sku]["returned"] == 1
    assert mine["status"] == (
        "returned" if sum(order.lines.values()) == 1 else "partially_returned"
    )
    others = [x for x in json.loads(next(iter(out.splitlines())))["lines"]]
    assert all("returned" in x for x in others)


def test_damaged_goes_to_quarantine_never_to_stock(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    before = on_hand(central, sku)
    status, out, err = receive(run_cli, central, order.sscc, f"{order.gtins[sku]}:damaged")
    assert status == 0, err
    (item,) = json.loads(out)["items"]
    assert (item["condition"], item["location"]) == ("damaged", "QUARANTINE")
    assert on_hand(central, sku) == before
    (held,) = rows(central, select(quarantine))
    assert (held.quantity, held.reason, held.status) == (1, "damaged", "open")
    status, out, _ = run_cli("stock", "--json", "--database", url_of(central))
    assert "QUARANTINE" not in out


def test_an_item_not_in_the_order_is_refused_unless_taken_as_a_wrong_item(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order, other = shipped_orders(central, lot_controlled=False)[:2]
    stranger = next(s for s in other.gtins if s not in order.gtins)
    count_events = lambda: rows(central, select(func.count()).select_from(events))[0][0]  # noqa: E731
    before = count_events()
    sku = next(iter(order.lines))
    status, out, err = receive(
        run_cli, central, order.tracking, order.gtins[sku], other.gtins[stranger]
    )
    assert status == 2 and out == ""
    assert "was not in the order" in err and "nothing recorded" in err
    assert count_events() == before and rows(central, select(returns)) == []
    status, out, err = receive(
        run_cli, central, order.tracking, order.gtins[sku], f"{other.gtins[stranger]}:wrong_item"
    )
    assert status == 0, err
    items = {i["sku"]: i for i in json.loads(out)["items"]}
    assert (
        items[stranger]["condition"] == "wrong_item" and items[stranger]["location"] == "QUARANTINE"
    )
    flagged = rows(central, select(exceptions).where(exceptions.c.kind == "return_flagged"))
    assert len(flagged) == 1 and flagged[0].details["sku"] == stranger
    wrong = rows(central, select(return_lines).where(return_lines.c.condition == "wrong_item"))
    assert wrong[0].order_line_id is None


def test_more_than_shipped_is_flagged(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = shipped_orders(central, lot_controlled=False)[0]
    sku, units = next(iter(order.lines.items()))
    status, _, err = receive(run_cli, central, order.tracking, f"{order.gtins[sku]}*{units + 1}")
    assert status == 2 and "more than the order shipped" in err


def test_unknown_parcel_and_unknown_item_are_refused(shipped_central, run_cli):
    central = shipped_central
    add_clerk(central, run_cli)
    order = shipped_orders(central)[0]
    status, _, err = receive(run_cli, central, "NO-SUCH-PARCEL", next(iter(order.gtins.values())))
    assert status == 2 and "NO-SUCH-PARCEL is no tracking number" in err
    status, _, err = receive(run_cli, central, order.tracking, "NOT-A-THING")
    assert status == 2 and "NOT-A-THING is not a product barcode or SKU" in err
    status, _, err = receive(run_cli, central, order.tracking, "X:sold")
    assert status == 2
    assert rows(central, select(returns)) == []


def test_an_announced_return_by_rma_records_what_is_missing(shipped_central, run_cli, tmp_path):
    central = shipped_central
    add_clerk(central, run_cli)
    order = next(o for o in shipped_orders(central) if len(o.lines) >= 2)
    sku, units = next(iter(order.lines.items()))
    second = [s for s in order.lines if s != sku]
    lines = [f"RMA-1,{order.channel},{order.order_id},{sku},{units},too small"]
    lines += [f"RMA-1,{order.channel},{order.order_id},{s},1,changed mind" for s in second[:1]]
    path = tmp_path / "rma.csv"
    path.write_text("rma,channel,order_id,sku,quantity,reason\n" + "\n".join(lines) + "\n")
    status, out, err = run_cli("import-returns", path, "--database", url_of(central))
    assert status == 0, err
    status, out, _ = run_cli("import-returns", path, "--database", url_of(central))
    assert status == 0 and "already" in out  # run again: nothing doubled
    status, out, err = receive(run_cli, central, "RMA-1", f"{order.gtins[sku]}*{units}")
    assert status == 0, err
    record = json.loads(out)
    assert record["rma"] == "RMA-1" and record["status"] == "partially_returned"
    (rma,) = rows(central, select(rmas))
    assert rma.status == "received"
    missing = rows(central, select(return_lines).where(return_lines.c.condition == "missing"))
    assert [(m.quantity, m.destination) for m in missing] == [(1, "none")]


def test_import_returns_rejects_what_cannot_be_right(shipped_central, run_cli, tmp_path):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    sku, units = next(iter(order.lines.items()))
    path = tmp_path / "rma.csv"
    path.write_text(
        "rma,channel,order_id,sku,quantity,reason\n"
        f"R-OK,{order.channel},{order.order_id},{sku},1,\n"
        f"R-TOO-MANY,{order.channel},{order.order_id},{sku},{units + 1},\n"
        f"R-NO-ORDER,{order.channel},NOPE,{sku},1,\n"
        f"R-NOT-ON-IT,{order.channel},{order.order_id},NOT-A-SKU,1,\n"
        f"R-BAD-QTY,{order.channel},{order.order_id},{sku},0,\n"
    )
    status, out, err = run_cli("import-returns", path, "--database", url_of(central), "--json")
    assert status == 2
    report = json.loads(out)
    assert report["imported"] == 1 and len(report["rejected"]) == 4
    assert [r.rma_id for r in rows(central, select(rmas))] == ["R-OK"]
