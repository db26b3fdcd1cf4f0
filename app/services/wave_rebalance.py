"""Use case: re-balance a released wave's carts that nobody has started (docs/lead.md).

The lists nobody has claimed, picked from or held are re-batched among as many carts with the
batcher (`app.waves.plan_batches`, the wave's capacity and carrier grouping), and the new carts
are kept only when they walk less. The lead sees the saving first (a preview); applying it
checks, with the lists' rows locked, that each list is still as the preview read it: a
station that claimed one in between wins, and the re-balance is refused with a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.events import SYSTEM, Actor, Event
from app.domain.stored import stored_id
from app.domain.waves import StoredPickList, WaveStatus
from app.errors import BadInput, Conflict
from app.messages import message
from app.routing import Layout, solve_route
from app.services.ports import UnitOfWork
from app.services.wave_plan import (
    WavePlan,
    batch_order,
    by_order,
    in_walking_order,
    site_layout,
    unit_sizes,
)
from app.waves import Batch, plan_batches

MIN_SAVING_M = 0.5  # less is rounding: not worth rewriting carts for


@dataclass(frozen=True)
class NewCart:
    list_id: int
    allocation_ids: tuple[int, ...]  # the tasks in walking order (empty: the list is dropped)
    orders: int
    distance_m: float
    sshape_m: float


@dataclass(frozen=True)
class Rebalance:
    """A re-balance as previewed (and applied): the lists it re-batches at the version it read
    them, the new carts, and the walking before and after."""

    wave_id: int
    wave: str
    versions: tuple[tuple[int, int], ...]
    carts: tuple[NewCart, ...]
    before_m: float
    after_m: float
    left_alone: int  # lists claimed, picked from or held: not touched

    @property
    def saved_m(self) -> float:
        return round(self.before_m - self.after_m, 1)

    @property
    def saved_pct(self) -> float:
        return round(100.0 * self.saved_m / self.before_m, 1) if self.before_m else 0.0

    @property
    def worthwhile(self) -> bool:
        return self.saved_m >= MIN_SAVING_M


def preview_rebalance(uow: UnitOfWork, wave_id: int) -> Rebalance:
    """What a re-balance would save. Writes nothing."""
    with uow:
        head = uow.waves.head(wave_id)
        if head.status != WaveStatus.RELEASED:
            raise BadInput(message("wave.rebalance_not_released", wave=head.name))
        lists = uow.waves.stored_lists(wave_id)
        free = [pl for pl in lists if pl.untouched and pl.sources]
        layout = site_layout(uow, uow.waves.warehouse_of(wave_id))  # its own warehouse's
        orders = uow.orders.by_refs(sorted({r for pl in free for r in pl.order_refs}))
        sizes = unit_sizes(uow, (s for pl in free for s in pl.sources))
    largest = max((len(pl.order_refs) for pl in free), default=1)
    plan = WavePlan.of(head.plan, largest)
    sources = by_order(s for pl in free for s in pl.sources)
    before = round(sum(solve_route(layout, _codes(pl)).distance_m for pl in free), 1)
    versions = tuple((pl.id, pl.version) for pl in free)
    same = Rebalance(wave_id, head.name, versions, (), before, before, len(lists) - len(free))
    if len(free) < 2:
        return same
    batches = plan_batches(
        layout,
        [batch_order(o, sources[stored_id(o)], plan.group_by_carrier, sizes) for o in orders],
        max(plan.capacity, largest),  # never smaller carts than they are now
        max_volume_l=plan.max_volume_l,
        max_weight_kg=plan.max_weight_kg,
    )
    if len(batches) > len(free):
        return same
    carts = _carts(layout, free, batches, sources)
    after = round(sum(c.distance_m for c in carts), 1)
    return Rebalance(wave_id, head.name, versions, carts, before, after, same.left_alone)


def _codes(pick_list: StoredPickList) -> list[str]:
    return [s.location for s in pick_list.sources]


def _carts(layout: Layout, free: list[StoredPickList], batches: list[Batch], sources):
    """Each new cart onto the free list that shares most of its orders (fewest changes);
    lists left over are emptied."""
    left = {pl.id: set(pl.order_refs) for pl in free}
    carts = []
    for batch in batches:
        target = max(left, key=lambda i: (len(left[i] & set(batch.order_ids)), -i))
        del left[target]
        tasks = in_walking_order([s for r in batch.order_ids for s in sources[r]], batch.sequence)
        sshape = solve_route(layout, [t.location for t in tasks], "s-shape").distance_m
        carts.append(
            NewCart(
                target,
                tuple(t.allocation_id for t in tasks),
                len(batch.order_ids),
                batch.distance_m,
                sshape,
            )
        )
    carts += [NewCart(i, (), 0, 0.0, 0.0) for i in sorted(left)]
    return tuple(carts)


def apply_rebalance(uow: UnitOfWork, preview: Rebalance, actor: Actor = SYSTEM) -> Rebalance:
    """Rewrite the carts as previewed, if that walks less and every list is as it was read."""
    if not preview.worthwhile:
        raise BadInput(message("wave.rebalance_no_gain", wave=preview.wave))
    with uow:
        uow.waves.head(preview.wave_id, lock=True)
        ids = [i for i, _ in preview.versions]
        now = {pl.id: pl for pl in uow.waves.stored_lists(preview.wave_id, lock=True, only=ids)}
        for list_id, version in preview.versions:
            found = now.get(list_id)
            if found is None or found.version != version or not found.untouched:
                raise Conflict(message("wave.rebalance_stale", wave=preview.wave, id=list_id))
        allocation = {s.allocation_id: s for pl in now.values() for s in pl.sources}
        for cart in preview.carts:
            tasks = [allocation[a] for a in cart.allocation_ids]
            uow.waves.place(cart.list_id, tasks, cart.distance_m, cart.sshape_m)
        payload = {
            "wave": preview.wave,
            "pick_lists": ids,
            "before_m": preview.before_m,
            "after_m": preview.after_m,
            "saved_m": preview.saved_m,
        }
        uow.events.add_all([Event("wave.rebalanced", payload, actor)])
        uow.commit()
    return preview


def rebalance_wave(uow_factory, wave_id: int, actor: Actor = SYSTEM) -> tuple[Rebalance, bool]:
    """Preview, then apply when it walks less (the CLI's one step). Returns (plan, applied)."""
    preview = preview_rebalance(uow_factory(), wave_id)
    if not preview.worthwhile:
        return preview, False
    return apply_rebalance(uow_factory(), preview, actor), True
