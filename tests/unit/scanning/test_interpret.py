"""A GS1 / EAN / UPC corpus and our own codes, including every error case."""

import random

import pytest

from app.domain.gs1 import check_digit
from app.scanning.codes import (
    COMMANDS,
    badge_barcode,
    command_barcode,
    location_barcode,
    tote_barcode,
)
from app.scanning.interpret import interpret

FIELDS = [
    "raw",
    "symbology",
    "kind",
    "gtin",
    "sscc",
    "lot",
    "serial",
    "expiry",
    "quantity",
    "error",
]


def test_the_interfaces_example_exactly():
    raw = "]C10109501101020917\x1d10ABC"
    out = interpret(raw).to_dict()
    assert list(out)[:10] == FIELDS
    assert {k: out[k] for k in FIELDS} == {
        "raw": raw,
        "symbology": "GS1_128",
        "kind": "product",
        "gtin": "09501101020917",
        "sscc": None,
        "lot": "ABC",
        "serial": None,
        "expiry": None,
        "quantity": None,
        "error": None,
    }


@pytest.mark.parametrize(
    ("raw", "symbology", "gtin"),
    [
        ("4006381333931", None, "04006381333931"),  # EAN-13
        ("96385074", None, "00000096385074"),  # EAN-8
        ("036000291452", None, "00036000291452"),  # UPC-A
        ("10036000291459", None, "10036000291459"),  # GTIN-14
        ("]E04006381333931", "EAN_13", "04006381333931"),
        ("]E0036000291452", "EAN_13", "00036000291452"),  # UPC-A sent as 12 digits
        ("]E00036000291452", "EAN_13", "00036000291452"),  # UPC-A sent as EAN-13
        ("]E001234565", "EAN_13", "00012345000065"),  # UPC-E, expanded to UPC-A
        ("]E496385074", "EAN_8", "00000096385074"),
        ("]E3400638133393112", "EAN_13_ADDON", "04006381333931"),  # 2-digit add-on dropped
        ("]I110036000291459", "ITF_14", "10036000291459"),
        ("]I010036000291459", "ITF", "10036000291459"),
        ("  4006381333931 ", None, "04006381333931"),  # stray whitespace
    ],
)
def test_gtins_in_every_length_become_14_digits(raw, symbology, gtin):
    scan = interpret(raw)
    assert (scan.kind, scan.symbology, scan.gtin, scan.error) == ("product", symbology, gtin, None)


@pytest.mark.parametrize(
    ("raw", "symbology"),
    [
        ("]C10109501101020917\x1d10L1\x1d17250200\x1d21S/N-9\x1d3712", "GS1_128"),
        ("]d20109501101020917\x1d10L1\x1d17250200\x1d21S/N-9\x1d3712", "GS1_DATAMATRIX"),
        ("]Q30109501101020917\x1d10L1\x1d17250200\x1d21S/N-9\x1d3712", "GS1_QR"),
        ("0109501101020917\x1d10L1\x1d17250200\x1d21S/N-9\x1d3712", None),  # no AIM id
        ("(01)09501101020917(10)L1(17)250200(21)S/N-9(37)12", None),  # human-readable form
        ("]C101095011010209171725020010L1\x1d21S/N-9\x1d3712", "GS1_128"),  # no GS after 17
    ],
)
def test_gs1_element_strings(raw, symbology):
    scan = interpret(raw)
    assert scan.symbology == symbology
    assert (scan.kind, scan.gtin, scan.lot, scan.serial) == (
        "product",
        "09501101020917",
        "L1",
        "S/N-9",
    )
    assert (scan.expiry, scan.quantity, scan.error) == ("2025-02-28", 12, None)  # day 00 = last day


def test_fixed_length_fields_need_no_separator_and_dates_are_iso():
    scan = interpret("]C1010950110102091717281231150112313010")
    assert (scan.gtin, scan.expiry, scan.best_before, scan.quantity) == (
        "09501101020917",
        "2028-12-31",
        "2001-12-31",
        10,
    )


