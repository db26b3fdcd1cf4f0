"""The clerk's three pages over central, as a station has them, for tests and screenshots that
show one job: the home's job bar then reads as on the floor (Receive · Count · Move)."""

from __future__ import annotations

from app.services.counting_central import CentralCountBackend
from app.services.moves import CentralMoveBackend
from app.services.receiving_central import CentralReceivingBackend
from ui.clerk import ClerkHome, MovePage
from ui.clerk.counting import CountPage
from ui.clerk.receiving import ReceivingPage


def clerk_home(user, central, worker, station: str, job: str, page) -> ClerkHome:
    """A clerk's home with every job, `job` made by `page()` and shown; the others over
    central's own backends."""
    pages = {
        "RECEIVE": lambda: ReceivingPage(
            user, CentralReceivingBackend(central.uow, station), worker, station
        ),
        "COUNT": lambda: CountPage(
            user, CentralCountBackend(central.uow, station), worker, station
        ),
        "MOVE": lambda: MovePage(user, CentralMoveBackend(central.uow, station), worker, station),
    }
    home = ClerkHome(user, pages | {job: page})
    home.show_job(job)
    return home
