"""Where a re-solved route lives: a `pick.rerouted` fact, laid over the station's copy while it
is offline (a restart shows the order the picker last saw) and applied by central with the same
numbering, so both sides agree once the fact is pushed."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.events import Actor
from app.domain.users import Role, User
from app.routing import load_layout
from app.scanning.interpret import interpret
from app.steps import picking
from app.steps.picking_route import on_rerouted, reroute_request, solve_reroute
from db.engine import make_engine
from db.schema import pick_tasks
from db.station.backend import StationPickingBackend
from db.station.store import StationStore
from db.station.sync import SyncEngine
from db.uow import SqlUnitOfWork

PIA = User("李娜", Role.PICKER, "1001")


def test_an_offline_station_keeps_its_re_solved_route_and_central_agrees(demo_central, tmp_path):
    store = StationStore(tmp_path / "station.sqlite", "PICK-41")
    online = StationPickingBackend(store, lambda: None, demo_central.uow, "PICK-41")
    view = online.my_pick_list(PIA)
    layout = load_layout(online.site_layout())
    SyncEngine(store, demo_central.engine).sync_once()
    dead = make_engine(f"sqlite:///{tmp_path / 'gone' / 'central.sqlite'}")
    offline = StationPickingBackend(store, lambda: None, lambda: SqlUnitOfWork(dead), "PICK-41")

    state = picking.start(view, Actor(PIA.name, "PICK-41"))
    for n, _ in enumerate(state.pick_list.cart):
        verdict = picking.on_scan(state, interpret(f"T:Q{n}"), "2026-11-29")
        state = picking.on_tote_checked(state, verdict.check_tote, in_use=False).state
    first = state.current_task
    state = picking.on_scan(state, interpret(f"L:{first.location}"), "2026-11-29").state
    skip = picking.on_command(state, "SKIP")
    offline.record(list(skip.facts))
    rerouted = on_rerouted(skip.state, solve_reroute(layout, reroute_request(skip.state)))
    assert rerouted is not None, "the demo list's skip changes the order"
    offline.record(list(rerouted.facts))

    restarted = picking.start(offline.my_pick_list(PIA), Actor(PIA.name, "PICK-41"))
    assert restarted.route == rerouted.state.route  # offline, after a restart: the same order

    SyncEngine(store, demo_central.engine).sync_once()  # back online: the facts reach central
    with demo_central.engine.connect() as conn:
        order = (
            conn.execute(
                select(pick_tasks.c.id)
                .where(pick_tasks.c.pick_list_id == view.id)
                .order_by(pick_tasks.c.seq)
            )
            .scalars()
            .all()
        )
    assert [i for i in order if i in set(rerouted.state.route)] == list(rerouted.state.route)
    assert picking.start(online.my_pick_list(PIA), restarted.actor).route == restarted.route
