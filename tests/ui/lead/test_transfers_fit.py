"""The Dispatch tab with its Transfers section fits 1280×800 in English and Chinese, under the
floor stylesheet: transfers listed (one made by the automatic rule), a proposal, lines being added and a refusal showing
(SHIPSHAPE_SCREENSHOTS=DIR saves the screenshots)."""

from __future__ import annotations

from app.domain.users import Role
from app.services.lead.console import LeadConsole
from db.engine import make_engine
from db.uow import SqlUnitOfWork
from tests.integration.warehouses.auto_transfers import AutoSites
from tests.ui.lead.test_transfers_section import LEAD
from tests.ui.test_fit import Screens, floor_style  # noqa: F401 - the floor's look
from ui.lead import LeadHome
from ui.worker import SynchronousWorker


def test_the_transfers_section_fits(qtbot, tmp_path, sqlite_url, run_cli):
    sites = AutoSites(run_cli, sqlite_url, tmp_path)
    sites.ok("transfer", "--from", "NORTH", "--to", "WEST", "--sku", "GLUE", "--quantity", "2")
    sites.ok("transfer", "--from", "WEST", "--to", "NORTH", "--sku", "GLUE", "--quantity", "1")
    sites.ok("allocate")
    sites.switch("WEST", True)  # the GLUE face gets TR-3 by itself: its row says why
    sites.face()
    sites.switch("WEST", False)  # the BOLT face only gets a proposal
    faces = "location,sku,min,max\nW01-001,GLUE,8,10\nW01-002,BOLT,2,5\n"
    sites.ok("import-pick-faces", sites.write("faces.csv", faces))
    assert sites.transfers()["TR-3"]["made_by"] == "rule"
    engine = make_engine(sites.url)

    def lead_home(user):
        console = LeadConsole(
            lambda warehouse=None: SqlUnitOfWork(engine, warehouse=warehouse), LEAD, "LEAD-1"
        )
        return LeadHome(console, SynchronousWorker(), poll_ms=60_000)

    screens = Screens(qtbot, tmp_path, {Role.LEAD: lead_home}, "LEAD-1")
    screens.window.show_home(LEAD)
    home = screens.window.home
    home.warehouse.setCurrentIndex(home.warehouse.findText("WEST"))
    home._choose_warehouse(home.warehouse.currentIndex())
    home.tabs.setCurrentWidget(home.dispatch)
    section = home.dispatch.transfers
    section.view.selectRow(0)
    section.proposal_view.selectRow(0)
    section.sku.setText("GLUE")
    section.quantity.setValue(4)
    section.add_line()
    section.sku.setText("NOPE")
    section.make()  # refused: the unknown SKU in red, the lines kept
    screens.look("lead_dispatch_transfers")
    engine.dispose()
    assert not screens.problems, "\n".join(screens.problems)
