"""A site's settings (`shipshape.site/1`): who ships, from where, under which GS1 company prefix,
and with which carriers — their services, daily cut-offs and tracking-number schemes.

`parse_site(document)` checks every field of a settings document and returns `SiteSettings`, or
raises `FieldProblem` naming the first bad field (`carriers[1].tracking.digits`), so a file is
taken whole or not at all. `SiteSettings.document()` is the same JSON back. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.domain.fields import FieldProblem, finite_number, shown, text, whole_number
from app.domain.gs1 import check_digit

FORMAT = "shipshape.site/1"
LANGUAGES = ("en", "zh_CN")
CHECKS = ("mod10", "s10", "none")
PREFIX_DIGITS = (7, 10)  # a GS1 company prefix; the SSCC serial takes the rest of 16 digits
LOW_FLOOR = 500  # numbers: about a day of cartons at a small site
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_CODE = re.compile(r"[A-Z0-9][A-Z0-9_\-]{0,19}")
_AFFIX = re.compile(r"[A-Z0-9]{0,10}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_COUNTRY = re.compile(r"[A-Z]{2}")
ADDRESS_FIELDS = {  # key → (limit, required)
    "name": (100, True),
    "company": (100, False),
    "street1": (100, True),
    "street2": (100, False),
    "city": (60, True),
    "region": (60, False),
    "postal_code": (20, True),
    "country": (2, True),
    "phone": (30, False),
}
TOP_KEYS = (
    "format",
    "name",
    "ship_from",
    "gs1_company_prefix",
    "sscc_serial",
    "language",
    "carriers",
    "auto_transfers",
)
CARRIER_KEYS = ("code", "name", "services", "cutoffs", "tracking", "label_source", "api")
LABEL_SOURCES = ("own", "api")  # our series and our label | a carrier API sells the label
API_KEYS = ("base_url", "api_key_env", "api_key_file", "carrier_accounts", "timeout_s")
_URL = re.compile(r"https?://[^\s/]+(/\S*)?")
_ENV = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")
TRACKING_KEYS = ("prefix", "digits", "check", "suffix", "next", "last")


@dataclass(frozen=True)
class NumberRange:
    next: int  # the next number to hand out
    last: int  # the last one there is: running out is refused loudly, never wrapped

    @property
    def left(self) -> int:
        return max(self.last - self.next + 1, 0)


def runs_low(first: int, next_: int, last: int) -> bool:
    """Time to ask for a new range: under 5 % of the range set (`first`..`last`) is left, or
    fewer than LOW_FLOOR numbers."""
    left = max(last - next_ + 1, 0)
    return left < max(LOW_FLOOR, (last - first + 1) // 20)


@dataclass(frozen=True)
class TrackingScheme:
    """How a carrier's tracking numbers read: prefix + number (zero-padded to `digits`) + check
    digit + suffix. `s10` is the UPU S10 (2 letters, 8 digits, mod-11 check, 2-letter country)."""

    prefix: str
    digits: int
    check: str  # mod10 | s10 | none
    suffix: str
    range: NumberRange

    def number(self, n: int) -> str:
        body = str(n).zfill(self.digits)
        return f"{self.prefix}{body}{check_character(self.check, body)}{self.suffix}"

    @property
    def length(self) -> int:
        return len(self.prefix) + self.digits + (self.check != "none") + len(self.suffix)


@dataclass(frozen=True)
class CarrierApi:
    """Where a carrier's label API is and where the station reads its key (never the key)."""

    base_url: str
    api_key_env: str = ""  # an environment variable on the station …
    api_key_file: str = ""  # … else a file only the station's user can read
    carrier_accounts: tuple[str, ...] = ()
    timeout_s: float | None = None  # None: the adapter's default


@dataclass(frozen=True)
class Carrier:
    code: str  # what a load unit is bound to, and what an order's carrier may name
    name: str
    services: tuple[str, ...]
    cutoffs: tuple[str, ...]  # "HH:MM", site time, earliest first
    tracking: TrackingScheme
    label_source: str = "own"  # "api": a carrier API sells each carton's label (docs/carriers.md)
    api: CarrierApi | None = None

    def serves(self, order_carrier: str) -> bool:
        """An order names its carrier by code or by name (case and spaces do not matter)."""
        wanted = " ".join(order_carrier.split()).casefold()
        return wanted in (self.code.casefold(), " ".join(self.name.split()).casefold())


