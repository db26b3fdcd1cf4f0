"""The Settings tab: the site's `shipshape.site/1` settings — site name, ship-from address, GS1
company prefix, SSCC serial range, language and the carriers — edited and saved whole.

UI thread only. Loading (`site`) and saving (`save_site`) run on the database worker through
`run`; the whole document is checked there by `parse_site`, so a refusal names the first bad
field and nothing is stored. The numbers left per range come from central's counters as last
loaded or saved; a range that runs low shows in white on red with words.

One banner on top says the most urgent thing: the refusal of the last save, else that packing is
blocked (no settings yet) or that numbers run low, else that the save went through. One line, not
two, so the whole form still fits 1280×800.

Several warehouses: each has its own settings; the tab edits those of the warehouse chosen in the
console (named beside the buttons). Choosing another reloads the form — unless it has edits not
saved yet: those are kept, never dropped unasked, and still belong to the warehouse they were
loaded for (Save stores them there; Reload shows the chosen warehouse's), as the banner says.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.fields import FieldProblem
from app.domain.site import FORMAT
from app.services.lead.console import SiteView
from ui.i18n import LANGUAGES
from ui.lead.carriers_table import CarriersTable
from ui.lead.field_problems import carrier_cell
from ui.messages import error_text
from ui.widgets import MessageBanner

ADDRESS = (
    "name",
    "company",
    "phone",
    "street1",
    "street2",
    "city",
    "region",
    "postal_code",
    "country",
)
# The form's rows: (key, stretch) per field; "ship_from." keys are the address.
ROWS = (
    (("name", 3), ("gs1_company_prefix", 1), ("language", 1)),
    (("ship_from.name", 2), ("ship_from.company", 2), ("ship_from.phone", 1)),
    (("ship_from.street1", 1), ("ship_from.street2", 1)),
    (
        ("ship_from.city", 2),
        ("ship_from.region", 2),
        ("ship_from.postal_code", 1),
        ("ship_from.country", 1),
    ),
    (("sscc_serial.next", 1), ("sscc_serial.last", 1), ("sscc_left", 2)),
)


class TabBanner(MessageBanner):
    """The banner without height-for-width: a wrapping label would make the station window size
    every lead tab by its preferred height (the KPI tab's is taller than the screen). The tab
    gives it the lines its text needs instead (`fit_lines`)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def fit_lines(self, width: int) -> None:
        self.setMinimumHeight(max(super().heightForWidth(width), 0))


class SettingsTab(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsTab")
        self._run = run
        self.view: SiteView | None = None  # as last loaded or saved; None until the first load
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.language = QComboBox(objectName="siteLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.sscc_left = QLabel(objectName="rangeLeft")
        self.banner = TabBanner()
        self._refusal: BaseException | None = None  # of the last save, until the next
        self._just_saved = False
        self._loaded: dict | None = None  # the form as last filled: edits are what differs
        self._kept = False  # edits kept across a warehouse switch (the banner says whose)
        self.whose = QLabel(objectName="fieldLabel")  # whose settings (several warehouses)
        self.carriers = CarriersTable()
        self.buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        for row in ROWS:
            layout.addLayout(self._form_row(row))
        layout.addWidget(self.carriers, 1)
        layout.addLayout(self._button_row())
        self.banner.hide()
        self.retranslate()

    # ---- building -----------------------------------------------------------------------------
    def _form_row(self, row) -> QHBoxLayout:
        line = QHBoxLayout()
        line.setSpacing(8)
        for key, stretch in row:
            label = QLabel(objectName="fieldLabel")
            self.labels[key] = label
            line.addWidget(label)
            if key == "language":
                widget: QWidget = self.language
            elif key == "sscc_left":
                widget = self.sscc_left
            else:
                widget = self.fields.setdefault(key, QLineEdit(objectName="siteField"))
            line.addWidget(widget, stretch)
        if row[-1][0] == "sscc_left":  # the figure keeps to its width, its red with it
            line.setStretch(line.count() - 1, 0)
            line.addStretch(2)
        return line

    def _buttons(self) -> dict[str, QPushButton]:
        buttons = {
            "add": QPushButton(objectName="secondary"),
            "remove": QPushButton(objectName="secondary"),
            "reload": QPushButton(),
            "save": QPushButton(objectName="primary"),
        }
        buttons["add"].clicked.connect(self.carriers.add_carrier)
        buttons["remove"].clicked.connect(self.carriers.remove_carrier)
        buttons["reload"].clicked.connect(self.reload)
        buttons["save"].clicked.connect(self.save)
        return buttons

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.buttons["add"])
        row.addWidget(self.buttons["remove"])
        row.addStretch(1)
        row.addWidget(self.whose)
        row.addWidget(self.buttons["reload"])
        row.addWidget(self.buttons["save"])
        return row

    def retranslate(self) -> None:
        texts = {
            "name": self.tr("Site name"),
            "gs1_company_prefix": self.tr("GS1 company prefix"),
            "language": self.tr("Language"),
            "ship_from.name": self.tr("Ship from"),
            "ship_from.company": self.tr("Company"),
            "ship_from.phone": self.tr("Phone"),
            "ship_from.street1": self.tr("Street"),
            "ship_from.street2": self.tr("Street 2"),
            "ship_from.city": self.tr("City"),
            "ship_from.region": self.tr("Region"),
            "ship_from.postal_code": self.tr("Postal code"),
            "ship_from.country": self.tr("Country"),
            "sscc_serial.next": self.tr("SSCC next"),
            "sscc_serial.last": self.tr("SSCC last"),
            "sscc_left": self.tr("Left"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.buttons["add"].setText(self.tr("Add carrier"))
        self.buttons["remove"].setText(self.tr("Remove carrier"))
        self.buttons["reload"].setText(self.tr("Reload"))
        self.buttons["save"].setText(self.tr("Save settings"))
        self.carriers.retranslate()
        self.banner.retranslate()
        self._show_sscc_left()
        self._show_whose()

    def _show_whose(self) -> None:
        view = self.view
        code = view.warehouse if view is not None else None
        self.whose.setText(self.tr("Settings of {warehouse}").format(warehouse=code or ""))
        self.whose.setVisible(view is not None and view.several)

    # ---- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the chosen warehouse's settings on the worker; edits not saved are dropped."""
        self._run("site", done=self.show_view, failed=self._load_failed)

    def has_edits(self) -> bool:
        """The form differs from what was last loaded or saved."""
        return self._loaded is not None and self.document() != self._loaded

    def warehouse_changed(self) -> None:
        """The lead chose another warehouse: show its settings, or keep edits not saved yet
        (they stay the warehouse's they were loaded for)."""
        if self.view is None:
            return  # never loaded: the tab loads the chosen warehouse's when shown
        if self.has_edits():
            self._kept = True
            self._show_banner()
            return
        self.reload()

    def show_view(self, view: SiteView) -> None:
        """Fill the form from what central holds (runs on the UI thread with the worker's
        result)."""
        self.view = view
        self._clear_problem()
        site = view.site
        document = site.document() if site is not None else {}
        address = document.get("ship_from", {})
        sscc = document.get("sscc_serial", {})
        values = {
            "name": document.get("name", ""),
            "gs1_company_prefix": document.get("gs1_company_prefix", ""),
            "sscc_serial.next": str(sscc.get("next", "")),
            "sscc_serial.last": str(sscc.get("last", "")),
        }
        values |= {f"ship_from.{key}": address.get(key, "") for key in ADDRESS}
        for key, field in self.fields.items():
            field.setText(values[key])
            field.setCursorPosition(0)
        self.language.setCurrentIndex(max(self.language.findData(document.get("language")), 0))
        self.carriers.set_carriers(site.carriers if site else (), view.ranges)
        self._loaded, self._kept = self.document(), False
        self._show_sscc_left()
        self._show_whose()
        self._show_banner()

    def _load_failed(self, exc: BaseException) -> None:
        self.banner.show_message(
            "error",
            lambda: self.tr("Settings not loaded: {problem}").format(problem=error_text(exc)),
        )
        self.banner.show()

    def _show_sscc_left(self) -> None:
        sscc = (
            next((r for r in self.view.ranges if r.series == "SSCC"), None) if self.view else None
        )
        if sscc is None:
            self.sscc_left.setText("")
            self._set_low(self.sscc_left, False)
            return
        left = f"{sscc.left:,}"
        self.sscc_left.setText(self.tr("LOW: {n}").format(n=left) if sscc.low else left)
        self._set_low(self.sscc_left, sscc.low)

    def _set_low(self, label: QLabel, low: bool) -> None:
        label.setProperty("low", low)  # floor.qss: white on red
        label.style().unpolish(label)
        label.style().polish(label)

    def _show_banner(self) -> None:
        """The most urgent thing: edits kept across a warehouse switch, a refusal, packing
        blocked, numbers low, or saved."""
        low = [r for r in self.view.ranges if r.low] if self.view else []
        if self._kept and self.view is not None:  # first: whose the form is, after a switch
            code = self.view.warehouse
            self.banner.show_message("info", lambda: self._kept_text(code))
        elif self._refusal is not None:
            self.banner.show_message("error", self._refusal_text)
        elif self.view is not None and self.view.site is None:
            self.banner.show_message(
                "error",
                lambda: self.tr(
                    "This site has no settings yet: packing is blocked until they are saved."
                ),
            )
        elif low:
            saved = self._just_saved
            self.banner.show_message("error", lambda: self._low_text(low, saved))
        elif self._just_saved:
            self.banner.show_message(
                "ok", lambda: self.tr("Settings saved: packing uses them from the next carton on.")
            )
        else:
            self.banner.clear()
        self.banner.setVisible(self.banner.kind != "none")
        self.banner.fit_lines(self.width() - 20)  # the layout's side margins

    def _kept_text(self, code: str | None) -> str:
        return self.tr(
            "Edits to {warehouse}'s settings kept, not saved: Save stores them for {warehouse}; "
            "Reload shows the chosen warehouse's."
        ).format(warehouse=code or "")

    def _low_text(self, low, saved: bool) -> str:
        ranges = ", ".join(
            self.tr("{series} ({n} left)").format(series=r.series, n=f"{r.left:,}") for r in low
        )
        text = self.tr(
            "Numbers running low: {ranges}. Ask for a new range and save it here."
        ).format(ranges=ranges)
        return self.tr("Settings saved. {warning}").format(warning=text) if saved else text

    # ---- saving -------------------------------------------------------------------------------
    def document(self) -> dict:
        """The form as a `shipshape.site/1` document, as typed: the worker checks it."""
        text = {key: field.text().strip() for key, field in self.fields.items()}
        return {
            "format": FORMAT,
            "name": text["name"],
            "ship_from": {
                key: text[f"ship_from.{key}"] for key in ADDRESS if text[f"ship_from.{key}"]
            },
            "gs1_company_prefix": text["gs1_company_prefix"],
            "sscc_serial": {"next": text["sscc_serial.next"], "last": text["sscc_serial.last"]},
            "language": self.language.currentData(),
            "carriers": self.carriers.document(),
        }

    def save(self) -> None:
        self._clear_problem()
        self.buttons["save"].setEnabled(False)  # one save at a time
        whose = self.view.warehouse_id if self.view is not None else None  # kept edits too
        self._run("save_site", self.document(), whose, done=self._saved, failed=self._refused)

    def _saved(self, view: SiteView) -> None:
        self.buttons["save"].setEnabled(True)
        self.show_view(view)
        self._just_saved = True
        self._show_banner()

    def _refused(self, exc: BaseException) -> None:
        """Nothing was saved: say why in one line, in red, and point at the field."""
        self.buttons["save"].setEnabled(True)
        self._refusal = exc
        if isinstance(exc, FieldProblem):
            self._mark_problem(str(exc.params.get("field", "")))
        self._show_banner()

    def _refusal_text(self) -> str:
        exc = self._refusal
        problem = error_text(exc)  # a FieldProblem too: its field.<code> message, translated
        return self.tr("Not saved: {problem}").format(problem=problem)

    def _mark_problem(self, field: str) -> None:
        cell = carrier_cell(field)
        if cell is not None:
            self.carriers.mark_problem(*cell)
            return
        widget = self.fields.get(field) or (self.language if field == "language" else None)
        if widget is not None:
            widget.setProperty("problem", True)  # floor.qss: red border
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.setFocus()

    def _clear_problem(self) -> None:
        self._refusal, self._just_saved = None, False
        self.carriers.clear_problem()
        for widget in [*self.fields.values(), self.language]:
            if widget.property("problem"):
                widget.setProperty("problem", False)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
