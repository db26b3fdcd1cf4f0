"""Readable at a metre: the drawn check, neutral open lines, elided names, the map's words."""

from __future__ import annotations

import io
import json
import tokenize
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QColor, QImage, QTransform

from app.domain.packing import PackLine
from app.routing import load_layout, render_route_svg
from app.routing.solve import Route
from app.services.demo import DEMO_DIR
from app.services.lead.reports import event_sentence
from ui.i18n import LanguageSwitch
from ui.marks import is_ok_html
from ui.messages import message_text
from ui.packer.widgets import DONE_GREEN, OPEN_INK, PROBLEM_RED, LinesTable
from ui.picker.route_map import Drawn, RouteMap
from ui.widgets import ElidedLabel, MessageBanner

UI = Path(__file__).resolve().parents[2] / "ui"
# The bundled font draws these as a thin "√" (a square root, not a check).
ROOT_LIKE = ("✔", "✓")


def test_no_screen_writes_a_check_glyph_the_font_draws_as_a_root():
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "marks.py":  # explains why, in its docstring
            continue
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        found += [
            f"{path.name}:{t.start[0]}"
            for t in tokens
            if t.type == tokenize.STRING and any(g in t.string for g in ROOT_LIKE)
        ]
    assert not found


def test_an_ok_message_shows_the_drawn_check_and_its_words_escaped(qtbot):
    banner = MessageBanner()
    qtbot.addWidget(banner)
    banner.show_message("ok", lambda: "Packed 3 of 3 <carton 1>")
    assert is_ok_html(banner.text()) and "&lt;carton 1&gt;" in banner.text()
    assert banner.words() == "Packed 3 of 3 <carton 1>"
    banner.show_message("error", lambda: "Wrong item")
    assert banner.text() == "✖  Wrong item"  # the font's ✖ reads well


def _line(**kw) -> PackLine:
    values = dict(
        line_id=1,
        sku="SKU-1",
        name="Sunscreen",
        gtins=("4006381333931",),
        quantity=2,
        picked=2,
        packed=0,
        unit_weight_kg=0.2,
        expected=2,
    )
    return PackLine(**(values | kw))


def test_an_open_line_is_neutral_done_is_green_a_short_pick_red(qtbot):
    table = LinesTable()
    qtbot.addWidget(table)
    table.show_lines(
        [_line(), _line(line_id=2), _line(line_id=3, picked=1, expected=2)], {1: 0, 2: 2, 3: 0}
    )
    colours = [table.item(row, 2).foreground().color() for row in range(3)]
    assert colours == [QColor(OPEN_INK), QColor(DONE_GREEN), QColor(PROBLEM_RED)]
    assert table.item(0, 2).text() == "open" and table.item(1, 2).text() == "done"
    assert not table.item(1, 2).icon().isNull()  # the drawn check


def test_a_long_name_ends_in_an_ellipsis_with_the_whole_name_in_the_tooltip(qtbot):
    label = ElidedLabel(objectName="pickNext")
    qtbot.addWidget(label)
    label.resize(200, 40)
    label.setText("A07-009-L-1   Shipshape Sunscreen SPF 50 Family Pack")
    assert label.shown_text().endswith("…") and label.shown_text().startswith("A07-009")
    assert label.toolTip() == label.full_text()
    label.setText("A01")
    assert (label.shown_text(), label.toolTip()) == ("A01", "")


def test_the_app_draws_the_words_of_the_map_itself():
    layout = load_layout(json.loads((DEMO_DIR / "layout.json").read_text(encoding="utf-8")))
    with_words = render_route_svg(layout, Route((), 0.0, "optimal"))
    assert "<text" in with_words and "Depot" in with_words  # `shipshape route --svg`
    assert "<text" not in render_route_svg(layout, Route((), 0.0, "optimal"), words=False)


def test_the_map_caption_is_translated(qtbot, tmp_path):
    route_map = RouteMap()
    qtbot.addWidget(route_map)
    route_map.drawn = Drawn(
        QImage(QSize(4, 4), QImage.Format.Format_RGB32), QTransform(), 20, 370.8
    )
    assert route_map.caption() == "20 stops · 371 m to walk"
    switch = LanguageSwitch(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    switch.apply("zh_CN")
    try:
        assert route_map.caption() == "20 个库位 · 步行 371 米"
        said = message_text(event_sentence("tote.bound", {"tote": "T-9", "pick_list_id": 1}))
        assert said == "周转箱 T-9 已放上拣货车，用于此订单"
    finally:
        switch.apply("en")
