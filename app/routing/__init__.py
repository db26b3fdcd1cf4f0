"""Pick routing in parallel-aisle warehouses: layouts, walking distances, routes, drawings.

Pure Python: no Qt, no database. See docs/routing.md.
"""

from app.routing.distance import route_distance
from app.routing.layout import Layout, Location, UnknownLocation, load_layout
from app.routing.solve import METHODS, Route, solve_route

__all__ = [
    "METHODS",
    "Layout",
    "Location",
    "Route",
    "UnknownLocation",
    "load_layout",
    "route_distance",
    "solve_route",
]
