import hashlib
import hmac
import time

import pytest

from app.domain.pins import hash_pin, verify_pin

PEPPER = bytes(range(32))


def verifier(stored: str, pepper: bytes = PEPPER) -> str:
    """What shipshape_station_pins() (migration 0016) makes of a hash for one station."""
    _scheme, n, r, p, salt, _digest = stored.split("$")
    mac = hmac.new(pepper, stored.encode(), hashlib.sha256).hexdigest()
    return f"scrypt-hmac${n}${r}${p}${salt}${mac}"


def test_pin_hash_is_salted_and_verifies():
    first, second = hash_pin("432100"), hash_pin("432100")
    assert first != second  # salted
    assert "432100" not in first
    assert verify_pin("432100", first) and verify_pin("432100", second)
    assert not verify_pin("123400", first)
    assert not verify_pin("432100", None)
    assert not verify_pin("432100", "garbage")


def test_new_hashes_use_the_stronger_parameters_and_old_ones_still_verify():
    assert hash_pin("432100").split("$")[1:4] == [str(2**15), "8", "1"]
    salt = bytes(16)
    digest = hashlib.scrypt(b"5097", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt${2**14}$8$1${salt.hex()}${digest.hex()}"  # a 4-digit PIN saved before
    assert verify_pin("5097", old) and not verify_pin("5098", old)


def test_a_station_verifier_proves_the_pin_only_with_that_station_s_pepper():
    check = verifier(hash_pin("246810"))
    assert verify_pin("246810", check, PEPPER)
    assert not verify_pin("246811", check, PEPPER)
    assert not verify_pin("246810", check)  # no pepper: nothing to check with
    assert not verify_pin("246810", check, bytes(32))  # another station's pepper
    assert not verify_pin("246810", check.upper().replace("SCRYPT-HMAC", "scrypt"), PEPPER)


def test_a_station_s_pepper_changes_nothing_for_a_plain_hash():
    stored = hash_pin("246810")
    assert verify_pin("246810", stored, PEPPER) and not verify_pin("246811", stored, PEPPER)


@pytest.mark.parametrize(
    "stored",
    [
        "scrypt-hmac$16384$8$1$00",  # a field short
        "scrypt-hmac$16384$8$1$zz$00",  # salt not hex
        "scrypt-hmac$x$8$1$00$00",  # N not a number
        f"scrypt-hmac${2**30}$8$1$00$00",  # would take gigabytes: refused, not computed
        f"scrypt${2**30}$8$1$00$00",
        "scrypt$1$1$1$00$00",  # N must be above 1
        "bcrypt$16384$8$1$00$00",
    ],
)
def test_malformed_or_costly_forms_are_refused_quickly(stored):
    started = time.perf_counter()
    assert not verify_pin("246810", stored, PEPPER)
    assert time.perf_counter() - started < 0.5


def test_a_check_stays_well_under_the_time_a_badge_scan_may_wait():
    """~0.11 s on a 2-core CI machine; the bound leaves room for a busy one and catches a KDF
    made ten times slower by mistake."""
    check = verifier(hash_pin("246810"))
    started = time.perf_counter()
    assert verify_pin("246810", check, PEPPER)
    assert time.perf_counter() - started < 1.0