def test_leap_day_zero_is_the_29th():
    assert interpret("]C1010950110102091717240200").expiry == "2024-02-29"


def test_sscc_is_a_logistic_unit_with_content_and_count():
    scan = interpret("]C100376130321109103420\x1d020950110102091737120")
    assert (scan.kind, scan.sscc, scan.gtin, scan.quantity) == (
        "logistic_unit",
        "376130321109103420",
        "09501101020917",
        120,
    )
    assert interpret("376130321109103420").kind == "logistic_unit"


def test_configurable_replacement_for_the_gs_separator():
    scan = interpret("]C10109501101020917~10ABC~3712", gs1_separator="~")
    assert (scan.gtin, scan.lot, scan.quantity) == ("09501101020917", "ABC", 12)
    # Without the setting the "~" is just part of the lot: the caller must say what it means.
    assert interpret("]C10109501101020917~10ABC").lot is None


def test_gs1_digital_link():
    scan = interpret("]Q1https://id.gs1.org/01/09501101020917/10/ABC?17=260131")
    assert (scan.kind, scan.gtin, scan.lot, scan.expiry) == (
        "product",
        "09501101020917",
        "ABC",
        "2026-01-31",
    )


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("4006381333932", ["4006381333932", "check digit", "expected 1"]),
        ("]E04006381333932", ["check digit"]),
        ("]E496385075", ["check digit"]),
        ("12345670", []),  # valid EAN-8 control (see test below)
        ("]C10109501101020918\x1d10ABC", ["09501101020918", "check digit", "expected 7"]),
        ("]C100376130321109103421", ["SSCC", "check digit"]),
        ("]C10109501101020917\x1d17261301", ["expiry date", "not a real date"]),  # month 13
        ("]C1010950110102091717260230", ["expiry date", "not a real date"]),  # 30 February
        ("]C1010950110102091715250231", ["best-before date", "not a real date"]),
        ("]C10109501101020917\x1d10ABC\x1dXYZ", ["XYZ", "Application Identifier"]),
        ("]C1XYZ", ["Application Identifier"]),
        ("]C1010950110102", ["AI 01", "malformed"]),  # GTIN cut short
        ("]E0ABCDEFGHIJKLM", ["digits"]),
        ("]E412345", ["EAN-8", "8 digits"]),
        ("]E012345678901234567", ["8, 12 or 13"]),
        ("]E0", ["empty"]),
        ("", ["empty"]),
        ("C:DANCE", ["unknown command", "CONFIRM"]),
        ("L:", ["location", "no location code"]),
        ("(01)09501101020918", ["check digit"]),
        ("0109501101020917\x1d17250231", ["not a real date"]),
        ("]C10109501101020917\x1d10ABC\x1d10DEF", ["AI (10) twice", "'ABC' and 'DEF'"]),
        ("]C1010950110102091701" + "04006381333931", ["AI (01) twice"]),
    ],
)
def test_errors_are_invalid_with_a_message_a_person_understands(raw, words):
    scan = interpret(raw)
    if not words:
        assert scan.kind == "product"
        return
    assert scan.kind == "invalid", scan
    assert scan.gtin is None and scan.sscc is None
    for word in words:
        assert word in scan.error


def test_our_own_codes_round_trip_through_the_builders():
    assert interpret(location_barcode("A01-001-L-1")).to_dict()["code"] == "A01-001-L-1"
    assert interpret(location_barcode("A01-001-L-1")).kind == "location"
    assert (interpret(tote_barcode("0001")).kind, interpret(tote_barcode("0001")).code) == (
        "tote",
        "0001",
    )
    assert interpret("]C0" + badge_barcode("1001")).kind == "badge"
    for name in COMMANDS:
        scan = interpret(command_barcode(name))
        assert (scan.kind, scan.code) == ("command", name)


