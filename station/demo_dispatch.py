"""Packed demo orders for the dispatch tests, bench and screenshots: released demo orders are
picked into totes (station.demo_packing) and packed through the real packing facts
(`pack.item`, `package.closed`, applied by central's packing appliers), with real tracking
numbers and SSCCs from the central counters. A carton then waits at the dock as it would after
the packer's last scan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import update

from app.domain.events import Actor, Event
from app.domain.fact_payloads import PackageClosed, PackItem
from app.services.facts import apply_facts
from app.services.packing_central import CentralPackingBackend
from db.schema import orders
from station.demo_packing import PickedOrder, pick_into_tote, released_orders

PACKER = Actor("Demo Packer", "pack-01")


@dataclass(frozen=True)
class PackedCarton:
    order_ref: int
    order_id: str
    channel: str
    carton: int
    sscc: str
    tracking_number: str
    weight_kg: float


def pack_demo_orders(
    central, count: int, cartons: int = 1, carrier: str | None = None, tote_base: int = 9000
) -> list[PackedCarton]:
    """`count` released demo orders packed into `cartons` cartons each (carrier set first when
    given, so a test can choose whose parcels they are)."""
    refs = released_orders(central)[:count]
    if carrier is not None:
        with central.engine.begin() as conn:
            conn.execute(update(orders).where(orders.c.id.in_(refs)).values(carrier=carrier))
    packed: list[PackedCarton] = []
    for n, ref in enumerate(refs):
        picked = pick_into_tote(central, ref, f"D{tote_base + n}")
        packed += pack_order(central, picked, cartons)
    return packed


def pack_order(
    central, picked: PickedOrder, cartons: int = 1, packer: Actor = PACKER
) -> list[PackedCarton]:
    """`picked` packed into `cartons` cartons by `packer`, through the packing facts."""
    backend = CentralPackingBackend(central.uow, packer.station)
    with central.uow() as uow:
        view = uow.packing.load_view(picked.order_ref)
    assert view is not None
    channel = view.channel
    facts: list[Event] = []
    made = []
    share = picked.weight_kg / cartons
    for carton in range(1, cartons + 1):
        numbers = backend.allocate_numbers(view)
        items = _items(picked, carton, cartons)
        facts += [_item_fact(picked, item, carton, packer) for item in items]
        weight = round(share + 0.3, 3)
        closed = PackageClosed(
            carton=carton,
            count=cartons,
            final=carton == cartons,
            package_type="M",
            weight_kg=weight,
            weight_source="scale",
            tracking_number=numbers.tracking_number,
            sscc=numbers.sscc,
            carrier=view.carrier,
            items=items,
            expected_kg=weight,
            weight_ok=True,
        )
        facts.append(closed.fact(packer, picked.order_ref))
        apply_facts(central.uow(), facts)  # the next carton shares this one's tracking number
        facts = []
        made.append(
            PackedCarton(
                picked.order_ref,
                picked.order_id,
                channel,
                carton,
                numbers.sscc,
                numbers.tracking_number,
                weight,
            )
        )
    return made


def _items(picked: PickedOrder, carton: int, cartons: int) -> list[dict]:
    """The order's lines spread over the cartons (the last carton takes what is left)."""
    lines = picked.lines[carton - 1 :: cartons] if len(picked.lines) >= cartons else []
    if carton == cartons and len(picked.lines) < cartons:
        lines = picked.lines
    return [
        {"line_id": line.line_id, "sku": line.sku, "quantity": line.quantity, "serial": None}
        for line in lines
    ]


def _item_fact(picked: PickedOrder, item: dict, carton: int, packer: Actor) -> Event:
    return PackItem(
        line_id=item["line_id"], sku=item["sku"], quantity=item["quantity"], carton=carton
    ).fact(packer, picked.order_ref)


def packed_day(central, carriers: dict[str, int], seed: int = 17) -> dict[str, list]:
    """A busy day at the dock for benches: single-carton orders, packed, `carriers[name]` of
    them for each carrier (shuffled), written in bulk (the packing flow itself is benched
    elsewhere). Returns carrier → [(sscc, tracking number)]."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from app.domain.sscc import build_sscc
    from db.schema import packages, shipments

    rng, now = random.Random(seed), datetime.now(UTC)
    names = list(carriers)
    address = {
        "name": "Bench",
        "street1": "1 Dock Rd",
        "city": "Ningbo",
        "postal_code": "315000",
        "country": "CN",
    }
    found: dict[str, list] = {name: [] for name in names}
    rows, picks = [], []
    order = [name for name in names for _ in range(carriers[name])]
    rng.shuffle(order)
    for n, carrier in enumerate(order):
        rows.append(
            {
                "channel": "bench",
                "order_id": f"DAY-{n:06d}",
                "carrier": carrier,
                "service": "Standard",
                "ship_to": address,
                "status": "packed",
                "reason": "",
                "received_at": now,
                "priority": 0,
                "review_passed": False,
            }
        )
        picks.append((carrier, build_sscc("8712345", 9, n + 1), f"BENCH{n + 1:09d}"))
    with central.engine.begin() as conn:
        made = insert(orders).returning(orders.c.id, sort_by_parameter_order=True)
        refs = list(conn.execute(made, rows).scalars())
        ships = [
            {"order_id": ref, "carrier": carrier, "tracking_number": tracking, "created_at": now}
            for ref, (carrier, _, tracking) in zip(refs, picks, strict=True)
        ]
        made = insert(shipments).returning(shipments.c.id, sort_by_parameter_order=True)
        ship_ids = list(conn.execute(made, ships).scalars())
        boxes = [
            {
                "shipment_id": sid,
                "index": 1,
                "sscc": sscc,
                "carton_type": "M",
                "weight_kg": round(rng.uniform(0.3, 12.0), 3),
            }
            for sid, (_, sscc, _) in zip(ship_ids, picks, strict=True)
        ]
        conn.execute(insert(packages), boxes)
    for carrier, sscc, tracking in picks:
        found[carrier].append((sscc, tracking))
    return found
