"""The picker screen by touch and keyboard, a list reassigned under a picker, and the wiring of
`shipshape run` (Role.PICKER → PickerHome on the central database)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from app.services.picking_central import CentralPickingBackend
from app.steps.picking import Phase
from db.schema import pick_lists, pick_tasks, users
from tests.ui.stations import station_on
from ui.picker import PickerHome
from ui.worker import SynchronousWorker

PIA = User("李娜", Role.PICKER, "1001")


def make_home(qtbot, central) -> PickerHome:
    home = PickerHome(
        PIA,
        CentralPickingBackend(central.uow, "PICK-09"),
        SynchronousWorker(),
        "PICK-09",
        today=lambda: "2026-11-29",
    )
    qtbot.addWidget(home)
    home.resize(1280, 720)
    home.show()
    return home


def bind_all_totes(home) -> None:
    for n, _ in enumerate(home.state.pick_list.cart):
        home.handle_scan(interpret(f"T:K{n}"))


def test_a_task_by_touch_and_keyboard_only(qtbot, demo_central):
    home = make_home(qtbot, demo_central)
    bind_all_totes(home)
    task = home.state.task
    home.handle_scan(interpret(f"L:{task.location}"))
    view = home.task_view
    qtbot.keyClicks(view.count_field, str(task.remaining))  # before any item scan: refused
    qtbot.keyClick(view.count_field, Qt.Key.Key_Return)
    assert home.banner.kind == "error" and home.state.counted == 0
    home.handle_scan(interpret(f"]C101{task.gtins[0]}10{task.lot or 'X1'}"))
    qtbot.keyClicks(view.count_field, str(task.remaining))
    qtbot.keyClick(view.count_field, Qt.Key.Key_Return)
    assert home.state.counted == task.remaining and home.state.phase is Phase.TOTE
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    several = len(home.state.pick_list.cart) > 1
    if several:  # the button cannot stand in for the tote scan when a wrong tote exists
        assert home.banner.kind == "error" and home.state.task.id == task.id
        home.handle_scan(interpret(f"T:{home.state.pick_list.tote_for(task.order_ref)}"))
    assert home.banner.kind == "ok" and home.state.task.id != task.id
    assert view.undo_button.isEnabled()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert home.state.task.id == task.id
    qtbot.mouseClick(view.short_button, Qt.MouseButton.LeftButton)
    assert view.actions.currentIndex() == 1
    qtbot.mouseClick(view.reason_buttons["damaged"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    with demo_central.engine.connect() as conn:
        row = conn.execute(select(pick_tasks).where(pick_tasks.c.id == task.id)).one()
    assert (row.status, row.short, row.picked) == ("short", task.quantity, 0)
    assert home.tones.played[-1] == "ok"


def test_a_list_given_to_someone_else_stops_being_offered(qtbot, demo_central):
    home = make_home(qtbot, demo_central)
    list_id = home.state.pick_list.id
    with demo_central.engine.begin() as conn:
        other = conn.execute(select(users.c.id).where(users.c.badge == "1002")).scalar()
        conn.execute(update(pick_lists).where(pick_lists.c.id == list_id).values(assignee_id=other))
    home.check_still_mine()
    assert home.state is None and home.pages.currentWidget() is home.idle
    assert home.banner.kind == "error" and "someone else" in home.banner.text()
    home.command("NEXT")  # the next released list is claimed for Pia
    assert home.state is not None and home.state.pick_list.id != list_id


def test_shipshape_run_gives_pickers_the_picker_home(qtbot, demo_central, tmp_path):
    station = station_on(demo_central, "PICK-10", tmp_path, worker=SynchronousWorker())
    factories = station.home_factories()
    home = factories[Role.PICKER](PIA)
    qtbot.addWidget(home)
    assert isinstance(home, PickerHome)
    assert home.state is not None and home.state.pick_list.assignee == PIA.name