def test_builders_refuse_what_they_cannot_encode():
    with pytest.raises(ValueError, match="unknown command"):
        command_barcode("DANCE")
    with pytest.raises(ValueError, match="non-empty"):
        tote_barcode(" ")
    with pytest.raises(ValueError, match="contains"):
        location_barcode("A 01")


def test_known_location_without_prefix_is_a_location():
    assert interpret("A01-001-L-1").kind == "unknown"
    scan = interpret("]C0A01-001-L-1", known_locations={"A01-001-L-1"})
    assert (scan.kind, scan.code, scan.symbology) == ("location", "A01-001-L-1", "CODE_128")


@pytest.mark.parametrize("raw", ["hello", "]C0hello", "12345", "]C04006381333931", "]A0ABC-123"])
def test_other_content_is_unknown_not_invalid(raw):
    scan = interpret(raw)
    assert (scan.kind, scan.error, scan.gtin) == ("unknown", None, None)


@pytest.mark.parametrize(
    ("aim", "name"),
    [
        ("]C0", "CODE_128"),
        ("]C1", "GS1_128"),
        ("]E0", "EAN_13"),
        ("]E4", "EAN_8"),
        ("]d1", "DATAMATRIX"),
        ("]d2", "GS1_DATAMATRIX"),
        ("]Q1", "QR_CODE"),
        ("]Q3", "GS1_QR"),
        ("]A0", "CODE_39"),
        ("]I0", "ITF"),
        ("]e0", "GS1_DATABAR"),
        ("]L0", "PDF417"),
        ("]z0", "AZTEC"),
        ("]F0", "CODABAR"),
        ("]G0", "CODE_93"),
    ],
)
def test_symbology_names_from_aim_identifiers(aim, name):
    assert interpret(aim + "L:X").symbology == name


def test_a_bracket_that_is_not_an_aim_identifier_is_data():
    scan = interpret("]!foo")
    assert (scan.symbology, scan.kind) == (None, "unknown")


def test_any_valid_gtin_of_any_length_and_any_single_digit_error():
    """Every GTIN length, bare and with its AIM identifier; one wrong digit is always caught."""
    rng = random.Random(7)
    aim = {8: "]E4", 12: "]E0", 13: "]E0", 14: "]C1" + "01"}
    for _ in range(400):
        length = rng.choice([8, 12, 13, 14])
        body = "".join(rng.choice("0123456789") for _ in range(length - 1))
        gtin = body + check_digit(body)
        for raw in (gtin, aim[length] + gtin):
            scan = interpret(raw)
            assert (scan.kind, scan.gtin) == ("product", gtin.zfill(14)), raw
        position = rng.randrange(length)
        wrong = str((int(gtin[position]) + rng.randint(1, 9)) % 10)
        broken = gtin[:position] + wrong + gtin[position + 1 :]
        scan = interpret(broken)
        assert scan.kind == "invalid" and "check digit" in scan.error, broken


def test_any_valid_gs1_message_round_trips():
    rng = random.Random(8)
    for _ in range(300):
        body = "".join(rng.choice("0123456789") for _ in range(13))
        gtin = body + check_digit(body)
        lot = "".join(rng.choice("ABCXYZ0123-/") for _ in range(rng.randint(1, 20)))
        serial = "".join(rng.choice("abc123") for _ in range(rng.randint(1, 20)))
        year, month, day = rng.randint(20, 45), rng.randint(1, 12), rng.randint(1, 28)
        quantity = rng.randint(1, 99_999_999)
        fields = [
            f"01{gtin}",
            f"17{year:02d}{month:02d}{day:02d}",
            f"10{lot}",
            f"21{serial}",
            f"30{quantity}",
        ]
        rng.shuffle(fields)
        raw = rng.choice(["]C1", "]d2", "]Q3", ""]) + "\x1d".join(fields)
        scan = interpret(raw)
        assert (scan.kind, scan.gtin, scan.lot, scan.serial, scan.quantity) == (
            "product",
            gtin,
            lot,
            serial,
            quantity,
        ), raw
        assert scan.expiry == f"20{year:02d}-{month:02d}-{day:02d}"
