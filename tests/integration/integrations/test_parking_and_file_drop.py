"""Parking after max_tries holds the order's later messages; a lead retries or drops it from the
CLI (audited); the file drop writes whole files only."""

from __future__ import annotations

import json
import threading

from sqlalchemy import select

from app.services.integrate import Dispatcher
from db.integration_store import SqlIntegrationStore
from db.schema import events
from integrations import senders
from station.demo_packing import demo_central
from tests.integration.integrations.outbox_story import (
    SECRET,
    set_webhook,
    stored,
    write_messages,
)
from tests.integration.integrations.receiver import Receiver


def deliver_all(engine) -> None:
    Dispatcher(SqlIntegrationStore(engine), senders(), batch=50).run(threading.Event(), once=True)


def test_a_parked_message_holds_its_order_until_a_lead_retries_or_drops_it(
    tmp_path, tmp_path_factory, run_cli
):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url = str(central.engine.url)
    try:
        with Receiver(SECRET, seed=1, fail=1.0, slow_s=0.3) as down:
            set_webhook(central.engine, down.url, max_tries=2, retry_base_s=0.01, timeout_s=0.2)
            write_messages(central, order_count=3, per_order=2)
            for _ in range(3):  # two tries each, the back-off between them is 10-20 ms
                deliver_all(central.engine)
                threading.Event().wait(0.05)
        _, states = stored(central.engine)
        assert states == {"parked": 3, "pending": 3}  # the second of each order waits behind
        code, out, _ = run_cli("integrations", "--database", url, "--parked", "--json")
        parked = [json.loads(line) for line in out.splitlines()]
        assert code == 0 and len(parked) == 3 and parked[0]["tries"] == 2
        assert parked[0]["last_error"]
        with Receiver(SECRET, seed=2) as up:
            set_webhook(central.engine, up.url)
            assert run_cli("integrations", "--database", url, "--drop", parked[0]["id"])[0] == 0
            for message in parked[1:]:
                assert run_cli("integrations", "--database", url, "--retry", message["id"])[0] == 0
            assert run_cli("integrations", "--database", url, "--retry", "no-such-id")[0] == 2
            deliver_all(central.engine)
            _, states = stored(central.engine)
            assert states == {"dropped": 1, "delivered": 5}
            assert parked[0]["id"] not in up.ids() and len(set(up.ids())) == 5
        code, out, _ = run_cli("integrations", "--database", url, "--status", "--json")
        status = json.loads(out)
        assert (status["endpoint"], status["waiting"], status["parked"]) == ("shop", 0, 0)
        with central.engine.connect() as conn:
            kinds = conn.execute(select(events.c.kind, events.c.payload)).all()
        audited = [(k, p.get("message")) for k, p in kinds if k.startswith("integration.")]
        assert ("integration.dropped", parked[0]["id"]) in audited
        assert ("integration.retried", parked[1]["id"]) in audited
    finally:
        central.close()


def test_file_drop_writes_whole_files_named_by_time_and_id(tmp_path, tmp_path_factory, run_cli):
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url = str(central.engine.url)
    folder = tmp_path / "drop"
    folder.mkdir()
    endpoints = tmp_path / "endpoints.json"
    endpoints.write_text(
        json.dumps({"endpoints": [{"name": "erp", "kind": "file", "folder": str(folder)}]})
    )
    seen_partial: list[str] = []
    stop = threading.Event()

    def reader() -> None:  # an ERP polling the folder while files land
        while not stop.is_set():
            for path in folder.glob("*.json"):
                try:
                    json.loads(path.read_bytes())
                except ValueError:
                    seen_partial.append(path.name)

    try:
        assert run_cli("integrations", "--database", url, "--set", str(endpoints))[0] == 0
        write_messages(central, order_count=20, per_order=5)
        polling = threading.Thread(target=reader)
        polling.start()
        deliver_all(central.engine)
        stop.set()
        polling.join()
        messages, states = stored(central.engine)
    finally:
        central.close()
    assert states == {"delivered": 100} and not seen_partial
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 100 and all(f.endswith(".json") and not f.startswith(".") for f in files)
    for name in files:
        document = json.loads((folder / name).read_text(encoding="utf-8"))
        stamp = document["occurred_at"].replace("-", "").replace(":", "").replace("+0000", "Z")
        assert name == f"{stamp[:15]}{stamp[16:]}-{document['id']}.json".replace("..", ".")
        assert document["id"] in messages


def test_a_bad_endpoints_file_is_refused_whole_and_secrets_are_never_printed(
    tmp_path, sqlite_url, run_cli
):
    good = {"name": "shop", "kind": "webhook", "url": "https://shop.example/hook", "secret": SECRET}
    bad = {"name": "erp", "kind": "file"}  # no folder
    path = tmp_path / "endpoints.json"
    path.write_text(json.dumps({"endpoints": [good, bad]}))
    code, _, err = run_cli("integrations", "--database", sqlite_url, "--set", str(path))
    assert code == 2 and "endpoints[1].folder" in err and len(err.strip().splitlines()) == 1
    path.write_text(json.dumps({"endpoints": [good]}))
    assert run_cli("integrations", "--database", sqlite_url, "--set", str(path))[0] == 0
    code, out, _ = run_cli("integrations", "--database", sqlite_url, "--json")
    assert code == 0 and SECRET not in out
    (shown,) = json.loads(out)["endpoints"]
    assert shown["secret"] == "***" and shown["url"] == good["url"] and shown["kinds"] == []
