"""A packer for tests: drives the pure packing steps (app.steps.packing, packing_close) as the
packing screen does, adopting each verdict's state, and reads the state's queries through.

The screen adopts a state once the verdict's facts are stored; tests that need the facts in a
database record `verdict.facts` themselves (as the screen's backend would)."""

from __future__ import annotations

from app.domain.events import Event
from app.steps import packing, packing_close
from app.steps.packing_state import ClosedCarton, Verdict


class Packer:
    def __init__(self, order, actor, weight_check=None, has_scale: bool = False):
        self.state = packing.start(order, actor, has_scale=has_scale, weight_check=weight_check)

    def __getattr__(self, name: str):
        return getattr(self.state, name)  # packed, remaining(), open_lines(), carton_items, …

    def _adopt(self, verdict: Verdict) -> Verdict:
        self.state = verdict.state
        return verdict

    def started(self) -> Event:
        return packing.started(self.state)

    def scan_item(self, scan) -> Verdict:
        return self._adopt(packing.on_scan(self.state, scan))

    def type_count(self, count: int, scan) -> Verdict:
        return self._adopt(packing.on_count(self.state, count, scan))

    def undo_last(self) -> Verdict:
        return self._adopt(packing.undo(self.state))

    def override_by(self, lead, reason: str) -> Event:
        return self._adopt(packing_close.override_lines(self.state, lead, reason)).facts[0]

    def override_weight(self, lead, reason, package_type, weight_kg, source) -> Event:
        verdict = packing_close.override_weight(
            self.state, lead, reason, package_type, weight_kg, source
        )
        return self._adopt(verdict).facts[0]

    def close_refusal(self, *args, **kwargs) -> str | None:
        return packing_close.close_refusal(self.state, *args, **kwargs)

    def weight_problems(self, *args) -> list[str]:
        return packing_close.weight_problems(self.state, *args)

    def close_carton(self, package_type, weight_kg, source, numbers, final) -> ClosedCarton:
        verdict = packing_close.close_carton(
            self.state, package_type, weight_kg, source, numbers, final
        )
        self._adopt(verdict)
        assert verdict.closed is not None
        return verdict.closed
