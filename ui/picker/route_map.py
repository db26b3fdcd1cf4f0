"""The route map beside the task: racks, the walk, the current stop and the next two.

Draws `app.routing.render_route_svg` (without its words) with QSvgRenderer. With hundreds of
stops, writing and drawing the SVG takes tens of milliseconds, so the route is drawn once per
route (a new list, a skip) on the map's own thread into a QImage (painting a QImage off the UI
thread is allowed). Everything a picker reads is painted over it on each repaint at a fixed
pixel size, so it stays readable at a metre however far the drawing is scaled down: the caption
(translated), the aisle names, the next two stops and the current stop, a large orange disc in
a black and white ring that stands out on grey racks and blue route alike. The verdict for a
scan never waits for the map. Widget methods: UI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.routing import load_layout, render_route_svg
from app.routing.distance import Spot, spot_of, tour_distance
from app.routing.layout import Layout
from app.routing.solve import Route
from app.routing.svg import NEXT, TODO, projector
from ui.worker import DatabaseWorker

CURRENT, COMING, INK = QColor(NEXT), QColor(TODO), QColor("#212121")
CAPTION_PX, AISLE_PX = 20, 18  # type sizes on screen, whatever the map's scale
CAPTION_H, AISLES_H = 30, 26  # strips above and below the drawing for the caption and aisles
CURRENT_RADIUS, COMING_RADIUS = 22, 15


@dataclass(frozen=True)
class Drawn:
    image: QImage
    to_widget: QTransform  # SVG coordinates → the widget
    stops: int
    metres: float


def svg_point(layout: Layout, code: str) -> QPointF:
    """Where render_route_svg puts a location (the same placement)."""
    return QPointF(*projector(layout)(spot_of(layout, code)))


def draw_route(layout: Layout, codes: tuple[str, ...], size: QSize) -> Drawn:
    """The route as an image of `size`, between the caption and aisle strips (map thread)."""
    known = [c for c in codes if layout.has_location(c)]
    distance = tour_distance(layout, [spot_of(layout, c) for c in known]) if known else 0.0
    svg = render_route_svg(layout, Route(tuple(known), distance, "optimal"), None, words=False)
    renderer = QSvgRenderer(svg.encode("utf-8"))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    area = QSize(size.width(), max(1, size.height() - CAPTION_H - AISLES_H))
    fitted = renderer.defaultSize().scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
    x = (area.width() - fitted.width()) / 2
    y = CAPTION_H + (area.height() - fitted.height()) / 2
    target = QRectF(x, y, fitted.width(), fitted.height())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, target)
    painter.end()
    factor = target.width() / renderer.defaultSize().width()
    return Drawn(image, QTransform.fromTranslate(x, y).scale(factor, factor), len(known), distance)


def _font(pixels: int) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(True)
    return font


class RouteMap(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("routeMap")
        self.setMinimumSize(QSize(320, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.layout_model: Layout | None = None
        self.drawn: Drawn | None = None
        self._shown: tuple[str, ...] | None = None
        self.current: tuple[int, str] | None = None  # (stop index, location) drawn on top
        self.coming: list[tuple[int, str]] = []  # the next two stops, numbered on top
        self._asked = 0  # the newest drawing asked for; older ones arriving late are dropped
        self.replanned = False  # the route was re-solved where the picker stood
        self._painter_thread = DatabaseWorker(self, name="shipshape-map")
        self.destroyed.connect(self._painter_thread.shutdown)

    @property
    def image(self) -> QImage | None:
        return self.drawn.image if self.drawn else None

    def set_layout(self, document: dict | None) -> None:
        self.layout_model = load_layout(document) if document else None
        if self._shown is not None:
            self._redraw()

    def show_route(self, codes: list[str], current: int | None) -> None:
        """`codes`: the stops in walking order (done ones first); `current`: 0-based stop."""
        here = current is not None and current < len(codes)
        self.current = (current, codes[current]) if here else None
        self.coming = (
            [(i, codes[i]) for i in range(current + 1, current + 3) if i < len(codes)]
            if here
            else []
        )
        if tuple(codes) != self._shown:
            self._shown = tuple(codes)
            self._redraw()
        self.update()

    def set_replanned(self, replanned: bool) -> None:
        self.replanned = replanned
        self.update()

    def caption(self) -> str:
        if self.drawn is None:
            return ""
        if self.replanned:
            text = self.tr("Re-planned · {stops} stops · {metres} m")
        else:
            text = self.tr("{stops} stops · {metres} m to walk")
        return text.format(stops=self.drawn.stops, metres=f"{self.drawn.metres:.0f}")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # the caption is translated when painted

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
            draw_route,
            self.layout_model,
            self._shown,
            self.size(),
            on_success=lambda drawn: self._drawn(asked, drawn),
        )

    def _drawn(self, asked: int, drawn: Drawn) -> None:
        if asked == self._asked:
            self.drawn = drawn
            self.update()

    def paintEvent(self, event) -> None:
        if self.drawn is None or self.layout_model is None:
            return
        painter = QPainter(self)
        painter.drawImage(0, 0, self.drawn.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_caption(painter)
        self._paint_aisles(painter)
        for number, code in reversed(self.coming):  # the nearer one on top
            self._paint_stop(painter, number, code, COMING, COMING_RADIUS)
        if self.current is not None:
            self._paint_stop(painter, *self.current, CURRENT, CURRENT_RADIUS)

    def _paint_caption(self, painter: QPainter) -> None:
        painter.setFont(_font(CAPTION_PX))
        painter.setPen(INK)
        text = QFontMetrics(painter.font()).elidedText(
            self.caption(), Qt.TextElideMode.ElideRight, self.width() - 8
        )
        painter.drawText(
            QRectF(4, 0, self.width() - 8, CAPTION_H),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    def _paint_aisles(self, painter: QPainter) -> None:
        """Aisle names under the drawing; every n-th one when they would overlap."""
        aisles = self.layout_model.aisles
        if not aisles:
            return
        painter.setFont(_font(AISLE_PX))
        painter.setPen(INK)
        metrics = QFontMetrics(painter.font())
        place = projector(self.layout_model)
        xs = [self.drawn.to_widget.map(QPointF(*place(Spot(a.x, 0.0)))).x() for a in aisles]
        widest = max(metrics.horizontalAdvance(a.id) for a in aisles) + 6
        gap = min((b - a for a, b in zip(xs, xs[1:], strict=False)), default=widest)
        step = max(1, -int(-widest // max(gap, 1)))
        top = self.height() - AISLES_H
        for aisle, x in list(zip(aisles, xs, strict=True))[::step]:
            box = QRectF(x - widest / 2, top, widest, AISLES_H)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, aisle.id)

    def _paint_stop(self, painter, number: int, code: str, colour: QColor, radius: int) -> None:
        if not self.layout_model.has_location(code):
            return
        at = self.drawn.to_widget.map(svg_point(self.layout_model, code))
        painter.setPen(QPen(QColor("black"), 3))  # dark ring, then white: seen on any ground
        painter.setBrush(QColor("white"))
        painter.drawEllipse(at, radius + 5, radius + 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(at, radius, radius)
        painter.setPen(QColor("white"))
        painter.setFont(_font(radius if number < 99 else radius * 3 // 4))
        box = QRectF(at.x() - radius - 4, at.y() - radius, 2 * radius + 8, 2 * radius)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number + 1))
