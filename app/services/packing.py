"""The packer's steps at the station, as a pure state machine: scan items into the carton, get a
verdict, close cartons, finish the order. No I/O: every step returns the facts (events with a
UUID, the packer, the station and the order) that the caller makes durable through
`PackingBackend.record` before it tells the packer "OK". Runs on the UI thread (it is quick: a
dictionary lookup per scan) and is driven by `ui.packer`.

Verdict reasons (the UI words them): packed, scan_serial, wrong_item, extra_item,
serial_shipped, serial_repeated, serial_expected, serial_invalid, serial_one_by_one,
not_a_product, invalid_scan, count_too_many, bad_count, undone, serial_cancelled,
nothing_to_undo; closing refusals: serial_missing, empty_carton, lines_open,
weight_out_of_tolerance, typed_weight, bad_weight.

The checks hold wherever the session runs (central or an offline station): an item is packed by
a scan of its barcode; only a product marked `no_barcode` in the product master is packed by a
typed count (never more than its line still needs; recorded `confirmed_by: typed_no_barcode`);
a unit of a serial-required product is packed only with its serial; a carton whose weight is
outside the tolerance, or whose weight was typed on a station that has a scale, closes only
after a lead's override for exactly that carton and weight (`override_weight`). Closing again
changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from app.domain.events import Actor, Event
from app.domain.packing import (
    CartonLoad,
    PackageType,
    PackLine,
    PackOrderView,
    ShipmentNumbers,
    WeightCheck,
    WeightVerdict,
    expected_weight_kg,
    suggest_carton,
)
from app.domain.users import User
from app.errors import IllegalTransition
from app.messages import message
from app.scanning.interpret import Scan
from app.scanning.symbology import split_symbology
from app.services.packing_steps import (
    AwaitedSerial,
    CartonItem,
    ClosedCarton,
    Verdict,
    typed_count,
)

WEIGHT_SOURCES = ("scale", "typed")
MAX_SERIAL_LENGTH = 40  # GS1 AI 21 allows 20; makers' own serial labels run a little longer
# Scans that are never a serial, even while the screen waits for one: our own codes and SSCCs.
NOT_A_SERIAL = ("location", "tote", "badge", "command", "logistic_unit")
# A scan the interpreter found malformed may still be a plain serial (digits with no valid check
# digit, say), but not a broken GS1 string: those have brackets or separators in them.
SERIAL_TEXT = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_./]*")


@dataclass
class PackingSession:
    order: PackOrderView
    actor: Actor
    weight_check: WeightCheck | None = None  # None: the site's, as the order's view carries it
    has_scale: bool = False  # a scale is configured here: a typed weight needs a lead

    def __post_init__(self) -> None:
        self.weight_check = self.weight_check or self.order.weight_check
        self.packed = {line.line_id: line.packed for line in self.order.lines}
        self.carton = self.order.cartons_closed + 1
        self.carton_items: list[CartonItem] = []
        self.serials = set(self.order.shipped_serials)
        self.override: Event | None = None  # a lead let the order close with open lines
        self.weight_override: Event | None = None  # ... or this carton close at this weight
        self.awaiting_serial: AwaitedSerial | None = None
        self.finished = False
        self.closed: list[ClosedCarton] = []
        self._lines_by_gtin: dict[str, list[PackLine]] = defaultdict(list)
        for line in self.order.lines:
            for gtin in line.gtins:
                self._lines_by_gtin[gtin].append(line)

    # ---- what the screen shows ------------------------------------------------------------
    def remaining(self, line: PackLine) -> int:
        return max(line.expected - self.packed[line.line_id], 0)

    def open_lines(self) -> list[PackLine]:
        return [line for line in self.order.lines if self.remaining(line)]

    def carton_units(self) -> list[tuple[float, int]]:
        weights = {line.line_id: line.unit_weight_kg for line in self.order.lines}
        return [(weights[item.line_id], item.quantity) for item in self.carton_items]

    def expected_kg(self, package_type: PackageType) -> float:
        return expected_weight_kg(self.carton_units(), package_type.tare_kg)

    def suggested_carton(self) -> PackageType | None:
        """Smallest carton for what is left to pack plus what is in the carton already."""
        inside: dict[int, int] = defaultdict(int)
        for item in self.carton_items:
            inside[item.line_id] += item.quantity
        loads = [
            CartonLoad(
                self.remaining(line) + inside[line.line_id], line.unit_weight_kg, line.dimensions_cm
            )
            for line in self.order.lines
        ]
        return suggest_carton(self.order.package_types, loads)

    def can_finish(self) -> bool:
        return not self.open_lines() or self.override is not None

    # ---- steps ----------------------------------------------------------------------------
    def started(self) -> Event:
        return self._fact("pack.started", {"tote": self.order.tote, "flags": self.order.flags})

    def no_barcode_line(self) -> PackLine | None:
        """The line a typed count goes to: the first open line of a product without a barcode
        (the screen names it: "No barcode: type the count of …")."""
        return next((line for line in self.open_lines() if line.no_barcode), None)

    def scan_item(self, scan: Scan) -> Verdict:
        if self.awaiting_serial is not None:
            return self._serial_scan(scan, self.awaiting_serial)
        count = typed_count(scan)
        if count is not None:
            return self.type_count(count, scan)
        if scan.kind == "invalid":
            return self._refuse("invalid_scan", scan, detail=scan.error or "")
        if scan.kind != "product" or not scan.gtin:
            return self._refuse("not_a_product", scan, detail=scan.raw)
        lines = self._lines_by_gtin.get(scan.gtin)
        if not lines:
            return self._refuse("wrong_item", scan, detail=scan.gtin)
        quantity = scan.quantity or 1
        line = next((ln for ln in lines if self.remaining(ln) >= quantity), None)
        if line is None:
            return self._refuse("extra_item", scan, lines[0], detail=scan.gtin)
        if line.serial_required and quantity > 1:
            return self._refuse("serial_one_by_one", scan, line, detail=scan.gtin)
        if line.serial_required and not scan.serial:
            self.awaiting_serial = AwaitedSerial(line, scan.gtin, scan.raw)
            return Verdict(True, "scan_serial", line, 0, detail=scan.gtin)
        return self._pack(line, quantity, scan.gtin, scan.serial, scan.raw, scan)

    def type_count(self, count: int, scan: Scan) -> Verdict:
        """A typed count (+ Enter) packs that many of the open line without a barcode, never
        more than it still needs. A product with a barcode is never typed in: it is scanned."""
        line = self.no_barcode_line()
        if line is None:
            done = [ln for ln in self.order.lines if ln.no_barcode]
            if done:  # counted in full already
                return self._refuse("extra_item", scan, done[-1], detail=scan.raw)
            return self._refuse("not_a_product", scan, detail=scan.raw)
        if count < 1:
            return self._refuse("bad_count", scan, line, detail=str(count))
        if count > self.remaining(line):
            verdict = self._refuse("count_too_many", scan, line, detail=str(count))
            return replace(verdict, quantity=self.remaining(line))
        if line.serial_required and count > 1:
            return self._refuse("serial_one_by_one", scan, line, detail=str(count))
        if line.serial_required:
            self.awaiting_serial = AwaitedSerial(line, "", scan.raw, typed=True)
            return Verdict(True, "scan_serial", line, 0)
        return self._pack(line, count, "", None, scan.raw, scan, typed=True)

    def _serial_scan(self, scan: Scan, awaited: AwaitedSerial) -> Verdict:
        """The scan after a serial-required item: its serial (a GS1 AI 21 alone, the item's GS1
        barcode with AI 21, or the maker's own serial label, read as it is)."""
        text = split_symbology(scan.raw.strip())[1].strip()
        if scan.kind == "product" and scan.serial and scan.gtin in awaited.line.gtins:
            serial = scan.serial
        elif scan.kind == "product" and (scan.serial or scan.gtin in self._lines_by_gtin):
            # The item again, another item of the order, or another product's own serial.
            return self._refuse("serial_expected", scan, awaited.line, detail=scan.gtin)
        elif scan.kind in NOT_A_SERIAL:
            return self._refuse("serial_expected", scan, awaited.line, detail=scan.raw)
        elif scan.kind == "invalid" and not SERIAL_TEXT.fullmatch(text):
            return self._refuse("invalid_scan", scan, awaited.line, detail=scan.error or "")
        else:  # a maker's S/N label, a GS1 (21) alone, or digits that are no valid GTIN
            serial = scan.serial or text
        if not _plausible_serial(serial):
            return self._refuse("serial_invalid", scan, awaited.line, detail=serial[:60])
        raw = f"{awaited.raw} + {scan.raw}"
        verdict = self._pack(awaited.line, 1, awaited.gtin, serial, raw, scan, awaited.typed)
        if verdict.reason == "packed":
            self.awaiting_serial = None
        return verdict

    def _pack(self, line, quantity, gtin, serial, raw, scan, typed=False) -> Verdict:
        if serial:
            if (line.sku, serial) in self.order.shipped_serials:
                return self._refuse("serial_shipped", scan, line, detail=serial)
            if (line.sku, serial) in self.serials:
                return self._refuse("serial_repeated", scan, line, detail=serial)
            self.serials.add((line.sku, serial))
        self.packed[line.line_id] += quantity
        self.carton_items.append(CartonItem(line.line_id, line.sku, quantity, serial))
        fact = self._fact(
            "pack.item",
            {
                "line_id": line.line_id,
                "sku": line.sku,
                "gtin": gtin,
                "quantity": quantity,
                "serial": serial,
                "carton": self.carton,
                "raw": raw,
                # How the unit was checked in, as a pick records it (docs/packing.md).
                "item_scanned": not typed,
                "no_barcode": line.no_barcode,
                "confirmed_by": "typed_no_barcode" if typed else "scan",
            },
        )
        return Verdict(True, "packed", line, quantity, facts=(fact,))

    def undo_last(self) -> Verdict:
        """Take the last item out of the carton again (C:UNDO); an item still waiting for its
        serial is simply put aside (it was never packed)."""
        if self.awaiting_serial is not None:
            line, self.awaiting_serial = self.awaiting_serial.line, None
            return Verdict(True, "serial_cancelled", line, 1)
        if not self.carton_items:
            return Verdict(False, "nothing_to_undo")
        item = self.carton_items.pop()
        self.packed[item.line_id] -= item.quantity
        self.serials.discard((item.sku, item.serial))
        line = next(ln for ln in self.order.lines if ln.line_id == item.line_id)
        payload = {"line_id": item.line_id, "sku": item.sku, "quantity": item.quantity}
        fact = self._fact("pack.undone", payload | {"serial": item.serial, "carton": self.carton})
        return Verdict(True, "undone", line, item.quantity, facts=(fact,))

    def override_by(self, lead: User, reason: str) -> Event:
        """A lead lets the order close with lines still open (badge + PIN checked by the caller
        through `PackingBackend.authenticate_lead`)."""
        open_lines = [
            {"line_id": ln.line_id, "sku": ln.sku, "missing": self.remaining(ln)}
            for ln in self.open_lines()
        ]
        self.override = self._override(lead, reason, "open_lines", {"open_lines": open_lines})
        return self.override

    def override_weight(
        self, lead: User, reason: str, package_type: PackageType, weight_kg: float, source: str
    ) -> Event:
        """A lead lets this carton close at this weight although it is outside the tolerance or
        was typed on a station with a scale. Valid for this carton, contents and weight only:
        another weight or another item in the carton needs the lead again."""
        verdict = self.check_weight(package_type, weight_kg)
        details = self._weighing(package_type, weight_kg, source) | {
            "problems": self.weight_problems(package_type, weight_kg, source),
            "allowed_kg": round(verdict.allowed_kg, 3),
            "difference_kg": round(verdict.difference_kg, 3),
        }
        self.weight_override = self._override(lead, reason, "weight", details)
        return self.weight_override

    def check_weight(self, package_type: PackageType, weight_kg: float) -> WeightVerdict:
        return (self.weight_check or self.order.weight_check).check(
            self.expected_kg(package_type), weight_kg
        )

    def weight_problems(self, package_type: PackageType, weight_kg: float, source: str):
        """What a lead must allow before this carton closes at this weight: "out_of_tolerance",
        "typed_weight" (a scale is there; typing is only for a station without one)."""
        problems = []
        if not self.check_weight(package_type, weight_kg).ok:
            problems.append("out_of_tolerance")
        if source == "typed" and self.has_scale:
            problems.append("typed_weight")
        return problems

    def close_refusal(
        self,
        final: bool,
        package_type: PackageType | None = None,
        weight_kg: float | None = None,
        source: str = "scale",
    ) -> str | None:
        """Why the carton cannot close now, or None. Without a carton type and weight only the
        contents are checked (the screen asks for the weight next)."""
        if self.awaiting_serial is not None:
            return "serial_missing"
        if not self.carton_items:
            return "empty_carton"
        if final and not self.can_finish():
            return "lines_open"
        if package_type is None or weight_kg is None:
            return None
        if source not in WEIGHT_SOURCES or not 0 < weight_kg < 1000:
            return "bad_weight"
        problems = self.weight_problems(package_type, weight_kg, source)
        if not problems or self._weight_allowed(package_type, weight_kg, source, problems):
            return None
        return "weight_out_of_tolerance" if "out_of_tolerance" in problems else "typed_weight"

    def close_carton(
        self,
        package_type: PackageType,
        weight_kg: float,
        weight_source: str,
        numbers: ShipmentNumbers,
        final: bool,
    ) -> ClosedCarton:
        """Seal the carton being filled. Not final (another carton follows) unless nothing is
        left to pack; final with open lines only after a lead's override; outside the weight
        tolerance, or typed on a station with a scale, only after a lead's weight override."""
        final = final or not self.open_lines()
        refusal = self.close_refusal(final, package_type, weight_kg, weight_source)
        if refusal:
            raise IllegalTransition(refusal)
        verdict = self.check_weight(package_type, weight_kg)
        items = list(self.carton_items)
        payload = self._closed_payload(package_type, weight_kg, weight_source, numbers, final)
        payload |= {"expected_kg": verdict.expected_kg, "weight_ok": verdict.ok}
        fact = self._fact("package.closed", payload)
        closed = ClosedCarton(
            self.carton, payload["count"], final, package_type, weight_kg, verdict,
            numbers, items, fact,
        )  # fmt: skip
        self.closed.append(closed)
        self.carton += 1
        self.carton_items = []
        self.weight_override = None
        self.finished = final
        return closed

    # ---- helpers --------------------------------------------------------------------------
    def _closed_payload(self, package_type, weight_kg, weight_source, numbers, final) -> dict:
        return {
            "carton": self.carton,
            "count": self.carton if final else self.carton + 1,
            "final": final,
            "package_type": package_type.code,
            "weight_kg": round(weight_kg, 3),
            "weight_source": weight_source,
            "tracking_number": numbers.tracking_number,
            "sscc": numbers.sscc,
            "carrier": self.order.carrier,
            "items": [item.__dict__ for item in self.carton_items],
            "override": self.override.uuid if (final and self.override) else None,
            "weight_override": self.weight_override.uuid if self.weight_override else None,
        }

    def _override(self, lead: User, reason: str, scope: str, details: dict) -> Event:
        if not reason.strip():
            raise IllegalTransition(message("pack.override_needs_reason"))
        payload = {"scope": scope, "lead": lead.name, "reason": reason.strip()} | details
        return self._fact("pack.override", payload)

    def _weighing(self, package_type: PackageType, weight_kg: float, source: str) -> dict:
        """What a weight override is bound to: this carton, its contents and this weight."""
        return {
            "carton": self.carton,
            "package_type": package_type.code,
            "weight_kg": round(weight_kg, 3),
            "expected_kg": self.expected_kg(package_type),
            "weight_source": source,
            "units": sum(item.quantity for item in self.carton_items),
        }

    def _weight_allowed(self, package_type, weight_kg, source, problems) -> bool:
        if self.weight_override is None:
            return False
        allowed = self.weight_override.payload
        now = self._weighing(package_type, weight_kg, source)
        # An item in or out changes the units and the expected weight: the lead allowed other
        # contents, so asks again.
        keys = ("carton", "package_type", "weight_kg", "expected_kg", "units")
        same = all(allowed[key] == now[key] for key in keys)
        return same and set(problems) <= set(allowed["problems"])

    def _refuse(self, reason: str, scan: Scan, line: PackLine | None = None, detail="") -> Verdict:
        payload = {"reason": reason, "raw": scan.raw, "gtin": scan.gtin, "serial": scan.serial}
        fact = self._fact("pack.refused", payload | {"carton": self.carton})
        return Verdict(False, reason, line, 0, detail, (fact,))

    def _fact(self, kind: str, payload: dict) -> Event:
        return Event(kind, payload, self.actor, self.order.order_ref)


def _plausible_serial(serial: str) -> bool:
    """A serial as printed on a label: 1 to 40 visible characters, no spaces or control codes."""
    return 0 < len(serial) <= MAX_SERIAL_LENGTH and serial.isprintable() and " " not in serial
