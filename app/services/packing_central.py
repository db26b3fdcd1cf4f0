"""Packing against the central database: `CentralPackingBackend` (the direct implementation of
`PackingBackend`) and the packing settings (carton types, tracking series, GS1 company prefix,
check-weigh tolerance).

Everything here runs on a database worker thread (the station's) or the sync thread. The appliers
of packing facts are in app/services/packing_appliers.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Protocol

from app.domain import fields
from app.domain.events import SYSTEM, Actor, Event
from app.domain.packing import (
    PackageType,
    PackOrderView,
    ShipmentNumbers,
    WeightCheck,
)
from app.domain.shipment_label import DEFAULT_LANGUAGE, validate_language
from app.domain.site import Carrier, NumberRange, SiteSettings, parse_site
from app.domain.sscc import build_sscc
from app.domain.users import User
from app.errors import BadInput, NotFound
from app.messages import message
from app.scanning.interpret import Scan
from app.services import site as site_settings
from app.services import users
from app.services.facts import apply_facts
from app.services.order_files import csv_records, read_text_file
from app.services.ports import UnitOfWork

PICK_LIST_PREFIX = "PL:"
SETTINGS_KEY = "packing"
# What packing keeps beside the site's settings (app/services/site.py): the weight check and the
# SSCC extension digit. The GS1 prefix, ship-from address, language and carriers are the site's.
DEFAULTS = {
    "sscc_extension_digit": 0,
    "weight_tolerance_pct": 5.0,
    "weight_tolerance_g": 50,
}
DEMO_PACKAGE_TYPES = [
    PackageType("S", "Small box", 25, 18, 10, 0.15),
    PackageType("M", "Medium box", 35, 25, 20, 0.30),
    PackageType("L", "Large box", 50, 40, 30, 0.60),
    PackageType("XL", "Extra large box", 60, 50, 45, 0.95),
]


@dataclass(frozen=True)
class PackingSettings:
    """Packing's settings and, under "site", the site's settings document (None before a lead
    set them: such a site packs nothing). One JSON value, so a station keeps a copy offline."""

    values: dict

    def __getitem__(self, key: str):
        return self.values[key]

    def weight_check(self) -> WeightCheck:
        return WeightCheck(
            float(self["weight_tolerance_pct"]), float(self["weight_tolerance_g"]) / 1000.0
        )

    @cached_property
    def _site(self) -> SiteSettings | None:
        document = self.values.get(site_settings.SITE_KEY)
        return None if document is None else parse_site(document)

    def site(self) -> SiteSettings:
        """The site's settings; BadInput saying what to set up when there are none."""
        if self._site is None:
            raise BadInput(message("site.not_set_up"))
        return self._site

    def language(self) -> str:
        """The site's language (en | zh_CN) labels and slips print in; en before it is set."""
        return DEFAULT_LANGUAGE if self._site is None else self._site.language

    def ship_from(self) -> dict[str, str]:
        return dict(self.site().ship_from)

    def carrier(self, order_carrier: str) -> Carrier:
        """The site's carrier an order names; BadInput when the site does not have it."""
        found = self.site().carrier(order_carrier)
        if found is None:
            raise BadInput(message("site.carrier_unknown", carrier=order_carrier))
        return found

    def tracking_number(self, carrier: Carrier, n: int) -> str:
        scheme = carrier.tracking
        if n > scheme.range.last:  # a range never wraps: reusing a number mixes up parcels
            raise BadInput(
                message("numbers.range_used_up", series=carrier.code, last=scheme.range.last)
            )
        return scheme.number(n)

    def sscc(self, serial: int) -> str:
        site = self.site()
        if serial > site.sscc_serial.last:
            raise BadInput(
                message("numbers.range_used_up", series="SSCC", last=site.sscc_serial.last)
            )
        return build_sscc(site.gs1_company_prefix, self["sscc_extension_digit"], serial)

    def number_series(self) -> dict[str, int]:
        """The central counters cartons draw from, each with the number it starts at: SSCC
        serials and each carrier's tracking numbers (none before the site is set up)."""
        if self._site is None:
            return {}
        series = {site_settings.SSCC_COUNTER: self._site.sscc_serial.next}
        for carrier in self._site.carriers:
            scheme = carrier.tracking
            series.setdefault(site_settings.tracking_counter(scheme), scheme.range.next)
        return series


def packing_settings(uow: UnitOfWork) -> PackingSettings:
    """Call inside `with uow:`. Stored packing settings override the defaults key by key; the
    site's document rides along under "site"."""
    stored = DEFAULTS | (uow.packing.setting(SETTINGS_KEY) or {})
    return PackingSettings(
        stored | {site_settings.SITE_KEY: uow.packing.setting(site_settings.SITE_KEY)}
    )


