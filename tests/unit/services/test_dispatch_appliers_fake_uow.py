"""The loader's fact appliers (app/services/dispatch_appliers.py) through the fact engine on the
in-memory unit of work: a load binds a free unit and puts the carton on it, a replay changes
nothing, an unload takes it off, and a late fact that no longer fits goes to the lead."""

from __future__ import annotations

import pytest

from app.domain.events import Actor
from app.domain.fact_payloads import ParcelLoaded, ParcelUnloaded
from app.domain.orders import OrderStatus
from app.services import facts
from tests.fakes.site import add_orders, order
from tests.fakes.uow import FakeUnitOfWork

LOADER = Actor("Kofi", "dock-1")
SSCC = "003401234500010001"


@pytest.fixture
def uow() -> FakeUnitOfWork:
    """SO-1 packed into one carton (package 100, SSCC above) for DHL."""
    uow = FakeUnitOfWork()
    (ref,) = add_orders(uow, order("SO-1", ("GLUE", 1), status=OrderStatus.PACKED))
    uow.state.shipments["TRK-1"] = ref
    uow.state.packages.append({"id": 100, "tracking_number": "TRK-1", "sscc": SSCC, "carton": 1})
    return uow


def loaded(unit="CAGE-1", carrier="DHL", package_id=100):
    payload = ParcelLoaded(package_id=package_id, sscc=SSCC, carton=1, unit=unit, carrier=carrier)
    return payload.fact(LOADER, 1)


def test_a_load_binds_the_unit_and_a_replay_changes_nothing(uow):
    fact = loaded()
    facts.apply_facts(uow, [fact])
    facts.apply_facts(uow, [fact])
    assert uow.state.units == {"CAGE-1": "DHL"}
    assert list(uow.state.loads) == [100] and uow.state.loads[100]["unit"] == "CAGE-1"
    assert uow.state.exceptions == []


def test_an_unload_takes_it_off_and_a_second_unload_is_harmless(uow):
    facts.apply_facts(uow, [loaded()])
    off = ParcelUnloaded(package_id=100, sscc=SSCC, carton=1, unit="CAGE-1")
    facts.apply_facts(uow, [off.fact(LOADER, 1), off.fact(LOADER, 1)])
    assert uow.state.loads == {}


def test_late_facts_that_no_longer_fit_go_to_the_lead(uow):
    uow.state.orders[1].status = OrderStatus.ON_HOLD  # held after the station checked it
    facts.apply_facts(uow, [loaded()])
    facts.apply_facts(uow, [loaded(unit="CAGE-2")])  # another station, another cage
    facts.apply_facts(uow, [loaded(unit="CAGE-1", carrier="UPS", package_id=None)])
    unknown = ParcelLoaded(sscc="999", unit="CAGE-3", carrier="DHL").fact(LOADER, None)
    facts.apply_facts(uow, [unknown])
    kinds = [e["kind"] for e in uow.state.exceptions]
    assert kinds == ["load_on_hold", "load_twice", "load_unknown"]
    assert uow.state.loads[100]["unit"] == "CAGE-1"  # the first load stands
