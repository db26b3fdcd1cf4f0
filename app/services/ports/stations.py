"""The station screens' seams: what the picker and packer screens ask of their data.

The central implementations are app.services.picking_central / packing_central; a station's
offline store (db/station/backend.py, db/station/packing.py) implements the same Protocols.
"""

from __future__ import annotations

from typing import Protocol

from app.domain.events import Event
from app.domain.packing import PackOrderView, ShipmentNumbers
from app.domain.picking import PickListView
from app.domain.users import User
from app.scanning.interpret import Scan
from app.services.ports.carriers import AwaitedLabel, CarrierLabel, LabelFormat
from app.steps.packing_state import ClosedCarton


class PickingBackend(Protocol):
    """Everything the picker screen asks of its data; each call runs on the station's database
    worker thread, never on the UI thread.

    `CentralPickingBackend` (app.services.picking_central) talks to the central database directly;
    a station's offline store implements the same five methods. See docs/picking.md.
    """

    def my_pick_list(self, user: User) -> PickListView | None:
        """The open list assigned to `user`, else the next released one claimed for them (two
        pickers never get the same list); None when no work is waiting."""
        ...

    def record(self, facts: list[Event]) -> None:
        """Keep the facts durably (applied exactly once by UUID); the screen moves on only after
        this returns. Raises when they could not be kept, and the picker scans again."""
        ...

    def still_mine(self, pick_list_id: int, user: User) -> bool:
        """False once a lead has given the list to someone else (or cancelled it)."""
        ...

    def tote_in_use(self, tote: str, order_ref: int) -> bool:
        """True when the tote is bound to another order that is not packed yet."""
        ...

    def site_layout(self) -> dict | None:
        """The warehouse layout document (shipshape.layout/1) for the route map, if known."""
        ...


# ---- Packing station ------------------------------------------------------------------------
class PackingBackend(Protocol):
    """All the packing screen needs from its data. The direct implementation is
    `app.services.packing_central.CentralPackingBackend` (central database); an offline station
    store may implement the same. Every method runs on the station's database worker thread,
    never on the UI thread; each raises `app.errors` exceptions with messages a packer can act on.
    """

    def open_for_packing(self, scanned: Scan, packer: User) -> PackOrderView:
        """The order behind a tote (`T:` code), an order id or a pick list (`PL:<id>`) barcode.
        NotFound when nothing matches; the view's `flags` say what needs a lead's eye. The view
        carries what the packing checks need: each line's `serial_required` and dimensions, the
        serials packed already, and the site's check-weigh tolerance (`weight_check`)."""
        ...

    def record(self, facts: list[Event]) -> None:
        """Make the station's facts durable (pack.item, pack.refused, pack.override,
        package.closed, label.printed ...). Returns only once they are stored."""
        ...

    def allocate_numbers(self, order: PackOrderView) -> ShipmentNumbers:
        """The numbers for the carton being closed: the order's tracking number (allocated at its
        first carton, the same for every carton of the order) and a fresh SSCC. Durable before it
        returns: a number is never handed out twice."""
        ...

    def authenticate_lead(self, badge: str, pin: str) -> User:
        """A shift lead's badge and PIN, for an override; NotAllowed otherwise."""
        ...


class CartonPrinter(Protocol):
    """Prints a closed carton's shipping label and packing slip (on the worker thread; the
    spoolers send them on their own threads). `printing.carton_printer` implements it."""

    def print_carton(self, order: PackOrderView, carton: ClosedCarton, user: str) -> list[str]:
        """Queue the carton's label and slip; the print job ids, label first."""
        ...

    def reprint(self, job_id: str, user: str) -> str:
        """Queue a printed job again (a torn or lost label)."""
        ...

    # ---- a label a carrier API sold (app/services/carton_close.py, carrier_labels.py)
    def label_format(self) -> LabelFormat:
        """What the label printer takes: the format to ask a carrier for."""
        ...

    def print_carrier_label(self, label: CarrierLabel, awaited: AwaitedLabel) -> str:
        """Queue the carrier's label bytes as they came (job `<SSCC>-label`); its job id."""
        ...

    def print_slip(self, order: PackOrderView, carton: ClosedCarton, user: str) -> str:
        """Queue the carton's packing slip only; its job id."""
        ...
