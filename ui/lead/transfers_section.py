"""Transfers, a section of the Dispatch tab (docs/lead.md, "Transfers"): what the chosen
warehouse sends or receives (each line's units, shipped, received, in transit), the transfers
the rule proposes for its pick faces, making one and cancelling one that is not picked yet.

In the Dispatch tab, not a tab of its own: a tenth tab does not fit the tab row at 1280 px in
English, and a transfer leaves like any order, from the dock, on a carrier's manifest.

UI thread only; every read and change runs on the console's worker (`run`), as
`shipshape transfer(s)` does it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.lead.transfers_models import (
    CANCELLABLE,
    ProposalsModel,
    TransfersModel,
    transfer_rows,
)
from ui.messages import error_text

MAX_UNITS = 1_000_000  # app/services/transfers.py MAX_QUANTITY
# A notch smaller than the other lead tabs (three rows share the Dispatch tab with the dock),
# still big type; a refusal in strong red with words. Wins over the floor stylesheet. The
# header's own font too, not only its sections': Qt measures a section with the header's font,
# and the floor's bigger one made every column wider than its text (ten columns and the
# proposals side by side at 1280 px need that room).
STYLE = """
QTableView { font-size: 20px; }
QHeaderView { font-size: 18px; }
QHeaderView::section { font-size: 18px; padding: 4px 4px; }
QLineEdit, QComboBox, QSpinBox { min-height: 44px; font-size: 24px; }
QPushButton { min-height: 48px; font-size: 24px; padding: 0 16px; }
QLabel { font-size: 24px; }
QLabel#sectionTitle { font-size: 26px; font-weight: bold; color: #0b2a66; }
QLabel#transferResult[kind="error"] { background: #b00020; color: #ffffff; font-weight: bold;
    padding: 2px 10px; border-radius: 6px; }
