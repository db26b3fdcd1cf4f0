"""The KPIs tab's lines and units per hour: one row per person, pickers first, fastest first,
and a title that says when there is nothing to show."""

from __future__ import annotations

from types import SimpleNamespace

from ui.lead.rates_table import RatesPanel


def rate(user: str, kind: str, lines: float, units: float):
    return SimpleNamespace(user=user, kind=kind, lines_per_hour=lines, units_per_hour=units)


def rows(panel: RatesPanel) -> list[list[str]]:
    table = panel.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_pickers_first_then_packers_each_fastest_first(qtbot):
    panel = RatesPanel()
    qtbot.addWidget(panel)
    panel.fill(
        [
            rate("陈静", "pack", 32.7, 143.72),
            rate("Jan de Boer", "pick", 48.5, 249),
            rate("Pieter Smit", "pack", 40.0, 112.3),
            rate("李娜", "pick", 45.04, 135),
        ]
    )
    assert rows(panel) == [
        ["Jan de Boer", "picker", "48.5", "249.0"],
        ["李娜", "picker", "45.0", "135.0"],
        ["Pieter Smit", "packer", "40.0", "112.3"],
        ["陈静", "packer", "32.7", "143.7"],
    ]
    assert panel.title.text() == "Lines and units per hour"


def test_the_title_says_when_there_is_nothing_to_show(qtbot):
    panel = RatesPanel()
    qtbot.addWidget(panel)
    assert panel.title.text() == "Choose a range" and rows(panel) == []
    panel.fill([rate("Pia", "pick", 3, 6)])
    panel.fill([])
    assert panel.title.text() == "Lines and units per hour: nobody picked or packed"
    assert rows(panel) == []
