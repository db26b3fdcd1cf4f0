"""The station's copy of central's users, products, stock and released waves (SQLite central):
pulled by the change sequence, used to sign people in and to say what waits while offline."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select, update

from app.domain.users import Role, User
from app.errors import NotAllowed, NotFound, Offline
from app.services import users
from db.engine import make_engine
from db.schema import events, pick_lists, product_gtins, products, stock
from db.schema import users as users_table
from db.station.backend import StationPickingBackend
from db.station.sign_in import StationSignIn
from db.station.store import StationStore
from db.station.sync import SyncEngine, wait_until_drained
from db.uow import SqlUnitOfWork

LEAD_PIN = "246810"


def station(demo_central, tmp_path) -> tuple[StationStore, SyncEngine]:
    store = StationStore(tmp_path / "station.sqlite", "S-01")
    engine = SyncEngine(store, demo_central.engine)
    engine.sync_once()
    return store, engine


def unreachable_uow() -> SqlUnitOfWork:
    """A central that cannot be opened: what a station sees with the network down."""
    return SqlUnitOfWork(make_engine("sqlite:////nonexistent-folder/central.sqlite"))


def offline_sign_in(store: StationStore) -> StationSignIn:
    def central_user(badge):
        return users.find_user(unreachable_uow(), badge)

    return StationSignIn(store, lambda: None, central_user, "S-01")


def count(central, table, *where) -> int:
    with central.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_the_first_pull_copies_users_products_stock_and_released_waves(demo_central, tmp_path):
    store, _engine = station(demo_central, tmp_path)
    assert len(store.cached("user")) == count(demo_central, users_table)
    assert len(store.cached("product")) == count(demo_central, products)
    assert len(store.cached("stock")) == count(demo_central, stock)
    waiting = count(demo_central, pick_lists, pick_lists.c.status == "released")
    assert waiting > 0
    assert sum(w["lists_waiting"] for w in store.cached("wave").values()) == waiting
    with demo_central.engine.connect() as conn:
        gtin, product_id = conn.execute(select(product_gtins).limit(1)).one()
    assert gtin in store.cached("product")[product_id]["gtins"]


def test_changes_on_central_arrive_with_the_next_pull(demo_central, tmp_path):
    store, engine = station(demo_central, tmp_path)
    stock_id, on_hand = next((i, d["on_hand"]) for i, d in store.cached("stock").items())
    product_id = next(iter(store.cached("product")))
    with demo_central.engine.begin() as conn:
        conn.execute(update(stock).where(stock.c.id == stock_id).values(on_hand=on_hand + 7))
        conn.execute(insert(product_gtins).values(gtin="09506000134352", product_id=product_id))
        claimed = conn.execute(select(pick_lists.c.id).where(pick_lists.c.status == "released"))
        conn.execute(
            update(pick_lists).where(pick_lists.c.id == claimed.first()[0]).values(status="done")
        )
    users.save_user(
        demo_central.uow(), "Neu", "picker", "B:7777", None, by=demo_central.setup_identity()
    )
    before = sum(w["lists_waiting"] for w in store.cached("wave").values())
    engine._must_pull = True
    engine.sync_once()
    assert store.cached("stock")[stock_id]["on_hand"] == on_hand + 7
    assert "09506000134352" in store.cached("product")[product_id]["gtins"]
    assert sum(w["lists_waiting"] for w in store.cached("wave").values()) == before - 1
    assert any(doc["badge"] == "7777" for doc in store.cached("user").values())


def test_a_store_from_before_the_site_cache_loads_it_all_once(demo_central, tmp_path):
    store, engine = station(demo_central, tmp_path)
    with store._write() as db:  # as a station store written by an older version looks
        db.execute("DELETE FROM site_cache")
        db.execute("DELETE FROM meta WHERE key = 'site_cache_loaded'")
    engine._must_pull = True
    engine.sync_once()
    assert len(store.cached("stock")) == count(demo_central, stock)


def test_people_sign_in_from_the_copy_while_central_is_unreachable(demo_central, tmp_path):
    store, engine = station(demo_central, tmp_path)
    picker = next(d for d in store.cached("user").values() if d["role"] == "picker")
    signed = offline_sign_in(store).sign_in(f"B:{picker['badge']}", None)
    assert (signed.name, signed.role) == (picker["name"], Role.PICKER)
    assert [f.kind for _id, f in store.pending(10)] == ["user.signed_in"]
    assert wait_until_drained(engine.start(), 10)
    engine.stop()
    signed_in = events.c.kind == "user.signed_in"
    assert count(demo_central, events, signed_in, events.c.user_name == picker["name"]) == 1


def test_a_lead_needs_the_right_pin_offline_and_a_wrong_one_is_recorded(demo_central, tmp_path):
    maria = users.authenticate_lead(demo_central.uow(), "1011", "694907")  # a lead makes a lead
    users.save_user(demo_central.uow(), "Lena", "lead", "B:9001", LEAD_PIN, by=maria)
    store, _engine = station(demo_central, tmp_path)
    sign_in = offline_sign_in(store)
    with pytest.raises(NotAllowed):
        sign_in.sign_in("9001", "0000")
    assert sign_in.sign_in("9001", LEAD_PIN).role is Role.LEAD
    kinds = [f.kind for _id, f in store.pending(10)]
    assert kinds == ["user.pin_refused", "user.signed_in"]


def test_an_unknown_badge_offline_says_central_could_not_be_asked(demo_central, tmp_path):
    store, _engine = station(demo_central, tmp_path)
    with pytest.raises(NotFound, match="cannot be reached"):
        offline_sign_in(store).sign_in("B:424242", None)


def test_a_deactivated_badge_stops_working_after_the_next_pull(demo_central, tmp_path):
    store, engine = station(demo_central, tmp_path)
    picker = next(d for d in store.cached("user").values() if d["role"] == "picker")
    with demo_central.engine.begin() as conn:
        conn.execute(
            update(users_table).where(users_table.c.id == picker["id"]).values(active=False)
        )
    engine._must_pull = True
    engine.sync_once()
    with pytest.raises(NotFound):
        offline_sign_in(store).sign_in(picker["badge"], None)


def test_offline_without_work_the_picker_learns_how_many_lists_wait(demo_central, tmp_path):
    store, _engine = station(demo_central, tmp_path)
    waiting = count(demo_central, pick_lists, pick_lists.c.status == "released")
    backend = StationPickingBackend(store, lambda: None, unreachable_uow, "S-01")
    pia = User("Pia", Role.PICKER, "1001")
    with pytest.raises(Offline) as raised:
        backend.my_pick_list(pia)
    assert raised.value.waiting == waiting
