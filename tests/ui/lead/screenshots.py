"""Render the lead console's tabs on the demo site into docs/screenshots/lead_*.png.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.lead.screenshots [DATABASE_URL]

Without a URL it seeds a fresh demo database in a temporary folder first (about 15 s).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from app.bootstrap import open_central
from app.services import demo, sync
from app.services.lead.console import LeadConsole
from app.services.users import authenticate_lead
from db.schema import stations
from tests.ui.lead.story import play_shift
from ui.app import prepare_application
from ui.lead import LeadHome
from ui.worker import SynchronousWorker

OUT = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def main(url: str | None = None) -> None:
    app = prepare_application(["screenshots"])
    if url is None:
        url = f"sqlite:///{tempfile.mkdtemp()}/demo.sqlite"
        central = open_central(url)
        demo.seed_demo(central.uow(), central.setup_identity())
        play_shift(central.engine)
    central = open_central(url)
    _stations_reporting(central)
    lead = authenticate_lead(central.uow(), "1011", "694907")
    home = LeadHome(LeadConsole(central.uow, lead, "lead-desk"), SynchronousWorker(), 60_000)
    home.resize(1600, 1000)
    home.show()
    home.board.wave_view.selectRow(0)
    home.board.list_view.selectRow(2)
    home.kpis.show_range("week")
    home.exceptions.view.selectRow(0)
    home.exceptions.note.setText("2 left at A05-014-R-3, checked")
    shots = {
        "board": home.board,
        "exceptions": home.exceptions,
        "kpis": home.kpis,
        "stations": home.stations,
    }
    for name, tab in shots.items():
        home.tabs.setCurrentWidget(tab)
        app.processEvents()
        home.grab().save(str(OUT / f"lead_{name}.png"))
    home.waves.capacity.setValue(8)
    home.tabs.setCurrentWidget(home.waves)
    home.waves.preview_button.click()
    app.processEvents()
    home.grab().save(str(OUT / "lead_waves.png"))
    home.tabs.setCurrentWidget(home.lookup)
    home.lookup.look_up(_an_order_in_picking(central))
    app.processEvents()
    home.grab().save(str(OUT / "lead_lookup.png"))
    home.tabs.setCurrentWidget(home.settings)  # loads the site's settings on first show
    app.processEvents()
    home.grab().save(str(OUT / "lead_settings.png"))
    print(f"screenshots written to {OUT}")


def _stations_reporting(central) -> None:
    """Four stations as their sync threads report them; PACK-02 lost the network 6 minutes ago."""
    for station, user, waiting in [
        ("PICK-01", "李娜", 0),
        ("PICK-02", "Jan", 3),
        ("PACK-01", "Ben", 0),
        ("PACK-02", "Ana", 41),
    ]:
        sync.report_status(central.uow(), station, user, waiting)
    with central.engine.begin() as conn:
        gone = datetime.now(UTC) - timedelta(minutes=6)
        conn.execute(update(stations).where(stations.c.name == "PACK-02").values(last_seen=gone))


def _an_order_in_picking(central) -> str:
    from sqlalchemy import select

    from db.schema import order_lines, orders, pick_tasks

    with central.engine.connect() as conn:
        row = conn.execute(
            select(orders.c.channel, orders.c.order_id)
            .join(order_lines, order_lines.c.order_id == orders.c.id)
            .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
            .where(pick_tasks.c.status == "done")
            .limit(1)
        ).first()
    return f"{row.channel}/{row.order_id}"


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
