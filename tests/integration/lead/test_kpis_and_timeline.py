"""KPIs against a hand-computed fixture (rates, accuracy, walking; cycle time and shipped vs due
come from orders shipped by the real flow: real_flow_kpis.py); an order's full timeline; role
checks on every case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select, update

from app.domain.kpis import csv_rows
from app.errors import NotAllowed
from app.services import lead
from app.services.waves import WaveFilter
from db.schema import events, orders, pick_lists, pick_tasks, products, shipments, waves
from tests.integration.lead.site import STATION, add_event, build_site, confirm_task, list_ids

DAY = datetime(2026, 11, 2, tzinfo=UTC)


def at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def test_kpis_match_the_hand_computed_figures(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    for hh, mm, qty in ((8, 5, 1), (8, 20, 2), (8, 40, 3), (9, 10, 4)):
        add_event(site, "pick.confirmed", "Pia", at(hh, mm), quantity=qty)
    for hh, mm in ((10, 0), (10, 30), (10, 59), (16, 0), (7, 59)):  # the last two: outside
        add_event(site, "pick.confirmed", "Paul", at(hh, mm), quantity=1)
    add_event(site, "scan.refused", "Pia", at(8, 6))
    add_event(site, "scan.refused", "Paul", at(10, 1))
    add_event(site, "pack.item", "Pat", at(11, 0), quantity=2)
    add_event(site, "pack.item", "Pat", at(11, 15))  # no quantity: one unit
    add_event(site, "pack.item", "Pat", at(12, 0), quantity=1)
    site.run(update(waves).values(released_at=at(9)))
    site.run(update(pick_lists).values(distance_m=30.0, sshape_distance_m=40.0))
    n_lists = len(list_ids(site))

    report = lead.kpi_report(site.uow(), site.lead, at(8), at(16))

    figures = {
        (r.kind, r.user): (r.lines, r.units, r.hours, r.lines_per_hour, r.units_per_hour)
        for r in report.rates
    }
    assert figures == {
        ("pick", "Pia"): (4, 10, 2, 2.0, 5.0),
        ("pick", "Paul"): (3, 3, 1, 3.0, 3.0),
        ("pack", "Pat"): (3, 4, 2, 1.5, 2.0),
    }
    assert (report.good_scans, report.refused_scans) == (7, 2)
    assert report.mis_scans_per_1000 == pytest.approx(2000 / 9)
    assert (report.distance.pick_lists, report.distance.saved_m) == (n_lists, 10.0 * n_lists)
    assert report.distance.saved_percent == pytest.approx(25.0)
    assert ["accuracy", "", "mis_scans_per_1000", "222.22"] in csv_rows(report)


def test_the_order_timeline_tells_the_whole_story(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    ref = site.rows(select(orders.c.id).where(orders.c.order_id == "SO-M"))[0][0]
    milk = site.rows(select(pick_tasks.c.id).join(products).where(products.c.sku == "MILK"))[0][0]
    confirm_task(site, milk, "Pia", datetime.now(UTC))
    add_event(site, "pick.confirmed", "Pia", datetime.now(UTC), ref, task=milk, quantity=2)
    add_event(site, "package.closed", "Pat", datetime.now(UTC), ref, weight_kg=2.1)
    add_event(site, "label.printed", "Pat", datetime.now(UTC), ref, sscc="376130321109103420")
    site.run(
        insert(shipments).values(
            order_id=ref, carrier="DHL", tracking_number="JD01", created_at=datetime.now(UTC)
        )
    )
    add_event(site, "order.shipped", "Pat", datetime.now(UTC), ref)

    timeline = lead.order_timeline(site.uow(), site.lead, "web/SO-M")

    kinds = [e.what for e in timeline.entries]
    assert timeline.order == "web/SO-M"
    assert kinds[:3] == ["order.received", "order.allocated", "wave.released"] or kinds[:3] == [
        "order.received",
        "order.allocated",
        "order.released",
    ]
    assert {
        "order.released",
        "pick",
        "package.closed",
        "label.printed",
        "shipment",
        "order.shipped",
    } <= set(kinds)
    assert "pick.confirmed" not in kinds  # shown once, from the task, with who and where
    pick = next(e for e in timeline.entries if e.what == "pick")
    assert (pick.who, pick.where, pick.detail.english()) == ("Pia", "A01-002-L-1", "MILK 2/2")
    assert kinds.index("pick") < kinds.index("label.printed") < kinds.index("order.shipped")
    assert lead.order_timeline(site.uow(), site.lead, "SO-M").order == "web/SO-M"


def test_the_timeline_shows_a_pick_counted_by_typing_without_an_item_scan(
    tmp_path, sqlite_url, run_cli
):
    site = build_site(tmp_path, sqlite_url, run_cli)
    ref = site.rows(select(orders.c.id).where(orders.c.order_id == "SO-M"))[0][0]
    milk = site.rows(select(pick_tasks.c.id).join(products).where(products.c.sku == "MILK"))[0][0]
    confirm_task(site, milk, "Pia", datetime.now(UTC))
    add_event(
        site,
        "pick.confirmed",
        "Pia",
        datetime.now(UTC),
        ref,
        task=milk,
        quantity=2,
        item_scanned=False,
        no_barcode=True,
        confirmed_by="typed_no_barcode",
    )

    timeline = lead.order_timeline(site.uow(), site.lead, "web/SO-M")

    (typed,) = [e for e in timeline.entries if e.what == "pick.confirmed"]
    assert "count typed: the product has no barcode" in str(typed.detail) and typed.who == "Pia"
    assert [e.what for e in timeline.entries].count("pick") == 1


def lead_cases(site):
    """Every lead use case, as (name, call with a given user)."""
    first = list_ids(site)[:1]
    wave_id = site.rows(select(waves.c.id))[0][0]
    u = site.uow
    return [
        ("load_board", lambda who: lead.load_board(u(), who)),
        ("plan_wave", lambda who: lead.plan_wave(u(), who, 3, WaveFilter())),
        ("save_wave", lambda who: lead.save_wave(u(), who, None, True, STATION)),
        ("release_wave", lambda who: lead.release_wave(u(), who, wave_id, STATION)),
        ("reassign", lambda who: lead.reassign(u(), who, first, "Pia", STATION)),
        ("reassign_wave", lambda who: lead.reassign_wave(u(), who, wave_id, "Pia", STATION)),
        ("unassign", lambda who: lead.unassign(u(), who, first, STATION)),
        ("hold_wave", lambda who: lead.hold_wave(u(), who, wave_id, STATION)),
        ("resume_wave", lambda who: lead.resume_wave(u(), who, wave_id, STATION)),
        ("cancel_wave", lambda who: lead.cancel_wave(u(), who, wave_id, "", STATION)),
        ("exception_queue", lambda who: lead.exception_queue(u(), who)),
        ("resolve", lambda who: lead.resolve(u(), who, "late:web/SO-0", "prioritise", "", STATION)),
        ("kpi_report", lambda who: lead.kpi_report(u(), who, at(8), at(16))),
        ("order_timeline", lambda who: lead.order_timeline(u(), who, "web/SO-0")),
    ]


def test_pickers_and_packers_may_call_no_lead_use_case(tmp_path, sqlite_url, run_cli):
    site = build_site(tmp_path, sqlite_url, run_cli)
    before = site.rows(select(func.count()).select_from(events))[0][0]
    cases = lead_cases(site)
    assert {name for name, _ in cases} >= set(lead.__all__) - {
        "RESOLUTIONS",
        "Board",
        "BoardRow",
        "QueueItem",
        "Timeline",
        "TimelineEntry",
        "URGENT_PRIORITY",
        "preview_seconds",
    }
    for who in (site.pia, site.packer):
        for name, call in cases:
            with pytest.raises(NotAllowed):
                call(who)
                pytest.fail(f"{who.role} could call {name}")
    assert site.rows(select(func.count()).select_from(events))[0][0] == before
    assert {r.status for r in site.rows(select(pick_lists.c.status))} == {"released"}
