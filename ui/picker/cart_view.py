"""Cart set-up: one tote per order on the cart, scanned before the first task. UI thread only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.steps.picking import PickState
from ui.marks import ok_icon, waiting_icon


class CartView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pickCart")
        self.state: PickState | None = None
        self.prompt = QLabel(objectName="pickStep")
        self.order = QLabel(objectName="pickTote")
        self.hint = QLabel(objectName="hint", wordWrap=True)
        self.slots = QListWidget(objectName="pickCartList")
        self.slots.setIconSize(QSize(36, 36))  # as tall as the list's type
        self.slots.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        layout.addWidget(self.prompt)
        layout.addWidget(self.order, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.hint)
        layout.addWidget(self.slots, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.state is not None:
            self.show_state(self.state)
        super().changeEvent(event)

    def show_state(self, state: PickState) -> None:
        self.state = state
        cart = state.pick_list.cart
        waiting = state.order_needing_tote
        done = sum(1 for slot in cart if slot.tote)
        self.prompt.setText(
            self.tr("Cart set-up: tote {n} of {total}").format(n=done + 1, total=len(cart))
        )
        self.order.setText(
            self.tr("Order {order}").format(order=waiting.order_id if waiting else "")
        )
        self.hint.setText(self.tr("Scan an empty tote (T:…) and put it on the cart."))
        self.slots.clear()
        for number, slot in enumerate(cart, start=1):
            tote = slot.tote or self.tr("scan a tote")
            text = f"{number:>2}.  {slot.order_id}   →   {tote}"
            item = QListWidgetItem(text)
            item.setIcon(ok_icon() if slot.tote else waiting_icon())  # drawn: the font's ✔ is √
            self.slots.addItem(item)
            if slot is waiting:
                self.slots.setCurrentItem(item)  # the order waiting for its tote stands out
