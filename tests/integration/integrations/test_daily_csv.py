"""The daily CSV of shipment confirmations on SQLite, through `shipshape integrations --set` and
`shipshape integrate --once`: a day's shipments in one file, a message delivered again never
doubles its rows, other kinds never reach it, and a file that is not ours is left alone."""

from __future__ import annotations

import json

from app.domain.shipment_csv import file_name, message_day
from app.services import dispatch_close
from station.demo_dispatch import pack_demo_orders
from station.demo_packing import demo_central
from tests.integration.dispatch.story import LEAD, cutoff_passed, load, loading
from tests.integration.integrations.daily_csv_story import (
    ZONE,
    check_every_row_once,
    integrate_once,
    packed_orders,
    read_day_file,
    redeliver,
    set_daily_csv,
    ship,
    states,
)
from tests.integration.integrations.outbox_story import write_messages
from tests.integration.integrations.test_outbox_messages import messages


def test_two_orders_shipped_at_the_dock_make_one_file_for_the_day(
    tmp_path, tmp_path_factory, run_cli
):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url, folder = str(central.engine.url), tmp_path / "erp"
    folder.mkdir()
    try:
        set_daily_csv(run_cli, url, folder)
        cartons = pack_demo_orders(central, 2, cartons=2, carrier="SF")
        backend, state = loading(central)
        for carton in cartons:
            state = load(backend, state, carton.sscc).state
        at, site = cutoff_passed(central, "SF")
        dispatch_close.close_carrier(central.uow(), LEAD, "SF", "LEAD-01", site, now=lambda: at)
        redeliver(central.engine, state="pending")  # closed 2 minutes ahead: due from then on
        integrate_once(url)
        shipped = [m for m in messages(central) if m["kind"] == "order.shipped"]
        assert states(central.engine) == {"delivered": 2}  # the shipments only
        assert check_every_row_once(central.engine, folder) == 2
    finally:
        central.close()
    (day,) = {file_name(message_day(message, ZONE)) for message in shipped}
    assert sorted(p.name for p in folder.iterdir()) == [".shipments.lock", day]
    rows = read_day_file(folder / day)
    assert len(rows) >= 4  # two orders, two cartons each, a row per carton line
    assert {row[0] for row in rows} == {message["id"] for message in shipped}
    assert {(row[3], row[4]) for row in rows} == {(c.channel, c.order_id) for c in cartons}
    assert {row[8] for row in rows} == {c.sscc for c in cartons}
    assert all(row[5] == "SF" and row[9] and float(row[10]) > 0 for row in rows)


def test_a_message_delivered_again_is_in_the_file_once(tmp_path, tmp_path_factory, run_cli):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url, folder = str(central.engine.url), tmp_path / "erp"
    folder.mkdir()
    try:
        set_daily_csv(run_cli, url, folder)
        refs = packed_orders(central, 6)
        ship(central, refs[:4])
        write_messages(central, order_count=6, per_order=4)  # held, cancelled, …: not for it
        integrate_once(url)
        (day,) = folder.glob("shipments-*.csv")
        before = day.read_bytes()
        redeliver(central.engine)  # all four, as after a crash before they were noted
        integrate_once(url)
        assert day.read_bytes() == before  # the same rows: the file is not even rewritten
        redeliver(central.engine, 2)
        ship(central, refs[4:])  # news in between the repeats
        integrate_once(url)
        assert states(central.engine) == {"delivered": 6}
        assert check_every_row_once(central.engine, folder) == 6
    finally:
        central.close()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_file_that_is_not_ours_fails_the_delivery_and_is_left_alone(
    tmp_path, tmp_path_factory, run_cli
):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url, folder = str(central.engine.url), tmp_path / "erp"
    folder.mkdir()
    try:
        set_daily_csv(run_cli, url, folder)
        ship(central, packed_orders(central, 1))
        (message,) = messages(central)[-1:]
        theirs = folder / file_name(message_day(message, ZONE))
        theirs.write_bytes(b"order;qty\r\n1;2\r\n")
        integrate_once(url)
        code, out, _ = run_cli("integrations", "--database", url, "--status", "--json")
        status = json.loads(out)
        assert states(central.engine) == {"pending": 1}
        assert theirs.read_bytes() == b"order;qty\r\n1;2\r\n"
        assert status["waiting"] == 1 and status["delivered"] == 0
    finally:
        central.close()


def test_the_endpoint_is_printed_back_with_its_format(tmp_path, sqlite_url, run_cli):
    folder = tmp_path / "erp"
    folder.mkdir()
    set_daily_csv(run_cli, sqlite_url, folder)
    code, out, _ = run_cli("integrations", "--database", sqlite_url, "--json")
    (shown,) = json.loads(out)["endpoints"]
    assert code == 0 and shown["format"] == "daily_csv" and shown["kinds"] == ["order.shipped"]
    bad = tmp_path / "bad.json"
    endpoint = {"name": "erp", "kind": "file", "folder": str(folder), "format": "xlsx"}
    bad.write_text(json.dumps({"endpoints": [endpoint]}))
    code, _, err = run_cli("integrations", "--database", sqlite_url, "--set", str(bad))
    assert code == 2 and "endpoints[0].format 'xlsx' is not one of json, daily_csv" in err
