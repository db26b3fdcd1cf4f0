import xml.etree.ElementTree as ET

from app.routing import solve_route
from app.routing.samples import grid_layout
from app.routing.svg import NEXT, render_route_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_drawing_numbers_every_stop_and_marks_the_current_one():
    layout = grid_layout(aisles=5, blocks=2, bays=8, depot="left")
    route = solve_route(layout, ["A02-003-L-1", "A05-012-R-1", "A01-015-L-1"])
    root = ET.fromstring(render_route_svg(layout, route, current_stop=1))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"1", "2", "3", "Depot"} <= set(texts)
    assert any(r.get("fill") == NEXT for r in root.iter(f"{SVG}rect"))
    assert len(list(root.iter(f"{SVG}polyline"))) == 1


def test_names_are_escaped_and_a_layout_alone_draws():
    layout = grid_layout(aisles=2, blocks=1, bays=3)
    layout = type(layout)(
        "R&D <east>",
        layout.aisle_length,
        layout.aisles,
        layout.cross_aisles,
        layout.depot,
        layout.locations,
    )
    root = ET.fromstring(render_route_svg(layout, None))
    assert "R&D <east>" in [t.text for t in root.iter(f"{SVG}text")]
