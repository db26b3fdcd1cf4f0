from app.domain.pins import hash_pin, verify_pin


def test_pin_hash_is_salted_and_verifies():
    first, second = hash_pin("4321"), hash_pin("4321")
    assert first != second  # salted
    assert "4321" not in first
    assert verify_pin("4321", first) and verify_pin("4321", second)
    assert not verify_pin("1234", first)
    assert not verify_pin("4321", None)
    assert not verify_pin("4321", "garbage")
