"""A site with varied orders ready to pack, and the check that the packer's views of many orders
loaded at once (`load_views`, a station's pull) equal those loaded one by one (`load_view`).
Shared by the SQLite test (test_load_views.py) and the PostgreSQL one (test_packing_pg.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select, update

from app.services.packing_central import CentralPackingBackend, ready_to_pack
from db.schema import exceptions, order_lines, orders, products, totes
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.integration.packing.test_central_packing import pack_everything

NO_SUCH_ORDER = 987_654


def varied_site(central) -> dict[str, int]:
    """Orders of every kind a station's pull meets: plain, short-picked with a partial
    shipment allowed or not, on hold, in two totes, one carton of a serial product shipped
    (and another order of that product), several units per line; name -> order ref."""
    refs = released_orders(central, 1, 3)
    kinds = ("plain", "partial", "blocked", "on_hold", "two_totes", "shipped", "same_serials")
    named = dict(zip(kinds, refs, strict=False))
    named["many_units"] = refs[len(kinds)]
    with central.engine.begin() as conn:
        product = conn.execute(
            select(order_lines.c.product_id).where(order_lines.c.order_id == named["shipped"])
        ).scalar()
        conn.execute(update(products).where(products.c.id == product).values(serial_required=True))
        conn.execute(
            update(order_lines)
            .where(order_lines.c.order_id == named["same_serials"])
            .values(product_id=product)
        )
    for n, (name, ref) in enumerate(named.items()):
        short = {0: 1} if name in ("partial", "blocked") else None
        pick_into_tote(central, ref, f"VV{n:02}", short, 3 if name == "many_units" else None)
    with central.engine.begin() as conn:
        conn.execute(insert(totes).values(code="VV99", order_id=named["two_totes"], status="ready"))
        conn.execute(update(orders).where(orders.c.id == named["on_hold"]).values(status="on_hold"))
        conn.execute(insert(exceptions).values(**_ship_partial(named["partial"])))
    backend = CentralPackingBackend(central.uow, "pack-vv")
    order = pick_into_tote_view(central, named["shipped"], kinds.index("shipped"))
    pack_everything(backend, order, final=False)
    return named


def pick_into_tote_view(central, ref: int, n: int):
    """The order picked into tote VV<n> above, as the packing driver needs it."""
    from station.demo_packing import picked_order

    return picked_order(central, ref, f"VV{n:02}")


def _ship_partial(ref: int) -> dict:
    return {
        "kind": "short_pick",
        "order_ref": ref,
        "status": "resolved",
        "resolution": "ship_partial",
        "details": {},
        "note": "",
        "created_at": datetime.now(UTC),
    }


def check_views_equal_one_by_one(central) -> None:
    named = varied_site(central)
    refs = [*named.values(), NO_SUCH_ORDER]
    with central.uow() as uow:
        together = uow.packing.load_views(refs)
    one_by_one = {}
    for ref in refs:
        with central.uow() as uow:
            one_by_one[ref] = uow.packing.load_view(ref)
    assert one_by_one.pop(NO_SUCH_ORDER) is None
    assert together == one_by_one
    # ... and they are the varied orders meant, not equally empty ones
    views = {name: together[ref] for name, ref in named.items()}
    assert views["partial"].partial_allowed and not views["partial"].blocked
    assert views["blocked"].blocked and "short_pick" in views["blocked"].flags
    assert "on_hold" in views["on_hold"].flags
    assert views["two_totes"].tote == f"VV{list(named).index('two_totes'):02}"
    assert views["shipped"].cartons_closed == 1 and views["shipped"].tracking_number
    assert views["same_serials"].shipped_serials and not views["plain"].shipped_serials
    assert views["shipped"].shipped_serials == views["same_serials"].shipped_serials
    assert all(line.quantity == 3 for line in views["many_units"].lines)
    assert all(view.package_types and view.lines for view in views.values())
    # a station's pull gets those same views (of the orders still in a ready tote)
    ready = ready_to_pack(central.uow(), None, set())
    assert ready.views == {ref: view for ref, view in together.items() if ref in ready.refs}
    assert set(named.values()) - ready.refs <= {named["shipped"]}