def set_site_language(uow: UnitOfWork, lead: User, language: str, station: str) -> str:
    """A lead sets the language labels and packing slips print in (a field of the site's
    settings, so packing stations copy it for offline work)."""
    users.require_lead(lead)
    language = validate_language(language, "language")
    with uow:
        document = uow.packing.setting(site_settings.SITE_KEY)
        if document is None:
            raise BadInput(message("site.not_set_up"))
        before = document.get("language", DEFAULT_LANGUAGE)
        uow.settings.save_value(site_settings.SITE_KEY, document | {"language": language})
        payload = {"from": before, "to": language}
        uow.events.add_all([Event("site.language_set", payload, Actor(lead.name, station))])
        uow.commit()
    return language


def seed_package_types(
    uow: UnitOfWork, types: list[PackageType] = DEMO_PACKAGE_TYPES, actor: Actor = SYSTEM
) -> None:
    """Create or update carton types (by code); others stay as they are."""
    with uow:
        for package_type in types:
            uow.packing.save_package_type(package_type)
        codes = [package_type.code for package_type in types]
        uow.events.add_all([Event("package_types.saved", {"codes": codes}, actor)])
        uow.commit()


def list_package_types(uow: UnitOfWork) -> list[PackageType]:
    with uow:
        return uow.packing.package_types()


PACKAGE_TYPE_COLUMNS = ("code", "name", "length_cm", "width_cm", "height_cm", "tare_kg")


def read_package_types(path: Path) -> list[PackageType]:
    """CSV `code,name,length_cm,width_cm,height_cm,tare_kg`; the whole file or nothing (a set of
    cartons is one setting, like the site file): a bad row refuses it, naming row and field."""
    text = read_text_file(path)
    types = []
    for line_no, row in csv_records(path, text, partial(_check_package_columns, path)):
        try:
            types.append(_package_type(row))
        except BadInput as exc:
            raise BadInput(f"{path}: row {line_no}: {exc}") from None
    return types


def _check_package_columns(path: Path, found: list[str]) -> None:
    if set(PACKAGE_TYPE_COLUMNS) - set(found):
        raise BadInput(f"{path}: needs a header row {','.join(PACKAGE_TYPE_COLUMNS)}")


def _package_type(row: dict) -> PackageType:
    """Sizes more than 0 and at most 1000 cm, tare 0 to 1000 kg (docs/setup.md)."""
    code = fields.text(row["code"], "code", 40, required=True)
    name = fields.text(row["name"], "name", 100, required=True)
    sizes = [
        fields.finite_number(row[k], k, 0.0, 1000.0, unit=k.rpartition("_")[2])
        for k in PACKAGE_TYPE_COLUMNS[2:]
    ]
    if min(sizes[:3]) <= 0:
        raise BadInput("sizes must be above 0 cm")
    return PackageType(code, name, *sizes)


class CentralPackingBackend:
    """`PackingBackend` straight on the central database. Methods run on the worker thread."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], station: str) -> None:
        self.uow_factory, self.station = uow_factory, station

    def open_for_packing(self, scanned: Scan, packer: User) -> PackOrderView:
        with self.uow_factory() as uow:
            order_ref = find_order_ref(uow.packing, scanned)
            view = uow.packing.load_view(order_ref)
            settings = packing_settings(uow)
        if view is None:  # found a moment ago in this same transaction: not expected
            raise NotFound(message("pack.not_recognised", code=scanned.raw))
        settings.carrier(
            view.carrier
        )  # a site without settings, or without this carrier, packs nothing
        return replace(view, weight_check=settings.weight_check())

    def record(self, facts: list[Event]) -> None:
        apply_facts(self.uow_factory(), facts)

    def allocate_numbers(self, order: PackOrderView) -> ShipmentNumbers:
        with self.uow_factory() as uow:
            settings = packing_settings(uow)
            site = settings.site()
            tracking = uow.packing.tracking_number_for(order.order_ref)
            if tracking is None:
                carrier = settings.carrier(order.carrier)
                tracking = settings.tracking_number(
                    carrier,
                    self._take(
                        uow,
                        carrier.code,
                        carrier.tracking.range,
                        site_settings.tracking_counter(carrier.tracking),
                    ),
                )
            serial = self._take(uow, "SSCC", site.sscc_serial, site_settings.SSCC_COUNTER)
            sscc = settings.sscc(serial)
            uow.commit()
        return ShipmentNumbers(tracking, sscc)

    @staticmethod
    def _take(uow: UnitOfWork, series: str, saved: NumberRange, counter: str) -> int:
        number = uow.packing.next_counter(counter, start=saved.next)
        site_settings.warn_if_low(uow, series, saved, number)
        return number

    def authenticate_lead(self, badge: str, pin: str) -> User:
        return users.authenticate_lead(self.uow_factory(), badge, pin, self.station)

    def settings(self) -> PackingSettings:
        return current_settings(self.uow_factory())


# ---- what a packing station keeps for offline work (db/station/packing.py, sync thread) ------
@dataclass(frozen=True)
class ReadyOrders:
    refs: set[int]  # every order waiting in a "ready" tote
    views: dict[int, PackOrderView]  # the ones asked for (new, or their tote changed)
    pick_lists: dict[int, list[int]]  # order ref -> the pick lists it was picked on


def ready_to_pack(
    uow: UnitOfWork,
    tote_ids: set[int] | None,
    known: set[int],
    orders: frozenset[int] = frozenset(),
) -> ReadyOrders:
    """The orders in totes ready to pack, with the packer's view of those a station does not
    hold yet (`known`), whose tote changed (`tote_ids`; None: reload all) or whose status moved
    (`orders`: a lead resolved it, say). One transaction."""
    with uow:
        refs, wanted = _ready_and_wanted(uow, tote_ids, known, orders)
        views, pick_lists = _views(uow, wanted)
    return ReadyOrders(refs, views, pick_lists)


def orders_ready(
    uow: UnitOfWork,
    tote_ids: set[int] | None,
    known: set[int],
    orders: frozenset[int] = frozenset(),
) -> tuple[set[int], list[int]]:
    """`ready_to_pack` without the views: every order ready to pack, and those whose view the
    station wants (in order). A station then reads the views in pieces (`views_to_pack`), so one
    big pull does not hold its pushes up."""
    with uow:
        return _ready_and_wanted(uow, tote_ids, known, orders)


def views_to_pack(uow: UnitOfWork, refs: list[int]) -> ReadyOrders:
    """The packer's views and pick lists of these orders, one transaction (`refs`: those found)."""
    with uow:
        views, pick_lists = _views(uow, refs)
    return ReadyOrders(set(views), views, pick_lists)


