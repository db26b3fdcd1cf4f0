"""The Transfers section's tables (ui/lead/transfers_section.py): one row per transfer line, and
the transfers the rule proposes. UI thread only."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ui.lead.models import RowsModel, tr

# What a transfer's status reads as (app/services/transfers.py); the status word as well as the
# row, never a colour alone.
STATUS_WORDS = {
    "open": QT_TRANSLATE_NOOP("TransferStatus", "open"),
    "allocated": QT_TRANSLATE_NOOP("TransferStatus", "allocated"),
    "picked": QT_TRANSLATE_NOOP("TransferStatus", "picked"),
    "in transit": QT_TRANSLATE_NOOP("TransferStatus", "in transit"),
    "received": QT_TRANSLATE_NOOP("TransferStatus", "received"),
    "cancelled": QT_TRANSLATE_NOOP("TransferStatus", "cancelled"),
}
CANCELLABLE = ("open", "allocated")  # the use case says the last word (on a wave: refused)


def status_word(status: str) -> str:
    word = STATUS_WORDS.get(status)
    return status if word is None else QCoreApplication.translate("TransferStatus", word)


@dataclass(frozen=True)
class TransferRow:
    transfer: str
    source: str
    target: str
    state: str  # not `status`: the lead models colour rows by a `status` of the board's words
    sku: str
    quantity: int
    shipped: int
    received: int
    in_transit: int
    made_by: str = "lead"  # "rule": the automatic transfer made it for `face`
    face: str | None = None


def transfer_rows(found) -> list[TransferRow]:
    return [
        TransferRow(
            t.transfer,
            t.source,
            t.target,
            t.status,
            x.sku,
            x.quantity,
            x.shipped,
            x.received,
            x.in_transit,
            t.made_by,
            t.face,
        )
        for t in found
        for x in t.lines
    ]


def made_by_word(row: TransferRow) -> str:
    """Who made it, short enough for the column: a lead, or the rule and the face it was for."""
    if row.made_by != "rule":
        return QCoreApplication.translate("TransferMadeBy", "lead")
    text = QCoreApplication.translate("TransferMadeBy", "auto: {face}")
    return text.format(face=row.face or "?")


def made_by_sentence(row: TransferRow) -> str:
    """The same in full, as the cell's tooltip."""
    if row.made_by != "rule":
        return QCoreApplication.translate("TransferMadeBy", "Made by a lead")
    text = QCoreApplication.translate(
        "TransferMadeBy",
        "Made automatically: pick face {face} was below its min with no reserve in {target}",
    )
    return text.format(face=row.face or "?", target=row.target)


# Last, so it stretches: a long face code is cut there (with "…"; the tooltip has it whole),
# never the numbers before it.
MADE_BY_COLUMN = 9


class TransfersModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Transfer")), lambda r: r.transfer),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "From")), lambda r: r.source),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "To")), lambda r: r.target),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Status")), lambda r: status_word(r.state)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "SKU")), lambda r: r.sku),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Units")), lambda r: str(r.quantity)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Shipped")), lambda r: str(r.shipped)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Received")), lambda r: str(r.received)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "In transit")), lambda r: str(r.in_transit)),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Made by")), made_by_word),
            ],
            parent,
            key=lambda r: (r.transfer, r.sku),
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """The made-by cell's tooltip says it in full (the face, the receiving warehouse)."""
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == MADE_BY_COLUMN
        ):
            return made_by_sentence(self.rows[index.row()])
        return super().data(index, role)


class ProposalsModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Pick face")), lambda p: p["face"]),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "SKU")), lambda p: p["sku"]),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "From")), lambda p: p["from"]),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "To")), lambda p: p["to"]),
                (tr(QT_TRANSLATE_NOOP("LeadColumns", "Units")), lambda p: str(p["quantity"])),
            ],
            parent,
            key=lambda p: (p["face"], p["sku"], p["from"]),
        )
