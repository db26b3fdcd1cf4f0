"""The packer adopts a step only once its facts are stored, as the picker does: a unit whose
fact could not be saved is not shown as packed, and scans that arrive while a step is being
saved wait and are applied in order against the saved state."""

from __future__ import annotations

from app.errors import Offline
from app.scanning.interpret import interpret
from ui.marks import is_ok_html
from ui.packer import PackerHome
from ui.worker import SynchronousWorker

from .conftest import PACKER


class HeldWorker(SynchronousWorker):
    """Runs calls at once, except `backend.record` of pack.item facts while `hold` is set: those
    wait until `release()`, as a slow disk or network would make them."""

    def __init__(self) -> None:
        self.hold = False
        self.waiting: list[tuple] = []

    def submit(self, fn, *args, on_success=None, on_failure=None) -> None:
        facts = args[0] if args and isinstance(args[0], list) else []
        if self.hold and any(getattr(f, "kind", "") == "pack.item" for f in facts):
            self.waiting.append((fn, args, on_success, on_failure))
            return
        super().submit(fn, *args, on_success=on_success, on_failure=on_failure)

    def release(self) -> None:
        self.hold = False
        while self.waiting:
            fn, args, on_success, on_failure = self.waiting.pop(0)
            super().submit(fn, *args, on_success=on_success, on_failure=on_failure)


def test_a_unit_whose_fact_was_not_saved_is_not_packed(station, monkeypatch):
    order = station.order()
    station.scan(f"T:{order.tote}")
    line = order.lines[0]
    first_scan = line.unit_scans()[0]
    saved = station.backend.record

    def store_gone(facts):
        if any(f.kind == "pack.item" for f in facts):
            raise Offline("the database went away")
        return saved(facts)

    monkeypatch.setattr(station.backend, "record", store_gone)
    text = station.scan(first_scan)
    state = station.home.state
    assert not is_ok_html(text) and station.home.message.kind == "error"
    assert state.packed[line.line_id] == 0 and not state.carton_items
    assert "pack.item" not in station.event_kinds(order)

    monkeypatch.setattr(station.backend, "record", saved)  # back: the same scan packs it
    assert is_ok_html(station.scan(first_scan)), station.home.message.text()
    assert station.home.state.packed[line.line_id] == 1
    assert station.event_kinds(order).count("pack.item") == 1


def test_scans_during_a_save_wait_and_apply_in_order(station, qtbot):
    worker = HeldWorker()
    home = PackerHome(station.backend, worker, PACKER, "PACK-02", station.printer)
    qtbot.addWidget(home)
    order = station.order()
    home.handle_scan(interpret(f"T:{order.tote}"))
    scans = [text for line in order.lines for text in line.unit_scans()][:3]
    worker.hold = True
    for text in scans:
        home.handle_scan(interpret(text))
    # The first unit's fact is being saved: nothing is shown as packed yet, the rest wait.
    assert sum(home.state.packed.values()) == 0 and not home.state.carton_items
    assert len(worker.waiting) == 1 and len(home._queue) == len(scans) - 1
    worker.release()
    assert not home._queue and len(home.state.carton_items) == len(scans)
    assert station.event_kinds(order).count("pack.item") == len(scans)
