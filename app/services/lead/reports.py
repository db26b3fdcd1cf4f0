"""KPIs over a time range and an order's timeline, for the lead (read only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from string import Formatter

from app.domain import kpis
from app.domain.safe_text import csv_row
from app.domain.users import User
from app.errors import BadInput, NotFound
from app.messages import TEMPLATES, Message, message, summary, verbatim
from app.services import labour
from app.services.ports import UnitOfWork
from app.services.users import require_lead


def kpi_report(
    uow: UnitOfWork, lead: User, start: datetime, end: datetime, warehouse_id: int | None = None
) -> kpis.KpiReport:
    """The KPIs of the range; with `warehouse_id`, that warehouse's work alone
    (db/lead_reports.py `within`)."""
    require_lead(lead)
    if end <= start:
        raise BadInput(
            message(
                "report.range_reversed",
                end=f"{end:%Y-%m-%d %H:%M}",
                start=f"{start:%Y-%m-%d %H:%M}",
            )
        )
    since, until = _utc(start), _utc(end)  # SQLite compares stored UTC times as text
    with uow:
        reports = uow.lead.reports
        reports.refresh_rollup()  # new events into the hourly sums, then read those
        if warehouse_id is not None:
            reports = reports.within(warehouse_id)
        activity = reports.activity(since, until)
        good, refused = reports.scan_counts(since, until)
        cycle = reports.cycle_pairs(since, until)
        due = reports.due_rows(since, until)
        walked = reports.distance_rows(since, until)
        standard = labour.picker_performance(uow, since, until, warehouse_id)
        uow.commit()
    return kpis.KpiReport(
        start,
        end,
        kpis.rates(activity),
        good,
        refused,
        kpis.cycle_time(cycle),
        kpis.shipped_vs_due(due),
        kpis.distance_saved(walked),
        standard,
    )


def _utc(moment: datetime) -> datetime:
    """The same instant in UTC: the console asks for local ranges ("Today" from local
    midnight); a time without a zone is UTC (docs/lead.md)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime | None
    what: str  # an event kind, or "pick" for a pick task
    who: str
    where: str
    detail: Message  # str() is English; a screen translates it (ui/messages.py)


@dataclass(frozen=True)
class Timeline:
    order: str
    status: str
    entries: list[TimelineEntry]
    # With several warehouses: the code of the one the order is picked or reserved in (None:
    # reserved nowhere yet), and of the one the lead is looking at (None: a single site).
    warehouse: str | None = None
    chosen: str | None = None

    @property
    def elsewhere(self) -> bool:
        """The order belongs to another warehouse than the one the lead is looking at."""
        return None not in (self.warehouse, self.chosen) and self.warehouse != self.chosen


# Pick facts are shown from the pick tasks they updated (who/where/when in one line each).
PICK_FACTS = {"pick.confirmed"}


def order_timeline(
    uow: UnitOfWork,
    lead: User,
    text: str,
    warehouse_id: int | None = None,
    chosen: str | None = None,
) -> Timeline:
    """Everything that happened to one order, oldest first. `text`: CHANNEL/ORDER_ID, an order
    id, or a tote (T:code) the order sits in. Any warehouse's order is found (a lead looking
    one up must find it); where the text fits several, warehouse `warehouse_id`'s is taken.
    `chosen`: the code the lead looks at, so the timeline says when the order is elsewhere."""
    require_lead(lead)
    with uow:
        reports = uow.lead.reports
        ref = reports.find_order(text, warehouse_id)
        if ref is None:
            raise NotFound(message("order.lookup_none", text=text.strip()))
        header = reports.order_header(ref)
        where = reports.order_warehouse(ref) if chosen is not None else None
        events = reports.timeline_events(ref)
        picks = reports.timeline_picks(ref)
        shipments = reports.timeline_shipments(ref)
    entries = [_from_event(e) for e in events if e["kind"] not in PICK_FACTS or _unscanned(e)]
    entries += [_from_pick(p) for p in picks]
    entries += [
        TimelineEntry(
            s["created_at"],
            "shipment",
            "",
            s["carrier"],
            message("timeline.shipment", tracking=s["tracking_number"], packages=s["packages"]),
        )
        for s in shipments
    ]
    entries.sort(key=lambda e: (e.at is None, _sortable(e.at)))
    order = f"{header['channel']}/{header['order_id']}"
    return Timeline(order, header["status"], entries, where, chosen)


