"""Routes that follow the picker: the rest of the route re-solved where the picker stands.

After a skip, a short pick, a restart mid-list, or when sync brings the list in hand back
changed (`with_changed_list`), the order of the tasks still to do is solved again with the
exact router, as an open route from where the picker stands (the last location scanned; the
depot when nothing was scanned yet) through the remaining picks back to the depot. The task at
hand stays at hand: it is what the screen shows, so the picker walks there first and only the
tasks after it are re-ordered (a skipped task is therefore never put straight back in front of
the picker). A list another picker started (`handover_request`) shows nothing yet: its whole
rest is solved from the depot before the screen shows a first task.

Three pure steps, so the screen never waits for the solver:

    request = reroute_request(state)             # UI thread: what to solve, or None
    rerouted = solve_reroute(layout, request)    # any thread: the exact router
    verdict = on_rerouted(state, rerouted)       # UI thread: None when the state moved on

The new order is recorded as a `pick.rerouted` fact (the open tasks in walking order), which
the station's copy and central apply the same way (`PickListView.resequenced`, the
`resequence` repository method): see docs/routing.md and docs/picking.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from app.domain.fact_payloads import PickRerouted
from app.domain.picking import PickListView
from app.routing import Layout, solve_route
from app.routing.distance import depot_spot, spot_of, walk_distance
from app.steps.picking_state import (
    TASK_PHASES,
    Phase,
    PickState,
    Verdict,
    no_count,
    picking_fact,
)

REROUTE_PHASES = (*TASK_PHASES, Phase.SHORT)
HANDOVER_PHASES = (Phase.CART, *TASK_PHASES)  # a list handed over, before the screen shows it


@dataclass(frozen=True)
class RerouteRequest:
    pick_list_id: int
    current: int | None  # the task at hand: it stays first; None: nothing shown yet
    rest: tuple[int, ...]  # the tasks after it (all of them when None), in today's order
    start: str | None  # where the picker stands: the last location scanned; None: the depot
    locations: tuple[tuple[int, str], ...]  # (task id, location) for the current and the rest


@dataclass(frozen=True)
class Rerouted:
    request: RerouteRequest
    rest: tuple[int, ...]  # the tasks after the current one, in the new walking order
    distance_m: float  # start → the current task → the rest → the depot


def reroute_request(state: PickState) -> RerouteRequest | None:
    """What to solve for `state`, or None when there is nothing to re-order (fewer than two
    tasks after the one at hand, or no task at hand)."""
    if state.phase not in REROUTE_PHASES or len(state.route) < 3:
        return None
    locations = tuple((i, state.task_by_id(i).location) for i in state.route)
    return RerouteRequest(
        state.pick_list.id, state.route[0], state.route[1:], state.at_location, locations
    )


def handover_request(state: PickState) -> RerouteRequest | None:
    """A list another picker started, just loaded here and not shown yet: its whole rest is
    solved again from the depot (where the new picker takes the cart over), the first task
    included. None when nobody else picked on it, or nothing is left to re-order."""
    tasks = state.pick_list.tasks
    done = [t for t in tasks if not t.is_open]
    others = any(t.picked_by and t.picked_by != state.actor.user for t in done)
    mine = any(t.picked_by == state.actor.user for t in done)
    if not others or mine or state.phase not in HANDOVER_PHASES or len(state.route) < 2:
        return None
    locations = tuple((i, state.task_by_id(i).location) for i in state.route)
    return RerouteRequest(state.pick_list.id, None, state.route, None, locations)


def solve_reroute(layout: Layout, request: RerouteRequest) -> Rerouted | None:
    """The exact open route for the rest (any thread; pure). None when a location (the start
    or a task's) is not in the layout: the route stays as it is."""
    where = dict(request.locations)
    start = request.start
    if any(not layout.has_location(c) for c in where.values()) or (
        start is not None and not layout.has_location(start)
    ):
        return None
    here = where[request.current] if request.current is not None else start
    route = solve_route(layout, [where[i] for i in request.rest], start=here)
    by_location: dict[str, list[int]] = defaultdict(list)
    for task_id in request.rest:  # tasks at one location keep their order among themselves
        by_location[where[task_id]].append(task_id)
    rest = tuple(by_location[code].pop(0) for code in route.sequence)
    if here is None or here == start:
        return Rerouted(request, rest, round(route.distance_m, 1))
    origin = spot_of(layout, start) if start is not None else depot_spot(layout)
    first_leg = walk_distance(layout.cross_aisles, origin, spot_of(layout, here))
    return Rerouted(request, rest, round(first_leg + route.distance_m, 1))


def fits(state: PickState, rerouted: Rerouted) -> bool:
    """The answer is still about `state`: the same list, the same task at hand, the same tasks
    after it (a pick confirmed or a list changed meanwhile: ask again)."""
    request = rerouted.request
    if request.current is None:  # a handed-over list: nothing on the screen yet
        return (
            state.phase in HANDOVER_PHASES
            and state.pick_list.id == request.pick_list_id
            and sorted(state.route) == sorted(rerouted.rest)
        )
    return (
        state.phase in REROUTE_PHASES
        and state.pick_list.id == request.pick_list_id
        and state.route[:1] == (request.current,)
        and sorted(state.route[1:]) == sorted(rerouted.rest)
    )


def on_rerouted(state: PickState, rerouted: Rerouted) -> Verdict | None:
    """Adopt the new order if it still `fits` the state; None when it does not or when the
    order stays as it is (no fact then)."""
    request = rerouted.request
    if not fits(state, rerouted):
        return None
    first = () if request.current is None else (request.current,)
    route = (*first, *rerouted.rest)
    if route == state.route:
        return None
    fact = picking_fact(
        state,
        PickRerouted,
        None,
        task_ids=list(route),
        start=request.start,
        distance_m=rerouted.distance_m,
    )
    new = replace(state, pick_list=state.pick_list.resequenced(route), route=route)
    params = {"metres": f"{rerouted.distance_m:.0f}", "start": request.start or ""}
    return Verdict("info", "rerouted", new, params, (fact,), True)


def with_changed_list(state: PickState, view: PickListView) -> PickState | None:
    """The list in hand as sync brought it back changed: a task added (the shortfall of a short
    reallocated by the lead) or taken to another picker. The task at hand stays at hand while it
    is still open and on the list; new tasks come after the known ones until the re-solve. None
    when the open tasks are the same (the usual echo of the station's own facts)."""
    if view.id != state.pick_list.id or state.phase not in REROUTE_PHASES:
        return None
    open_ids = [t.id for t in view.tasks if t.is_open]
    if sorted(open_ids) == sorted(state.route):
        return None
    known = [i for i in state.route if i in open_ids]
    route = tuple(known + [i for i in open_ids if i not in known])
    new = replace(state, pick_list=view, route=route)
    if not route:
        return replace(no_count(new), phase=Phase.FINISH)
    if route[0] == state.route[0]:
        return new
    here = new.current_task.location == state.at_location
    return replace(no_count(new), phase=Phase.ITEM if here else Phase.LOCATION)
