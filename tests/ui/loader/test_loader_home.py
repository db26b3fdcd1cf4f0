"""The loader home over a backend of its own (no database): typed SSCCs, a failed save, and
the refusal's red banner and tone; the words come from ui/loader/texts.py."""

from __future__ import annotations

from app.domain.dispatch import Carton, ParcelView
from app.domain.users import Role, User
from ui.loader import LoaderHome
from ui.worker import SynchronousWorker

SSCC = "087123450000000011"
PARCEL = ParcelView(
    package_id=1,
    order_ref=1,
    channel="webshop",
    order_id="WS-1",
    order_status="packed",
    carrier="DHL",
    service="Paket",
    carton=1,
    sscc=SSCC,
    tracking_number="SHP1",
    weight_kg=1.0,
    status="packed",
    unit=None,
    cartons=(Carton(1, SSCC, "SHP1", 1.0, "packed"),),
)


class Backend:
    def __init__(self, fail: bool = False) -> None:
        self.fail, self.recorded = fail, []

    def unit_carrier(self, unit):
        return "DHL"

    def parcel(self, code):
        return PARCEL if code == SSCC else None

    def site(self):
        return None  # no settings: carriers match by the text the unit was bound with

    def record(self, facts):
        if self.fail and any(f.kind == "dispatch.loaded" for f in facts):
            raise OSError("disk full")
        self.recorded += facts


def home(qtbot, backend) -> LoaderHome:
    widget = LoaderHome(
        User("Kofi Mensah", Role.LOADER, "1013"), backend, SynchronousWorker(), "DOCK-01"
    )
    qtbot.addWidget(widget)
    widget.handle_typed_number("U:PAL-1")
    return widget


def test_typed_sscc_loads(qtbot):
    backend = Backend()
    loader = home(qtbot, backend)
    assert loader.state.carrier == "DHL"
    loader.handle_typed_number(SSCC)
    assert loader.banner.kind == "ok" and "Order complete" in loader.banner.text()
    assert [f.kind for f in backend.recorded] == ["dispatch.loaded"]
    loader.handle_typed_number("123456789012345678")  # no check digit: not an SSCC
    assert loader.banner.kind == "error" and loader.tones.played[-1] == "error"


def test_a_load_not_saved_is_not_shown_as_loaded(qtbot):
    loader = home(qtbot, Backend(fail=True))
    loader.handle_typed_number(SSCC)
    assert loader.banner.kind == "error" and "NOT SAVED" in loader.banner.text()
    assert not loader.state.loaded
