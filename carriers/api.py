"""The carrier-API adapter: `CarrierLabels` over a multi-carrier label API in the EasyPost
shape (docs/carriers.md):

    GET  /shipments/{reference}    the shipment made with our reference, 404 when none
    POST /shipments                {"shipment": {reference, from_address, to_address, parcel,
                                    options: {label_format}}} → its rates
    POST /shipments/{id}/buy       {"rate": {"id"}} + Idempotency-Key → tracking_code and
                                    postage_label (label_zpl_url / label_pdf_url / label_url)

Bought once: every buy is preceded by a look-up of the reference, so a station that lost an
answer (a cut connection, a timeout after the carrier recorded the purchase) gets the shipment
already bought instead of buying a second one; the shipment carries the reference and the buy
the `Idempotency-Key`, for a carrier that de-duplicates by itself too. Units follow EasyPost:
inches and ounces.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app.errors import BadInput, CarrierRefused, CarrierUnavailable
from app.services.ports.carriers import CarrierLabel, LabelFormat, LabelRequest, Purchase
from carriers.web import JsonWeb

KG_TO_OZ = 35.27396195
CM_TO_IN = 1 / 2.54
DEFAULT_TIMEOUT_S = 4.0  # per connect / read: the packer's label is due in ≤ 3 s at p95
ADDRESS_KEYS = {  # ours → EasyPost's
    "name": "name", "company": "company", "street1": "street1", "street2": "street2",
    "city": "city", "region": "state", "postal_code": "zip", "country": "country",
    "phone": "phone", "email": "email",
}  # fmt: skip


@dataclass(frozen=True)
class ApiSettings:
    """A site's `api` settings for one carrier (docs/carriers.md). The key itself is never in
    the settings: only where to read it (an environment variable, or a file only we can read)."""

    base_url: str
    api_key_env: str = ""
    api_key_file: str = ""
    carrier_accounts: tuple[str, ...] = ()
    timeout_s: float = DEFAULT_TIMEOUT_S

    def api_key(self, environ: dict[str, str] | None = None) -> str:
        environ = dict(os.environ) if environ is None else environ
        if self.api_key_env and environ.get(self.api_key_env, "").strip():
            return environ[self.api_key_env].strip()
        if self.api_key_file:
            try:
                return Path(self.api_key_file).read_text(encoding="utf-8").strip()
            except OSError as error:  # the path is no secret; the key never appears
                raise BadInput(
                    f"carrier API key file {self.api_key_file}: {error.strerror}"
                ) from error
        raise BadInput(f"carrier API key: set {self.api_key_env or 'api_key_env'} or api_key_file")


class ApiCarrier:
    """`CarrierLabels` through a carrier API. One instance per carrier; runs on the station's
    worker thread."""

    def __init__(self, carrier: str, web: JsonWeb, carrier_accounts: tuple[str, ...] = ()) -> None:
        self.carrier = carrier
        self._web = web
        self._accounts = carrier_accounts

    @classmethod
    def from_settings(cls, carrier: str, settings: ApiSettings) -> ApiCarrier:
        web = JsonWeb(carrier, settings.base_url, settings.api_key(), settings.timeout_s)
        return cls(carrier, web, settings.carrier_accounts)

    def buy_label(self, request: LabelRequest, reference: str) -> Purchase:
        shipment = self._shipment(reference)
        if shipment is None or not shipment.get("tracking_code"):
            # created afresh even when an unbought one exists: the carton may have been fixed
            # (address, weight) since a refusal; the carrier hands back a bought one as it is
            shipment = self._create(request, reference)
        if not shipment.get("tracking_code"):
            shipment = self._buy_or_find(shipment, request, reference)
        return self._purchase(shipment, reference, request.label_format)

    def _buy_or_find(self, shipment: dict, request: LabelRequest, reference: str) -> dict:
        """Buy; a refusal because another station bought it meanwhile ("postage exists", on a
        carrier that ignores the Idempotency-Key) is that station's purchase, not a no."""
        try:
            return self._buy(shipment, request, reference)
        except CarrierRefused:
            bought = self._shipment(reference)
            if bought is not None and bought.get("tracking_code"):
                return bought
            raise

    def find_purchase(self, reference: str) -> Purchase | None:
        shipment = self._shipment(reference)
        if shipment is None or not shipment.get("tracking_code"):
            return None
        return self._purchase(shipment, reference, _format_of(shipment))

    # ---- the calls ------------------------------------------------------------------------
    def _shipment(self, reference: str) -> dict | None:
        """The shipment made with this reference (bought or not), None when there is none."""
        answer = self._web.call("GET", f"/shipments/{quote(reference, safe='')}")
        if answer.status == 404:
            return None
        return self._object(answer, "look-up")

    def _create(self, request: LabelRequest, reference: str) -> dict:
        body = {"shipment": shipment_fields(request, reference, self._accounts)}
        answer = self._web.call("POST", "/shipments", body)
        return self._object(answer, "create shipment")

    def _buy(self, shipment: dict, request: LabelRequest, reference: str) -> dict:
        rate = choose_rate(shipment, request)
        if rate is None:
            offered = ", ".join(
                sorted({str(r.get("service")) for r in shipment.get("rates") or []})
            )
            raise CarrierRefused(self.carrier, f"no rate for service {request.service} ({offered})")
        path = f"/shipments/{quote(str(shipment['id']), safe='')}/buy"
        answer = self._web.call(
            "POST", path, {"rate": {"id": rate["id"]}}, {"Idempotency-Key": reference}
        )
        return self._object(answer, "buy")

    def _purchase(self, shipment: dict, reference: str, wanted: LabelFormat) -> Purchase:
        url, got = label_url(shipment, wanted)
        if url is None:  # bought, but the answer lacks the label: ask again later
            raise CarrierUnavailable(self.carrier, f"shipment {shipment.get('id')}: no label URL")
        data = self._web.download(url)
        label = CarrierLabel(got, data)
        return Purchase(reference, str(shipment["tracking_code"]), str(shipment["id"]), label)

    def _object(self, answer: Any, what: str) -> dict:
        if not 200 <= answer.status < 300:
            self._web.fail(answer, what)
        try:
            found = answer.json()
        except ValueError:
            found = None
        if not isinstance(found, dict) or "id" not in found:  # a garbled answer: not a no
            raise CarrierUnavailable(self.carrier, f"{what}: not a shipment")
        return found


