"""The lead's board shows the open replenishments: how many, and the most urgent first."""

from __future__ import annotations

from app.domain.users import Role, User
from app.services.lead.console import LeadConsole
from tests.integration.stock.moves_site import (
    FACE,
    RESERVE,
    order_bolts,
    plan_and_release,
    tiny_site,
)
from ui.lead import LeadHome
from ui.worker import SynchronousWorker

LEAD = User("Maria Jansen", Role.LEAD, "1011")


def test_the_board_shows_open_replenishments(qtbot, tmp_path, sqlite_url):
    central = tiny_site(sqlite_url, tmp_path / "site")
    home = LeadHome(LeadConsole(central.uow, LEAD, "LEAD-01"), SynchronousWorker(), poll_ms=60_000)
    qtbot.addWidget(home)
    assert home.board.refill_line.text() == "Replenishments open: 0"
    order_bolts(central, tmp_path, 15)
    plan_and_release(central)
    home.poll(force=True)
    line = home.board.refill_line.text()
    assert line == f"Replenishments open: 1 · 35 × BOLT: {RESERVE} → {FACE}"
    central.close()
