"""Closing a carton at the packing station, as one use case on the station's worker thread:
the carton's numbers, the closing step, the fact made durable, then the label and slip queued.

The screen checked the closing rules first (app.steps.packing_close.close_refusal, on the UI
thread); they are checked again here against the same state, so a carton never closes past them.
The screen adopts the returned state only after this returns: the `package.closed` fact is
stored by then, and the print jobs are in the durable spooler.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.packing import PackageType
from app.services.ports import CartonPrinter, PackingBackend
from app.steps import packing_close
from app.steps.packing_state import PackState, Verdict


@dataclass(frozen=True)
class CartonClosed:
    verdict: Verdict  # the state to adopt and `verdict.closed`, the carton for the screen
    jobs: list[str]  # the print job ids, label first (empty without a printer)


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
) -> CartonClosed:
    """Worker thread. Numbers (durable before they return, never handed out twice), the closed
    carton's fact (durable), then the print jobs (the spooler is durable too)."""
    numbers = backend.allocate_numbers(state.order)
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