def _ready_and_wanted(uow: UnitOfWork, tote_ids, known, orders) -> tuple[set[int], list[int]]:
    ready = uow.packing.ready_totes()
    refs = {ref for _id, _code, ref in ready}
    wanted = sorted(
        {
            ref
            for tote_id, _code, ref in ready
            if tote_ids is None or tote_id in tote_ids or ref not in known or ref in orders
        }
    )
    return refs, wanted


def _views(uow: UnitOfWork, refs: list[int]):
    """Every view in a few set-based queries (db/packing_repo.py `load_views`), not a few
    queries per order."""
    views = uow.packing.load_views(refs) if refs else {}
    pick_lists = uow.packing.pick_lists_of(refs) if refs else {}
    return views, pick_lists


def reserve_numbers(uow: UnitOfWork, series: str, count: int, start: int = 1) -> tuple[int, int]:
    """Reserve `count` numbers of a central counter ("sscc", "tracking:<prefix>") for a station
    to hand out offline: (first, last), inclusive, never given to anyone else. `start`: where a
    counter not yet there begins (the range's `next`)."""
    if count < 1:
        raise BadInput(f"reserve at least one number of {series}, not {count}")
    with uow:
        last = uow.packing.reserve_counter(series, count, start)
        uow.commit()
    return last - count + 1, last


def current_settings(uow: UnitOfWork) -> PackingSettings:
    with uow:
        return packing_settings(uow)


class CentralSerialCounter:
    """`app.domain.sscc.SerialCounter` over the central `counters` table: each serial once, ever,
    across stations (the row is locked by the UPDATE until the transaction commits)."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], name: str = "sscc") -> None:
        self.uow_factory, self.name = uow_factory, name

    def next_serial(self) -> int:
        with self.uow_factory() as uow:
            serial = uow.packing.next_counter(self.name)
            uow.commit()
        return serial


class OrderFinder(Protocol):
    """Where a scan's order is looked up: central's `uow.packing`, or a packing station's cache
    of the orders ready to pack (db/station/packing.py). Same questions, same answers."""

    def order_ref_for_tote(self, code: str) -> int | None: ...
    def order_refs_for_pick_list(self, pick_list_id: int) -> list[int]: ...
    def order_refs_for_order_id(self, order_id: str) -> list[int]: ...


def find_order_ref(finder: OrderFinder, scanned: Scan) -> int:
    """The order behind a tote (`T:`), pick list (`PL:<id>`: its first order not packed yet) or
    order id scan; NotFound (saying what to scan instead) when there is none."""
    raw = (scanned.raw or "").strip()
    if scanned.kind == "tote":
        ref = finder.order_ref_for_tote(scanned.code or "")
        if ref is None:
            raise NotFound(message("pack.tote_holds_no_order", tote=scanned.code))
        return ref
    if raw.upper().startswith(PICK_LIST_PREFIX):
        number = raw[len(PICK_LIST_PREFIX) :]
        if not number.isdigit():
            raise BadInput(message("pack.bad_pick_list_code", code=raw))
        refs = finder.order_refs_for_pick_list(int(number))
        if not refs:
            raise NotFound(message("pack.pick_list_empty", number=number))
        return refs[0]
    if scanned.kind in ("unknown", "product") and raw:
        refs = finder.order_refs_for_order_id(raw)
        if refs:
            return refs[0]
    raise NotFound(message("pack.not_recognised", code=raw) if raw else message("pack.empty_scan"))
