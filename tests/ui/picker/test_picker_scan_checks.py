"""On the real picker screen, against central and on an offline station: a pick cannot be
confirmed without the item scan or (several orders on the cart) the tote scan, a lot-controlled
item gets its lot asked for, and the instruction line says what the step needs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services.picking_central import CentralPickingBackend
from app.steps.picking import Phase
from db.engine import make_engine
from db.schema import events, products
from db.station.backend import StationPickingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork
from ui.picker import PickerHome
from ui.worker import SynchronousWorker

PIA = User("李娜", Role.PICKER, "1001")


def central_backend(demo_central, _tmp_path):
    return CentralPickingBackend(demo_central.uow, "PICK-31"), None


def offline_backend(demo_central, tmp_path):
    """A station that claimed its list and pulled once, then lost the network."""
    store = StationStore(tmp_path / "station.sqlite", "PICK-31")
    StationPickingBackend(store, lambda: None, demo_central.uow, "PICK-31").my_pick_list(PIA)
    SyncEngine(store, demo_central.engine).sync_once()
    dead = make_engine(f"sqlite:///{tmp_path / 'gone' / 'central.sqlite'}")
    return StationPickingBackend(store, lambda: None, lambda: SqlUnitOfWork(dead), "PICK-31"), store


def make_home(qtbot, backend) -> PickerHome:
    home = PickerHome(PIA, backend, SynchronousWorker(), "PICK-31", today=lambda: "2026-11-29")
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.show()
    for n, _ in enumerate(home.state.pick_list.cart):
        home.handle_scan(interpret(f"T:CHK{n}"))
    return home


def skip_to(home, wanted) -> None:
    """Postpone tasks until the current one is of the kind wanted."""
    for _ in home.state.pick_list.tasks:
        if wanted(home.state.task):
            return
        home.handle_scan(interpret("C:SKIP"))
    pytest.fail("the demo list has no such task")


def type_count(qtbot, home, count: int) -> None:
    view = home.task_view
    qtbot.keyClicks(view.count_field, str(count))
    qtbot.keyClick(view.count_field, Qt.Key.Key_Return)


@pytest.mark.parametrize("make_backend", [central_backend, offline_backend])
def test_no_confirmation_without_the_item_and_tote_scans_and_the_lot_is_asked_for(
    qtbot, demo_central, tmp_path, make_backend
):
    backend, store = make_backend(demo_central, tmp_path)
    home = make_home(qtbot, backend)
    assert len(home.state.pick_list.cart) > 1, "the demo carts hold several orders"
    skip_to(home, lambda t: t.lot_controlled and t.lot)
    task, view = home.state.task, home.task_view
    home.handle_scan(interpret(f"L:{task.location}"))
    assert "Scan lot" in view.detail.text() and task.lot in view.detail.text()

    type_count(qtbot, home, task.remaining)  # a count with no item scan: refused
    assert home.banner.kind == "error" and "Scan one" in home.banner.text()
    assert home.state.counted == 0 and home.state.phase is Phase.ITEM
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    assert home.banner.kind == "error" and home.state.task.id == task.id

    home.handle_scan(interpret(task.gtins[0]))  # a plain EAN: the lot is asked for
    assert home.state.phase is Phase.LOT and "lot label" in view.step.text()
    assert task.lot in home.banner.text() and home.tones.played[-1] == "info"
    tote = home.state.pick_list.tote_for(task.order_ref)
    home.handle_scan(interpret(f"T:{tote}"))
    assert home.banner.kind == "error" and home.state.phase is Phase.LOT
    assert "lot label first" in home.banner.text() and task.lot in home.banner.text()
    home.handle_scan(interpret("]C110NOT-THIS-LOT"))
    assert home.banner.kind == "error" and "Wrong lot" in home.banner.text()
    home.handle_scan(interpret(f"]C110{task.lot}"))
    assert home.state.phase is Phase.TOTE and "tote" in view.step.text()

    type_count(qtbot, home, task.remaining)
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)  # several orders: no
    assert home.banner.kind == "error" and f"tote {tote}" in home.banner.text()
    assert home.state.task.id == task.id
    home.handle_scan(interpret(f"T:{tote}"))
    assert home.banner.kind == "ok" and home.state.task_by_id(task.id).remaining == 0

    kinds_payloads = _pending(store) if store else _on_central(demo_central)
    (confirmed,) = [payload for kind, payload in kinds_payloads if kind == "pick.confirmed"]
    expected = {"lot": task.lot, "lot_scanned": True, "item_scanned": True, "tote_scanned": True}
    assert {k: confirmed[k] for k in expected} == expected
    assert confirmed["quantity"] == task.remaining


def _pending(store) -> list[tuple[str, dict]]:
    return [(fact.kind, fact.payload) for _id, fact in store.pending(1000)]


def _on_central(central) -> list[tuple[str, dict]]:
    with central.engine.connect() as conn:
        query = select(events.c.kind, events.c.payload).where(events.c.station == "PICK-31")
        return [(kind, payload) for kind, payload in conn.execute(query)]


def test_only_a_no_barcode_product_is_counted_by_typing_and_the_screen_says_so(
    qtbot, demo_central, tmp_path
):
    listed = CentralPickingBackend(demo_central.uow, "PICK-31").my_pick_list(PIA)
    loose = next(t for t in listed.tasks if not t.lot_controlled)
    with demo_central.engine.begin() as conn:  # the product master says: no barcode
        conn.execute(update(products).where(products.c.sku == loose.sku).values(no_barcode=True))
    home = make_home(qtbot, CentralPickingBackend(demo_central.uow, "PICK-31"))
    skip_to(home, lambda t: t.id == loose.id)
    task = home.state.task
    assert task.no_barcode
    home.handle_scan(interpret(f"L:{task.location}"))
    assert "type the count" in home.task_view.step.text()
    type_count(qtbot, home, task.remaining)
    assert home.state.phase is Phase.TOTE and home.state.counted == task.remaining
    home.handle_scan(interpret(f"T:{home.state.pick_list.tote_for(task.order_ref)}"))
    assert home.banner.kind == "ok"
    (confirmed,) = [p for kind, p in _on_central(demo_central) if kind == "pick.confirmed"]
    assert (confirmed["item_scanned"], confirmed["no_barcode"]) == (False, True)
    assert confirmed["confirmed_by"] == "typed_no_barcode"


def test_every_verdict_of_the_checks_is_worded_with_its_parameters(qtbot):
    """No message of the new steps reaches the screen with a `{placeholder}` left in it."""
    from app.steps import picking
    from tests.unit.picking.test_scan_checks import at_task, scan
    from ui.picker.messages import verdict_text

    waiting = scan(at_task(11), "]E08712345000189")
    verdicts = [waiting, picking.on_count(at_task(12), 1), scan(at_task(13), "L:A02-001-L-1")]
    for raw in ("T:0001", "C:CONFIRM", "LOT9", "]C110L1", "SSCC", "]E08712345002831"):
        verdicts.append(scan(waiting.state, raw))
    one = scan(at_task(12), "]E08712345002831").state
    verdicts += [scan(one, "C:CONFIRM"), picking.on_count(at_task(13), 5)]
    short = scan(one, "C:SHORT")
    verdicts += [short, scan(short.state, "C:CONFIRM"), scan(waiting.state, "C:SHORT")]
    for verdict in verdicts:
        text = verdict_text(verdict.message, verdict.params)
        assert "{" not in text and text != verdict.message, (verdict.message, text)