# ---- the request, as the API wants it --------------------------------------------------------
def shipment_fields(request: LabelRequest, reference: str, accounts: tuple[str, ...]) -> dict:
    parcel = request.parcel
    fields: dict[str, Any] = {
        "reference": reference,
        "from_address": address(request.ship_from),
        "to_address": address(request.ship_to),
        "parcel": {
            "length": round(parcel.length_cm * CM_TO_IN, 1),
            "width": round(parcel.width_cm * CM_TO_IN, 1),
            "height": round(parcel.height_cm * CM_TO_IN, 1),
            "weight": round(parcel.weight_kg * KG_TO_OZ, 1),
        },
        "options": {
            "label_format": request.label_format.upper(),
            "print_custom_1": f"{request.order_ref} {carton_text(request)}",
        },
        "service": request.service,
    }
    if accounts:
        fields["carrier_accounts"] = list(accounts)
    return fields


def address(ours: dict) -> dict:
    return {theirs: str(ours[key]) for key, theirs in ADDRESS_KEYS.items() if ours.get(key)}


def carton_text(request: LabelRequest) -> str:
    count = request.carton_count if request.carton_count is not None else "?"
    return f"{request.carton_index}/{count}"


def choose_rate(shipment: dict, request: LabelRequest) -> dict | None:
    """The rate of the order's service (names compared without case); the only rate when the
    carrier offers just one."""
    rates = [r for r in shipment.get("rates") or [] if isinstance(r, dict) and r.get("id")]
    wanted = request.service.casefold()
    matching = [r for r in rates if str(r.get("service", "")).casefold() == wanted]
    if matching:
        return matching[0]
    return rates[0] if len(rates) == 1 else None


def label_url(shipment: dict, wanted: LabelFormat) -> tuple[str | None, LabelFormat]:
    """The label file in the wanted format, else the one the shipment has."""
    label = shipment.get("postage_label") or {}
    url = label.get(f"label_{wanted}_url")
    if url:
        return str(url), wanted
    kind = str(label.get("label_file_type", "")).lower()
    got: LabelFormat = "pdf" if "pdf" in kind else "zpl"
    return (str(label["label_url"]) if label.get("label_url") else None), got


def _format_of(shipment: dict) -> LabelFormat:
    options = shipment.get("options") or {}
    return "pdf" if str(options.get("label_format", "")).lower() == "pdf" else "zpl"
