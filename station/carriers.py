"""A packing station's carriers (docs/carriers.md): one `CarrierLabels` per carrier whose site
settings say `label_source: api`, its API key read here (the environment variable named in the
settings, else the file), never logged; the durable list of cartons awaiting their label and
the retrier thread that buys and prints them by itself.

Own-series carriers keep packing's own path (app/services/carton_close.py): no adapter.
Adapters are made on the worker thread when a carton of that carrier first closes, and made
again when the carrier's settings change.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from threading import Lock

from app.domain.site import Carrier, CarrierApi, SiteSettings
from app.errors import BadInput
from app.messages import message
from app.services.carrier_labels import CarrierDesk, CarrierPrinter, buy_awaited
from app.services.ports import PackingBackend
from app.services.ports.carriers import AwaitedLabel, CarrierLabels
from carriers.api import DEFAULT_TIMEOUT_S, ApiCarrier
from carriers.awaiting import BACKOFF_S, AwaitedLabelFolder, LabelRetrier
from carriers.web import JsonWeb

AWAITING_FOLDER = "awaiting-labels"  # in the station's spool folder


def api_key(carrier: str, api: CarrierApi, environ: Mapping[str, str]) -> str:
    """The key from the environment variable, else the file; BadInput saying where to put it."""
    if api.api_key_env and environ.get(api.api_key_env, "").strip():
        return environ[api.api_key_env].strip()
    if api.api_key_file:
        try:
            key = Path(api.api_key_file).read_text(encoding="utf-8").strip()
        except OSError:
            key = ""
        if key:
            return key
    where = " or ".join(w for w in (api.api_key_env, api.api_key_file) if w)
    raise BadInput(message("carrier.no_api_key", carrier=carrier, where=where))


class CarrierAdapters:
    """carrier → its `ApiCarrier`, kept while its settings stay the same (worker thread)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self.environ = os.environ if environ is None else environ
        self._made: dict[str, tuple[CarrierApi, ApiCarrier]] = {}
        self._lock = Lock()  # the worker and the retrier ask

    def __call__(self, carrier: Carrier) -> CarrierLabels:
        api = carrier.api
        if api is None:  # parse_site refuses label_source api without api
            raise BadInput(message("carrier.no_api_key", carrier=carrier.code, where="api"))
        with self._lock:
            made = self._made.get(carrier.code)
            if made is None or made[0] != api:
                timeout = api.timeout_s or DEFAULT_TIMEOUT_S
                web = JsonWeb(carrier.code, api.base_url, api_key(carrier.code, api, self.environ),
                              timeout)  # fmt: skip
                made = (api, ApiCarrier(carrier.code, web, api.carrier_accounts))
                self._made[carrier.code] = made
            return made[1]


class StationCarriers:
    """The desk a packer home closes cartons with, and the retrier behind it. The retrier starts
    with the station's printer (the first packer) and stops with the station."""

    def __init__(
        self,
        backend: PackingBackend,
        spool: Path,
        environ: Mapping[str, str] | None = None,
        backoff: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        self.backend = backend
        self.awaited = AwaitedLabelFolder(Path(spool) / AWAITING_FOLDER)
        self.desk = CarrierDesk(self._site, CarrierAdapters(environ), self.awaited)
        self.printer: CarrierPrinter | None = None
        self.retrier = LabelRetrier(self.awaited, self._attempt, backoff=backoff)
        self.desk.wake = self.retrier.wake

    def _site(self) -> SiteSettings:
        return self.backend.settings().site()  # type: ignore[attr-defined]

    def start(self, printer: CarrierPrinter) -> None:
        """Worker or UI thread, once the printer runs: retries what a restart left waiting."""
        if self.printer is None:
            self.printer = printer
            self.retrier.start()

    def _attempt(self, awaited: AwaitedLabel) -> str:
        assert self.printer is not None
        return buy_awaited(self.desk, self.printer, self.backend.record, awaited).tracking_number

    @property
    def listeners(self) -> list[Callable]:
        return self.retrier.listeners

    def stop(self) -> None:
        self.retrier.stop()
