import pytest
import zxingcpp
from barcode.codex import Code128, Gs1_128
from PIL import Image

from app.errors import BadInput
from printing.barcodes import (
    QUIET_MODULES,
    code128,
    gs1_128_sscc,
    module_dots,
    preferred_module_dots,
    subset_c_prefix,
    validated_ean13,
)
from printing.zpl import code128_field

SAMPLES = [
    "SF1234567890123",
    "1Z999AA10123456784",
    "00340434161094042557",
    "AB",
    "12345",
    "x>y^z~",
    "123456789A",
    "1Z" + "9A" * 14,
]


def _decode(modules: str) -> list:
    """Draw the modules 3 px wide with quiet zones and read them back with zxing-cpp."""
    row = [255] * 30 + [0 if m == "1" else 255 for m in modules] + [255] * 30
    image = Image.new("L", (len(row) * 3, 60), 255)
    image.putdata([v for _ in range(60) for v in row for _ in range(3)])
    return zxingcpp.read_barcodes(image)


@pytest.mark.parametrize("data", SAMPLES)
def test_symbols_scan_back_to_exactly_the_data(data):
    (result,) = _decode(code128(data).modules)
    assert result.text == data and result.symbology_identifier == "]C0"


def test_gs1_symbol_scans_as_gs1_128():
    (result,) = _decode(gs1_128_sscc("376130321109103420").modules)
    assert result.symbology_identifier == "]C1" and result.text == "(00)376130321109103420"


def test_same_bars_as_python_barcode_where_it_picks_the_same_subsets():
    for data in ("AB", "00340434161094042557", "x>y^z~"):
        assert code128(data).modules == Code128(data).build()[0]


def test_gs1_128_sscc_is_start_c_fnc1_then_digits():
    symbol = gs1_128_sscc("376130321109103420")
    assert symbol.modules == Gs1_128("00376130321109103420").build()[0]
    assert symbol.modules.startswith("11010011100" + "11110101110")  # Start C, FNC1
    assert symbol.human_text == "(00) 376130321109103420"
    with pytest.raises(BadInput, match="sscc"):
        gs1_128_sscc("376130321109103421")


def test_subset_plan_matches_the_zpl_invocation_codes():
    assert subset_c_prefix("00340434161094042557") == 20
    assert code128_field("00340434161094042557", gs1=False) == ">;00340434161094042557"
    assert code128_field("00376130321109103420", gs1=True) == ">;>800376130321109103420"
    assert code128_field("123456789A", gs1=False) == ">;12345678>69A"
    assert code128_field("12345", gs1=False) == ">:12345"  # never a lone char after >6
    assert code128_field("SF12", gs1=False) == ">:SF12"  # never >5 (switch to C)
    assert code128_field("a>b^c~d", gs1=False) == ">:a>0b><c>=d"


def test_non_ascii_is_refused_never_printed_as_something_else():
    with pytest.raises(BadInput, match="tracking_number"):
        code128("SF12王")


def test_wrong_ean_check_digit_is_refused():
    assert validated_ean13("4006381333931") == "4006381333931"
    with pytest.raises(BadInput, match="expected 1"):
        validated_ean13("4006381333932")


def test_modules_are_whole_dots_and_quiet_zones_fit():
    symbol = code128("1Z999AA10123456784")
    assert preferred_module_dots(203, 0.375, 0.25) == (3, 2)
    assert preferred_module_dots(300, 0.5, 0.25) == (6, 5, 4, 3)
    dots = module_dots(symbol, 796, (3, 2))
    assert dots == 3 and (len(symbol.modules) + 2 * QUIET_MODULES) * dots <= 796
    with pytest.raises(BadInput, match="tracking_number: barcode"):
        module_dots(code128("A" * 40), 796, (3, 2), "tracking_number")
