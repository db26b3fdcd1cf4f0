"""Lead PINs: stored only as salted scrypt hashes (`scrypt$n$r$p$salt$hash`, hex), and the rule
that locks a badge's PIN after repeated wrong guesses."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """`stored` is central's hash (`scrypt$n$r$p$salt$digest`) or a station's verifier
    (`scrypt-hmac$n$r$p$salt$pepper$mac`: HMAC-SHA256 of that hash keyed with the station's
    pepper, migration 0016), which proves the PIN only at the station it was made for."""
    if not stored:
        return False
    parts = stored.split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            return hmac.compare_digest(_scrypt(pin, *parts[1:5]), stored)
        if parts[0] == "scrypt-hmac" and len(parts) == 7:
            pepper, mac = bytes.fromhex(parts[5]), parts[6]
            candidate = hmac.new(pepper, _scrypt(pin, *parts[1:5]).encode(), "sha256").hexdigest()
            return hmac.compare_digest(candidate, mac)
    except ValueError:
        return False
    return False


def _scrypt(pin: str, n: str, r: str, p: str, salt: str) -> str:
    """The central hash `pin` would have with these parameters and salt."""
    digest = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return f"scrypt${n}${r}${p}${salt}${digest.hex()}"


# ---- PIN guessing ------------------------------------------------------------------------------
# A badge's PIN locks after MAX_WRONG wrong PINs in a row, for longer each time it locks again
# before a good sign-in: a 4-digit PIN then takes weeks to guess instead of minutes.
MAX_WRONG = 5
LOCK_STEPS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30))
HISTORY = timedelta(days=1)  # attempts older than this cannot matter: the longest lock is 30 min


class Attempt(StrEnum):
    REFUSED = "refused"  # a wrong PIN (or any PIN while locked: those do not count again)
    SIGNED_IN = "signed_in"  # the right PIN: the count and the lock steps start over


@dataclass(frozen=True)
class PinLock:
    wrong: int = 0  # wrong PINs since the last sign-in, unlock or lock
    locks: int = 0  # locks since the last good sign-in or a lead's unlock
    until: datetime | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.until is not None and now < self.until

    def minutes_left(self, now: datetime) -> int:
        return max(1, math.ceil((self.until - now).total_seconds() / 60)) if self.until else 0


def pin_lock(
    attempts: Iterable[tuple[datetime, Attempt]], unlocked_at: datetime | None = None
) -> PinLock:
    """The lock state of one badge from its PIN attempts (any order, any station): the one rule
    central, the CLI and offline stations apply. A lead's unlock forgets everything before it."""
    state = PinLock()
    for at, attempt in sorted(attempts, key=lambda pair: pair[0]):
        if unlocked_at is not None and at <= unlocked_at:
            continue
        if attempt is Attempt.SIGNED_IN:
            state = PinLock()
        elif not state.locked_at(at):
            state = _one_more_wrong(state, at)
    return state


def _one_more_wrong(state: PinLock, at: datetime) -> PinLock:
    if state.wrong + 1 < MAX_WRONG:
        return PinLock(state.wrong + 1, state.locks, state.until)
    step = LOCK_STEPS[min(state.locks, len(LOCK_STEPS) - 1)]
    return PinLock(0, state.locks + 1, at + step)
