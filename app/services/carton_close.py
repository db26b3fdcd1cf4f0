"""Closing a carton at the packing station, as one use case on the station's worker thread:
the carton's numbers, the closing step, the fact made durable, then the label and slip queued.

The screen checked the closing rules first (app.steps.packing_close.close_refusal, on the UI
thread); they are checked again here against the same state, so a carton never closes past them.
The screen adopts the returned state only after this returns: the `package.closed` fact is
stored by then, and the print jobs are in the durable spooler.

A carrier that sells its labels through an API (`CarrierDesk.api_carrier`) is asked here, on
the worker: its label is bought once per carton (`label_reference`) and printed as it came.
Refused: the error goes to the screen and the carton stays open. Not answering: the carton
closes *awaiting its label* (kept in the durable list first), and the retrier prints it later.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass

from app.domain.packing import PackageType, ShipmentNumbers, awaiting_label_number
from app.domain.site import SiteSettings
from app.errors import CarrierUnavailable
from app.services.carrier_labels import CarrierDesk
from app.services.ports import CartonPrinter, PackingBackend
from app.services.ports.carriers import (
    AwaitedLabel,
    CarrierLabels,
    LabelRequest,
    Parcel,
    label_reference,
)
from app.steps import packing_close
from app.steps.packing_state import ClosedCarton, PackState, Verdict


@dataclass(frozen=True)
class CartonClosed:
    verdict: Verdict  # the state to adopt and `verdict.closed`, the carton for the screen
    jobs: list[str]  # the print job ids, label first (empty without a printer)
    awaiting_label: bool = False  # the carrier did not answer: its label prints by itself later


@dataclass(frozen=True)
class CloseRequest:
    """What the packer asked for: this carton type at this weight, the last carton or not."""

    package_type: PackageType
    weight_kg: float
    weight_source: str  # "scale" or "typed"
    final: bool


def close_and_print(
    backend: PackingBackend,
    printer: CartonPrinter | None,
    state: PackState,
    request: CloseRequest,
    user: str,
    desk: CarrierDesk | None = None,
) -> CartonClosed:
    """Worker thread. Numbers (durable before they return, never handed out twice), the closed
    carton's fact (durable), then the print jobs (the spooler is durable too)."""
    numbers = backend.allocate_numbers(state.order)
    carrier = desk.api_carrier(state.order.carrier) if desk is not None else None
    if carrier is not None and desk is not None and printer is not None:
        return _close_with_carrier(backend, printer, state, request, numbers, (desk, carrier))
    verdict = packing_close.close_carton(
        state,
        request.package_type,
        request.weight_kg,
        request.weight_source,
        numbers,
        request.final,
    )
    backend.record(list(verdict.facts))
    if printer is None or verdict.closed is None:
        return CartonClosed(verdict, [])
    return CartonClosed(verdict, printer.print_carton(state.order, verdict.closed, user))


def _close_with_carrier(
    backend: PackingBackend,
    printer: CartonPrinter,
    state: PackState,
    request: CloseRequest,
    numbers: ShipmentNumbers,
    carrier: tuple[CarrierDesk, CarrierLabels],
) -> CartonClosed:
    """The carrier sells the label (CarrierRefused goes up: the carton stays open), or the
    carton closes awaiting it. Our SSCC stays the carton's; the tracking number is the
    carrier's."""
    desk, labels = carrier
    site = desk.site()
    reference = label_reference(site.name, state.order.order_id, state.carton)
    label_request = _label_request(site, state, request, printer.label_format())
    purchase = None
    if label_request.carrier not in desk.silent:  # else it awaits its label at once
        with suppress(CarrierUnavailable):
            purchase = desk.buy(labels, label_request, reference)
    tracking = purchase.tracking_number if purchase else awaiting_label_number(numbers.sscc)
    label = {"label": "carrier" if purchase else "awaiting", "label_reference": reference,
             "shipment_id": purchase.shipment_id if purchase else None}  # fmt: skip
    verdict = packing_close.close_carton(
        state, request.package_type, request.weight_kg, request.weight_source,
        ShipmentNumbers(tracking, numbers.sscc), request.final, label,
    )  # fmt: skip
    closed = verdict.closed
    assert closed is not None
    awaited = _awaited(reference, label_request, state, closed)
    if purchase is None:  # on the durable list before the fact: a retry for every awaiting carton
        desk.awaited.add(awaited)
    backend.record(list(verdict.facts))
    jobs = [f"{closed.numbers.sscc}-label"]
    if purchase is not None and purchase.label is not None:
        jobs = [printer.print_carrier_label(purchase.label, awaited)]
    jobs.append(printer.print_slip(state.order, closed, state.actor.user))
    if purchase is None:
        desk.wake()
    return CartonClosed(verdict, jobs, awaiting_label=purchase is None)


def _label_request(
    site: SiteSettings, state: PackState, request: CloseRequest, label_format: str
) -> LabelRequest:
    order, box = state.order, request.package_type
    final = request.final or not state.open_lines()
    carrier = site.carrier(order.carrier)
    return LabelRequest(
        carrier=carrier.code if carrier is not None else order.carrier,
        service=order.service,
        ship_from=dict(site.ship_from),
        ship_to={key: str(value) for key, value in order.ship_to.items() if value},
        parcel=Parcel(round(request.weight_kg, 3), box.length_cm, box.width_cm, box.height_cm),
        order_ref=order.order_id,
        carton_index=state.carton,
        carton_count=state.carton if final else None,
        label_format="pdf" if label_format == "pdf" else "zpl",
    )


def _awaited(
    reference: str, request: LabelRequest, state: PackState, closed: ClosedCarton
) -> AwaitedLabel:
    return AwaitedLabel(
        reference=reference,
        request=request,
        order_ref=state.order.order_ref,
        order_id=state.order.order_id,
        sscc=closed.numbers.sscc,
        carton=closed.index,
        count=closed.count,
        user=state.actor.user,
        station=state.actor.station,
    )
