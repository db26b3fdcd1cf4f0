"""Facts are applied to central exactly once, however often they are pushed."""

from app.bootstrap import open_central
from app.domain.events import Actor, Event
from app.services import fact_appliers, facts
from db.schema import events


def test_a_replayed_fact_changes_nothing(sqlite_url, monkeypatch):
    applied = []
    counted = fact_appliers.one_by_one(lambda uow, fact: applied.append(fact.uuid))
    monkeypatch.setitem(fact_appliers.APPLIERS, "test.counted", counted)
    central = open_central(sqlite_url)
    fact = Event("test.counted", {"n": 1}, Actor("pia", "station-1"))
    other = Event("test.counted", {"n": 2}, Actor("pia", "station-1"))
    facts.apply_facts(central.uow(), [fact, fact])
    facts.apply_facts(central.uow(), [fact, other])
    assert applied == [fact.uuid, other.uuid]
    with central.engine.connect() as conn:
        stored = conn.execute(events.select().where(events.c.kind == "test.counted")).all()
    assert sorted(r.uuid for r in stored) == sorted([fact.uuid, other.uuid])
    assert {r.station for r in stored} == {"station-1"}
