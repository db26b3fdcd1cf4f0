"""Routes that follow the picker, through the real picker widgets: after a skip and after a
short the rest of the route is re-solved from where the picker stands on the route thread,
recorded, and drawn on the map; the task at hand stays where it is."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from app.domain.events import Actor
from app.domain.fact_payloads import PickConfirmed
from app.domain.users import Role, User
from app.routing import solve_route
from app.routing.distance import spot_of, tour_distance
from app.scanning.interpret import interpret
from app.services import lead
from app.services.lead import board
from app.services.picking_central import CentralPickingBackend
from app.steps.picking import Phase
from db.schema import events, exceptions, pick_tasks
from ui.app import load_stylesheet
from ui.picker import PickerHome
from ui.worker import DatabaseWorker, SynchronousWorker

PIA = User("李娜", Role.PICKER, "1001")
LEAD = User("Maria Jansen", Role.LEAD, "1011")
JAN = User("Jan de Boer", Role.PICKER, "1002")
SHOTS = os.environ.get("SHIPSHAPE_SCREENSHOTS")


def make_home(qtbot, central) -> PickerHome:
    if SHOTS:  # as the station looks (the stylesheet stays for the session: not in CI runs)
        load_stylesheet(QApplication.instance())
    route_worker = DatabaseWorker(name="test-route")  # a real thread: the screen never waits
    home = PickerHome(
        PIA,
        CentralPickingBackend(central.uow, "PICK-21"),
        SynchronousWorker(),
        "PICK-21",
        today=lambda: "2026-11-29",
        route_worker=route_worker,
    )
    home.destroyed.connect(route_worker.shutdown)
    qtbot.addWidget(home)
    home.resize(1280, 720)
    home.show()
    qtbot.waitUntil(lambda: home.state is not None, timeout=10000)
    for n, _ in enumerate(home.state.pick_list.cart):
        home.handle_scan(interpret(f"T:R{n}"))
    qtbot.waitUntil(lambda: home.task_view.route_map.drawn is not None, timeout=5000)
    return home


def shown_codes(home) -> tuple[str, ...]:
    """The stops the map draws, in walking order (done ones first)."""
    return home.task_view.route_map._shown


def check_rerouted(home, before_current: int, at: str) -> None:
    """The task at hand did not move; the rest is the exact route from it; the map shows it."""
    state = home.state
    assert state.route[0] == before_current and home.task_view.location.text() == (
        state.task.location
    )
    rest = [state.task_by_id(i).location for i in state.route[1:]]
    best = solve_route(home.task_view.route_map.layout_model, rest, start=state.task.location)
    assert list(best.sequence) == rest
    waiting = set(state.route)
    done = [t.location for t in state.pick_list.tasks if t.id not in waiting]
    assert shown_codes(home) == tuple(done + [state.task.location, *rest])
    assert home.task_view.route_map.caption().startswith("Re-planned")
    assert state.at_location == at


def grab_map(qtbot, home, name: str) -> None:
    if SHOTS:
        qtbot.wait(300)  # the map thread draws the new route
        home.task_view.grab().save(os.path.join(SHOTS, name))


def test_skip_then_short_re_solve_the_rest_and_the_map_follows(qtbot, demo_central):
    home = make_home(qtbot, demo_central)
    assert len(home.state.route) >= 5
    first = home.state.task
    home.handle_scan(interpret(f"L:{first.location}"))
    grab_map(qtbot, home, "picker_reroute_before.png")
    planned = shown_codes(home)

    with qtbot.waitSignal(home.route_replanned, timeout=10000):
        home.handle_scan(interpret("C:SKIP"))
        current = home.state.route[0]  # what the skip put in front of the picker
        assert home.banner.kind == "ok" and home.state.route[-1] == first.id
    check_rerouted(home, current, first.location)
    assert home.state.route[-1] != first.id or shown_codes(home) != planned
    assert home.state.route[0] != first.id  # the skipped task is not put straight back first
    grab_map(qtbot, home, "picker_reroute_after_skip.png")

    _check_central(demo_central, home)


def test_a_short_on_a_list_walked_in_a_worse_order_re_solves_the_rest(qtbot, demo_central):
    """A suffix of an optimal route is optimal: after a short on a route solved exactly nothing
    changes. A list planned otherwise (here: shuffled) gets the exact rest after the short."""
    _shuffle_first_list(demo_central)
    home = make_home(qtbot, demo_central)
    shorted = home.state.task
    home.handle_scan(interpret(f"L:{shorted.location}"))
    grab_map(qtbot, home, "picker_reroute_before_short.png")
    home.handle_scan(interpret("C:SHORT"))
    with qtbot.waitSignal(home.route_replanned, timeout=10000):
        home.handle_scan(interpret("C:CONFIRM"))
        assert home.banner.kind == "ok" and home.state.phase is Phase.LOCATION
        current = home.state.route[0]
    check_rerouted(home, current, shorted.location)
    grab_map(qtbot, home, "picker_reroute_after_short.png")
    _check_central(demo_central, home)


def test_a_short_the_lead_reallocates_joins_the_route_re_solved(qtbot, demo_central):
    """The lead moves the shortfall to another location: a new task on the list in hand, which
    reaches the station by sync; the route takes it in where it is shortest."""
    home = make_home(qtbot, demo_central)
    shorted = home.state.task
    home.handle_scan(interpret(f"L:{shorted.location}"))
    home.handle_scan(interpret("C:SHORT"))
    home.handle_scan(interpret("C:CONFIRM"))
    qtbot.wait(300)  # the re-solve after the short (the exact route's rest: nothing changes)
    before, current = set(home.state.route), home.state.route[0]
    with demo_central.engine.connect() as conn:
        key = conn.execute(
            select(exceptions.c.id).where(exceptions.c.pick_task_id == shorted.id)
        ).scalar_one()
    outcome = lead.resolve(demo_central.uow(), LEAD, f"exception:{key}", "reallocate", "", "L-1")
    assert "to pick from" in outcome.english()
    with qtbot.waitSignal(home.route_replanned, timeout=10000):
        home.work_changed([])  # what the sync thread reports after pulling the changed list
    added = set(home.state.route) - before
    assert len(added) == 1 and home.state.task_by_id(added.pop()).sku == shorted.sku
    check_rerouted(home, current, shorted.location)


def test_a_list_handed_over_starts_with_the_shortest_tour_from_the_depot(qtbot, demo_central):
    """Jan picked two stops, then the lead gave the list to 李娜: her screen opens on the
    shortest tour from the depot through what is left, not where Jan stopped."""
    jan_backend = CentralPickingBackend(demo_central.uow, "PICK-22")
    view = jan_backend.my_pick_list(JAN)
    jan = Actor(JAN.name, "PICK-22")
    jan_backend.record(
        [
            PickConfirmed(pick_list_id=view.id, task_id=t.id, quantity=t.quantity).fact(jan)
            for t in view.tasks[:2]
        ]
    )
    board.reassign(demo_central.uow(), LEAD, [view.id], PIA.name, "L-1")
    home = make_home(qtbot, demo_central)
    state = home.state
    assert state.pick_list.id == view.id and len(state.route) == len(view.tasks) - 2
    codes = [state.task_by_id(i).location for i in state.route]
    layout = home.task_view.route_map.layout_model
    walked = tour_distance(layout, [spot_of(layout, c) for c in codes])
    assert walked == pytest.approx(solve_route(layout, codes).distance_m)
    assert walked < tour_distance(layout, [spot_of(layout, t.location) for t in view.tasks[2:]])
    assert home.task_view.route_map.caption().startswith("Re-planned")


def _shuffle_first_list(central) -> None:
    """Every released list's tasks in a fixed shuffled order (not the exact route)."""
    with central.engine.begin() as conn:
        rows = conn.execute(select(pick_tasks.c.id, pick_tasks.c.pick_list_id)).all()
        for n, row in enumerate(sorted(rows, key=lambda r: (r.pick_list_id, (r.id * 7919) % 101))):
            conn.execute(update(pick_tasks).where(pick_tasks.c.id == row.id).values(seq=n + 1))


def _check_central(central, home) -> None:
    """Central numbers the tasks as the station does: the same walking order."""
    with central.engine.connect() as conn:
        kinds = [
            r.kind for r in conn.execute(select(events.c.kind).where(events.c.station == "PICK-21"))
        ]
        order = (
            conn.execute(
                select(pick_tasks.c.id)
                .where(pick_tasks.c.pick_list_id == home.state.pick_list.id)
                .order_by(pick_tasks.c.seq)
            )
            .scalars()
            .all()
        )
    assert "pick.rerouted" in kinds
    assert [i for i in order if i in home.state.route] == list(home.state.route)
