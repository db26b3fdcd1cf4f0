"""The lead console shows an order waiting for stock, with what it lacks and its resolutions."""

from __future__ import annotations

from sqlalchemy import select

from db.schema import orders
from tests.integration.lead.site import build_site
from tests.integration.site_files import order_row, write_orders
from tests.ui.lead.test_lead_home import open_home
from ui.lead.exceptions_tab import kind_text, resolution_text


def waiting_site(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)  # GLUE: 1 of 4 left free
    path = write_orders(tmp_path / "big.csv", order_row("SO-BIG", "GLUE", "9"))
    assert run_cli("import-orders", path, "--database", sqlite_url)[0] == 0
    assert run_cli("allocate", "--database", sqlite_url)[0] == 0
    return site


def test_a_waiting_order_shows_what_it_lacks_and_is_retried(qtbot, tmp_path, sqlite_url, run_cli):
    site = waiting_site(tmp_path, sqlite_url, run_cli)
    home = open_home(qtbot, site)
    (row,) = [n for n, q in enumerate(home.exceptions.queue.rows) if q.order == "web/SO-BIG"]
    model = home.exceptions.queue
    assert model.index(row, 0).data() == kind_text("waiting_for_stock") == "Waiting for stock"
    assert "GLUE: 8 of 9 missing" in model.index(row, 2).data()
    home.exceptions.view.selectRow(row)
    offered = [home.exceptions.choice.itemText(i) for i in range(home.exceptions.choice.count())]
    assert offered == [resolution_text("retry_allocation"), resolution_text("cancel_order")]
    home.exceptions.choose("retry_allocation")
    home.exceptions.resolve_button.click()
    assert home.message.kind == "error"  # still 8 short: nothing changed, the item stays
    assert any(q.order == "web/SO-BIG" for q in home.exceptions.queue.rows)
    counted = tmp_path / "count.csv"
    counted.write_text("location,sku,quantity,lot,expiry\nA02-002-L-1,GLUE,20,,\n")
    assert run_cli("import-stock", counted, "--database", sqlite_url)[0] == 0
    status = site.rows(select(orders.c.status).where(orders.c.order_id == "SO-BIG"))[0][0]
    assert status == "allocated"  # the count retried it
