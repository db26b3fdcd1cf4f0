"""What a scan means: GS1 element strings, EAN/UPC/GTIN, SSCC, and our own codes.

`interpret(raw)` never raises for bad scans: a wrong check digit, a date that does not exist or a
malformed string comes back as `kind="invalid"` with an `error` a person can act on. The output
fields are fixed by docs/interfaces.md §4 (`Scan.to_dict`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import asdict, dataclass, replace

from biip import ParseConfig, ParseError
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementString
from biip.gs1_messages import GS1Message
from biip.upc import Upc

from app.domain.gs1 import has_valid_check_digit, normalize_gtin
from app.domain.safe_text import BIDI_CONTROLS, has_bidi, is_printable_ascii
from app.scanning.codes import COMMANDS, KIND_BY_PREFIX
from app.scanning.symbology import EAN_SYMBOLOGIES, GS1_SYMBOLOGIES, split_symbology

GS = "\x1d"  # ASCII 29, the group separator scanners send for FNC1 between GS1 fields
# Our own codes (codes.py, and the pick-list sheet's PL:): printable ASCII only.
OWN_PREFIXES = ("L:", "T:", "B:", "C:", "PL:")


@dataclass(frozen=True)
class Scan:
    """One interpreted scan. The first ten fields are docs/interfaces.md §4, in that order."""

    raw: str
    symbology: str | None
    kind: str
    gtin: str | None = None
    sscc: str | None = None
    lot: str | None = None
    serial: str | None = None
    expiry: str | None = None
    quantity: int | None = None
    error: str | None = None
    code: str | None = None  # our own codes: the location/tote/badge code or the command name
    best_before: str | None = None  # AI 15, YYYY-MM-DD

    def to_dict(self) -> dict:
        return asdict(self)


def describe_scan(scan: Scan) -> str:
    """One human-readable line: what the scan is and what it carries."""
    if scan.kind == "invalid":
        return f"invalid: {scan.error}"
    parts = [scan.kind]
    if scan.symbology:
        parts.append(f"[{scan.symbology}]")
    labels = [
        ("code", scan.code),
        ("GTIN", scan.gtin),
        ("SSCC", scan.sscc),
        ("lot", scan.lot),
        ("serial", scan.serial),
        ("expiry", scan.expiry),
        ("best before", scan.best_before),
        ("quantity", scan.quantity),
    ]
    parts += [f"{label} {value}" for label, value in labels if value is not None]
    if scan.kind == "unknown":
        parts.append(repr(scan.raw))
    return "  ".join(parts)


def visible_raw(raw: str) -> str:
    """The raw scan with control characters shown, e.g. GS as <GS>, for people to read."""
    return "".join(
        "<GS>"
        if ch == GS
        else f"<{ord(ch):02X}>"
        if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in BIDI_CONTROLS
        else ch
        for ch in raw
    )


def interpret(
    raw: str,
    *,
    gs1_separator: str | None = None,
    known_locations: Collection[str] | None = None,
) -> Scan:
    """Interpret one scan.

    `gs1_separator`: a character some scanners send instead of ASCII 29 (e.g. "~"); it is read
    as the GS1 separator too. `known_locations`: location codes the caller knows; a bare one is
    read as a location (an old rack label without our `L:` prefix).
    """
    try:
        return _interpret(raw, gs1_separator, known_locations)
    except (ValueError, ArithmeticError, LookupError, TypeError):
        # The GS1 parser meets every byte a scanner or a person can send; a case it does not
        # foresee is still a bad scan, never a crash of the station or the CLI.
        return _invalid(
            Scan(raw=raw, symbology=None, kind="unknown"),
            "the scan could not be read as a barcode: scan it again, or type the number",
        )


def _interpret(
    raw: str, gs1_separator: str | None, known_locations: Collection[str] | None
) -> Scan:
    symbology, data = split_symbology(raw.strip())
    data = data.strip()
    base = Scan(raw=raw, symbology=symbology, kind="unknown")
    if not data:
        return replace(base, kind="invalid", error="the scan is empty: scan the barcode again")
    if has_bidi(data):  # no barcode of ours or GS1's holds them: a label made to mislead
        return _invalid(base, "the scan holds hidden text-direction characters: not accepted")
    if data.upper().startswith(OWN_PREFIXES) and not is_printable_ascii(data):
        return _invalid(
            base,
            f"{visible_raw(data)} holds control characters, but our codes are printable ASCII: "
            "scan the label again or reprint it",
        )
    own = _own_code(base, data)
    if own is not None:
        return own
    if known_locations and data in known_locations:
        return replace(base, kind="location", code=data)
    config = _config(gs1_separator)
    if symbology in GS1_SYMBOLOGIES:
        if data.lower().startswith(("http://", "https://")):
            return _digital_link(base, data, config) or _invalid(base, "not a GS1 Digital Link")
        return _gs1(base, data, config)
    if symbology in EAN_SYMBOLOGIES:
        return _ean(base, symbology, data)
    if symbology in ("ITF", "ITF_14") and data.isdigit() and len(data) == 14:
        return _gtin(base, data)
    if symbology is None:
        return _bare(base, data, config)
    if data.lower().startswith(("http://", "https://")):
        return _digital_link(base, data, config) or base
    return base


def _config(gs1_separator: str | None) -> ParseConfig:
    separators = [GS]
    if gs1_separator and gs1_separator != GS:
        separators.append(gs1_separator)
    return ParseConfig(separator_chars=separators)


def _invalid(base: Scan, error: str) -> Scan:
    return replace(base, kind="invalid", error=error)


def _own_code(base: Scan, data: str) -> Scan | None:
    prefix = data[:2].upper()
    kind = KIND_BY_PREFIX.get(prefix)
    if kind is None:
        return None
    value = data[2:].strip()
    if not value:
        return _invalid(base, f"{kind} barcode {data!r} has no {kind} code after {prefix!r}")
    if kind == "command":
        value = value.upper()
        if value not in COMMANDS:
            known = ", ".join(COMMANDS)
            return _invalid(base, f"unknown command barcode {data!r}: known commands are {known}")
    return replace(base, kind=kind, code=value)


def _gtin(base: Scan, digits: str) -> Scan:
    try:
        return replace(base, kind="product", gtin=normalize_gtin(digits))
    except ValueError as exc:
        return _invalid(base, f"{exc}: scan it again, or type the number from the label")


def _ean(base: Scan, symbology: str, data: str) -> Scan:
    name = symbology.replace("_", "-").replace("-ADDON", " with add-on")
    if not data.isdigit():
        return _invalid(base, f"{name} barcode {data!r} must be digits only")
    if symbology == "EAN_13_ADDON" and len(data) in (15, 18):
        data = data[:13]  # the add-on (issue number, price) is not part of the GTIN
    elif symbology == "EAN_13_ADDON" and len(data) in (14, 17):
        data = data[:12]  # UPC-A + add-on
    if symbology == "EAN_8" and len(data) != 8:
        return _invalid(base, f"EAN-8 barcode {data!r} must have 8 digits, not {len(data)}")
    if len(data) == 8 and symbology != "EAN_8":
        return _upc_e(base, data)
    if len(data) not in (8, 12, 13):
        return _invalid(base, f"{name} barcode {data!r} must have 8, 12 or 13 digits")
    return _gtin(base, data)


def _upc_e(base: Scan, data: str) -> Scan:
    """UPC-E (8 digits, number system 0 or 1) sent under the EAN-13 identifier."""
    try:
        return _gtin(base, Upc.parse(data).as_upc_a())
    except ParseError:
        return _invalid(base, f"UPC-E barcode {data!r} is not valid: scan it again")


_LOOKS_LIKE_GS1 = re.compile(r"^(\(\d{2,4}\)|0[0-2]\d{14})")


def _bare(base: Scan, data: str, config: ParseConfig) -> Scan:
    """No AIM identifier: digits are a GTIN (or SSCC); a GS1 element string is parsed as one."""
    if data.isdigit() and len(data) in (8, 12, 13, 14):
        return _gtin(base, data)
    if data.isdigit() and len(data) == 18 and has_valid_check_digit(data):
        return replace(base, kind="logistic_unit", sscc=data)
    if data.lower().startswith(("http://", "https://")):
        return _digital_link(base, data, config) or base
    has_separator = any(sep in data for sep in config.separator_chars)
    if _LOOKS_LIKE_GS1.match(data) or (has_separator and data[:2].isdigit()):
        return _gs1(base, data, config)
    return base


def _digital_link(base: Scan, data: str, config: ParseConfig) -> Scan | None:
    try:
        link = GS1DigitalLinkURI.parse(data, config=config)
    except ParseError:
        return None
    return _from_elements(base, link.element_strings)


def _gs1(base: Scan, data: str, config: ParseConfig) -> Scan:
    try:
        if data.startswith("("):
            message = GS1Message.parse_hri(data, config=config)
        else:
            message = GS1Message.parse(data, config=config)
    except ParseError as exc:
        return _invalid(base, gs1_error_text(str(exc)))
    return _from_elements(base, message.element_strings)


def _from_elements(base: Scan, elements) -> Scan:
    values: dict[str, GS1ElementString] = {}  # AI -> the element string
    for element in elements:
        problem = element.gtin_error or element.sscc_error
        if problem:
            return _invalid(base, f"{_friendly_check_digit(problem)} (AI {element.ai.ai})")
        earlier = values.setdefault(element.ai.ai, element)
        if earlier.value != element.value:
            return _invalid(
                base,
                f"the barcode holds AI ({element.ai.ai}) twice with different values "
                f"({earlier.value!r} and {element.value!r}): check the label",
            )
    sscc = values.get("00")
    gtin = values.get("01") or values.get("02")
    quantity = values.get("30") or values.get("37")
    if quantity and not (quantity.value.isascii() and quantity.value.isdigit()):
        return _invalid(
            base, f"the quantity (AI {quantity.ai.ai}) {quantity.value!r} is not a whole number"
        )
    for element in (sscc, gtin):
        if element and not (element.value.isascii() and element.value.isdigit()):
            return _invalid(base, f"AI ({element.ai.ai}) {element.value!r} must be digits 0-9")
    kind = "logistic_unit" if sscc else "product" if gtin else "unknown"
    return replace(
        base,
        kind=kind,
        sscc=sscc.value if sscc else None,
        gtin=gtin.value if gtin else None,
        lot=_value(values, "10"),
        serial=_value(values, "21"),
        expiry=_date(values, "17"),
        best_before=_date(values, "15"),
        quantity=int(quantity.value) if quantity else None,
    )


def _value(values: dict, ai: str) -> str | None:
    element = values.get(ai)
    return element.value if element else None


def _date(values: dict, ai: str) -> str | None:
    element = values.get(ai)
    # biip reads day 00 as the last day of the month, as the GS1 General Specifications say.
    return element.date.isoformat() if element and element.date else None


_CHECK_DIGIT = re.compile(r"Invalid (GTIN|SSCC) check digit for '(\d+)': Expected (\d), got (\d)")


def _friendly_check_digit(message: str) -> str:
    match = _CHECK_DIGIT.search(message)
    if not match:
        return message
    what, number, expected, got = match.groups()
    return f"{what} {number} has a wrong check digit ({got}, expected {expected})"


_DATE = re.compile(r"GS1 AI \((\d+)\) date/time from '(\d+)'")
_PATTERN = re.compile(r"Failed to match '(.*)' with GS1 AI \((\d+)\) pattern", re.S)
_NO_AI = re.compile(r"Failed to get GS1 Application Identifier from '(.*)'", re.S)
_DATE_AIS = {"11": "production date", "13": "packaging date", "15": "best-before date"}
_DATE_AIS |= {"16": "sell-by date", "17": "expiry date", "12": "due date"}


def gs1_error_text(message: str) -> str:
    """Turn a biip parse error into a sentence a person on the floor understands."""
    if match := _DATE.search(message):
        ai, value = match.groups()
        what = _DATE_AIS.get(ai, "date")
        return f"the {what} (AI {ai}) {value!r} is not a real date (YYMMDD): check the label"
    if match := _PATTERN.search(message):
        text, ai = match.groups()
        if ai in _DATE_AIS:
            what = _DATE_AIS[ai]
            return f"the {what} (AI {ai}) in {text!r} is not a real date (YYMMDD): check the label"
        return f"the value of GS1 field (AI {ai}) in {text!r} is malformed or has the wrong length"
    if match := _NO_AI.search(message):
        return (
            f"{match.group(1)!r} does not start with a known GS1 Application Identifier: "
            "the barcode is damaged, or the scanner drops the GS separator (docs/scanners.md)"
        )
    return f"not a valid GS1 barcode: {message}"
