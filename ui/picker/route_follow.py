"""The part of the picker's home that keeps the route following the picker.

After a skip, a short, on a list another picker started, and when sync brings the list in hand
back changed, the rest of the route is solved again with the exact router on the home's own
route thread (app/steps/picking_route.py holds the pure steps). An answer is adopted only if it
still fits what the screen shows, after its `pick.rerouted` fact is saved, and quietly: the task
at hand, the banner and the tone stay; the map and the next stops change. UI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.steps import picking_route
from app.steps.picking import PickState, Verdict

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.services.ports import PickingBackend
    from ui.picker.task_view import TaskView
    from ui.widgets import MessageBanner
    from ui.worker import Worker


class RouteFollowing:
    """Mixed into `PickerHome`, which provides these (and `_render`, `_drain`)."""

    state: PickState | None
    worker: Worker
    route_worker: Worker
    backend: PickingBackend
    task_view: TaskView
    banner: MessageBanner
    route_replanned: SignalInstance
    _busy: bool
    _pending_route: picking_route.Rerouted | None
    _pending_list: object

    if TYPE_CHECKING:

        def _render(self) -> None: ...
        def _drain(self) -> None: ...
        def _save_failed(self, exc: BaseException) -> None: ...

    def _show_or_hand_over(self, state: PickState) -> None:
        """Show a list just loaded; one another picker started is first solved whole from the
        depot (a few milliseconds, on the route thread) before a first task is shown."""
        self.task_view.route_map.set_replanned(False)
        layout = self.task_view.route_map.layout_model
        handover = picking_route.handover_request(state) if layout is not None else None
        if handover is None:
            self._show_loaded(state)
            return
        self.route_worker.submit(
            picking_route.solve_reroute,
            layout,
            handover,
            on_success=lambda rerouted: self._handed_over(state, rerouted),
            on_failure=lambda _exc: self._show_loaded(state),
        )

    def _handed_over(self, state: PickState, rerouted) -> None:
        verdict = picking_route.on_rerouted(state, rerouted) if rerouted else None
        if verdict is None:
            self._show_loaded(state)
            return
        self.worker.submit(
            self.backend.record,
            list(verdict.facts),
            on_success=lambda _: self._show_loaded(verdict.state, replanned=True),
            on_failure=lambda _exc: self._show_loaded(state),
        )

    def _show_loaded(self, state: PickState, replanned: bool = False) -> None:
        self.state = state
        self.task_view.route_map.set_replanned(replanned)
        self.banner.clear()
        self._render()
        if replanned:
            self.route_replanned.emit()
        elif self._started_elsewhere():
            self._reroute()
        self._drain()

    def _started_elsewhere(self) -> bool:
        """Some of the list is done already (this picker's before a restart, or another's when
        the whole re-solve changed nothing): the rest is re-solved behind the task at hand."""
        return self.state is not None and any(not t.is_open for t in self.state.pick_list.tasks)

    def _reroute(self) -> None:
        """Re-solve the rest of the route on the route thread; the screen goes on meanwhile."""
        layout = self.task_view.route_map.layout_model
        request = picking_route.reroute_request(self.state) if self.state else None
        if layout is None or request is None:
            return
        self.route_worker.submit(
            picking_route.solve_reroute, layout, request, on_success=self._rerouted
        )

    def _rerouted(self, rerouted: picking_route.Rerouted | None) -> None:
        if rerouted is None or self.state is None:
            return
        if self._busy:  # a fact is being saved: adopt the route after it
            self._pending_route = rerouted
            return
        if not picking_route.fits(self.state, rerouted):
            self._reroute()  # the picker moved on meanwhile: solve what is left now
            return
        verdict = picking_route.on_rerouted(self.state, rerouted)
        if verdict is None:  # the order stays as it is
            return
        self._busy = True
        self.worker.submit(
            self.backend.record,
            list(verdict.facts),
            on_success=lambda _: self._adopt_route(verdict),
            on_failure=self._save_failed,
        )

    def _list_refreshed(self, view) -> None:
        if view is None or self.state is None:
            return
        if self._busy:  # the verdict being saved is adopted first, then the list is merged
            self._pending_list = view
            return
        changed = picking_route.with_changed_list(self.state, view)
        if changed is not None:
            self.state = changed
            self._render()
            self._reroute()

    def _adopt_route(self, verdict: Verdict) -> None:
        """The new order, quietly: the task at hand and the banner stay; the map and the next
        stops change, and the map says the route was re-planned."""
        self._busy = False
        if self.state is not None and self.state.pick_list.id == verdict.state.pick_list.id:
            self.state = verdict.state
            self.task_view.route_map.set_replanned(True)
            self._render()
            self.route_replanned.emit()
        self._drain()
