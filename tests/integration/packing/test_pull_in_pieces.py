"""A packing station reads the views of new ready orders in pieces and pushes its outbox
between them: a packer's facts recorded during a big pull reach central before it ends."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.events import Actor
from app.scanning.interpret import interpret
from app.services import packing_central
from app.services.packing_central import CentralPackingBackend
from db.schema import events
from db.station.packing import TOPIC, PackingPuller
from db.station.store import StationStore
from db.station.sync import SyncEngine
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.integration.packing.test_central_packing import PACKER
from tests.packing_driver import Packer

STATION = "pack-9"


def test_facts_recorded_during_a_pull_are_pushed_between_its_pieces(central, tmp_path, monkeypatch):
    refs = released_orders(central, 1, 3)[:5]
    for n, ref in enumerate(refs):
        pick_into_tote(central, ref, f"PP{n}")
    store = StationStore(tmp_path / "station.sqlite", STATION)
    puller = PackingPuller(store, 3, 3, chunk=2)
    sync = SyncEngine(store, central.engine, pullers=[puller], listen=False)
    assert puller.between == sync._push_all  # the engine pushes between the pieces

    seen: list[tuple[int, int]] = []  # (facts waiting here, pack.started on central) per piece
    views_to_pack = packing_central.views_to_pack

    def a_packer_works_meanwhile(uow, piece):
        seen.append((store.waiting(), _started_on_central(central)))
        if len(seen) == 1:  # a packer opens an order while the first piece is read
            view = CentralPackingBackend(central.uow, STATION).open_for_packing(
                interpret("T:PP4"), PACKER
            )
            store.record([Packer(view, Actor(PACKER.name, STATION)).started()])
        return views_to_pack(uow, piece)

    monkeypatch.setattr(packing_central, "views_to_pack", a_packer_works_meanwhile)
    sync.sync_once()
    assert seen == [(0, 0), (0, 1), (0, 1)]  # 5 orders in 3 pieces, the fact sent after the 1st
    cached = store.cached(TOPIC)
    assert set(cached) == set(refs)
    # Each piece's views say which of the station's facts they include: the first none yet.
    throughs = [cached[ref]["through"] for ref in sorted(refs)]
    assert throughs[0] == throughs[1] < throughs[2] == throughs[4]


def _started_on_central(central) -> int:
    with central.engine.connect() as conn:
        query = select(func.count()).where(
            events.c.kind == "pack.started", events.c.station == STATION
        )
        return conn.execute(query).scalar_one()
