"""Every kind of event the code writes reads as a sentence on the lead's order timeline."""

from __future__ import annotations

import re
from pathlib import Path

from app.domain.fact_kinds import FactKind
from app.domain.orders import OrderStatus
from app.messages import TEMPLATES
from app.services.lead.reports import event_sentence

ROOT = Path(__file__).resolve().parents[2]
KIND = r'"([a-z_]+\.[a-z_]+)"'
# Where a kind is written: Event("kind", …), a station fact helper, an applier, a kind chosen
# in place (`kind = "wave.held" if held else "wave.resumed"`).
WRITES = [
    re.compile(r"Event\(\s*" + KIND),
    re.compile(r"make_fact\(\s*state,\s*" + KIND),
    re.compile(r"_fact\(\s*" + KIND),
    re.compile(r"@applies\(" + KIND),
    re.compile(r"kind = " + KIND + r" if .* else " + KIND),
]


def written_kinds() -> set[str]:
    kinds = {f"order.{status.value}" for status in OrderStatus}  # Order.move_to
    kinds |= {kind.value for kind in FactKind}  # a station's facts, typed (fact_kinds.py)
    # Facts are written in the use cases, the adapters and the carton printer (printing/).
    packages = ("app", "db", "printing", "station")
    for path in [path for package in packages for path in ROOT.glob(f"{package}/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        for pattern in WRITES:
            for found in pattern.findall(text):
                kinds.update([found] if isinstance(found, str) else found)
    return kinds


def test_the_scan_finds_the_kinds_of_every_station():
    kinds = written_kinds()
    assert {"tote.bound", "pick.confirmed", "pack.item", "label.printed", "wave.held"} <= kinds
    assert {"order.received", "order.prioritised", "exception.resolved"} <= kinds


def test_every_written_kind_has_a_sentence():
    missing = sorted(k for k in written_kinds() if f"event.{k}" not in TEMPLATES)
    assert not missing, f"add a sentence to app/event_messages.py for: {missing}"


def test_a_tote_bound_reads_as_a_sentence_not_its_payload():
    payload = {"pick_list_id": 1, "order_ref": 7, "order_id": "SO-1", "tote": "T-9"}
    said = str(event_sentence("tote.bound", payload))
    assert said == "Tote T-9 put on the cart for this order"
    assert "pick_list_id" not in said


def test_a_missing_field_shows_a_dash_and_a_reason_is_kept():
    said = str(event_sentence("order.cancelled", {"from": "released", "reason": "customer"}))
    assert said == "Order cancelled; reason: customer"
    assert (
        str(event_sentence("pick.skipped", {})) == "Stop — skipped: moved to the end of the route"
    )
