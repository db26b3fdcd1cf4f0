import pytest

from app.domain.gs1 import check_digit, has_valid_check_digit, normalize_gtin


def test_check_digit_of_known_codes():
    assert check_digit("400638133393") == "1"  # EAN-13 4006381333931
    assert check_digit("37613032110910342") == "0"  # SSCC 376130321109103420
    assert check_digit("0950110102091") == "7"  # GTIN-14 09501101020917


def test_normalize_pads_to_14_digits():
    assert normalize_gtin("4006381333931") == "04006381333931"
    assert normalize_gtin("036000291452") == "00036000291452"  # UPC-A


@pytest.mark.parametrize("bad", ["4006381333932", "40063813339", "abc", ""])
def test_normalize_refuses_bad_codes(bad):
    with pytest.raises(ValueError):
        normalize_gtin(bad)


def test_has_valid_check_digit():
    assert has_valid_check_digit("376130321109103420")
    assert not has_valid_check_digit("376130321109103421")
