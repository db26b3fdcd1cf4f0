"""The lead console's use cases bound to one signed-in lead and station.

The UI holds one `LeadConsole` and calls its methods through the database worker, so each
method runs off the UI thread; each opens its own unit of work from `uow_factory`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from app.domain.dispatch import Manifest
from app.domain.events import Actor, utcnow
from app.domain.returns_desk import ReturnsDesk, ReturnsKpis
from app.domain.site import SiteSettings
from app.domain.users import User
from app.domain.warehouses import Warehouse
from app.domain.waves import PlannedWave
from app.errors import NotFound
from app.messages import Message, message
from app.services import count_abc, count_lead, dispatch_close, returns_desk, sync
from app.services import site as site_settings
from app.services import slotting as slotting_moves
from app.services.lead import at_risk, board, exceptions, links, reports, resolutions
from app.services.lead import transfers as transfer_desk
from app.services.ports import UnitOfWork
from app.services.ports.integration import IntegrationStore
from app.services.users import require_lead
from app.services.wave_rebalance import Rebalance
from app.services.wave_topup import TopUp
from app.services.waves import WaveFilter

# Writes a closed manifest's PDF, CSV and JSON (printing/manifest.py, wired by station/root.py);
# returns the paths written.
ManifestWriter = Callable[[Manifest], list[str]]
# Opens a unit of work; `warehouse=CODE` one speaking for that warehouse (its site settings,
# dock, returns, locations: app/bootstrap.py `Central.uow`). Called without it for reads that
# filter by warehouse themselves.
UowFactory = Callable[..., UnitOfWork]


@dataclass(frozen=True)
class SiteView:
    """What the Settings tab shows: the settings with live counters (None before the first save)
    and where each number range stands, read in one transaction so they agree."""

    site: SiteSettings | None
    ranges: list[site_settings.RangeLeft]
    # Whose settings these are, with several warehouses (None: a single site): a save goes
    # to this warehouse even when the lead has chosen another since (edits are kept).
    warehouse_id: int | None = None
    warehouse: str | None = None
    several: bool = False  # more than one warehouse: the tab says whose


@dataclass(frozen=True)
class WarehouseChoice:
    """The warehouses the lead may look at one at a time (none: a single-warehouse site, no
    selector), and the one chosen."""

    warehouses: list[Warehouse]
    chosen: int | None


class LeadConsole:
    def __init__(
        self,
        uow_factory: UowFactory,
        lead: User,
        station: str,
        write_manifest: ManifestWriter | None = None,
        outbox: IntegrationStore | None = None,
    ) -> None:
        self._uow, self.lead, self.station = uow_factory, lead, station
        self._write_manifest = write_manifest
        self._outbox = outbox  # the integration outbox; None: a desk that shows no links
        # The warehouse whose work the tabs show (None: every warehouse, a single site).
        # Set on the worker thread only (`warehouses`, `choose_warehouse`), like every read.
        self.warehouse_id: int | None = None
        self._codes: dict[int, str] = {}  # the warehouses the lead may choose, by id

    def warehouses(self) -> WarehouseChoice:
        """With several warehouses: those the lead may choose from (their home warehouses,
        every one when none are recorded), and the chosen one, at first the station's home
        (else the first of theirs)."""
        require_lead(self.lead)
        uow = self._uow()
        with uow:
            every = uow.warehouses.all()
            home = uow.warehouses.station_home(self.station)
        if len(every) < 2:
            self.warehouse_id, self._codes = None, {}
            return WarehouseChoice([], None)
        theirs = [w for w in every if not self.lead.warehouses or w.code in self.lead.warehouses]
        theirs = theirs or every  # homes that no longer exist: every warehouse, as before
        ids = [w.id for w in theirs]
        self._codes = {w.id: w.code for w in theirs}
        if self.warehouse_id not in ids:
            self.warehouse_id = home if home in ids else ids[0]
        return WarehouseChoice(theirs, self.warehouse_id)

    def choose_warehouse(self, warehouse_id: int) -> WarehouseChoice:
        """Show this warehouse's work in every tab from now on."""
        choice = self.warehouses()
        if warehouse_id not in [w.id for w in choice.warehouses]:
            raise NotFound(message("warehouse.gone", id=warehouse_id))
        self.warehouse_id = warehouse_id
        return WarehouseChoice(choice.warehouses, warehouse_id)

    def _at(self, warehouse_id: int | None = None) -> UnitOfWork:
        """A unit of work speaking for the chosen warehouse (or `warehouse_id`, one the lead may
        choose): the Dispatch, Returns, Settings and Slotting reads and writes are its alone.
        On a single site (nothing chosen), the desk's own unit of work, as before."""
        wanted = self.warehouse_id if warehouse_id is None else warehouse_id
        if wanted is None:
            return self._uow()
        if wanted not in self._codes:
            self.warehouses()  # not read yet on this desk, or made since
        if not self._codes:
            return self._uow()  # a single site: its only warehouse
        if wanted not in self._codes:
            raise NotFound(message("warehouse.gone", id=wanted))
        return self._uow(warehouse=self._codes[wanted])

    def board(self) -> board.Board:
        return board.load_board(self._uow(), self.lead, self.warehouse_id)

    def plan(
        self,
        capacity: int,
        wave_filter: WaveFilter,
        max_weight_kg: float | None = None,
        max_volume_l: float | None = None,
    ):
        return board.plan_wave(
            self._uow(),
            self.lead,
            capacity,
            wave_filter,
            max_weight_kg,
            max_volume_l,
            self.warehouse_id,
        )

    def save(self, wave: PlannedWave, release: bool) -> PlannedWave:
        """The wave as saved: its id set, the orders left out since the preview (and why) in
        `left_out`, the carts routed again without them."""
        board.save_wave(self._uow(), self.lead, wave, release, self.station)
        return wave

    def release(self, wave_id: int) -> None:
        board.release_wave(self._uow(), self.lead, wave_id, self.station)

    def top_up(self, wave_id: int) -> TopUp:
        return board.top_up_wave(self._uow(), self.lead, wave_id, self.station)

    def rebalance_preview(self, wave_id: int) -> Rebalance:
        return board.preview_rebalance(self._uow(), self.lead, wave_id)

    def rebalance_apply(self, preview: Rebalance) -> Rebalance:
        return board.apply_rebalance(self._uow(), self.lead, preview, self.station)

    def reassign(self, list_ids: list[int], picker: str) -> list[int]:
        return board.reassign(self._uow(), self.lead, list_ids, picker, self.station)

    def reassign_wave(self, wave_id: int, picker: str) -> list[int]:
        return board.reassign_wave(self._uow(), self.lead, wave_id, picker, self.station)

    def unassign(self, list_ids: list[int]) -> list[int]:
        return board.unassign(self._uow(), self.lead, list_ids, self.station)

    def hold(self, wave_id: int) -> int:
        return board.hold_wave(self._uow(), self.lead, wave_id, self.station)

    def resume(self, wave_id: int) -> int:
        return board.resume_wave(self._uow(), self.lead, wave_id, self.station)

    def cancel(self, wave_id: int, note: str) -> list[int]:
        return board.cancel_wave(self._uow(), self.lead, wave_id, note, self.station)

    def queue(self) -> list[exceptions.QueueItem]:
        # Orders newly predicted late are recorded once (order.at_risk), so others are told too.
        at_risk.tell_at_risk(self._uow(), Actor(self.lead.name, self.station), utcnow())
        return exceptions.exception_queue(self._uow(), self.lead, self.warehouse_id)

    def resolve(self, key: str, resolution: str, note: str) -> str:
        return resolutions.resolve(self._uow(), self.lead, key, resolution, note, self.station)

    def schedule_counts(self, first: str, last: str) -> count_lead.Scheduled:
        """Count tasks for every location from `first` to `last` (docs/stock.md)."""
        return count_lead.schedule_range(self._uow(), self.lead, first, last, self.station)

    def schedule_abc_counts(self) -> count_abc.AbcScheduled:
        """Count tasks for the locations the ABC count plan has due today (docs/stock.md)."""
        return count_abc.schedule_abc_counts(self._uow(), self.lead, date.today(), self.station)

    def returns_desk(self) -> ReturnsDesk:
        """Open RMAs, received returns and quarantine stock (the Returns tab)."""
        return returns_desk.desk(self._at(), self.lead)

    def decide_quarantine(self, item_id: int, decision: str, location: str | None) -> Message:
        return returns_desk.decide(self._at(), self.lead, item_id, decision, self.station, location)

    def returns_kpis(self, start: datetime, end: datetime) -> ReturnsKpis:
        return returns_desk.kpis(self._at(), self.lead, start, end)

    def slotting(self, days: int, max_moves: int) -> slotting_moves.SlottingRun:
        """Proposed slotting moves from the last `days` days' picks, replayed (seconds)."""
        require_lead(self.lead)
        limits = slotting_moves.Limits(max_moves)
        run = slotting_moves.plan_slotting(self._at(), days, limits)
        return replace(run, warehouse_id=self.warehouse_id)

    def create_slotting_tasks(self, run: slotting_moves.SlottingRun) -> list[int]:
        """The moves as stock move tasks of the warehouse they were proposed for."""
        return slotting_moves.create_tasks(self._at(run.warehouse_id), self.lead, run, self.station)

    def kpis(self, start: datetime, end: datetime):
        return reports.kpi_report(self._uow(), self.lead, start, end, self.warehouse_id)

    def kpis_by_warehouse(self, start: datetime, end: datetime) -> list[tuple[str, Any]]:
        """The same KPIs for each warehouse the lead may choose, side by side: (code, report)."""
        return [
            (w.code, reports.kpi_report(self._uow(), self.lead, start, end, w.id))
            for w in self.warehouses().warehouses
        ]

    def timeline(self, text: str) -> reports.Timeline:
        """Any order, wherever it is: with several warehouses an ambiguous number prefers the
        chosen warehouse's order, and the timeline names the order's warehouse."""
        chosen = self._codes.get(self.warehouse_id) if self.warehouse_id is not None else None
        return reports.order_timeline(self._uow(), self.lead, text, self.warehouse_id, chosen)

    def export_kpis(self, report, path: str) -> int:
        return reports.write_kpi_csv(report, path)

    def stations(self) -> list[dict]:
        """Every station's sync state: online, facts waiting, last sync (docs/sync.md)."""
        require_lead(self.lead)
        return sync.station_table(self._uow(), warehouse_id=self.warehouse_id)

    def dock(self) -> list[dispatch_close.DockRow]:
        return dispatch_close.dock_board(self._at(), self.lead)

    def close_carrier(self, carrier: str) -> tuple[Manifest, list[str]]:
        """Close the carrier's collection, then write its manifest (after the commit: a slow
        disk never holds the transaction)."""
        manifest = dispatch_close.close_carrier(self._at(), self.lead, carrier, self.station)
        written = self._write_manifest(manifest) if self._write_manifest else []
        return manifest, written

    def transfers(self) -> transfer_desk.TransferDesk:
        """The chosen warehouse's transfers (sending or receiving) and those proposed for it."""
        return transfer_desk.desk(self._uow, self.lead, self.warehouse_id)

    def make_transfer(
        self, source: str, target: str, lines: list[tuple[str, int]]
    ) -> transfer_desk.Transfer:
        return transfer_desk.make(self._uow(), self.lead, source, target, lines, self.station)

    def cancel_transfer(self, transfer: str) -> transfer_desk.Transfer:
        return transfer_desk.cancel(self._uow(), self.lead, transfer, self.station)

    def site(self, warehouse_id: int | None = None) -> SiteView:
        """The chosen warehouse's settings (or `warehouse_id`'s) and its ranges left, for the
        Settings tab (a lead's desk only)."""
        require_lead(self.lead)
        uow = self._at(warehouse_id)
        with uow:
            site, ranges = site_settings.stored_site(uow), site_settings.ranges_left(uow)
            here = uow.catalog.working_warehouse()  # whose settings these are, even on a
            codes = {w.id: w.code for w in uow.warehouses.all()}  # site that has one so far
        return SiteView(site, ranges, here, codes.get(here) if here else None, len(codes) > 1)

    def save_site(self, document: Any, warehouse_id: int | None = None) -> SiteView:
        """Replace the settings whole (every field checked first; a bad one names itself and
        nothing is stored), then read them back as the tab shows them. `warehouse_id`: the
        warehouse the form was loaded for (kept across a switch), else the chosen one."""
        uow = self._at(warehouse_id)
        site_settings.save_site_as_lead(uow, self.lead, document, self.station)
        return self.site(warehouse_id)

    def links(self) -> links.Links:
        """Each shop / ERP endpoint's queue and the parked messages (the Stations tab)."""
        if self._outbox is None:
            require_lead(self.lead)
            return links.Links([], [])
        return links.links(self._outbox, self.lead)

    def send_again(self, endpoint: str, message_id: str) -> int:
        return self._settle(endpoint, message_id, retry=True)

    def drop_message(self, endpoint: str, message_id: str) -> int:
        return self._settle(endpoint, message_id, retry=False)

    def _settle(self, endpoint: str, message_id: str, retry: bool) -> int:
        require_lead(self.lead)
        if self._outbox is None:
            return 0
        return links.settle(self._outbox, self.lead, endpoint, message_id, retry, self.station)
