"""Draw a layout and a route as SVG: racks, walkways, the depot and numbered stops.

A pure function of (layout, route), so `shipshape route --svg` and the picker's map in the UI draw
the same picture. North is the back of the aisles; the depot side (y = 0) is at the bottom.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from app.routing.distance import Spot, depot_spot, spot_of
from app.routing.layout import Layout
from app.routing.solve import Route

MARGIN = 48.0  # px around the drawing, room for labels
DONE, NEXT, TODO = "#9e9e9e", "#e65100", "#0d47a1"  # grey, deep orange, dark blue


def _extent(layout: Layout) -> tuple[float, float, float]:
    """(left, right, scale): the floor's x range in metres and px per metre."""
    xs = [a.x for a in layout.aisles] + [layout.depot.x]
    left, right = min(xs) - 2.0, max(xs) + 2.0
    return left, right, min(18.0, 900.0 / max(right - left, 1.0), 700.0 / layout.aisle_length)


def projector(layout: Layout) -> Callable[[Spot], tuple[float, float]]:
    """Where a spot on the floor lands in the SVG; the picker's map places its own marks with it."""
    left, _, scale = _extent(layout)

    def px(spot: Spot) -> tuple[float, float]:
        return (
            round(MARGIN + (spot.x - left) * scale, 1),
            round(MARGIN + 24 + (layout.aisle_length - spot.y) * scale, 1),
        )

    return px


def render_route_svg(
    layout: Layout, route: Route | None, current_stop: int | None = None, *, words: bool = True
) -> str:
    """SVG text. `current_stop` (0-based index into `route.sequence`) is drawn larger and
    orange with a ring; earlier stops grey, later ones blue (shape and number, not only colour).
    `words=False` leaves out every text (title, aisle names, stop numbers, depot): the picker's
    map draws those itself, translated and big enough to read at a metre once scaled down."""
    left, right, scale = _extent(layout)
    width = (right - left) * scale + 2 * MARGIN
    height = layout.aisle_length * scale + 2 * MARGIN + 24
    px = projector(layout)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="DejaVu Sans, sans-serif">',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="white"/>',
    ]
    if words:
        parts.append(_title(layout, route))
    parts += _racks(layout, px, scale, left, right, words)
    if route is not None:
        parts += _route(layout, route, px, current_stop, words)
    depot_x, depot_y = px(depot_spot(layout))
    parts.append(
        f'<rect x="{depot_x - 9}" y="{depot_y - 9}" width="18" height="18" fill="#1b5e20"/>'
    )
    if words:
        parts.append(
            f'<text x="{depot_x}" y="{depot_y + 24}" font-size="12" text-anchor="middle" '
            f'fill="#1b5e20">Depot</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _title(layout: Layout, route: Route | None) -> str:
    text = layout.name
    if route is not None:
        text += f" · {route.method} · {len(route.sequence)} picks · {route.distance_m:.1f} m"
    return f'<text x="{MARGIN}" y="26" font-size="16" fill="#212121">{escape(text)}</text>'


def _racks(
    layout: Layout, px, scale: float, left: float, right: float, words: bool = True
) -> list[str]:
    """Grey rack bands between aisles, light walkways, aisle names at the front."""
    out = []
    aisles = layout.aisles
    for c in layout.cross_aisles:
        (x1, y), (x2, _) = px(Spot(left, c)), px(Spot(right, c))
        out.append(
            f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="#e0e0e0" stroke-width="2"/>'
        )
    for i, aisle in enumerate(aisles):
        gap_left = aisle.x - aisles[i - 1].x if i else 2.0
        gap_right = aisles[i + 1].x - aisle.x if i + 1 < len(aisles) else 2.0
        for lo, hi in zip(layout.cross_aisles, layout.cross_aisles[1:], strict=False):
            inner_lo, inner_hi = lo + 0.8, hi - 0.8
            if inner_hi <= inner_lo:
                continue
            for side, gap in ((-1, gap_left), (1, gap_right)):
                depth = min(1.2, gap * 0.3)
                near = aisle.x + side * 0.4
                far = aisle.x + side * (0.4 + depth)
                (ax, top), (bx, bottom) = (
                    px(Spot(min(near, far), inner_hi)),
                    px(Spot(max(near, far), inner_lo)),
                )
                out.append(
                    f'<rect x="{ax}" y="{top}" width="{round(bx - ax, 1)}" '
                    f'height="{round(bottom - top, 1)}" fill="#cfd8dc"/>'
                )
        if not words:
            continue
        x, y = px(Spot(aisle.x, 0.0))
        out.append(
            f'<text x="{x}" y="{y + 16 + 24 * (i % 2 if scale < 8 else 0)}" font-size="11" '
            f'text-anchor="middle" fill="#616161">{escape(aisle.id)}</text>'
        )
    return out


def _route(layout: Layout, route: Route, px, current: int | None, words: bool) -> list[str]:
    depot = depot_spot(layout)
    spots = [spot_of(layout, code) for code in route.sequence]
    path = [depot, *spots, depot]
    points = [path[0]]
    for a, b in zip(path, path[1:], strict=False):
        points += _leg(layout.cross_aisles, a, b)
    line = " ".join("{},{}".format(*px(p)) for p in points)
    out = [
        f'<polyline points="{line}" fill="none" stroke="{TODO}" stroke-width="2.5" '
        'stroke-linejoin="round" stroke-opacity="0.75"/>'
    ]
    labels: dict[Spot, list[int]] = {}
    for n, spot in enumerate(spots):
        labels.setdefault(spot, []).append(n)
    for spot, numbers in labels.items():
        out.append(_stop(px(spot), numbers, current, words))
    return out


def _leg(cross: tuple[float, ...], a: Spot, b: Spot) -> list[Spot]:
    """Corner points of the shortest walk from a to b (a itself excluded)."""
    if a.x == b.x:
        return [b]
    # On a tie, prefer a cross aisle that a or b stands on: the depot may be off every aisle.
    c = min(cross, key=lambda c: (abs(a.y - c) + abs(c - b.y), c not in (a.y, b.y), c))
    return [Spot(a.x, c), Spot(b.x, c), b]


def _stop(at: tuple[float, float], numbers: list[int], current: int | None, words: bool) -> str:
    x, y = at
    is_current = current is not None and current in numbers
    if is_current:
        colour, radius = NEXT, 13
    elif current is not None and max(numbers) < current:
        colour, radius = DONE, 9
    else:
        colour, radius = TODO, 9
    label = ",".join(str(n + 1) for n in numbers[:3]) + ("…" if len(numbers) > 3 else "")
    size = 11 if len(label) <= 2 else 10
    half = max(radius, 3.2 * len(label) + 4)  # a pill wide enough for "11,12"
    ring = (
        f'<rect x="{x - half - 5}" y="{y - radius - 5}" width="{2 * half + 10}" '
        f'height="{2 * radius + 10}" rx="{radius + 5}" fill="none" stroke="{NEXT}" stroke-width="3"/>'
        if is_current
        else ""
    )
    pill = (
        f'{ring}<rect x="{x - half}" y="{y - radius}" width="{2 * half}" height="{2 * radius}" '
        f'rx="{radius}" fill="{colour}"/>'
    )
    if not words:
        return pill
    return (
        f'{pill}<text x="{x}" y="{y + 4}" font-size="{size}" text-anchor="middle" fill="white" '
        f'font-weight="bold">{escape(label)}</text>'
    )
