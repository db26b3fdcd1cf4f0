"""The PIN lock (app/domain/pins.py): 5 wrong PINs lock a badge for 1, then 5, then 30 minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.domain.pins import Attempt, PinLock, pin_lock

T0 = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
WRONG, RIGHT = Attempt.REFUSED, Attempt.SIGNED_IN


def wrong_pins(count: int, start: datetime) -> list[tuple[datetime, Attempt]]:
    return [(start + timedelta(seconds=n), WRONG) for n in range(count)]


def test_four_wrong_pins_do_not_lock_the_fifth_locks_for_a_minute():
    assert not pin_lock(wrong_pins(4, T0)).locked_at(T0 + timedelta(seconds=5))
    lock = pin_lock(wrong_pins(5, T0))
    assert lock.locked_at(T0 + timedelta(seconds=5))
    assert lock.until == T0 + timedelta(seconds=4, minutes=1)
    assert lock.minutes_left(T0 + timedelta(seconds=5)) == 1
    assert not lock.locked_at(lock.until)  # the lock expires by itself


def test_guesses_while_locked_do_not_count_and_each_new_lock_lasts_longer():
    attempts = wrong_pins(5, T0) + wrong_pins(20, T0 + timedelta(seconds=10))  # all while locked
    first = pin_lock(attempts)
    assert (first.locks, first.wrong) == (1, 0)
    after_first = first.until + timedelta(seconds=1)
    attempts += wrong_pins(5, after_first)
    second = pin_lock(attempts)
    assert second.locks == 2
    assert second.until == after_first + timedelta(seconds=4, minutes=5)
    after_second = second.until + timedelta(seconds=1)
    for _ in range(2):  # a third lock and any later one: 30 minutes
        attempts += wrong_pins(5, after_second)
        third = pin_lock(attempts)
        assert third.until == after_second + timedelta(seconds=4, minutes=30)
        after_second = third.until + timedelta(seconds=1)


def test_the_right_pin_starts_the_count_and_the_steps_over():
    attempts = wrong_pins(5, T0)
    expired = pin_lock(attempts).until + timedelta(seconds=1)
    attempts += [(expired, RIGHT)] + wrong_pins(4, expired + timedelta(seconds=1))
    assert pin_lock(attempts) == PinLock(wrong=4, locks=0, until=None)
    attempts += wrong_pins(1, expired + timedelta(seconds=10))
    assert pin_lock(attempts).until == expired + timedelta(seconds=10, minutes=1)  # step 1 again


def test_a_leads_unlock_forgets_the_wrong_pins_before_it():
    attempts = wrong_pins(5, T0)
    unlocked = T0 + timedelta(seconds=20)
    assert pin_lock(attempts, unlocked_at=unlocked) == PinLock()
    assert not pin_lock(attempts + wrong_pins(4, unlocked), unlocked_at=unlocked).until


def test_attempts_from_several_stations_count_in_time_order():
    shuffled = list(reversed(wrong_pins(5, T0)))
    assert pin_lock(shuffled).until == T0 + timedelta(seconds=4, minutes=1)
