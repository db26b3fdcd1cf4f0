"""The rule that proposes a transfer for a pick face with no reserve in its warehouse
(app/domain/transfer_rule.py)."""

from __future__ import annotations

from app.domain.catalog import StockItem
from app.domain.replenishment import PickFace
from app.domain.transfer_rule import Proposal, propose

FACE = PickFace("W-1", "BOLT", 10, 40)


def reserve(warehouse: int, units: int, sku: str = "BOLT", reserved: int = 0) -> StockItem:
    return StockItem(f"R-{warehouse}", sku, units, reserved, warehouse_id=warehouse)


def test_a_low_face_without_reserve_gets_stock_from_the_warehouse_with_most():
    found = propose([(FACE, 2)], [reserve(1, 30), reserve(3, 50)], [], {})
    assert found == [Proposal("W-1", "BOLT", 2, 3, 40)]


def test_never_more_than_the_source_has_nor_what_transfers_bring_already():
    at_face = [StockItem("W-1", "BOLT", 5, warehouse_id=2)]
    assert propose([(FACE, 2)], [reserve(1, 20, reserved=8)], at_face, {}) == [
        Proposal("W-1", "BOLT", 2, 1, 12)
    ]
    assert propose([(FACE, 2)], [reserve(1, 100)], at_face, {(2, "BOLT"): 30}) == [
        Proposal("W-1", "BOLT", 2, 1, 5)
    ]
    assert propose([(FACE, 2)], [reserve(1, 100)], at_face, {(2, "BOLT"): 35}) == []


def test_no_proposal_when_the_face_is_not_low_or_its_warehouse_has_reserve():
    full = [StockItem("W-1", "BOLT", 10, warehouse_id=2)]
    assert propose([(FACE, 2)], [reserve(1, 100)], full, {}) == []
    assert propose([(FACE, 2)], [reserve(1, 100), reserve(2, 1)], [], {}) == []
    assert propose([(FACE, 2)], [reserve(1, 100, sku="GLUE")], [], {}) == []
