"""Checked by mypy only (`make lint`), never run: the adapters satisfy the ports they implement.

A repository that drops or changes a method app/ calls fails here, before any test runs.
"""

from __future__ import annotations

from collections.abc import Callable

from app.services.carrier_labels import CarrierPrinter
from app.services.dispatch_central import CentralDispatchBackend
from app.services.moves import CentralMoveBackend
from app.services.own_series_carrier import OwnSeriesCarrier
from app.services.packing_central import CentralPackingBackend
from app.services.picking_central import CentralPickingBackend
from app.services.ports import (
    CarrierLabels,
    CartonPrinter,
    CatalogRepository,
    CustomerRepository,
    DispatchBackend,
    DispatchRepository,
    EventLog,
    MoveBackend,
    OrderRepository,
    PackingBackend,
    PackingRepository,
    PickingBackend,
    PickingRepository,
    ReceivingBackend,
    Settings,
    StockRepository,
    UnitOfWork,
    UserRepository,
)
from app.services.ports.carriers import AwaitedLabels
from app.services.ports.integration import IntegrationStore, Sender
from app.services.receiving_central import CentralReceivingBackend
from carriers.api import ApiCarrier
from carriers.awaiting import AwaitedLabelFolder
from db.integration_store import SqlIntegrationStore
from db.station.dispatch import StationDispatchBackend
from db.station.moving import StationMoveBackend
from db.station.receiving import StationReceivingBackend
from db.uow import SqlUnitOfWork
from integrations import FileSender
from integrations.daily_csv import DailyCsvSender
from integrations.file_drop import FileDropSender
from integrations.webhook import WebhookSender
from printing.carton_printer import SpoolCartonPrinter
from tests.fakes.catalog import FakeCatalog
from tests.fakes.customers import FakeCustomers
from tests.fakes.dispatch import FakeDispatch
from tests.fakes.events import FakeEventLog
from tests.fakes.orders import FakeOrders
from tests.fakes.packing import FakePacking
from tests.fakes.picking import FakePicking
from tests.fakes.settings import FakeSettings
from tests.fakes.stock import FakeStock
from tests.fakes.users import FakeUsers

unit_of_work: Callable[..., UnitOfWork] = SqlUnitOfWork
central_picking: Callable[..., PickingBackend] = CentralPickingBackend
central_packing: Callable[..., PackingBackend] = CentralPackingBackend
central_dispatch: Callable[..., DispatchBackend] = CentralDispatchBackend
station_dispatch: Callable[..., DispatchBackend] = StationDispatchBackend
central_receiving: Callable[..., ReceivingBackend] = CentralReceivingBackend
station_receiving: Callable[..., ReceivingBackend] = StationReceivingBackend
central_move: Callable[..., MoveBackend] = CentralMoveBackend
station_move: Callable[..., MoveBackend] = StationMoveBackend


# The in-memory repositories (tests/fakes) hold only the methods the use cases tested on them
# call, so they are not whole ports; deriving from both makes mypy compare every method a fake
# has with the port's ("Definition of ... in base class ... is incompatible"). Never built.
class _Orders(FakeOrders, OrderRepository): ...


class _Catalog(FakeCatalog, CatalogRepository): ...


class _Stock(FakeStock, StockRepository): ...


class _Users(FakeUsers, UserRepository): ...


class _Events(FakeEventLog, EventLog): ...


class _Settings(FakeSettings, Settings): ...


class _Packing(FakePacking, PackingRepository): ...


class _Picking(FakePicking, PickingRepository): ...


class _Dispatch(FakeDispatch, DispatchRepository): ...


class _Customers(FakeCustomers, CustomerRepository): ...


# The carrier port (docs/carriers.md): both adapters, so packing may treat them the same way.
own_series_carrier: Callable[..., CarrierLabels] = OwnSeriesCarrier
api_carrier: Callable[..., CarrierLabels] = ApiCarrier

# Carton close with an API carrier: the carton printer prints bought labels and slips, the
# durable list of cartons awaiting their label, the station's adapter factory.
carton_printer: Callable[..., CartonPrinter] = SpoolCartonPrinter
carrier_printer: Callable[..., CarrierPrinter] = SpoolCartonPrinter
awaited_labels: Callable[..., AwaitedLabels] = AwaitedLabelFolder

# The integration dispatcher (docs/integrations.md): its store and every sender it drives.
integration_store: Callable[..., IntegrationStore] = SqlIntegrationStore
webhook_sender: Callable[..., Sender] = WebhookSender
file_sender: Callable[..., Sender] = FileSender
file_drop_sender: Callable[..., Sender] = FileDropSender
daily_csv_sender: Callable[..., Sender] = DailyCsvSender
