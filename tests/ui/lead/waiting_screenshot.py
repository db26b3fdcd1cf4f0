"""Render the Exceptions tab with a short pick ("not found") and an order waiting for stock, at
1280×800, in English and Chinese: docs/screenshots/lead_exceptions_waiting[_zh].png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.lead.waiting_screenshot
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from app.cli import main as cli
from app.services import lead
from app.services.lead.console import LeadConsole
from tests.integration.lead.site import STATION, build_site
from tests.integration.site_files import order_row, write_orders
from tests.integration.stranded import floor
from ui.app import prepare_application
from ui.i18n import LanguageSwitch
from ui.lead import LeadHome
from ui.worker import SynchronousWorker

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def _run_cli(*args):
    return cli([str(a) for a in args]), "", ""


def _site(folder: Path):
    url = f"sqlite:///{folder}/central.sqlite"
    site = build_site(folder, url, _run_cli, capacity=8)
    (only,) = [row.id for row in lead.load_board(site.uow(), site.lead).rows]
    lead.reassign(site.uow(), site.lead, [only], "Pia", STATION)
    backend = floor.picker_station(site)
    floor.bind_totes(backend, backend.my_pick_list(site.pia), site.pia)
    view = backend.my_pick_list(site.pia)
    (milk,) = [t for t in view.tasks if t.sku == "MILK"]
    floor.short(backend, view, milk, site.pia, found=1, reason="not_found")
    big = write_orders(
        folder / "big.csv", order_row("SO-BIG", "GLUE", "9"), order_row("SO-BIG", "MILK", "12")
    )
    _run_cli("import-orders", big, "--database", url)
    _run_cli("allocate", "--database", url)
    return site


def main() -> None:
    app = prepare_application(["screenshots"])
    folder = Path(tempfile.mkdtemp())
    site = _site(folder)
    home = LeadHome(LeadConsole(site.central.uow, site.lead, STATION), SynchronousWorker(), 60_000)
    home.resize(1280, 800)
    home.show()
    home.tabs.setCurrentWidget(home.exceptions)
    languages = LanguageSwitch(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    for code, suffix in (("en", ""), ("zh_CN", "_zh")):
        languages.apply(code)
        app.processEvents()
        home.exceptions.view.selectRow(1)
        app.processEvents()
        home.grab().save(str(OUT / f"lead_exceptions_waiting{suffix}.png"))
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
