"""The warehouse layout (docs/interfaces.md §1): parallel aisles, cross aisles, a depot, locations.

`load_layout` reads and validates a `shipshape.layout/1` file (or an already-parsed dict) and
returns a frozen `Layout`. Every rule the file format states is checked here, once, so the
routing code after it can trust its input. Pure: no Qt, no database.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.fields import INT32_MAX, FieldProblem, parse_json, shown, text
from app.errors import BadInput

FORMAT = "shipshape.layout/1"
# Longest texts (db/schema.py: warehouses.name, aisles.code, locations.code and side).
NAME_LIMIT, AISLE_LIMIT, CODE_LIMIT, SIDE_LIMIT = 100, 40, 60, 1
TOLERANCE = 1e-9  # metres; a depot this close to a cross aisle is on it


class UnknownLocation(BadInput):
    """A location code that is not in the layout."""


@dataclass(frozen=True)
class Aisle:
    id: str
    x: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Location:
    code: str
    aisle: str
    y: float
    side: str | None = None
    level: int | None = None


@dataclass(frozen=True)
class Layout:
    """A validated layout. `aisles` are sorted by x, `cross_aisles` ascending."""

    name: str
    aisle_length: float
    aisles: tuple[Aisle, ...]
    cross_aisles: tuple[float, ...]
    depot: Point
    locations: tuple[Location, ...]
    _by_code: dict[str, Location] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _aisle_index: dict[str, int] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._by_code.update((loc.code, loc) for loc in self.locations)
        self._aisle_index.update((a.id, i) for i, a in enumerate(self.aisles))

    @property
    def blocks(self) -> int:
        return len(self.cross_aisles) - 1

    def has_location(self, code: str) -> bool:
        return code in self._by_code

    def location(self, code: str) -> Location:
        """The location with this code; `UnknownLocation` (a `BadInput`) if there is none."""
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise UnknownLocation(
                f"unknown location code {code!r}: not in layout {self.name!r}"
            ) from None

    def aisle_index(self, aisle_id: str) -> int:
        """Position of the aisle from the left (0 = smallest x)."""
        return self._aisle_index[aisle_id]


def load_layout(source: str | Path | dict[str, Any], origin: str | None = None) -> Layout:
    """Read and validate a layout from a file path or a parsed dict.

    Raises `BadInput` whose message starts with the file name (or `origin`, or "layout") and names
    the rule that was broken.
    """
    if isinstance(source, dict):
        where = origin or "layout"
        data = source
    else:
        where = origin or str(source)
        data = read_layout_document(Path(source), where)
    try:
        return _parse(data)
    except _Invalid as exc:
        raise BadInput(f"{where}: {exc}") from None


def layout_document(layout: Layout) -> dict[str, Any]:
    """The `shipshape.layout/1` document of a checked layout: what the file said that counts,
    without any other keys a file may carry (kept as the site's layout, for the route map)."""
    return {
        "format": FORMAT,
        "name": layout.name,
        "aisle_length": layout.aisle_length,
        "aisles": [{"id": a.id, "x": a.x} for a in layout.aisles],
        "cross_aisles": list(layout.cross_aisles),
        "depot": {"x": layout.depot.x, "y": layout.depot.y},
        "locations": [_location_entry(loc) for loc in layout.locations],
    }


def _location_entry(loc: Location) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": loc.code, "aisle": loc.aisle, "y": loc.y}
    if loc.side is not None:
        entry["side"] = loc.side
    if loc.level is not None:
        entry["level"] = loc.level
    return entry


class _Invalid(Exception):
    """A rule of the layout format (docs/interfaces.md §1) was broken; the message says which (the
    caller adds the file name)."""


def read_layout_document(path: Path, where: str | None = None) -> Any:
    """The parsed JSON of a layout file (UTF-8, a byte order mark allowed), not yet checked."""
    where = where or str(path)
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BadInput(f"{where}: cannot read the layout file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BadInput(f"{where}: not UTF-8 text; save the layout as UTF-8 JSON") from None
    try:
        return parse_json(content)
    except FieldProblem as exc:
        raise BadInput(f"{where}: {exc}") from None


def _parse(data: Any) -> Layout:
    if not isinstance(data, dict):
        raise _Invalid("a layout must be a JSON object")
    if data.get("format") != FORMAT:
        raise _Invalid(f'"format" must be {FORMAT!r}, found {data.get("format")!r}')
    name = _text(data.get("name", ""), '"name"', NAME_LIMIT)
    aisle_length = _number(data.get("aisle_length"), '"aisle_length"')
    if aisle_length <= 0:
        raise _Invalid(f'"aisle_length" must be positive, found {aisle_length:g}')
    aisles = _parse_aisles(data.get("aisles"))
    cross_aisles = _parse_cross_aisles(data.get("cross_aisles"), aisle_length)
    depot = _parse_depot(data.get("depot"), cross_aisles)
    ids = {a.id for a in aisles}
    locations = _parse_locations(data.get("locations", []), ids, aisle_length)
    return Layout(name, aisle_length, aisles, cross_aisles, depot, locations)


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"{what} must be a number, found {shown(value)}")
    if abs(value) > 1e9 or not math.isfinite(value):  # 10**400 has no float
        raise _Invalid(f"{what} must be a finite number of metres, found {shown(value)}")
    return float(value)


def _list(value: Any, what: str) -> list:
    if not isinstance(value, list):
        raise _Invalid(f"{what} must be a list, found {type(value).__name__}")
    return value


def _parse_aisles(raw: Any) -> tuple[Aisle, ...]:
    items = _list(raw, '"aisles"')
    if not items:
        raise _Invalid('"aisles" is empty: a layout needs at least one aisle')
    by_id: dict[str, Aisle] = {}
    by_x: dict[float, str] = {}
    for i, item in enumerate(items):
        what = f"aisles[{i}]"
        if not isinstance(item, dict):
            raise _Invalid(f"{what} must be an object with id and x")
        aisle_id = _text(item.get("id"), f'{what}: "id"', AISLE_LIMIT, required=True)
        x = _number(item.get("x"), f"{what} ({aisle_id}): x")
        if aisle_id in by_id:
            raise _Invalid(f"duplicate aisle id {aisle_id!r}")
        if x in by_x:
            raise _Invalid(f"aisles {by_x[x]!r} and {aisle_id!r} are both at x={x:g}")
        by_id[aisle_id] = Aisle(aisle_id, x)
        by_x[x] = aisle_id
    return tuple(sorted(by_id.values(), key=lambda a: a.x))


def _parse_cross_aisles(raw: Any, aisle_length: float) -> tuple[float, ...]:
    items = [_number(v, f"cross_aisles[{i}]") for i, v in enumerate(_list(raw, '"cross_aisles"'))]
    for y in items:
        if not 0 <= y <= aisle_length:
            raise _Invalid(f"cross aisle at y={y:g} is outside the aisles (0..{aisle_length:g})")
    if len(set(items)) != len(items):
        raise _Invalid(f'"cross_aisles" lists the same y twice: {items}')
    if 0.0 not in items or aisle_length not in items:
        raise _Invalid(
            f'"cross_aisles" must include 0 and aisle_length ({aisle_length:g}), found {items}'
        )
    return tuple(sorted(items))


def _parse_depot(raw: Any, cross_aisles: tuple[float, ...]) -> Point:
    if not isinstance(raw, dict):
        raise _Invalid('"depot" must be an object with x and y')
    x = _number(raw.get("x"), "depot x")
    y = _number(raw.get("y"), "depot y")
    on = [c for c in cross_aisles if abs(c - y) <= TOLERANCE]
    if not on:
        raise _Invalid(
            f"depot y={y:g} is not on a cross aisle (cross aisles at {list(cross_aisles)})"
        )
    return Point(x, on[0])


def _parse_locations(raw: Any, aisle_ids: set[str], aisle_length: float) -> tuple[Location, ...]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(_list(raw, '"locations"')):
        loc = _parse_location(item, f"locations[{i}]", aisle_ids, aisle_length)
        if loc.code in seen:
            raise _Invalid(f"duplicate location code {loc.code!r} (locations[{i}])")
        seen.add(loc.code)
        out.append(loc)
    return tuple(out)


def _parse_location(item: Any, what: str, aisle_ids: set[str], aisle_length: float) -> Location:
    if not isinstance(item, dict):
        raise _Invalid(f"{what} must be an object with code, aisle, y, side, level")
    code = _text(item.get("code"), f'{what}: "code"', CODE_LIMIT, required=True)
    what = f"{what} ({code})"
    aisle = item.get("aisle")
    if not isinstance(aisle, str) or aisle not in aisle_ids:
        raise _Invalid(f"{what}: unknown aisle {shown(aisle)}")
    y = _number(item.get("y"), f"{what}: y")
    if not 0 <= y <= aisle_length:
        raise _Invalid(f"{what}: y={y:g} is outside aisle {aisle} (0..{aisle_length:g})")
    side = item.get("side")
    if side is not None and (not isinstance(side, str) or len(side) > SIDE_LIMIT):
        raise _Invalid(f"{what}: side must be one letter such as 'L' or 'R', found {shown(side)}")
    if side is not None:
        side = _text(side, f"{what}: side", SIDE_LIMIT)
    level = item.get("level")
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        raise _Invalid(f"{what}: level must be a whole number, found {shown(level)}")
    if level is not None and not 0 <= level <= INT32_MAX:
        raise _Invalid(f"{what}: level {level} is outside 0..{INT32_MAX}")
    return Location(code, aisle, y, side, level)


def _text(value: Any, what: str, limit: int, required: bool = False) -> str:
    """Text a person typed into the layout: a string, no control characters, within limit."""
    if not isinstance(value, str):
        raise _Invalid(f"{what} must be a string, found {shown(value)}")
    try:
        return text(value, what, limit, required=required)
    except FieldProblem as exc:
        raise _Invalid(str(exc)) from None