@dataclass(frozen=True)
class SiteSettings:
    name: str
    ship_from: dict[str, str]
    gs1_company_prefix: str
    sscc_serial: NumberRange
    language: str
    carriers: tuple[Carrier, ...]
    # A pick face here with no reserve gets a transfer from another warehouse by itself
    # (app/services/transfer_rule.py); off: the rule only proposes (docs/stock.md).
    auto_transfers: bool = False

    def carrier(self, order_carrier: str) -> Carrier | None:
        """The carrier an order's `carrier` field names, if the site has it."""
        return next((c for c in self.carriers if c.serves(order_carrier)), None)

    def document(self) -> dict[str, Any]:
        """The settings as the `shipshape.site/1` JSON document (there are no secrets in it)."""
        return {
            "format": FORMAT,
            "name": self.name,
            "ship_from": dict(self.ship_from),
            "gs1_company_prefix": self.gs1_company_prefix,
            "sscc_serial": {"next": self.sscc_serial.next, "last": self.sscc_serial.last},
            "language": self.language,
            "carriers": [_carrier_document(c) for c in self.carriers],
        } | ({"auto_transfers": True} if self.auto_transfers else {})


def check_character(check: str, body: str) -> str:
    """The check digit a scheme appends to the zero-padded number `body`."""
    if check == "mod10":
        return check_digit(body)  # the GS1 mod 10, as for GTINs and SSCCs
    if check == "s10":
        total = sum(int(d) * w for d, w in zip(body, S10_WEIGHTS, strict=True))
        digit = 11 - total % 11
        return "0" if digit == 10 else "5" if digit == 11 else str(digit)
    return ""


# ---- reading a document ---------------------------------------------------------------------
def parse_site(document: Any) -> SiteSettings:
    """Every field checked; the first bad one raises FieldProblem naming it."""
    doc = _object(document, "settings", TOP_KEYS)
    if doc.get("format") != FORMAT:
        raise FieldProblem(
            "not_one_of", field="format", value=shown(doc.get("format")), accepted=FORMAT
        )
    prefix = text(doc.get("gs1_company_prefix"), "gs1_company_prefix", 10, required=True)
    if not (prefix.isascii() and prefix.isdigit() and PREFIX_DIGITS[0] <= len(prefix) <= 10):
        raise FieldProblem(
            "not_digits",
            field="gs1_company_prefix",
            value=shown(prefix),
            minimum=PREFIX_DIGITS[0],
            maximum=PREFIX_DIGITS[1],
        )
    language = doc.get("language", "en")
    if language not in LANGUAGES:
        raise FieldProblem(
            "not_one_of", field="language", value=shown(language), accepted=" | ".join(LANGUAGES)
        )
    carriers = _list(doc.get("carriers"), "carriers", minimum=1)
    settings = SiteSettings(
        name=text(doc.get("name"), "name", 100, required=True),
        ship_from=_address(doc.get("ship_from"), "ship_from"),
        gs1_company_prefix=prefix,
        sscc_serial=_range(doc.get("sscc_serial"), "sscc_serial", 16 - len(prefix)),
        language=language,
        carriers=tuple(_carrier(c, f"carriers[{i}]") for i, c in enumerate(carriers)),
        auto_transfers=_flag(doc, "auto_transfers"),
    )
    _no_two_alike(settings.carriers)
    return settings


def _flag(doc: dict, field: str) -> bool:
    """An optional switch, off when absent: JSON true or false, not "yes" nor 1."""
    value = doc.get(field, False)
    if not isinstance(value, bool):
        raise FieldProblem("not_one_of", field=field, value=shown(value), accepted="true | false")
    return value


