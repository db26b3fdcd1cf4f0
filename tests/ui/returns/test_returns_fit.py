"""The returns station fits a 1280x800 station monitor in English and Chinese, nothing cut off:
an open announced parcel with a resellable unit to put back, a flagged wrong item, and the parcel
resumed after it was left.
`SHIPSHAPE_SCREENSHOTS=docs/screenshots` saves them (returns_*.png)."""

from __future__ import annotations

import pytest

from app.domain.users import Role, User
from app.services.returns_central import CentralReturnsBackend
from tests.integration.returns.shipped import shipped_orders
from tests.ui.test_fit import Screens
from ui.app import load_fonts, load_stylesheet, use_fonts
from ui.returns.page import ReturnsPage
from ui.worker import SynchronousWorker

SAM = User("Sam Peeters", Role.RETURNS, "1017")


@pytest.fixture
def floor_style(qapp):
    use_fonts(qapp, load_fonts())
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


def test_the_returns_screens_fit(qtbot, tmp_path, shipped_central, run_cli, floor_style):
    central = shipped_central
    order = next(o for o in shipped_orders(central) if len(o.lines) >= 2)
    other = next(o for o in shipped_orders(central) if set(o.lines) - set(order.lines))
    first = next(iter(order.lines))
    stranger = next(s for s in other.gtins if s not in order.gtins)
    path = tmp_path / "rma.csv"
    path.write_text(
        "rma,channel,order_id,sku,quantity,reason\n"
        f"RMA-2041,{order.channel},{order.order_id},{first},1,too small\n"
    )
    assert run_cli("import-returns", path, "--database", str(central.engine.url))[0] == 0

    def returns_home(user):
        return ReturnsPage(
            user, CentralReturnsBackend(central.uow, "RET-01"), SynchronousWorker(), "RET-01"
        )

    screens = Screens(qtbot, tmp_path, {Role.RETURNS: returns_home}, "RET-01")
    screens.window.show_home(SAM)
    screens.look("returns_start")
    screens.scan("RMA-2041")
    screens.scan(order.gtins[first])
    screens.scan("C:RESELL")
    screens.look("returns_resell")
    screens.scan(f"L:{screens.window.home.where_label.text()}")
    screens.scan(other.gtins[stranger])
    screens.look("returns_flagged")
    screens.scan("C:CANCEL")  # the wrong item handed back
    screens.scan("C:CANCEL")  # the parcel left, its resold unit taken in
    screens.scan("RMA-2041")  # and scanned again: resumed
    assert "RESUMED" in screens.window.home.banner.text()
    screens.look("returns_resumed")
    screens.scan("C:UNDO")  # the resold unit taken back off the shelf
    assert "UNDONE" in screens.window.home.banner.text()
    screens.look("returns_undone")
    assert not screens.problems, "\n".join(screens.problems)
