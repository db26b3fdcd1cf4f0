"""Warehouses: a central database may hold several sites, each named by a short code
(docs/interfaces.md §15). Which one a command means, and which settings and number counters are
a warehouse's own. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.fields import shown
from app.errors import BadInput

DEFAULT_CODE = "WH1"  # the first warehouse, when nobody named one (and after migration 0034)
_CODE = re.compile(r"[A-Z0-9][A-Z0-9_\-]{0,19}")
# Settings documents that belong to one warehouse (ship-from, carriers, cut-offs, GS1 ranges,
# language); every other settings key is company-wide (review rules, labour standard, ...).
PER_WAREHOUSE_SETTINGS = frozenset({"site"})


@dataclass(frozen=True)
class Warehouse:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class WarehouseSummary:
    """One line of `shipshape warehouses`."""

    code: str
    name: str
    locations: int
    stations: int  # stations whose home is this warehouse

    def document(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "locations": self.locations,
            "stations": self.stations,
        }


def warehouse_code(text: str) -> str:
    """A code as typed (`dc-east`) in its stored form (`DC-EAST`); BadInput if it cannot be
    one: letters, digits, `-` and `_`, at most 20."""
    code = text.strip().upper()
    if not _CODE.fullmatch(code):
        raise BadInput(
            f"warehouse code {shown(text)}: use 1 to 20 letters, digits, '-' or '_' (e.g. DC-EAST)"
        )
    return code


def choose(warehouses: Sequence[Warehouse], code: str | None) -> Warehouse | None:
    """The warehouse a command means: the one named, else the only one (None when there are
    none yet). An unknown code, or no code where there are several, is BadInput naming the codes
    to choose from."""
    if code is not None:
        wanted = warehouse_code(code)
        found = next((w for w in warehouses if w.code == wanted), None)
        if found is None:
            raise BadInput(f"unknown warehouse {wanted}; known: {_codes(warehouses)}")
        return found
    if len(warehouses) > 1:
        raise BadInput(
            f"this database has {len(warehouses)} warehouses ({_codes(warehouses)}): "
            "name one with --warehouse CODE"
        )
    return warehouses[0] if warehouses else None


def _codes(warehouses: Sequence[Warehouse]) -> str:
    return ", ".join(w.code for w in warehouses) or "none yet (import a layout first)"


def is_site_counter(name: str) -> bool:
    """The number counters behind a warehouse's labels: its SSCC serials and tracking numbers."""
    return name == "sscc" or name.startswith("tracking:")


def scoped_key(key: str, warehouse_id: int | None, first_id: int | None) -> str:
    """The stored name of a warehouse's own settings key or counter. The first warehouse keeps
    the plain name (what a single-warehouse site always had: no key moves in migration 0034);
    any later one's ends in `@<id>` (ids never change, codes might)."""
    if warehouse_id is None or warehouse_id == first_id:
        return key
    return f"{key}@{warehouse_id}"
