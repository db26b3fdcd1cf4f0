"""Checked by mypy only (`make lint`), never run: the adapters satisfy the ports they implement.

A repository that drops or changes a method app/ calls fails here, before any test runs.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.own_series_carrier import OwnSeriesCarrier
from app.services.packing_central import CentralPackingBackend
from app.services.picking_central import CentralPickingBackend
from app.services.ports import CarrierLabels, PackingBackend, PickingBackend, UnitOfWork
from carriers.api import ApiCarrier
from db.uow import SqlUnitOfWork

unit_of_work: Callable[..., UnitOfWork] = SqlUnitOfWork
central_picking: Callable[..., PickingBackend] = CentralPickingBackend
central_packing: Callable[..., PackingBackend] = CentralPackingBackend

# The carrier port (docs/carriers.md): both adapters, so packing may treat them the same way.
own_series_carrier: Callable[..., CarrierLabels] = OwnSeriesCarrier
api_carrier: Callable[..., CarrierLabels] = ApiCarrier
