"""Order intake (app/services/intake.py) on the in-memory unit of work: new orders go in whole
with an `order.received` event each, an order already there (changed or not) is skipped, a
repeat within the file is a duplicate or, with other content, rejected, and work goes in
chunks of one transaction each. Reading the files: tests/unit/services/test_order_files.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.events import SYSTEM, Actor
from app.domain.orders import Order, OrderStatus
from app.errors import Conflict
from app.messages import message
from app.services import intake
from app.services.order_files import CSV_COLUMNS, OrderDraft, read_order_file
from tests.fakes.orders import FakeOrders
from tests.fakes.site import kinds
from tests.fakes.uow import FakeUnitOfWork

SETUP = Actor("setup", "cli")


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.state.skus = {"MILK", "GLUE", "BOLT"}
    return uow


def row(order_id: str, sku: str, quantity: str = "1", **overrides: str) -> str:
    values = dict.fromkeys(CSV_COLUMNS, "")
    values.update(
        channel="web",
        order_id=order_id,
        name="Anna Schmidt",
        street1="Hauptstr. 1",
        city="Köln",
        postal_code="50667",
        country="DE",
        sku=sku,
        quantity=quantity,
    )
    values.update(overrides)
    return ",".join(values[c] for c in CSV_COLUMNS)


class Files:
    def __init__(self, folder: Path) -> None:
        self.folder, self.count = folder, 0

    def csv(self, *rows: str) -> list[OrderDraft]:
        self.count += 1
        path = self.folder / f"orders-{self.count}.csv"
        path.write_text("\n".join([",".join(CSV_COLUMNS), *rows]) + "\n", encoding="utf-8")
        return read_order_file(path)

    def json(self, *entries: dict) -> list[OrderDraft]:
        self.count += 1
        path = self.folder / f"orders-{self.count}.json"
        path.write_text(json.dumps({"orders": list(entries)}), encoding="utf-8")
        return read_order_file(path)


@pytest.fixture
def files(tmp_path) -> Files:
    return Files(tmp_path)


def entry(order_id: str, *lines: tuple[str, int]) -> dict:
    ship_to = {
        "name": "Anna",
        "street1": "Hauptstr. 1",
        "city": "Köln",
        "postal_code": "50667",
        "country": "DE",
    }
    lines_ = [{"sku": sku, "quantity": qty} for sku, qty in lines]
    return {"channel": "web", "order_id": order_id, "ship_to": ship_to, "lines": lines_}


def stored_lines(uow: FakeUnitOfWork) -> dict[str, list[tuple[str, int]]]:
    return {
        o.order_id: [(line.sku, line.quantity) for line in o.lines]
        for o in uow.state.orders.values()
    }


def test_new_orders_go_in_received_each_with_its_event(uow, files):
    drafts = files.csv(row("SO-1", "MILK", "2"), row("SO-2", "GLUE"), row("SO-1", "BOLT", "3"))
    report = intake.import_orders(uow, drafts, SETUP)
    assert (report.imported, report.duplicates, report.rejected) == (
        ["web/SO-1", "web/SO-2"],
        [],
        [],
    )
    assert stored_lines(uow) == {"SO-1": [("MILK", 2), ("BOLT", 3)], "SO-2": [("GLUE", 1)]}
    assert all(o.status is OrderStatus.RECEIVED for o in uow.state.orders.values())
    refs = {o.order_id: o.id for o in uow.state.orders.values()}
    assert [(e.kind, e.payload, e.order_ref, e.actor) for e in uow.state.events] == [
        ("order.received", {"channel": "web", "order_id": "SO-1"}, refs["SO-1"], SETUP),
        ("order.received", {"channel": "web", "order_id": "SO-2"}, refs["SO-2"], SETUP),
    ]


def test_an_order_imported_before_is_skipped_even_when_the_file_changed_it(uow, files):
    intake.import_orders(uow, files.csv(row("SO-1", "MILK", "2"), row("SO-1", "GLUE")))
    events = list(uow.state.events)
    again = intake.import_orders(uow, files.csv(row("SO-1", "MILK", "2"), row("SO-1", "GLUE")))
    changed = intake.import_orders(uow, files.csv(row("SO-1", "BOLT", "9"), row("SO-2", "GLUE")))
    assert (again.imported, again.duplicates) == ([], ["web/SO-1 (row 2, row 3): already imported"])
    assert changed.imported == ["web/SO-2"]
    assert changed.duplicates == ["web/SO-1 (row 2): already imported"]
    assert stored_lines(uow)["SO-1"] == [("MILK", 2), ("GLUE", 1)]  # the first import stands
    assert uow.state.events[: len(events)] == events and kinds(uow).count("order.received") == 2


def test_the_same_order_id_in_another_channel_is_another_order(uow, files):
    intake.import_orders(uow, files.csv(row("SO-1", "MILK")))
    report = intake.import_orders(uow, files.csv(row("SO-1", "MILK", channel="edi")))
    assert report.imported == ["edi/SO-1"] and len(uow.state.orders) == 2


def test_a_repeat_within_the_file_is_a_duplicate_or_with_other_content_rejected(uow, files):
    drafts = files.json(
        entry("SO-1", ("MILK", 2)),
        entry("SO-1", ("MILK", 2)),  # the very same entry again
        entry("SO-2", ("GLUE", 1)),
        entry("SO-2", ("GLUE", 5)),  # same key, other content: which one is right?
    )
    report = intake.import_orders(uow, drafts)
    assert report.imported == ["web/SO-1", "web/SO-2"]
    assert report.duplicates == ["web/SO-1 (orders[1]): repeated in the file"]
    assert report.rejected == [
        "web/SO-2: orders[3]: repeats orders[2] with different content; orders[2] was kept, "
        "this one was not imported"
    ]
    assert stored_lines(uow) == {"SO-1": [("MILK", 2)], "SO-2": [("GLUE", 1)]}


def test_an_order_with_a_problem_is_rejected_whole_while_the_others_go_in(uow, files):
    drafts = files.csv(
        row("SO-1", "MILK"),
        row("SO-2", "MILK"),
        row("SO-2", "NOPE"),
        row("SO-3", "BOLT", "x"),
        row("SO-4", "GLUE", postal_code=""),
    )
    report = intake.import_orders(uow, drafts, SYSTEM)
    assert report.imported == ["web/SO-1"]
    assert report.rejected == [
        "web/SO-2: row 4: unknown SKU 'NOPE'",
        "web/SO-3: row 5: quantity 'x' is not a positive integer (1..2147483647)",
        "web/SO-4: row 6: address field postal_code is empty",
    ]
    assert stored_lines(uow) == {"SO-1": [("MILK", 1)]}
    assert kinds(uow) == ["order.received"]


def test_values_the_database_could_not_hold_are_rejected_without_being_looked_up(
    uow, files, monkeypatch
):
    asked: list[tuple[str, str]] = []
    existing_keys = FakeOrders.existing_keys

    def spy(self: FakeOrders, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        asked.extend(keys)
        return existing_keys(self, keys)

    monkeypatch.setattr(FakeOrders, "existing_keys", spy)
    long_id = "SO-" + "9" * 80
    report = intake.import_orders(uow, files.csv(row("SO-1", "MILK"), row(long_id, "MILK")))
    assert report.imported == ["web/SO-1"]
    (rejected,) = report.rejected
    assert rejected.endswith("row 3: order_id is 83 characters long; at most 80 are allowed")
    assert asked == [("web", "SO-1")]


def test_a_large_file_goes_in_chunks_of_one_transaction_each_with_progress(uow, files, monkeypatch):
    monkeypatch.setattr(intake, "CHUNK", 2)
    drafts = files.json(
        *(entry(f"SO-{n}", ("MILK", 1)) for n in range(5)), entry("SO-0", ("MILK", 1))
    )
    progress: list[tuple[int, int]] = []
    report = intake.import_orders(
        uow, drafts, progress=lambda done, total: progress.append((done, total))
    )
    assert len(report.imported) == 5 and len(report.duplicates) == 1
    assert progress == [(2, 5), (4, 5), (5, 5)]
    assert uow.commits == 3


def test_a_chunk_that_fails_keeps_the_chunks_before_it_and_nothing_of_its_own(
    uow, files, monkeypatch
):
    monkeypatch.setattr(intake, "CHUNK", 2)
    add_all = FakeOrders.add_all

    def then_a_conflict(self: FakeOrders, new_orders: list[Order]) -> list[int]:
        if any(o.order_id == "SO-3" for o in new_orders):  # another import stored it meanwhile
            raise Conflict(message("db.conflict", detail="orders_channel_order_id_key"))
        return add_all(self, new_orders)

    monkeypatch.setattr(FakeOrders, "add_all", then_a_conflict)
    with pytest.raises(Conflict):
        intake.import_orders(uow, files.json(*(entry(f"SO-{n}", ("MILK", 1)) for n in range(4))))
    assert sorted(stored_lines(uow)) == ["SO-0", "SO-1"]
    assert kinds(uow) == ["order.received", "order.received"]
    assert uow.commits == 1


def test_an_empty_file_opens_no_transaction(uow):
    report = intake.import_orders(uow, [])
    assert report.as_dict() == {"imported": 0, "duplicates": [], "rejected": []}
    assert uow.commits == 0
