import pytest

from app.domain.orders import ALLOWED_TRANSITIONS, Address, Order, OrderLine, OrderStatus
from app.errors import IllegalTransition

S = OrderStatus
HAPPY_PATH = [S.ALLOCATED, S.RELEASED, S.PICKING, S.PICKED, S.PACKED, S.SHIPPED]


def an_order() -> Order:
    address = Address(name="A", street1="1 Rd", city="X", postal_code="1", country="NL")
    return Order("web", "SO-1", address, [OrderLine("SKU-1", 2)])


def test_happy_path_is_allowed_and_recorded():
    order = an_order()
    for status in HAPPY_PATH:
        order.move_to(status)
    assert order.status is S.SHIPPED
    assert [kind for kind, _ in order.events] == [f"order.{s.value}" for s in HAPPY_PATH]


@pytest.mark.parametrize(
    "start, target",
    [
        (S.RECEIVED, S.SHIPPED),
        (S.RECEIVED, S.PICKING),
        (S.ALLOCATED, S.PACKED),
        (S.SHIPPED, S.RECEIVED),
        (S.CANCELLED, S.ALLOCATED),
        (S.PACKED, S.CANCELLED),
        (S.ON_HOLD, S.ALLOCATED),
    ],
)
def test_illegal_transitions_are_refused(start, target):
    order = an_order()
    order.status = start
    with pytest.raises(IllegalTransition, match=f"from {start.value} to {target.value}"):
        order.move_to(target)
    assert order.status is start
    assert order.events == []


def test_every_status_has_rules_and_end_states_are_final():
    assert set(ALLOWED_TRANSITIONS) == set(OrderStatus)
    # A shipped order moves on only when the customer sends units back (docs/returns.md).
    assert ALLOWED_TRANSITIONS[S.SHIPPED] == {S.PARTIALLY_RETURNED, S.RETURNED}
    assert ALLOWED_TRANSITIONS[S.PARTIALLY_RETURNED] == {S.RETURNED}
    assert ALLOWED_TRANSITIONS[S.RETURNED] == frozenset()
    assert ALLOWED_TRANSITIONS[S.CANCELLED] == frozenset()


def test_hold_keeps_its_reason():
    order = an_order()
    order.move_to(S.ON_HOLD, "blocked customer")
    assert order.reason == "blocked customer"
    order.move_to(S.RECEIVED)
    assert order.reason == ""
