"""The floor pages' scan loop (ui/scan_loop.py) on its own, with fake steps and a worker that
holds each call until the test lets it finish: input that arrives while a look-up or a save
runs waits and is stepped in order against the state adopted by then; a failure drops it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app.scanning.interpret import Scan
from ui.scan_loop import LookUpCall, ScanLoop
from ui.worker import DatabaseWorker, SynchronousWorker


@dataclass(frozen=True)
class FakeVerdict:
    name: str
    facts: tuple = ()
    ok: bool = True
    look_up: str | None = None

    @property
    def durable(self) -> bool:
        return self.ok and bool(self.facts)


class HeldWorker(SynchronousWorker):
    """Keeps every call until `finish()` (or `fail()`), as a slow database would."""

    def __init__(self) -> None:
        self.waiting: list[tuple] = []

    def submit(self, fn, *args, on_success=None, on_failure=None) -> None:
        self.waiting.append((fn, args, on_success, on_failure))

    def finish(self) -> None:
        fn, args, on_success, on_failure = self.waiting.pop(0)
        super().submit(fn, *args, on_success=on_success, on_failure=on_failure)

    def fail(self, exc: Exception) -> None:
        _, _, _, on_failure = self.waiting.pop(0)
        on_failure(exc)


@dataclass
class Page:
    """What a page gives the loop, writing down what the loop asked of it."""

    worker: object
    record_refusals: bool = False
    seen: list[str] = field(default_factory=list)
    recorded: list[list] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.loop: ScanLoop[FakeVerdict] = ScanLoop(
            self.worker,  # type: ignore[arg-type]
            look_up=self.look_up,
            record=self.recorded.append,
            adopt=lambda v: self.seen.append(f"adopt {v.name}"),
            save_failed=lambda exc: self.seen.append(f"save failed: {exc}"),
            look_up_failed=lambda exc: self.seen.append(f"look-up failed: {exc}"),
            after_save=lambda: self.seen.append("after save"),
            record_refusals=self.record_refusals,
        )

    def look_up(self, verdict: FakeVerdict, scan: Scan | None) -> LookUpCall[FakeVerdict]:
        raw = scan.raw if scan else "-"
        self.seen.append(f"look up {verdict.look_up} for {raw}")
        return LookUpCall(str.upper, verdict.look_up, lambda found: FakeVerdict(f"found {found}"))

    def take(self, name: str, **verdict) -> None:
        def step() -> FakeVerdict:
            self.seen.append(f"step {name}")  # runs when the loop gets to it
            return FakeVerdict(name, **verdict)

        self.loop.take(step, Scan(raw=name, symbology=None, kind="unknown"))


FACT = ("a fact",)


def test_input_waits_while_a_save_runs_and_is_stepped_in_order_after_it():
    worker = HeldWorker()
    page = Page(worker)
    page.take("load", facts=FACT)
    page.take("second")
    page.take("third")
    assert page.loop.busy and page.seen == ["step load"]  # the others wait, not yet stepped
    worker.finish()
    assert not page.loop.busy and page.recorded == [list(FACT)]
    assert page.seen == [
        "step load",
        "adopt load",
        "step second",
        "adopt second",
        "step third",
        "adopt third",
        "after save",  # once the waiting input went through (the pages refresh their tasks)
    ]


def test_a_look_up_runs_on_the_worker_and_its_answer_is_the_next_verdict():
    worker = HeldWorker()
    page = Page(worker)
    page.take("unit", look_up="u1")
    page.take("later", facts=FACT)  # waits for the answer, then is saved in turn
    assert page.seen == ["step unit", "look up u1 for unit"] and page.loop.busy
    worker.finish()
    assert page.seen[2:] == ["adopt found U1", "step later"] and page.loop.busy
    worker.finish()
    assert page.seen[4:] == ["adopt later", "after save"] and not page.loop.busy


def test_a_failed_save_shows_and_drops_the_waiting_input():
    worker = HeldWorker()
    page = Page(worker)
    page.take("load", facts=FACT)
    page.take("dropped")
    worker.fail(OSError("disk gone"))
    assert page.seen == ["step load", "save failed: disk gone"] and not page.loop.busy
    page.take("next")  # the operator goes on from what the screen shows
    assert page.seen[-2:] == ["step next", "adopt next"]


def test_a_failed_look_up_shows_and_drops_the_waiting_input():
    worker = HeldWorker()
    page = Page(worker)
    page.take("parcel", look_up="p1")
    page.take("dropped")
    worker.fail(OSError("central away"))
    assert page.seen == ["step parcel", "look up p1 for parcel", "look-up failed: central away"]
    assert not page.loop.busy and not worker.waiting


def test_a_refusal_shows_at_once_and_its_facts_go_in_the_background_only_when_asked():
    for record_refusals, recorded in ((True, [list(FACT)]), (False, [])):
        page = Page(SynchronousWorker(), record_refusals=record_refusals)
        page.take("misscan", facts=FACT, ok=False)
        assert page.seen == ["step misscan", "adopt misscan"] and not page.loop.busy
        assert page.recorded == recorded


def test_apply_acts_at_once_and_take_waits_when_busy():
    worker = HeldWorker()
    page = Page(worker)
    page.take("load", facts=FACT)
    assert page.loop.busy  # a page ignores a command now (it checks `busy` before `apply`)
    worker.finish()
    page.loop.apply(FakeVerdict("command"))
    assert page.seen[-1] == "adopt command"


def test_with_the_real_worker_every_callback_runs_on_the_ui_thread(qtbot):
    worker = DatabaseWorker()
    threads: list[threading.Thread] = []
    seen: list[str] = []

    def adopt(verdict: FakeVerdict) -> None:
        threads.append(threading.current_thread())
        seen.append(verdict.name)

    loop: ScanLoop[FakeVerdict] = ScanLoop(
        worker,
        look_up=lambda v, _: LookUpCall(str.upper, v.look_up, lambda f: FakeVerdict(f)),
        record=lambda facts: None,
        adopt=adopt,
        save_failed=lambda exc: None,
        look_up_failed=lambda exc: None,
    )
    loop.take(lambda: FakeVerdict("unit", look_up="u1"))
    loop.take(lambda: FakeVerdict("saved", facts=FACT))
    loop.take(lambda: FakeVerdict("shown"))
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert seen == ["U1", "saved", "shown"]
    assert threads == [threading.main_thread()] * 3 and not loop.busy
    worker.shutdown()
