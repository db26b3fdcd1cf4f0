"""Use cases: the site's settings (`shipshape.site/1`, docs/interfaces.md §10) — read them with
their live number counters, replace them whole after checking every field, and warn before a
number range runs out.

The document is stored as one settings row (key `site`). The SSCC serials and each carrier's
tracking numbers are handed out from central counters (`sscc`, `tracking:<prefix>`), never the
document: a saved `next` only ever moves a counter forward, so no number is issued twice, and
`--json` shows where the counters stand. Runs on a database worker thread or in the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.domain.events import Actor, Event
from app.domain.fields import parse_json
from app.domain.site import NumberRange, SiteSettings, TrackingScheme, parse_site, runs_low
from app.domain.users import User
from app.messages import message
from app.services.order_files import read_text_file
from app.services.ports import UnitOfWork
from app.services.users import require_lead

SITE_KEY = "site"
SSCC_COUNTER = "sscc"
NUMBERS_LOW = "numbers_low"
AUTO_TRANSFERS = "auto_transfers"  # the one switch the Settings tab does not show  # the lead's queue item when a range runs low


def tracking_counter(scheme: TrackingScheme) -> str:
    """The central counter a carrier's tracking numbers come from (a station reserves blocks of
    it: the database door accepts `tracking:` + letters and digits)."""
    return f"tracking:{scheme.prefix}"


@dataclass(frozen=True)
class RangeLeft:
    """Where one range stands, for warnings and the Settings tab: set as `first`..`last`,
    handed out up to `next` - 1."""

    series: str  # "SSCC" or the carrier's code
    first: int
    next: int
    last: int

    @property
    def left(self) -> int:
        return max(self.last - self.next + 1, 0)

    @property
    def low(self) -> bool:
        return runs_low(self.first, self.next, self.last)


def read_site_file(path: Path) -> Any:
    """The JSON document in `path`; text that is not JSON raises FieldProblem (one line)."""
    return parse_json(read_text_file(path))


def stored_site(uow: UnitOfWork) -> SiteSettings | None:
    """Call inside `with uow:`. The stored settings with each range's `next` where its counter
    stands now; None when the site has none yet."""
    document = uow.packing.setting(SITE_KEY)
    if document is None:
        return None
    site = parse_site(document)  # stored only after the same check
    return live_numbers(uow, site)


def live_numbers(uow: UnitOfWork, site: SiteSettings) -> SiteSettings:
    def moved(scheme_range: NumberRange, counter: str) -> NumberRange:
        issued = uow.packing.counter_value(counter)
        if issued is None or issued < scheme_range.next:
            return scheme_range
        return replace(scheme_range, next=issued + 1)

    carriers = tuple(
        replace(
            c,
            tracking=replace(
                c.tracking, range=moved(c.tracking.range, tracking_counter(c.tracking))
            ),
        )
        for c in site.carriers
    )
    return replace(site, sscc_serial=moved(site.sscc_serial, SSCC_COUNTER), carriers=carriers)


def current_site(uow: UnitOfWork) -> SiteSettings | None:
    with uow:
        return stored_site(uow)


def save_site(uow: UnitOfWork, document: Any, actor: Actor) -> SiteSettings:
    """Replace the site's settings whole. The caller has checked who `actor` is (a lead, or
    the set-up identity in the CLI). A counter already past a range's `next` keeps its place."""
    site = parse_site(document)  # FieldProblem (a BadInput) names the first bad field
    with uow:
        before = uow.packing.setting(SITE_KEY)
        uow.settings.save_value(SITE_KEY, site.document())
        uow.packing.advance_counter(SSCC_COUNTER, site.sscc_serial.next - 1)
        for carrier in site.carriers:
            scheme = carrier.tracking
            uow.packing.advance_counter(tracking_counter(scheme), scheme.range.next - 1)
        saved = stored_site(uow)
        assert saved is not None
        payload = {
            "name": site.name,
            "carriers": [c.code for c in site.carriers],
            "first": before is None,
        }
        uow.events.add_all([Event("site.settings_set", payload, actor)])
        uow.commit()
    return saved


def save_site_as_lead(uow: UnitOfWork, lead: User, document: Any, station: str) -> SiteSettings:
    """The Settings tab's save: only a lead. The tab has no field for `auto_transfers`, so a
    document without it keeps the switch as stored (a file given to `site --set` is whole)."""
    require_lead(lead)
    if isinstance(document, dict) and AUTO_TRANSFERS not in document:
        with uow:
            stored = uow.packing.setting(SITE_KEY)
        if isinstance(stored, dict) and stored.get(AUTO_TRANSFERS) is True:
            document = document | {AUTO_TRANSFERS: True}
    return save_site(uow, document, Actor(lead.name, station))


def ranges_left(uow: UnitOfWork) -> list[RangeLeft]:
    """Call inside `with uow:`. Every range of the site, SSCC first, then the carriers in their
    order; empty when the site has no settings."""
    document = uow.packing.setting(SITE_KEY)
    if document is None:
        return []
    site = parse_site(document)
    rows = [_left(uow, "SSCC", SSCC_COUNTER, site.sscc_serial)]
    for carrier in site.carriers:
        scheme = carrier.tracking
        rows.append(_left(uow, carrier.code, tracking_counter(scheme), scheme.range))
    return rows


def _left(uow: UnitOfWork, series: str, counter: str, saved: NumberRange) -> RangeLeft:
    issued = uow.packing.counter_value(counter)
    next_ = saved.next if issued is None else max(saved.next, issued + 1)
    return RangeLeft(series, saved.next, next_, saved.last)


def low_range_warnings(uow: UnitOfWork) -> list[str]:
    """One English line per range that runs low (the CLI prints them on stderr)."""
    with uow:
        rows = ranges_left(uow)
    return [
        message("numbers.low", series=r.series, left=r.left, last=r.last).english()
        for r in rows
        if r.low
    ]


def warn_if_low(uow: UnitOfWork, series: str, saved: NumberRange, issued: int) -> None:
    """Call inside `with uow:` after numbers were taken up to `issued`: a range that now runs
    low opens one `numbers_low` item in the lead's queue (one per series while it is open)."""
    left = RangeLeft(series, saved.next, issued + 1, saved.last)
    if not left.low:
        return
    if any(d.get("series") == series for d in uow.packing.open_exception_details(NUMBERS_LOW)):
        return
    details = {"series": series, "left": left.left, "last": left.last}
    uow.packing.add_exception(NUMBERS_LOW, None, details)
