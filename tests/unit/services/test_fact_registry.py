"""Every kind of fact a station pushes is either applied by central or declared record-only;
a kind that is neither is refused loudly (and so set aside), never skipped."""

from __future__ import annotations

import pytest

from app.domain.events import Actor, Event
from app.domain.fact_kinds import FactKind
from app.domain.fact_payloads import PickConfirmed
from app.services import fact_appliers, facts


def test_each_kind_is_applied_or_record_only_never_both():
    applied, record_only = set(fact_appliers.APPLIERS), set(fact_appliers.RECORD_ONLY)
    assert not applied & record_only
    assert {kind.value for kind in FactKind} == applied | record_only


def test_a_kind_central_does_not_know_is_a_loud_error():
    fact = Event("pick.teleported", {}, Actor("pia", "pick-01"))
    with pytest.raises(facts.UnknownFactKind, match="pick.teleported"):
        facts.reapply(None, fact)  # type: ignore[arg-type] - refused before any repository


def test_a_typed_payload_keeps_the_wire_keys_and_reads_back():
    payload = {
        "pick_list_id": 3,
        "task_id": 7,
        "quantity": 2,
        "lot": "L1",
        "expiry": None,
        "location": "A-01",
        "sku": "SKU",
        "tote": "T1",
        "tote_scanned": True,
        "item_scanned": True,
        "no_barcode": False,
        "lot_scanned": True,
        "confirmed_by": "scan",
    }
    typed = PickConfirmed.from_payload(payload)
    assert list(typed.to_payload().items()) == list(payload.items())
    fact = typed.fact(Actor("pia", "pick-01"), 42)
    assert (fact.kind, fact.payload, fact.order_ref) == ("pick.confirmed", payload, 42)
    with pytest.raises(TypeError, match="quantity"):
        PickConfirmed.from_payload({"task_id": 7})
