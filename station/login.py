"""What `shipshape run` checks about the database login before it builds a station."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from app.bootstrap import Central, redacted
from app.errors import NotAllowed, NotSetUp
from app.messages import message
from app.services import demo
from db.fact_door import may_write, station_of_login


def seed_first_start(central: Central) -> None:
    """The demo on an empty site, as its set-up identity; a station or lead login cannot."""
    try:
        setup = central.setup_identity()
    except NotSetUp:
        print(
            f"{redacted(central.url)} has no users, and this login is not its owner: "
            "set the site up first (shipshape migrate --first-lead, docs/setup.md)"
        )
        return
    print(f"first start: seeding the demo site into {redacted(central.url)}")
    demo.seed_demo(central.uow(), setup)


def store_of_station_login(central: Central, station: str) -> str | None:
    """A station login writes only through the narrow door, so it always works from a store
    (by default in the user's data folder); and only as the station it is registered for."""
    registered = station_of_login(central.engine)
    if registered is None:
        if not may_write(central.engine):
            raise NotAllowed(message("station.login_not_registered", station=station))
        return None
    if registered != station:
        raise NotAllowed(message("station.login_elsewhere", station=station, registered=registered))
    path = Path(platformdirs.user_data_dir("shipshape")) / f"station-{station}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"station login for {station}: working offline-first from {path}")
    return str(path)