def _carrier(value: Any, field: str) -> Carrier:
    doc = _object(value, field, CARRIER_KEYS)
    code = text(doc.get("code"), f"{field}.code", 20, required=True).upper()
    if not _CODE.fullmatch(code):
        raise FieldProblem("bad_code", field=f"{field}.code", value=shown(code))
    services = _strings(doc.get("services"), f"{field}.services", 60)
    cutoffs = _strings(doc.get("cutoffs"), f"{field}.cutoffs", 5)
    for n, cutoff in enumerate(cutoffs):
        if not _TIME.fullmatch(cutoff):
            raise FieldProblem("not_time", field=f"{field}.cutoffs[{n}]", value=shown(cutoff))
    return Carrier(
        code=code,
        name=text(doc.get("name"), f"{field}.name", 60, required=True),
        services=tuple(services),
        cutoffs=tuple(sorted(cutoffs)),
        tracking=_tracking(doc.get("tracking"), f"{field}.tracking"),
        **_label_source(doc, field),
    )


def _label_source(doc: dict, field: str) -> dict[str, Any]:
    source = doc.get("label_source", "own")
    if source not in LABEL_SOURCES:
        raise FieldProblem("not_one_of", field=f"{field}.label_source", value=shown(source),
                           accepted=" | ".join(LABEL_SOURCES))  # fmt: skip
    api = None if doc.get("api") is None else _api(doc["api"], f"{field}.api")
    if source == "api" and api is None:
        raise FieldProblem("not_object", field=f"{field}.api", found="nothing")
    return {"label_source": source, "api": api}


def _api(value: Any, field: str) -> CarrierApi:
    doc = _object(value, field, API_KEYS)
    base_url = text(doc.get("base_url"), f"{field}.base_url", 200, required=True)
    if not _URL.fullmatch(base_url):
        raise FieldProblem("not_url", field=f"{field}.base_url", value=shown(base_url))
    env = text(doc.get("api_key_env"), f"{field}.api_key_env", 100)
    if env and not _ENV.fullmatch(env):
        raise FieldProblem("bad_code", field=f"{field}.api_key_env", value=shown(env))
    key_file = text(doc.get("api_key_file"), f"{field}.api_key_file", 300)
    if not env and not key_file:
        raise FieldProblem("empty", field=f"{field}.api_key_env")
    accounts = doc.get("carrier_accounts")
    timeout = doc.get("timeout_s")
    return CarrierApi(
        base_url=base_url,
        api_key_env=env,
        api_key_file=key_file,
        carrier_accounts=tuple(_strings(accounts, f"{field}.carrier_accounts", 100))
        if accounts is not None
        else (),
        timeout_s=None
        if timeout is None
        else finite_number(timeout, f"{field}.timeout_s", 0.5, 60),
    )


def _tracking(value: Any, field: str) -> TrackingScheme:
    doc = _object(value, field, TRACKING_KEYS)
    check = doc.get("check", "mod10")
    if check not in CHECKS:
        raise FieldProblem(
            "not_one_of", field=f"{field}.check", value=shown(check), accepted=" | ".join(CHECKS)
        )
    prefix = text(doc.get("prefix"), f"{field}.prefix", 10).upper()
    suffix = text(doc.get("suffix"), f"{field}.suffix", 10).upper()
    for name, affix in (("prefix", prefix), ("suffix", suffix)):
        if not _AFFIX.fullmatch(affix):
            raise FieldProblem("bad_code", field=f"{field}.{name}", value=shown(affix))
    digits = whole_number(doc.get("digits"), f"{field}.digits", 4, 20)
    if check == "s10":
        _s10_shape(field, prefix, digits, suffix)
    return TrackingScheme(prefix, digits, check, suffix, _range(doc, field, digits))


def _s10_shape(field: str, prefix: str, digits: int, suffix: str) -> None:
    """UPU S10: two service letters, eight digits (+ the check digit), a country code."""
    if not re.fullmatch(r"[A-Z]{2}", prefix):
        raise FieldProblem("s10_shape", field=f"{field}.prefix", value=shown(prefix))
    if digits != 8:
        raise FieldProblem("s10_shape", field=f"{field}.digits", value=shown(digits))
    if not _COUNTRY.fullmatch(suffix):
        raise FieldProblem("s10_shape", field=f"{field}.suffix", value=shown(suffix))


def _range(value: Any, field: str, digits: int) -> NumberRange:
    if not isinstance(value, dict):
        raise FieldProblem("not_object", field=field, found=type(value).__name__)
    top = 10**digits - 1
    first = whole_number(value.get("next"), f"{field}.next", 1, top)
    last = whole_number(value.get("last"), f"{field}.last", first, top)
    return NumberRange(first, last)


