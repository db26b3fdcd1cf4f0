"""Lead PINs: stored only as salted scrypt hashes (`scrypt$n$r$p$salt$hash`, hex), checked at a
station against its own verifier of that hash, and the rule that locks a badge's PIN after
repeated wrong guesses."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# New hashes: N = 2**15 takes ~0.11 s here (2**14 took 0.05 s, 2**16 0.22 s, too close to the
# 0.3 s a badge scan may wait), 32 MiB. Older 2**14 hashes stay valid until the PIN is changed.
_N, _R, _P = 2**15, 8, 1
LEAD_PIN_DIGITS = 6  # a new or changed lead PIN; shorter ones keep working until changed
# A verifier comes from the station's own store: refuse parameters that would make one check
# take minutes or gigabytes instead of computing them.
_MAX_N, _MAX_R, _MAX_P = 2**18, 16, 4
VERIFIER = "scrypt-hmac"


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _digest(pin, salt, _N, _R, _P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str | None, pepper: bytes | None = None) -> bool:
    """`stored` is central's hash (`scrypt$n$r$p$salt$digest`) or a station's verifier
    (`scrypt-hmac$n$r$p$salt$mac`: HMAC-SHA256 of that whole hash keyed with the station's
    secret pepper, migration 0016). A verifier proves the PIN only with the pepper of the
    station it was made for, which that station keeps apart from it; without one, False."""
    if not stored:
        return False
    parts = stored.split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            return hmac.compare_digest(_central_hash(pin, *parts[1:5]), stored)
        if parts[0] == VERIFIER and len(parts) == 6 and pepper:
            rebuilt = _central_hash(pin, *parts[1:5]).encode()
            candidate = hmac.new(pepper, rebuilt, hashlib.sha256).hexdigest()
            return hmac.compare_digest(candidate, parts[5].lower())
    except (ValueError, MemoryError):  # not hex, not numbers, parameters scrypt refuses
        return False
    return False


def _central_hash(pin: str, n: str, r: str, p: str, salt: str) -> str:
    """The central hash `pin` would have with these parameters and salt, spelled as stored."""
    digest = _digest(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    return f"scrypt${n}${r}${p}${salt}${digest.hex()}"


def _digest(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if not (1 < n <= _MAX_N and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        raise ValueError("scrypt parameters out of range")
    memory = 128 * r * n * p + 2**20  # hashlib's default cap (32 MiB) is below N = 2**15
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=memory)


# ---- PIN guessing ------------------------------------------------------------------------------
# A badge's PIN locks after MAX_WRONG wrong PINs in a row, for longer each time it locks again
# before a good sign-in: guessing a PIN at a screen takes weeks (4 digits) to years (6 digits).
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
