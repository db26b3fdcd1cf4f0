"""Small reportlab pieces shared by the packing slip and the label sheets."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from printing.barcodes import QUIET_MODULES, Symbol
from printing.fonts import label_font, text_width

# Office printers run at 300-1200 dpi: 0.339 mm is 4 dots at 300 dpi and 8 at 600.
OFFICE_MODULE = 0.3386 * mm


def draw_bars(
    pdf: Canvas,
    symbol: Symbol,
    x: float,
    y: float,
    module: float,
    height: float,
    human_size: float = 0,
) -> None:
    """Bars with their bottom-left at (x, y); the human-readable line, if any, below y."""
    for start, run in symbol.bar_runs():
        pdf.rect(x + start * module, y, run * module, height, stroke=0, fill=1)
    if human_size:
        width = len(symbol.modules) * module
        pdf.setFont(label_font(), human_size)
        text_x = x + (width - text_width(symbol.human_text, human_size)) / 2
        pdf.drawString(text_x, y - human_size * 1.1, symbol.human_text)


def module_that_fits(symbol: Symbol, width: float, preferred: float = OFFICE_MODULE) -> float:
    """`preferred`, or the largest whole fraction of it that fits `width` with quiet zones."""
    for divisor in (1, 1.5, 2):
        module = preferred / divisor
        if symbol.width_with_quiet_zones * module <= width:
            return module
    return width / symbol.width_with_quiet_zones


class BarcodeFlowable(Flowable):
    """A barcode in a platypus story, quiet zones included in its width."""

    def __init__(
        self,
        symbol: Symbol,
        module: float = OFFICE_MODULE,
        height: float = 12 * mm,
        human_size: float = 9,
    ) -> None:
        super().__init__()
        self.symbol, self.module, self.bar_height, self.human_size = (
            symbol,
            module,
            height,
            human_size,
        )
        self.width = symbol.width_with_quiet_zones * module
        self.height = height + human_size * 1.4

    def draw(self) -> None:
        draw_bars(
            self.canv,
            self.symbol,
            QUIET_MODULES * self.module,
            self.human_size * 1.4,
            self.module,
            self.bar_height,
            self.human_size,
        )