def _address(value: Any, field: str) -> dict[str, str]:
    doc = _object(value, field, tuple(ADDRESS_FIELDS))
    address = {}
    for key, (limit, required) in ADDRESS_FIELDS.items():
        address[key] = text(doc.get(key), f"{field}.{key}", limit, required=required)
    address["country"] = address["country"].upper()
    if not _COUNTRY.fullmatch(address["country"]):
        raise FieldProblem("not_country", field=f"{field}.country", value=shown(doc["country"]))
    return {key: value for key, value in address.items() if value}


def _no_two_alike(carriers: tuple[Carrier, ...]) -> None:
    """No two carriers share a code or a name, and no two tracking ranges can make the same
    number (a scanned tracking number must name one parcel of one carrier)."""
    for i, carrier in enumerate(carriers):
        for j, other in enumerate(carriers[:i]):
            field = f"carriers[{i}]"
            if carrier.code == other.code or carrier.serves(other.name):
                same = "code" if carrier.code == other.code else "name"
                raise FieldProblem(
                    "duplicate",
                    field=f"{field}.{same}",
                    value=shown(getattr(carrier, same)),
                    other=f"carriers[{j}]",
                )
            if tracking_overlap(carrier.tracking, other.tracking):
                raise FieldProblem(
                    "range_overlap", field=f"{field}.tracking", other=f"carriers[{j}].tracking"
                )


def tracking_overlap(a: TrackingScheme, b: TrackingScheme) -> bool:
    """Whether two schemes can produce the same text. Same length and suffix; one prefix is the
    other followed by digits `d` — then a number n of the longer prefix reads like the number
    d·10^digits + n of the shorter one (check digits aside, which may well agree too)."""
    if a.length != b.length or a.suffix != b.suffix:
        return False
    short, long_ = (a, b) if len(a.prefix) <= len(b.prefix) else (b, a)
    extra = long_.prefix[len(short.prefix) :]
    if not long_.prefix.startswith(short.prefix) or not (extra == "" or extra.isdigit()):
        return False
    if (short.check == "none") != (long_.check == "none"):
        return False
    shift = int(extra) * 10**long_.digits if extra else 0
    low, high = long_.range.next + shift, long_.range.last + shift
    return low <= short.range.last and short.range.next <= high


# ---- small readers ----------------------------------------------------------------------------
def _object(value: Any, field: str, keys: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise FieldProblem("not_object", field=field, found=type(value).__name__)
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise FieldProblem("unknown_key", field=f"{field}.{unknown[0]}", accepted=", ".join(keys))
    return value


def _list(value: Any, field: str, minimum: int = 0) -> list:
    if not isinstance(value, list) or len(value) < minimum:
        raise FieldProblem("not_list", field=field, minimum=minimum)
    return value


def _strings(value: Any, field: str, limit: int) -> list[str]:
    items = [
        text(v, f"{field}[{n}]", limit, required=True) for n, v in enumerate(_list(value, field, 1))
    ]
    for n, item in enumerate(items):
        if item in items[:n]:
            raise FieldProblem(
                "duplicate",
                field=f"{field}[{n}]",
                value=shown(item),
                other=f"{field}[{items.index(item)}]",
            )
    return items


def _carrier_document(carrier: Carrier) -> dict[str, Any]:
    scheme = carrier.tracking
    document: dict[str, Any] = {
        "code": carrier.code,
        "name": carrier.name,
        "services": list(carrier.services),
        "cutoffs": list(carrier.cutoffs),
        "tracking": {
            "prefix": scheme.prefix,
            "digits": scheme.digits,
            "check": scheme.check,
            "suffix": scheme.suffix,
            "next": scheme.range.next,
            "last": scheme.range.last,
        },
    }
    if carrier.label_source != "own":
        document["label_source"] = carrier.label_source
    if carrier.api is not None:  # where the key is read, never the key itself
        api = carrier.api
        fields: dict[str, Any] = {"base_url": api.base_url, "api_key_env": api.api_key_env,
                                  "api_key_file": api.api_key_file,
                                  "carrier_accounts": list(api.carrier_accounts),
                                  "timeout_s": api.timeout_s}  # fmt: skip
        document["api"] = {key: value for key, value in fields.items() if value}
    return document
