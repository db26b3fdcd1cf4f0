"""The shipment a label is printed for (docs/interfaces.md §5), parsed and checked before any
layout.

Pure: no I/O, no printing library. Every problem raises `BadInput` naming the field, so a packer or
a script sees at once which value to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.domain.gs1 import check_digit, has_valid_check_digit
from app.domain.orders import Address
from app.errors import BadInput

# Longest value we accept per text field: long enough for real addresses, short enough that the
# label layout can always fit it (wrapped and shrunk) without running off the label.
MAX_TEXT = 120
MAX_TRACKING = 40
ADDRESS_REQUIRED = ("name", "street1", "city", "postal_code", "country")
ADDRESS_OPTIONAL = ("company", "street2", "region", "phone")
# postal_code must be present but may be empty (Hong Kong, Ireland's older addresses, ...).
MAY_BE_EMPTY = {"postal_code"}
# The languages a label and packing slip print in (the site's `language` setting).
LANGUAGES = ("en", "zh_CN")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class PackageInfo:
    index: int
    count: int
    weight_kg: float


@dataclass(frozen=True)
class ShipmentLabel:
    order_ref: str
    carrier: str
    service: str
    tracking_number: str
    ship_from: Address
    ship_to: Address
    package: PackageInfo
    sscc: str | None = None
    language: str = DEFAULT_LANGUAGE  # of the printed captions; the addresses print as given

    def with_sscc(self, sscc: str) -> ShipmentLabel:
        return replace(self, sscc=validate_sscc(sscc, "sscc"))


def parse_shipment(data: Any, source: str = "shipment") -> ShipmentLabel:
    """Build a `ShipmentLabel` from the decoded JSON of docs/interfaces.md §5, or raise BadInput."""
    if not isinstance(data, Mapping):
        raise BadInput(f"{source}: expected a JSON object with the shipment fields")
    sscc = data.get("sscc")
    return ShipmentLabel(
        order_ref=_text(data, "order_ref", source),
        carrier=_text(data, "carrier", source),
        service=_text(data, "service", source),
        tracking_number=validate_tracking_number(
            _text(data, "tracking_number", source, MAX_TRACKING), f"{source}: tracking_number"
        ),
        ship_from=_address(data, "ship_from", source),
        ship_to=_address(data, "ship_to", source),
        package=_package(data, source),
        sscc=None if sscc in (None, "") else validate_sscc(sscc, f"{source}: sscc"),
        language=validate_language(data.get("language", DEFAULT_LANGUAGE), f"{source}: language"),
    )


def validate_language(value: Any, where: str = "language") -> str:
    if value not in LANGUAGES:
        raise BadInput(
            f"{where}: {value!r} is not a label language; use one of {', '.join(LANGUAGES)}"
        )
    return value


def validate_tracking_number(value: str, where: str = "tracking_number") -> str:
    """Code 128 encodes printable ASCII; anything else would print a different number."""
    bad = sorted({ch for ch in value if not " " <= ch <= "~"})
    if bad:
        shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in bad)
        raise BadInput(f"{where}: Code 128 cannot encode {shown}; use printable ASCII only")
    if value != value.strip():
        raise BadInput(f"{where}: leading or trailing spaces would not scan back; remove them")
    return value


def validate_sscc(value: Any, where: str = "sscc") -> str:
    if not isinstance(value, str) or len(value) != 18 or not value.isdigit():
        raise BadInput(f"{where}: must be a string of 18 digits, got {value!r}")
    if not has_valid_check_digit(value):
        expected = check_digit(value[:-1])
        raise BadInput(f"{where}: wrong check digit in {value} (expected {expected} at the end)")
    return value


def _text(data: Mapping, key: str, where: str, limit: int = MAX_TEXT, required=True) -> str:
    if key not in data or data[key] is None:
        if required:
            raise BadInput(f"{where}: missing field {key}")
        return ""
    value = data[key]
    if not isinstance(value, str):
        raise BadInput(f"{where}: {key} must be text, got {type(value).__name__}")
    value = value.strip()
    if key != "tracking_number" and any(ch < " " or "\x7f" <= ch < "\xa0" for ch in value):
        raise BadInput(f"{where}: {key} contains a control character (tab, line break, ...)")
    if required and not value and key not in MAY_BE_EMPTY:
        raise BadInput(f"{where}: {key} is empty")
    if len(value) > limit:
        raise BadInput(f"{where}: {key} is {len(value)} characters long (at most {limit})")
    return value


def _address(data: Mapping, key: str, source: str) -> Address:
    if key not in data:
        raise BadInput(f"{source}: missing field {key}")
    value = data[key]
    if not isinstance(value, Mapping):
        raise BadInput(f"{source}: {key} must be an object with name, street1, city, ...")
    where = f"{source}: {key}"
    fields = {name: _text(value, name, where) for name in ADDRESS_REQUIRED}
    fields |= {name: _text(value, name, where, required=False) for name in ADDRESS_OPTIONAL}
    return Address(**fields)


def _package(data: Mapping, source: str) -> PackageInfo:
    value = data.get("package")
    if not isinstance(value, Mapping):
        raise BadInput(f"{source}: missing field package (an object with index, count, weight_kg)")
    where = f"{source}: package"
    for key in ("index", "count", "weight_kg"):
        if key not in value:
            raise BadInput(f"{where}: missing field {key}")
    index, count, weight = value["index"], value["count"], value["weight_kg"]
    if not _is_int(index) or not _is_int(count) or not 1 <= index <= count <= 999:
        raise BadInput(f"{where}: index and count must be whole numbers with 1 <= index <= count")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight < 10000:
        raise BadInput(f"{where}: weight_kg must be a number above 0, got {weight!r}")
    return PackageInfo(index=index, count=count, weight_kg=float(weight))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
