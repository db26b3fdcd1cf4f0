"""Pick routing in parallel-aisle warehouses: layouts, walking distances, routes, drawings.

Pure Python: no Qt, no database. See docs/routing.md.
"""

from app.routing.distance import route_distance
from app.routing.layout import Layout, Location, UnknownLocation, load_layout
from app.routing.solve import METHODS, Route, solve_route
from app.routing.svg import render_route_svg

__all__ = [
    "METHODS",
    "Layout",
    "Location",
    "Route",
    "UnknownLocation",
    "load_layout",
    "render_route_svg",
    "route_distance",
    "solve_route",
]