def _unscanned(e: dict) -> bool:
    """A pick shows once, from its task; a confirmation without the item scan (a no-barcode
    product) or the tote scan (a one-order cart) shows as well, with how it was confirmed."""
    return (e["payload"] or {}).get("confirmed_by", "scan") != "scan"


def _from_event(e: dict) -> TimelineEntry:
    return TimelineEntry(
        e["occurred_at"],
        e["kind"],
        e["user_name"] or "",
        e["station"] or "",
        event_sentence(e["kind"], e["payload"] or {}),
    )


def event_sentence(kind: str, payload: dict) -> Message:
    """What an event did, as a sentence (`event.<kind>`, app/event_messages.py) filled from its
    payload, with the reason or note a person gave. A kind without a sentence (a new one, or
    from a newer station) shows its plain fields rather than nothing."""
    said = [_said(k, v) for k, v in payload.items() if k in ("reason", "note") and v]
    said += _how_confirmed(str(payload.get("confirmed_by") or "scan"))
    if f"event.{kind}" not in TEMPLATES:
        # Scalars only: a change's "from" is the step before, nested ids are for machines.
        said += [
            verbatim(f"{k}: {v}")
            for k, v in payload.items()
            if v not in ("", None)
            and not isinstance(v, dict | list)
            and k not in ("from", "to", "reason", "note")
        ]
        return said[0] if len(said) == 1 else Message("list", {"items": said})
    template = TEMPLATES[f"event.{kind}"]
    fields = {name for _, name, _, _ in Formatter().parse(template) if name}
    params = {name: _field(payload.get(name)) for name in fields}
    sentence = message(f"event.{kind}", **params)
    return sentence if not said else Message("list", {"items": [sentence, *said]})


def _said(key: str, value) -> Message:
    return (
        message("timeline.reason", reason=summary(value))
        if key == "reason"
        else message("timeline.note", note=verbatim(str(value)))
    )


def _how_confirmed(confirmed_by: str) -> list[Message]:
    """`typed_no_barcode` and `+confirm` (app/steps/picking.py _confirmed_by) in words."""
    how = []
    if confirmed_by.startswith("typed_no_barcode"):
        how.append(message("timeline.typed_no_barcode"))
    if confirmed_by.endswith("+confirm"):
        how.append(message("timeline.tote_confirmed"))
    return how


def _field(value) -> object:
    return "—" if value in (None, "") or isinstance(value, dict | list) else value


def _from_pick(p: dict) -> TimelineEntry:
    detail = verbatim(f"{p['sku']} {p['picked']}/{p['quantity']}")
    if p["short"]:
        detail = message("timeline.pick_short", pick=detail, short=p["short"])
    what = "pick" if p["status"] != "open" else "pick (open)"
    return TimelineEntry(p["picked_at"], what, p["picked_by"] or "", p["location"], detail)


def _sortable(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.max
    return moment.replace(tzinfo=None) - (moment.utcoffset() or timedelta())


def write_kpi_csv(report: kpis.KpiReport, path: str) -> int:
    """The report as a CSV file (section, name, metric, value); returns the rows written.

    Names come from users and order feeds: every text cell is neutralised (csv_row) so a
    spreadsheet shows `=HYPERLINK(...)` as text instead of running it."""
    import csv

    rows = kpis.csv_rows(report)
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(csv_row(row) for row in rows)
    return len(rows)
