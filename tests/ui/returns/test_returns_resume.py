"""The returns page when a parcel left before it was closed is scanned again (docs/returns.md,
"A parcel left open"): the screen says it resumed, lists the item taken before, and C:CLOSE
closes that one return — against central, and at a station store while central is away."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.schema import return_lines, returns
from db.station.returning import ReturnsPuller, StationReturnsBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.returns.shipped import shipped_orders
from tests.ui.returns.test_returns_page import central_page, page_on, rows, scan


def offline_page(qtbot, central, tmp_path):
    store = StationStore(tmp_path / "ret-01.sqlite", "RET-01")
    online = [True]
    backend = StationReturnsBackend(store, lambda: None, central.uow, "RET-01", lambda: online[0])
    backend._activate()
    engine = SyncEngine(store, central.engine, pullers=[ReturnsPuller(store)], listen=False)
    engine.sync_once()  # the copy
    online[0] = False
    page = page_on(qtbot, backend)
    page.push = lambda: (online.__setitem__(0, True), engine.sync_once())
    return page


@pytest.mark.parametrize("where", ["central", "offline station"])
def test_scanning_a_left_parcel_again_shows_what_was_taken_and_closes_one_return(
    qtbot, shipped_central, tmp_path, where
):
    central = shipped_central
    order = shipped_orders(central, lot_controlled=False)[0]
    sku = next(iter(order.lines))
    if where == "central":
        page = central_page(qtbot, central)
    else:
        page = offline_page(qtbot, central, tmp_path)
    scan(page, order.tracking)
    scan(page, order.gtins[sku])
    scan(page, "C:DAMAGED")
    first = page.state.return_id
    scan(page, "C:CANCEL")
    assert page.banner.kind == "info" and "scan it again" in page.banner.text()
    assert page.lines.rowCount() == 0
    scan(page, order.tracking)
    assert page.banner.kind == "info" and "RESUMED" in page.banner.text()
    assert "1 unit(s) taken in already" in page.banner.text()
    assert page.state.return_id == first
    row = next(n for n, line in enumerate(page.lines.lines) if line.sku == sku)
    assert page.lines.data(page.lines.index(row, 3)) == "1 damaged"  # the earlier item, listed
    scan(page, "C:CLOSE")
    assert page.banner.kind == "ok" and "CLOSED" in page.banner.text()
    if where != "central":
        page.push()
    (head,) = rows(central, select(returns))
    assert (head.return_id, head.status) == (first, "closed")
    assert len(rows(central, select(return_lines))) == 1
