"""The small route map beside the task: racks, the walk, and the current stop in orange.

Draws `app.routing.render_route_svg` with QSvgRenderer. With hundreds of stops, writing and
drawing the SVG takes tens of milliseconds, so the route is drawn once per route (a new list, a
skip) on the map's own thread into a QImage (painting a QImage off the UI thread is allowed), and
the current stop is drawn over it on each repaint. The verdict for a scan never waits for the map.
Widget methods: UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.routing import load_layout, render_route_svg
from app.routing.distance import spot_of, tour_distance
from app.routing.layout import Layout
from app.routing.solve import Route
from app.routing.svg import MARGIN, NEXT
from ui.worker import DatabaseWorker

CURRENT = QColor(NEXT)


def svg_point(layout: Layout, code: str) -> QPointF:
    """Where render_route_svg puts a location (the same placement; keep the two in step)."""
    xs = [a.x for a in layout.aisles] + [layout.depot.x]
    left, right = min(xs) - 2.0, max(xs) + 2.0
    scale = min(18.0, 900.0 / max(right - left, 1.0), 700.0 / layout.aisle_length)
    spot = spot_of(layout, code)
    return QPointF(MARGIN + (spot.x - left) * scale,
                   MARGIN + 24 + (layout.aisle_length - spot.y) * scale)  # fmt: skip


def draw_route(layout: Layout, codes: tuple[str, ...], size: QSize) -> tuple[QImage, QTransform]:
    """The route as an image of `size`, and the SVG → image transform (runs on the map thread)."""
    known = [c for c in codes if layout.has_location(c)]
    distance = tour_distance(layout, [spot_of(layout, c) for c in known]) if known else 0.0
    svg = render_route_svg(layout, Route(tuple(known), distance, "optimal"), None)
    renderer = QSvgRenderer(svg.encode("utf-8"))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fitted = renderer.defaultSize().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
    x, y = (size.width() - fitted.width()) / 2, (size.height() - fitted.height()) / 2
    target = QRectF(x, y, fitted.width(), fitted.height())
    renderer.render(painter, target)
    painter.end()
    factor = target.width() / renderer.defaultSize().width()
    return image, QTransform.fromTranslate(x, y).scale(factor, factor)


class RouteMap(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("routeMap")
        self.setMinimumSize(QSize(320, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.layout_model: Layout | None = None
        self.image: QImage | None = None
        self._to_image = QTransform()  # SVG coordinates → this widget
        self._shown: tuple[str, ...] | None = None
        self.current: tuple[int, str] | None = None  # (stop index, location) drawn on top
        self._asked = 0  # the newest drawing asked for; older ones arriving late are dropped
        self._painter_thread = DatabaseWorker(self, name="shipshape-map")
        self.destroyed.connect(self._painter_thread.shutdown)

    def set_layout(self, document: dict | None) -> None:
        self.layout_model = load_layout(document) if document else None
        if self._shown is not None:
            self._redraw()

    def show_route(self, codes: list[str], current: int | None) -> None:
        """`codes`: the stops in walking order (done ones first); `current`: 0-based stop."""
        self.current = None if current is None or current >= len(codes) else (
            current, codes[current])  # fmt: skip
        if tuple(codes) != self._shown:
            self._shown = tuple(codes)
            self._redraw()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._shown is not None:
            self._redraw()

    def _redraw(self) -> None:
        if self.layout_model is None or self.width() < 2 or self._shown is None:
            return
        self._asked += 1
        asked = self._asked
        self._painter_thread.submit(
            draw_route, self.layout_model, self._shown, self.size(),
            on_success=lambda drawn: self._drawn(asked, *drawn),
        )  # fmt: skip

    def _drawn(self, asked: int, image: QImage, to_image: QTransform) -> None:
        if asked == self._asked:
            self.image, self._to_image = image, to_image
            self.update()

    def paintEvent(self, event) -> None:
        if self.image is None:
            return
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        if self.current is None or not self.layout_model.has_location(self.current[1]):
            return
        number, code = self.current
        at = self._to_image.map(svg_point(self.layout_model, code))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CURRENT, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(at, 17, 17)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CURRENT)
        painter.drawEllipse(at, 12, 12)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        box = QRectF(at.x() - 14, at.y() - 10, 28, 20)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number + 1))
