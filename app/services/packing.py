"""The packer's steps at the station, as a pure state machine: scan items into the carton, get a
verdict, close cartons, finish the order. No I/O: every step returns the facts (events with a
UUID, the packer, the station and the order) that the caller makes durable through
`PackingBackend.record` before it tells the packer "OK". Runs on the UI thread (it is quick: a
dictionary lookup per scan) and is driven by `ui.packer`.

Verdict reasons (the UI words them): packed, wrong_item, extra_item, serial_shipped,
serial_repeated, not_a_product, invalid_scan; closing: empty_carton, lines_open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from app.domain.events import Actor, Event
from app.domain.packing import (
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


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str
    line: PackLine | None = None
    quantity: int = 0
    detail: str = ""  # the scan's own error text, a serial, a GTIN
    facts: tuple[Event, ...] = ()


@dataclass(frozen=True)
class CartonItem:
    line_id: int
    sku: str
    quantity: int
    serial: str | None = None


@dataclass
class ClosedCarton:
    index: int
    count: int  # the label's "index/count": one more follows unless this carton finished the order
    final: bool
    package_type: PackageType
    weight_kg: float
    weight: WeightVerdict
    numbers: ShipmentNumbers
    items: list[CartonItem]
    fact: Event


@dataclass
class PackingSession:
    order: PackOrderView
    actor: Actor
    weight_check: WeightCheck = field(default_factory=WeightCheck)

    def __post_init__(self) -> None:
        self.packed = {line.line_id: line.packed for line in self.order.lines}
        self.carton = self.order.cartons_closed + 1
        self.carton_items: list[CartonItem] = []
        self.serials = set(self.order.shipped_serials)
        self.override: Event | None = None
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
        weights = {line.line_id: line.unit_weight_kg for line in self.order.lines}
        left = sum(line.unit_weight_kg * self.remaining(line) for line in self.order.lines)
        inside = sum(weights[i.line_id] * i.quantity for i in self.carton_items)
        return suggest_carton(self.order.package_types, left + inside)

    def can_finish(self) -> bool:
        return not self.open_lines() or self.override is not None

    # ---- steps ----------------------------------------------------------------------------
    def started(self) -> Event:
        return self._fact("pack.started", {"tote": self.order.tote, "flags": self.order.flags})

    def scan_item(self, scan: Scan) -> Verdict:
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
        if scan.serial:
            if (line.sku, scan.serial) in self.order.shipped_serials:
                return self._refuse("serial_shipped", scan, line, detail=scan.serial)
            if (line.sku, scan.serial) in self.serials:
                return self._refuse("serial_repeated", scan, line, detail=scan.serial)
            self.serials.add((line.sku, scan.serial))
        self.packed[line.line_id] += quantity
        self.carton_items.append(CartonItem(line.line_id, line.sku, quantity, scan.serial))
        fact = self._fact(
            "pack.item",
            {
                "line_id": line.line_id,
                "sku": line.sku,
                "gtin": scan.gtin,
                "quantity": quantity,
                "serial": scan.serial,
                "carton": self.carton,
                "raw": scan.raw,
            },
        )
        return Verdict(True, "packed", line, quantity, facts=(fact,))

    def undo_last(self) -> Verdict:
        """Take the last item out of the carton again (C:UNDO)."""
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
        if not reason.strip():
            raise IllegalTransition(message("pack.override_needs_reason"))
        open_lines = [
            {"line_id": ln.line_id, "sku": ln.sku, "missing": self.remaining(ln)}
            for ln in self.open_lines()
        ]
        payload = {"lead": lead.name, "reason": reason.strip(), "open_lines": open_lines}
        self.override = self._fact("pack.override", payload)
        return self.override

    def check_weight(self, package_type: PackageType, weight_kg: float) -> WeightVerdict:
        return self.weight_check.check(self.expected_kg(package_type), weight_kg)

    def close_refusal(self, final: bool) -> str | None:
        """Why the carton cannot close now, or None."""
        if not self.carton_items:
            return "empty_carton"
        if final and not self.can_finish():
            return "lines_open"
        return None

    def close_carton(
        self,
        package_type: PackageType,
        weight_kg: float,
        weight_source: str,
        numbers: ShipmentNumbers,
        final: bool,
    ) -> ClosedCarton:
        """Seal the carton being filled. Not final (another carton follows) unless nothing is
        left to pack; final with open lines only after a lead's override."""
        final = final or not self.open_lines()
        refusal = self.close_refusal(final)
        if refusal:
            raise IllegalTransition(refusal)
        verdict = self.check_weight(package_type, weight_kg)
        items = list(self.carton_items)
        payload = {
            "carton": self.carton,
            "count": self.carton if final else self.carton + 1,
            "final": final,
            "package_type": package_type.code,
            "weight_kg": round(weight_kg, 3),
            "weight_source": weight_source,
            "expected_kg": verdict.expected_kg,
            "weight_ok": verdict.ok,
            "tracking_number": numbers.tracking_number,
            "sscc": numbers.sscc,
            "carrier": self.order.carrier,
            "items": [item.__dict__ for item in items],
            "override": self.override.uuid if (final and self.override) else None,
        }
        fact = self._fact("package.closed", payload)
        closed = ClosedCarton(
            self.carton, payload["count"], final, package_type, weight_kg, verdict,
            numbers, items, fact,
        )  # fmt: skip
        self.closed.append(closed)
        self.carton += 1
        self.carton_items = []
        self.finished = final
        return closed

    # ---- helpers --------------------------------------------------------------------------
    def _refuse(self, reason: str, scan: Scan, line: PackLine | None = None, detail="") -> Verdict:
        payload = {"reason": reason, "raw": scan.raw, "gtin": scan.gtin, "serial": scan.serial}
        fact = self._fact("pack.refused", payload | {"carton": self.carton})
        return Verdict(False, reason, line, 0, detail, (fact,))

    def _fact(self, kind: str, payload: dict) -> Event:
        return Event(kind, payload, self.actor, self.order.order_ref)
