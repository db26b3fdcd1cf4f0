"""A station's table of lines (a receipt, a returned parcel): beside the large "in hand" and
location on the right, each line's item is its code over its name, wrapped where longer, and
the line in hand is kept in view. One line a row elided most names ("Café …") once the
numbers had their room. UI thread only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableView


def item_text(sku: str, name: str) -> str:
    return f"{sku}\n{name}"


def item_table(model, name: str, font_px: int) -> QTableView:
    """The table: the first column takes the room the figures leave, rows as tall as needed."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setStyleSheet(f"font-size: {font_px}px;")
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def keep_in_view(table: QTableView, rows: Sequence[int]) -> None:
    """Scroll the first of `rows` (the item in hand's lines, best match first) into view."""
    if rows:
        table.doItemsLayout()  # the rows of a model just reset, laid out now: else the layout
        table.scrollTo(table.model().index(rows[0], 0))  # that follows scrolls back to the top
