"""The replenishment rule (app/domain/replenishment.py): when a pick face is low, how much it
gets, and which reserve stock it comes from."""

from datetime import UTC, date, datetime

from app.domain.catalog import StockItem
from app.domain.replenishment import PickFace, check_limits, is_low, level, plan

TODAY = date(2026, 12, 4)
FACE = PickFace("A01-001-L-1", "BOLT", min_qty=10, max_qty=40)
MONDAY, TUESDAY = datetime(2026, 11, 30, 8, tzinfo=UTC), datetime(2026, 12, 1, 8, tzinfo=UTC)


def at_face(on_hand: int, reserved: int = 0, held: int = 0) -> list[StockItem]:
    return [StockItem(FACE.location, "BOLT", on_hand, reserved, held=held, id=1)]


def reserve(location, on_hand, *, id, expiry=None, received=MONDAY, reserved=0, sku="BOLT"):
    return StockItem(location, sku, on_hand, reserved, expiry=expiry, id=id, received_at=received)


def test_reserved_and_held_units_count_as_gone():
    assert level(FACE, at_face(20, reserved=8, held=3)) == 9
    assert is_low(FACE, at_face(20, reserved=8, held=3))
    assert not is_low(FACE, at_face(20, reserved=10))  # exactly min is not low


def test_a_face_not_low_gets_nothing():
    assert plan(FACE, at_face(10), [reserve("R1", 100, id=2)], TODAY, {}, "pick") is None


def test_a_low_face_is_brought_up_to_max_never_beyond_what_the_reserve_has():
    task = plan(FACE, at_face(15, reserved=10), [reserve("R1", 100, id=2)], TODAY, {}, "wave")
    assert (task.from_location, task.to_location, task.quantity, task.reason) == (
        "R1",
        FACE.location,
        35,
        "wave",
    )
    small = plan(FACE, at_face(2), [reserve("R1", 100, reserved=95, id=2)], TODAY, {}, "pick")
    assert small.quantity == 5  # only 5 of the reserve's 100 are free


def test_no_reserve_stock_no_task():
    assert plan(FACE, at_face(2), [], TODAY, {}, "pick") is None
    other = [reserve("R1", 100, id=2, sku="NUT"), reserve(FACE.location, 50, id=3)]
    assert plan(FACE, at_face(2), other, TODAY, {}, "pick") is None
    expired = [reserve("R1", 100, id=2, expiry=date(2026, 12, 3))]
    assert plan(FACE, at_face(2), expired, TODAY, {}, "pick") is None


def test_earliest_expiry_first_then_first_received_then_nearest():
    later = reserve("NEAR", 50, id=2, expiry=date(2027, 6, 1))
    sooner = reserve("FAR", 50, id=3, expiry=date(2027, 3, 1))
    assert (
        plan(FACE, at_face(0), [later, sooner], TODAY, {"NEAR": 1, "FAR": 90}, "x").from_location
        == "FAR"
    )
    older = reserve("FAR", 50, id=3, received=MONDAY)
    newer = reserve("NEAR", 50, id=2, received=TUESDAY)
    assert (
        plan(FACE, at_face(0), [newer, older], TODAY, {"NEAR": 1, "FAR": 90}, "x").from_location
        == "FAR"
    )
    same_day = reserve("NEAR", 50, id=4, received=MONDAY.replace(hour=17))
    chosen = plan(FACE, at_face(0), [older, same_day], TODAY, {"NEAR": 1, "FAR": 90}, "x")
    assert chosen.from_location == "NEAR"  # received the same day: the nearest wins


def test_a_lot_goes_with_its_task():
    lot = StockItem("R1", "BOLT", 30, lot="L7", expiry=date(2027, 1, 1), id=5)
    assert plan(FACE, at_face(0), [lot], TODAY, {}, "x").lot == "L7"


def test_min_and_max_must_be_non_negative_and_min_below_max():
    assert check_limits(0, 1) is None
    assert check_limits(5, 5) == "min_not_below_max"
    assert check_limits(-1, 5) == "negative"
