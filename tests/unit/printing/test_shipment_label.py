import pytest

from app.domain.shipment_label import parse_shipment
from app.errors import BadInput
from printing.samples import ALL, CHINESE, shipment


@pytest.mark.parametrize("name", sorted(ALL))
def test_samples_parse(name):
    label = parse_shipment(ALL[name])
    assert label.tracking_number == ALL[name]["tracking_number"]
    assert label.ship_to.lines()[0] == ALL[name]["ship_to"]["name"]


def test_the_interface_example_reads_in_full():
    label = parse_shipment(CHINESE)
    assert label.sscc == "376130321109103420"
    assert label.package.index == 1 and label.package.count == 2 and label.package.weight_kg == 1.25
    assert "浦东新区世纪大道100号" in label.ship_to.lines()
    assert label.ship_from.company == ""  # optional fields may be absent


@pytest.mark.parametrize(
    "field",
    ["order_ref", "carrier", "service", "tracking_number", "ship_from", "ship_to", "package"],
)
def test_a_missing_field_is_named(field):
    data = shipment()
    del data[field]
    with pytest.raises(BadInput, match=field):
        parse_shipment(data, "s.json")


@pytest.mark.parametrize("field", ["name", "street1", "city", "postal_code", "country"])
def test_a_missing_address_field_is_named(field):
    data = shipment()
    del data["ship_to"][field]
    with pytest.raises(BadInput, match=f"ship_to: missing field {field}"):
        parse_shipment(data)


def test_sscc_is_optional_but_checked_when_given():
    assert parse_shipment(shipment(sscc=None)).sscc is None
    data = shipment()
    del data["sscc"]
    assert parse_shipment(data).sscc is None
    with pytest.raises(BadInput, match="sscc: wrong check digit"):
        parse_shipment(shipment(sscc="376130321109103421"))
    with pytest.raises(BadInput, match="sscc: must be a string of 18 digits"):
        parse_shipment(shipment(sscc="37613032110910342"))


@pytest.mark.parametrize("tracking", ["SF123王", "1Z\u00e9", "AB\tC", "A\x00"])
def test_tracking_numbers_code128_cannot_encode(tracking):
    with pytest.raises(BadInput, match="tracking_number: Code 128 cannot encode"):
        parse_shipment(shipment(tracking_number=tracking))


@pytest.mark.parametrize(
    "package",
    [
        {"index": 3, "count": 2, "weight_kg": 1},
        {"index": 1, "count": 1, "weight_kg": 0},
        {"index": 1, "count": 1, "weight_kg": "1"},
        {"index": True, "count": 1, "weight_kg": 1},
    ],
)
def test_package_values_are_checked(package):
    with pytest.raises(BadInput, match="package"):
        parse_shipment(shipment(package=package))


def test_too_long_text_is_refused_with_its_length():
    with pytest.raises(BadInput, match="order_ref is 121 characters long"):
        parse_shipment(shipment(order_ref="X" * 121))


def test_control_characters_are_refused():
    data = shipment()
    data["ship_to"]["street1"] = "Line one\nLine two"
    with pytest.raises(BadInput, match="ship_to: street1 contains a control character"):
        parse_shipment(data)
