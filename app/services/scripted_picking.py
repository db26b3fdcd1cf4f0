"""A pick list picked by the scans a picker makes, for load generators, benches and tests.

Headless stations (`shipshape simulate`), benches and end-to-end tests must record what a real
picker's station records, through the same checks: every task by its location scan, an item
scan (a GS1 scan with the lot for a lot-controlled item), a typed count only after that scan (or
for a no-barcode product) and the scan of the order's tote. `picking_inputs` yields each input
the picker makes and the verdict it got; a refusal raises, as it means the script bypassed
nothing but broke a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.domain.picking import CartSlot
from app.scanning.interpret import Scan, interpret
from app.steps import picking
from app.steps.picking import Phase, PickState, Verdict

Input = Scan | int  # a scan, or a count typed on the keypad
SIMULATED_LOT = "SIM1"  # read off the label when the allocation reserved no particular lot


class ScriptRefused(RuntimeError):
    """The station refused a scripted input: the script (or the data) is wrong."""


def next_input(state: PickState, unit_by_unit: bool, tote_code: Callable[[CartSlot], str]):
    """What a picker scans or types next in `state`. `unit_by_unit`: scan every unit and
    confirm each one into the tote (one fact per unit), else scan one and type the count."""
    if state.phase is Phase.CART:
        return interpret(f"T:{tote_code(state.order_needing_tote)}")
    if state.phase is Phase.FINISH:
        return interpret("C:CONFIRM")
    task = state.current_task
    if state.phase is Phase.LOCATION:
        return interpret(f"L:{task.location}")
    if state.phase is Phase.ITEM:
        if task.no_barcode:
            return 1 if unit_by_unit else task.remaining
        if task.lot_controlled:  # the lot label's GS1 element string: item and lot at once
            return interpret(f"]C101{task.gtins[0]}10{task.lot or SIMULATED_LOT}")
        return interpret(task.gtins[0])
    if state.phase is Phase.LOT:
        return interpret(f"]C110{task.lot or SIMULATED_LOT}")
    if not unit_by_unit and state.counted < task.remaining:
        return task.remaining
    return interpret(f"T:{state.pick_list.tote_for(task.order_ref)}")


def picking_inputs(
    state: PickState,
    today: str,
    tote_code: Callable[[CartSlot], str],
    unit_by_unit: bool = False,
) -> Iterator[tuple[Input, Verdict]]:
    """Every input of the whole list, with its verdict, until the cart goes to packing. The
    caller records `verdict.facts` (durable ones before the next input, as the screen does)."""
    while state.phase is not Phase.DONE:
        given = next_input(state, unit_by_unit, tote_code)
        verdict = apply_input(state, given, today)
        if verdict.refused:
            raise ScriptRefused(f"{verdict.message} {verdict.params} for {given!r}")
        yield given, verdict
        state = verdict.state


def apply_input(state: PickState, given: Input, today: str) -> Verdict:
    if isinstance(given, int):
        return picking.on_count(state, given)
    verdict = picking.on_scan(state, given, today)
    if verdict.check_tote:  # a headless cart takes totes nobody else uses
        verdict = picking.on_tote_checked(state, verdict.check_tote, in_use=False)
    return verdict
