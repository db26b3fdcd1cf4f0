"""Carrier adapters: network I/O to carriers' label APIs, behind `app.services.ports.carriers`.

- `api.ApiCarrier`: a multi-carrier label API in the EasyPost shape (create shipment → buy a
  rate → postage label as ZPL or PDF + tracking code), bought once per idempotency reference.
- `web.JsonWeb`: the few JSON calls it makes, over the standard library with short timeouts.
- `local_server.LocalCarrierServer`: a test double of that API (a small HTTP server in a thread
  with injectable faults) for tests and benches; never used on a real station.

Like db/, devices/ and printing/, this package imports no Qt and no other adapter.
See docs/carriers.md.
"""