QLabel#transferResult[kind="ok"] { color: #0a6b2d; font-weight: bold; }
"""


def _table(name: str, model) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(32)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(104)  # the header and two rows, at least
    # The columns fit at 1280 px in either language; a few pixels short must not cost a row.
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


class TransfersSection(QWidget):
    def __init__(self, run, parent=None):
        super().__init__(parent)
        self.setObjectName("transfersSection")
        self.setStyleSheet(STYLE)
        self._run = run
        self.desk = None  # the last TransferDesk read
        self.lines: list[tuple[str, int]] = []  # the transfer being made
        self._result = None  # (kind, text function) shown under the form
        self.title = QLabel(objectName="sectionTitle")
        self.transfers = TransfersModel(self)
        self.view = _table("transfersTable", self.transfers)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.proposals = ProposalsModel(self)
        self.proposal_view = _table("proposalsTable", self.proposals)
        self.proposal_view.selectionModel().selectionChanged.connect(self._selected)
        self.cancel_button = QPushButton(objectName="secondary")
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.propose_button = QPushButton(objectName="secondary")
        self.propose_button.clicked.connect(self.make_proposed)
        self._build_form()
        self.result = QLabel(objectName="transferResult")
        self.result.setWordWrap(True)
        self._lay_out()
        self._selected()
        self.retranslate()
        self.setVisible(False)  # until the desk says there are two warehouses to send between

    def _build_form(self) -> None:
        self.source, self.target = QComboBox(objectName="transferFrom"), QComboBox()
        self.target.setObjectName("transferTo")
        self.source_label, self.target_label = QLabel(), QLabel()
        self.sku = QLineEdit(objectName="transferSku")
        self.sku.returnPressed.connect(self.add_line)
        self.quantity = QSpinBox(objectName="transferUnits", minimum=1, maximum=MAX_UNITS)
        self.add_button = QPushButton(objectName="secondary")
        self.add_button.clicked.connect(self.add_line)
        self.make_button = QPushButton(objectName="primary")
        self.make_button.clicked.connect(self.make)
        self.pending = QLabel(objectName="transferLines")
        # Kept after a refusal (a wrong To is fixed without typing them again); a wrong SKU
        # is dropped with the lines.
        self.clear_button = QPushButton(objectName="secondary")
        self.clear_button.clicked.connect(self.clear_lines)

    def _lay_out(self) -> None:
        # Four rows at most, so the dock above keeps its room at 1280×800: the actions on the
        # title's row, the lines being added next to the last answer.
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.propose_button)
        tables = QHBoxLayout()
        tables.addWidget(self.view, 9)
        tables.addWidget(self.proposal_view, 4)
        form = QHBoxLayout()
        for widget in (self.source_label, self.source, self.target_label, self.target):
            form.addWidget(widget)
        form.addWidget(self.sku, 2)
        form.addWidget(self.quantity, 1)
        form.addWidget(self.add_button)
        form.addWidget(self.make_button)
        told = QHBoxLayout()
        told.addWidget(self.pending)
        told.addWidget(self.clear_button)
        told.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(tables, 1)
        layout.addLayout(form)
        layout.addLayout(told)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """No: else the wrapped answer under the form makes the screen ask for every table's
        preferred height and scroll at 1280×800. The answer wraps inside the room it gets."""
        return False

    def retranslate(self) -> None:
        self.title.setText(self.tr("Transfers"))
        self.cancel_button.setText(self.tr("Cancel transfer…"))
        self.propose_button.setText(self.tr("Make the proposed transfer"))
        self.source_label.setText(self.tr("From"))
        self.target_label.setText(self.tr("To"))
        self.sku.setPlaceholderText(self.tr("SKU"))
        self.quantity.setToolTip(self.tr("Units"))
        self.add_button.setText(self.tr("Add line"))
        self.make_button.setText(self.tr("Make transfer"))
        self.clear_button.setText(self.tr("Clear lines"))
        self.transfers.retranslate()
        self.proposals.retranslate()
        self._show_pending()
        self._show_result()

    # ---- reading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._run("transfers", done=self.show_desk, failed=self._refused)

    def show_desk(self, desk) -> None:
        self.desk = desk
        self.setVisible(len(desk.warehouses) > 1)  # a single site: the dock has the whole tab
        self.transfers.set_rows(transfer_rows(desk.transfers))
        self.proposals.set_rows(desk.proposals)
        self._choices(desk)
        self._selected()

    def _choices(self, desk) -> None:
        """From and To: every warehouse; at first another one sends to the chosen one."""
        if [self.source.itemText(i) for i in range(self.source.count())] == desk.warehouses:
            return  # the lead's choices stay as they are
        for box in (self.source, self.target):
            box.clear()
            box.addItems(desk.warehouses)
        here = desk.chosen or (desk.warehouses[-1] if desk.warehouses else "")
        others = [code for code in desk.warehouses if code != here]
        self.target.setCurrentText(here)
        if others:
            self.source.setCurrentText(others[0])

    def selected_transfer(self):
        row = self.view.currentIndex().row()
        selected = self.view.selectionModel().hasSelection()
        return self.transfers.rows[row] if selected and row < len(self.transfers.rows) else None

    def selected_proposal(self):
        row = self.proposal_view.currentIndex().row()
        selected = self.proposal_view.selectionModel().hasSelection()
        return self.proposals.rows[row] if selected and row < len(self.proposals.rows) else None

    def _selected(self, *_args) -> None:
        chosen = self.selected_transfer()
        self.cancel_button.setEnabled(chosen is not None and chosen.state in CANCELLABLE)
        self.propose_button.setEnabled(self.selected_proposal() is not None)

    # ---- changing ---------------------------------------------------------------------------
    def add_line(self) -> None:
        sku = self.sku.text().strip()
        if sku:
            self.lines.append((sku, self.quantity.value()))
            self.sku.clear()
            self.quantity.setValue(1)
            self._show_pending()
        self.sku.setFocus()

    def clear_lines(self) -> None:
        self.lines = []
        self._show_pending()
        self.sku.setFocus()

    def make(self) -> None:
        """Make the transfer of the lines added (and the SKU still in the field)."""
        self.add_line()
        if not self.lines:
            self._show("error", lambda: self.tr("Add at least one SKU and its units."))
            return
        source, target = self.source.currentText(), self.target.currentText()
        if source == target:
            self._show("error", lambda: self.tr("From and To must be two warehouses."))
            return
        lines = list(self.lines)
        self._run("make_transfer", source, target, lines, done=self._made, failed=self._refused)

    def make_proposed(self) -> None:
        found = self.selected_proposal()
        if found is not None:
            lines = [(found["sku"], found["quantity"])]
            args = (found["from"], found["to"], lines)
            self._run("make_transfer", *args, done=self._made_proposed, failed=self._refused)

    def _made(self, made) -> None:
        self.lines = []
        self._show_pending()
        self._made_proposed(made)

    def _made_proposed(self, made) -> None:
        units = sum(x.quantity for x in made.lines)
        self._show(
            "ok",
            lambda: self.tr(
                "Transfer {transfer} made: {units} units from {source} to {target}."
            ).format(transfer=made.transfer, units=units, source=made.source, target=made.target),
        )
        self.refresh()

    def confirm(self, question: str) -> bool:
        """Asks before a change that cannot be undone (tests replace it)."""
        answer = QMessageBox.question(self, self.tr("Please confirm"), question)
        return answer == QMessageBox.StandardButton.Yes

    def ask_cancel(self) -> None:
        chosen = self.selected_transfer()
        if chosen is None:
            return
        question = self.tr(
            "Cancel transfer {transfer} from {source} to {target}? Its reserved stock at "
            "{source} is freed and {target} expects nothing more."
        ).format(transfer=chosen.transfer, source=chosen.source, target=chosen.target)
        if self.confirm(question):
            self._run(
                "cancel_transfer", chosen.transfer, done=self._cancelled, failed=self._refused
            )

    def _cancelled(self, made) -> None:
        self._show(
            "ok",
            lambda: self.tr("Transfer {transfer} cancelled: nothing of it is in transit.").format(
                transfer=made.transfer
            ),
        )
        self.refresh()

    # ---- telling ------------------------------------------------------------------------------
    def _refused(self, exc: BaseException) -> None:
        self._show("error", lambda: error_text(exc))

    def _show(self, kind: str, text) -> None:
        self._result = (kind, text)
        self._show_result()

    def _show_result(self) -> None:
        kind, text = self._result or ("none", lambda: "")
        self.result.setProperty("kind", kind)
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text())
        self.result.setVisible(kind != "none")  # no empty line taking the dock's room

    def _show_pending(self) -> None:
        self.pending.setVisible(bool(self.lines))
        self.clear_button.setVisible(bool(self.lines))
        if not self.lines:
            self.pending.setText("")
            return
        shown = ", ".join(f"{sku} × {units}" for sku, units in self.lines)
        self.pending.setText(self.tr("To send: {lines}").format(lines=shown))
