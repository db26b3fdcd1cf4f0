"""A seeded random driver of the whole floor, for the "no order stranded" property test.

Every step is one thing a person or a station does, through the real use cases and fact
appliers on the real database: intake, allocation, counts, waves, pickers (online and offline),
shorts with every reason, undo, skip, the lead's resolutions, reassignment, holds, cancels,
replays of facts already applied, and packing. After every step `stranded()` lists each order
that is neither finished nor workable by someone nor in the lead's queue with a way on.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from app.bootstrap import open_central
from app.domain.events import Actor, Event
from app.domain.picking import ShortReason
from app.domain.review_rules import ReviewRules
from app.domain.users import User
from app.errors import BadInput, IllegalTransition, NotFound
from app.services import allocation, lead, master_data
from app.services.facts import apply_facts
from app.services.intake import import_orders
from app.services.order_files import read_order_file
from app.services.users import save_user
from app.services.waves import WaveFilter
from db.schema import (
    locations,
    order_lines,
    orders,
    products,
    stock,
    totes,
    users,
)
from db.station.backend import _apply_locally as apply_locally
from tests.integration.site_files import LAYOUT, PRODUCTS, STOCK, order_row, write_orders
from tests.integration.stranded import floor
from tests.integration.stranded.invariant import packable, stock_problems, stranded

DESK = "lead-desk"
LATE = "2026-01-05T16:00:00+00:00"  # already past: the order shows in the queue as late
SKUS = ("MILK", "BOLT", "GLUE")
STOCKED = {
    "MILK": ("A01-001-L-1", "A01-002-L-1", "A02-003-L-1"),
    "BOLT": ("A02-001-L-1",),
    "GLUE": ("A02-002-L-1",),
}


@dataclass
class Picker:
    user: User
    station: str
    online: bool = True
    outbox: list[Event] = field(default_factory=list)  # facts not delivered yet (offline)
    view: object = None  # the list as this station last saw it


class Floor:
    """The site, its people and the facts sent so far (to replay some of them)."""

    def __init__(self, url: str, folder: Path, seed: int) -> None:
        self.url, self.folder, self.rng = url, folder, random.Random(seed)
        self.central = open_central(url)
        self.sent: list[Event] = []
        self.counter = 0
        self._set_up()

    def _set_up(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        uow = self.central.uow
        master_data.import_layout(uow(), self._file("layout.json", json.dumps(LAYOUT)))
        master_data.import_products(uow(), self._file("products.csv", PRODUCTS))
        master_data.import_stock(uow(), self._file("stock.csv", STOCK))
        with uow() as review:  # a big BOLT order goes on hold for the lead (the hold path)
            review.settings.save_review_rules(ReviewRules(sku_quantity_limits={"BOLT": 5}))
            review.commit()
        self.lead = self._user("Lena", "lead", "1011", "246810")
        self.pickers = [
            Picker(self._user(name, "picker", badge, None), f"pick-{n}")
            for n, (name, badge) in enumerate((("Pia", "1001"), ("Paul", "1002")))
        ]

    def _user(self, name, role, badge, pin) -> User:
        saved = save_user(
            self.central.uow(), name, role, badge, pin, by=self.central.setup_identity()
        )
        with self.central.engine.connect() as conn:
            user_id = conn.execute(select(users.c.id).where(users.c.badge == badge)).scalar()
        return User(saved.name, saved.role, saved.badge, saved.pin_hash, saved.active, user_id)

    def _file(self, name: str, text: str) -> Path:
        self.counter += 1
        path = self.folder / f"{self.counter}-{name}"
        path.write_text(text, encoding="utf-8")
        return path

    def rows(self, query):
        with self.central.engine.connect() as conn:
            return conn.execute(query).all()

    # --- stations ---------------------------------------------------------------------------

    def send(self, picker: Picker, facts: list[Event]) -> None:
        if picker.online:
            floor.picker_station(self, picker.station).record(facts)
            self.sent += facts
        else:
            picker.outbox += facts

    def deliver(self, picker: Picker) -> None:
        """The station comes back: its facts reach central late, in order."""
        facts, picker.outbox = picker.outbox, []
        if facts:
            apply_facts(self.central.uow(), facts)
            self.sent += facts
        picker.online = True

    def refresh(self, picker: Picker) -> None:
        if picker.online:
            backend = floor.picker_station(self, picker.station)
            picker.view = backend.my_pick_list(picker.user)


# --- the lead, intake and counts ---------------------------------------------------------------


def new_orders(world: Floor) -> None:
    rows = []
    for _ in range(world.rng.randint(1, 3)):
        world.counter += 1
        order_id = f"SO-{world.counter}"
        for sku in world.rng.sample(SKUS, world.rng.randint(1, 2)):
            quantity = world.rng.choice((1, 1, 2, 3, 6))
            rows.append(
                order_row(
                    order_id,
                    sku,
                    str(quantity),
                    priority=str(world.rng.choice((0, 0, 5))),
                    ship_by=world.rng.choice(("", "", "", LATE)),
                )
            )
    path = write_orders(world.folder / f"{world.counter}-orders.csv", *rows)
    import_orders(world.central.uow(), read_order_file(path))


def allocate(world: Floor) -> None:
    allocation.allocate(world.central.uow(), Actor("system", "cli"))


def count(world: Floor) -> None:
    sku = world.rng.choice(SKUS)
    location = world.rng.choice(STOCKED[sku])
    lot = {"A01-001-L-1": "L3", "A01-002-L-1": "L1", "A02-003-L-1": "L9"}.get(location, "")
    expiry = {"L3": "2027-03-01", "L1": "2026-12-20", "L9": "2027-06-30"}.get(lot, "")
    text = f"location,sku,quantity,lot,expiry\n{location},{sku},{world.rng.randint(0, 8)},{lot},{expiry}\n"
    master_data.import_stock(world.central.uow(), world._file("count.csv", text))


def release_wave(world: Floor) -> None:
    capacity = world.rng.randint(1, 3)
    wave = lead.plan_wave(world.central.uow(), world.lead, capacity, WaveFilter())
    if wave.pick_lists:
        lead.save_wave(world.central.uow(), world.lead, wave, True, DESK)


def resolve(world: Floor) -> None:
    queue = lead.exception_queue(world.central.uow(), world.lead)
    if queue:
        item = world.rng.choice(queue)
        choice = world.rng.choice(item.choices)
        lead.resolve(world.central.uow(), world.lead, item.key, choice, "seeded", DESK)


def board_action(world: Floor) -> None:
    rows = lead.load_board(world.central.uow(), world.lead).rows
    if not rows:
        return
    row, uow = world.rng.choice(rows), world.central.uow()
    action = world.rng.choice(("reassign", "reassign", "unassign", "hold", "resume", "cancel"))
    if action == "reassign":
        picker = world.rng.choice(world.pickers).user.name
        lead.reassign(uow, world.lead, [row.id], picker, DESK)
    elif action == "unassign":
        lead.unassign(uow, world.lead, [row.id], DESK)
    elif action == "hold":
        lead.hold_wave(uow, world.lead, row.wave_id, DESK)
    elif action == "resume":
        lead.resume_wave(uow, world.lead, row.wave_id, DESK)
    else:
        lead.cancel_wave(uow, world.lead, row.wave_id, "seeded", DESK)


# --- pickers, packers and stations --------------------------------------------------------------


def picker_step(world: Floor) -> None:
    """One picker does the next thing on their cart: totes, a pick, a short, undo, skip, send."""
    picker = world.rng.choice(world.pickers)
    world.refresh(picker)
    view = picker.view
    if view is None:
        return
    if any(slot.tote is None for slot in view.cart):
        _send(world, picker, floor.bind_facts(view, picker.user, picker.station))
        return
    open_tasks = [t for t in view.tasks if t.is_open]
    if not open_tasks:
        _send(world, picker, [floor.finish_fact(view, picker.user, picker.station)])
        return
    task = world.rng.choice(open_tasks)
    move = world.rng.choices(("pick", "short", "skip", "undo"), (6, 3, 1, 1))[0]
    _send(world, picker, _task_facts(world, picker, view, task, move))


def _task_facts(world: Floor, picker: Picker, view, task, move: str) -> list[Event]:
    who, station = picker.user, picker.station
    there = min(_on_shelf(world, task), task.remaining)  # nobody picks what is not there
    if move == "pick" and there > 0:
        quantity = world.rng.randint(1, there)
        return [floor.confirm_fact(view, task, who, quantity, station)]
    if move in ("pick", "short"):
        found = world.rng.randint(0, max(min(there, task.remaining - 1), 0))
        reason = world.rng.choice(REASONS)
        return [floor.short_fact(view, task, who, found, reason.value, station)]
    if move == "skip":  # and the station's re-solve of the rest, as it would record it
        still_open = [t.id for t in view.tasks if t.is_open]
        return [
            floor.fact(
                view,
                who,
                "pick.skipped",
                task.order_ref,
                station,
                task_id=task.id,
                location=task.location,
            ),
            floor.fact(
                view,
                who,
                "pick.rerouted",
                None,
                station,
                task_ids=world.rng.sample(still_open, len(still_open)),
                start=task.location,
            ),
        ]
    sent = world.sent + picker.outbox
    undone = {f.payload["undoes"] for f in sent if f.kind == "pick.undone"}
    confirmed = [
        f
        for f in sent
        if f.kind == "pick.confirmed"
        and f.uuid not in undone
        and f.payload["pick_list_id"] == view.id
        and f.actor.user == who.name
    ]
    if not confirmed:
        return []
    last = confirmed[-1]  # the station undoes its last confirmation, once
    return [
        floor.fact(
            view,
            who,
            "pick.undone",
            last.order_ref,
            station,
            task_id=last.payload["task_id"],
            quantity=last.payload["quantity"],
            undoes=last.uuid,
        )
    ]


def _on_shelf(world: Floor, task) -> int:
    """Units physically at the task's location: central's figure less what stations that are
    offline took and have not told central yet."""
    (on_hand,) = world.rows(
        select(func.coalesce(func.sum(stock.c.on_hand), 0))
        .join(locations, locations.c.id == stock.c.location_id)
        .join(products, products.c.id == stock.c.product_id)
        .where(
            locations.c.code == task.location, products.c.sku == task.sku, stock.c.lot == task.lot
        )
    )[0]
    pending = 0
    for picker in world.pickers:
        for fact in picker.outbox:
            same = (fact.payload.get("location"), fact.payload.get("sku")) == (
                task.location,
                task.sku,
            )
            if same and fact.kind == "pick.confirmed":
                pending += fact.payload["quantity"]
            elif same and fact.kind == "pick.short":
                pending += fact.payload["found"]
    return max(on_hand - pending, 0)


def _send(world: Floor, picker: Picker, facts: list[Event]) -> None:
    if not facts:
        return
    world.send(picker, facts)
    if not picker.online:  # the station shows its own facts laid over its copy
        for fact in facts:
            picker.view = apply_locally(picker.view, fact)


def network(world: Floor) -> None:
    """A station drops off the network, or comes back and delivers what it recorded."""
    picker = world.rng.choice(world.pickers)
    if picker.online:
        world.refresh(picker)
        picker.online = False
    else:
        world.deliver(picker)


def replay(world: Floor) -> None:
    """A fact central already applied arrives again (a retried push): nothing may change."""
    if world.sent:
        apply_facts(world.central.uow(), [world.rng.choice(world.sent)])


def pack(world: Floor) -> None:
    """A packer packs a picked order from its ready tote, as far as its lines may ship."""
    ready = world.rows(
        select(totes.c.order_id)
        .join(orders, orders.c.id == totes.c.order_id)
        .where(totes.c.status == "ready", orders.c.status == "picked")
    )
    if not ready:
        return
    (order_ref,) = world.rng.choice(ready)
    if packable(world, order_ref):
        return  # the packer is told not to pack it; the invariant reports why
    lines = world.rows(
        select(order_lines.c.id, order_lines.c.picked, order_lines.c.quantity).where(
            order_lines.c.order_id == order_ref
        )
    )
    items = [{"line_id": ln.id, "quantity": min(ln.picked, ln.quantity)} for ln in lines]
    packer = Actor("Pat", "pack-1")
    world.counter += 1
    closed = {
        "carton": 1,
        "sscc": None,
        "weight_kg": 1.0,
        "expected_kg": 1.0,
        "package_type": None,
        "tracking_number": f"TN{world.counter}",
        "carrier": "",
        "items": items,
        "weight_ok": True,
        "final": True,
    }
    facts = [Event("pack.item", item, packer, order_ref) for item in items if item["quantity"]]
    apply_facts(world.central.uow(), [*facts, Event("package.closed", closed, packer, order_ref)])


# What the step picker draws from, and how often.
STEPS = (
    (new_orders, 3),
    (allocate, 3),
    (count, 1),
    (release_wave, 3),
    (resolve, 4),
    (board_action, 2),
    (picker_step, 14),
    (network, 1),
    (replay, 1),
    (pack, 2),
)
# A refusal with a reason is a valid answer to a step (nothing changes, the person is told why).
REFUSALS = (BadInput, NotFound, IllegalTransition)
REASONS = tuple(ShortReason)


def run(world: Floor, steps: int) -> list[str]:
    """Drive `steps` random steps; returns the trail. Fails at the first stranded order."""
    trail = []
    actions, weights = zip(*STEPS, strict=True)
    for number in range(steps):
        action = world.rng.choices(actions, weights)[0]
        try:
            action(world)
            trail.append(f"{number}: {action.__name__}")
        except REFUSALS as refused:
            trail.append(f"{number}: {action.__name__} refused: {refused}")
        problems = stranded(world) + stock_problems(world)
        assert not problems, "\n".join(["after:", *trail[-12:], "stranded:", *problems])
    for picker in world.pickers:  # every station comes back in the end
        world.deliver(picker)
    problems = stranded(world) + stock_problems(world)
    assert not problems, "\n".join(["after delivering every outbox:", *problems])
    return trail
