"""Scale output in, weights in kilograms out (pure, no I/O).

Two formats:
- Mettler Toledo MT-SICS: the station sends `S` (stable weight) or `SI` (immediately, stable or
  not); the scale answers `S S      1.234 kg` (stable) or `S D      1.230 kg` (dynamic).
  `S I` = busy, `S +` / `S -` = over / under range, `ES`/`ET`/`EL` = command errors.
- Continuous output (A&D, CAS and most low-cost scales): the scale sends lines on its own, e.g.
  `ST,GS,+0001.234kg` (ST stable, US unstable, OL overload; GS gross, NT net, TR tare).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KG_PER_UNIT = {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "lbs": 0.45359237, "oz": 0.028349523125}


class ScaleError(Exception):
    """The scale reported a state that has no weight (overload, busy, command error)."""


@dataclass(frozen=True)
class Weight:
    kg: float
    stable: bool
    unit: str  # the unit the scale sent, before conversion
    raw: str

    def describe(self) -> str:
        return f"{self.kg:.3f} kg" + ("" if self.stable else " (settling)")


_SICS = re.compile(r"^S\s+([SD])\s+([-+]?\s*[\d.]+)\s*([A-Za-z]+)\s*$")
_SICS_STATES = {
    "S I": "the scale is busy (weighing or taring): try again",
    "S +": "the load is over the scale's range: take something off",
    "S -": "the scale reads below zero: empty it and zero it",
    "ES": "the scale did not understand the command (check the protocol is MT-SICS)",
    "ET": "the scale had a transmission error: check baud rate and cable",
    "EL": "the scale refused the command (logical error)",
}
_CONTINUOUS = re.compile(r"^(ST|US|OL),\s*(GS|NT|TR|G|N)?,?\s*([-+]?\s*[\d.]+)\s*([A-Za-z]+)\s*$")


def parse_weight(line: str) -> Weight | None:
    """One line from a scale → Weight, None (not a weight: e.g. a `Z A` acknowledgement), or
    ScaleError for a state with no usable weight."""
    text = line.strip()
    if match := _SICS.match(text):
        status, value, unit = match.groups()
        return _weight(value, unit, status == "S", text)
    if text in _SICS_STATES:
        raise ScaleError(_SICS_STATES[text])
    if match := _CONTINUOUS.match(text):
        status, _kind, value, unit = match.groups()
        if status == "OL":
            raise ScaleError("the load is over the scale's range: take something off")
        return _weight(value, unit, status == "ST", text)
    if text.startswith("OL"):
        raise ScaleError("the load is over the scale's range: take something off")
    return None


def _weight(value: str, unit: str, stable: bool, raw: str) -> Weight:
    factor = KG_PER_UNIT.get(unit.lower())
    if factor is None:
        raise ScaleError(f"the scale sent an unknown unit {unit!r}: set it to kg, g or lb")
    kg = round(float(value.replace(" ", "")) * factor, 6)
    return Weight(kg=kg, stable=stable, unit=unit, raw=raw)


def sics_line(kg: float, *, stable: bool = True, unit: str = "kg") -> str:
    """What an MT-SICS scale answers to `S`/`SI` (used by the simulator and tests)."""
    value = kg / KG_PER_UNIT[unit]
    return f"S {'S' if stable else 'D'} {value:10.3f} {unit}"


def continuous_line(kg: float, *, stable: bool = True) -> str:
    """One line of continuous output in the A&D style."""
    return f"{'ST' if stable else 'US'},GS,{kg:+010.3f}kg"


class LatestWeight:
    """The packing station's view of the scale: the last reading, and a stable weight only when
    the scale has settled and the reading is fresh (a scale that stopped talking gives none).
    Fed from the bridge on the UI thread; pure, the caller passes the time."""

    def __init__(self, max_age_s: float = 1.0):
        self.max_age_s = max_age_s
        self.last: Weight | None = None
        self._at = 0.0

    def update(self, weight: Weight, now: float) -> None:
        self.last, self._at = weight, now

    def stable_kg(self, now: float) -> float | None:
        if self.last is None or not self.last.stable or now - self._at > self.max_age_s:
            return None
        return self.last.kg
