"""The small route map beside the task: racks, the walk, and the current stop in orange.

Draws `app.routing.render_route_svg` with QSvgRenderer. Rendering the SVG text is the slow
part, so it happens only when the stop or the route changes. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.routing import load_layout, render_route_svg
from app.routing.distance import spot_of, tour_distance
from app.routing.solve import Route


class RouteMap(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("routeMap")
        self.setMinimumSize(QSize(320, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.layout_model = None
        self.renderer = QSvgRenderer(self)
        self._shown: tuple | None = None

    def set_layout(self, document: dict | None) -> None:
        self.layout_model = load_layout(document) if document else None
        self._shown = None

    def show_route(self, codes: list[str], current: int | None) -> None:
        """`codes`: the stops in walking order (done ones first); `current`: 0-based stop."""
        if self.layout_model is None or (tuple(codes), current) == self._shown:
            return
        self._shown = (tuple(codes), current)
        layout = self.layout_model
        known = [c for c in codes if layout.has_location(c)]
        distance = tour_distance(layout, [spot_of(layout, c) for c in known]) if known else 0.0
        route = Route(tuple(known), distance, "optimal")
        self.renderer.load(render_route_svg(layout, route, current).encode("utf-8"))
        self.update()

    def paintEvent(self, event) -> None:
        if not self.renderer.isValid():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.renderer.defaultSize().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        self.renderer.render(painter, QRectF(x, y, size.width(), size.height()))
