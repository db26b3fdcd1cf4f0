"""Where received goods go: the put-away suggestion (docs/stock.md, "Where goods are put
away"). Pure: the caller reads the site (pick faces, stock on hand, the layout) and asks.

In this order:
1. the product's pick face, when it has room for everything in hand (max − on hand ≥ quantity);
2. else the nearest reserve location (not a pick face) that already holds the product — one
   holding the same lot first — so a product's reserve stays together;
3. else the nearest empty location that is not a pick face.
"Nearest" is the walking distance from the product's pick face, or from the depot when it has
none (`PutAwaySite.walk`, which the use case builds from app/routing: the domain sits below
routing); without one, the lowest location code. None: nowhere fits (the clerk chooses a
location and scans it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Walking distance from a location (None: the depot) to a location; inf when it is not known.
Walk = Callable[[str | None, str], float]


@dataclass(frozen=True)
class PickFace:
    location: str
    sku: str
    max_qty: int


@dataclass(frozen=True)
class Held:
    """Stock on hand at a location (one product and lot)."""

    location: str
    sku: str
    lot: str
    on_hand: int


@dataclass(frozen=True)
class PutAwaySite:
    locations: tuple[str, ...]  # every location code of the site
    pick_faces: tuple[PickFace, ...] = ()
    stock: tuple[Held, ...] = ()  # rows with units on hand
    walk: Walk | None = None  # None: no layout, nearest means the lowest code


@dataclass(frozen=True)
class Suggestion:
    location: str
    rule: str  # "pick_face" | "same_lot" | "same_product" | "empty"


def suggest(site: PutAwaySite, sku: str, lot: str, quantity: int) -> Suggestion | None:
    face = next((f for f in site.pick_faces if f.sku == sku), None)
    if face is not None and face.max_qty - _on_hand(site.stock, face.location, sku) >= quantity:
        return Suggestion(face.location, "pick_face")
    faces = {f.location for f in site.pick_faces}
    origin = face.location if face is not None else None
    reserve = [h for h in site.stock if h.sku == sku and h.on_hand > 0 and h.location not in faces]
    same_lot = [h.location for h in reserve if h.lot == lot]
    if same_lot:
        return Suggestion(_nearest(site.walk, origin, same_lot), "same_lot")
    if reserve:
        nearest = _nearest(site.walk, origin, [h.location for h in reserve])
        return Suggestion(nearest, "same_product")
    taken = {h.location for h in site.stock if h.on_hand > 0} | faces
    empty = [code for code in site.locations if code not in taken]
    if empty:
        return Suggestion(_nearest(site.walk, origin, empty), "empty")
    return None


def _on_hand(stock: Iterable[Held], location: str, sku: str) -> int:
    return sum(h.on_hand for h in stock if h.location == location and h.sku == sku)


def _nearest(walk: Walk | None, origin: str | None, codes: list[str]) -> str:
    """The code nearest to `origin` on foot (ties: by code)."""
    if walk is None:
        return min(codes)
    return min(codes, key=lambda code: (walk(origin, code), code))
