"""The printer settings widget: printers are found and test labels printed off the UI thread,
with real label rendering and a real file transport."""

import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.domain.shipment_label import parse_shipment
from printing.labels import render_label_pdf, render_label_zpl
from printing.samples import CHINESE
from printing.transports import FileTransport, PrinterError
from ui.marks import is_ok_html
from ui.printer_settings import LabelPrinterSettings, PrinterChoice, PrinterSettingsWidget

PRINTERS = [PrinterChoice("office-laser", "cups", "idle"), PrinterChoice("10.0.0.7:9100", "zpl")]


class SlowLookup:
    """Answers after a while, like lpstat on a busy cupsd; remembers which thread asked."""

    def __init__(self, printers, delay=0.3):
        self.printers, self.delay, self.threads = printers, delay, []

    def __call__(self):
        self.threads.append(threading.current_thread())
        time.sleep(self.delay)
        return self.printers


@pytest.fixture
def make_widget(qtbot):
    def make(find=None, test_print=None, initial=None):
        widget = PrinterSettingsWidget(
            find or SlowLookup(PRINTERS), test_print or (lambda s: "ok"), initial=initial
        )
        qtbot.addWidget(widget)
        return widget

    return make


def test_looking_for_printers_never_blocks_the_ui_thread(make_widget, qtbot):
    lookup = SlowLookup(PRINTERS, delay=0.5)
    started = time.monotonic()
    widget = make_widget(find=lookup)
    assert time.monotonic() - started < 0.3  # the widget is up before lpstat answers
    assert "Looking for printers" in widget.status.text()
    assert not widget.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: widget.printer_box.count() == 2, timeout=5000)
    assert lookup.threads[0] is not threading.main_thread()
    assert is_ok_html(widget.status.text()) and "2 printer(s)" in widget.status.text()
    assert widget.refresh_button.isEnabled()


def test_a_zpl_printer_gets_zpl_and_settings_are_announced(make_widget, qtbot):
    widget = make_widget()
    qtbot.waitUntil(lambda: widget.printer_box.count() == 2, timeout=5000)
    with qtbot.waitSignal(widget.settings_changed) as changed:
        widget.printer_box.setCurrentIndex(1)
    assert changed.args[0].printer.kind == "zpl" and changed.args[0].label_format == "zpl"
    widget.size_box.setCurrentIndex(widget.size_box.findData("100x150"))
    assert widget.settings() == LabelPrinterSettings(PRINTERS[1], "zpl", "100x150", 203)


def test_the_saved_printer_is_chosen_again(make_widget, qtbot):
    saved = LabelPrinterSettings(PRINTERS[1], "zpl", "4x6", 300)
    widget = make_widget(initial=saved)
    qtbot.waitUntil(lambda: widget.printer_box.count() == 2, timeout=5000)
    assert widget.settings() == saved


def test_test_print_renders_and_sends_a_real_label(make_widget, qtbot, tmp_path):
    folder = tmp_path / "hot-folder"
    threads = []

    def test_print(settings: LabelPrinterSettings) -> str:
        threads.append(threading.current_thread())
        label = parse_shipment(CHINESE)
        render = render_label_zpl if settings.label_format == "zpl" else render_label_pdf
        FileTransport(folder).send(render(label, settings.size, settings.dpi))
        return f"{settings.printer.name}, {settings.label_format.upper()}"

    files = [PrinterChoice(str(folder), "file")]
    widget = make_widget(find=SlowLookup(files, 0), test_print=test_print)
    qtbot.waitUntil(lambda: widget.printer_box.count() == 1, timeout=5000)
    widget.format_box.setCurrentIndex(widget.format_box.findData("zpl"))
    widget.test_button.click()
    assert "Sending a test label" in widget.status.text()
    qtbot.waitUntil(lambda: "Test label sent" in widget.status.text(), timeout=10000)
    assert threads[0] is not threading.main_thread()
    (sent,) = folder.iterdir()
    assert sent.read_bytes().startswith(b"^XA^CI28^PW812^LL1218")


def test_failures_are_shown_with_what_to_do(make_widget, qtbot):
    def offline():
        raise PrinterError("lpstat not found: install the CUPS client (Debian: cups-client)")

    def jammed(settings):
        raise PrinterError("tcp:10.0.0.7:9100: paper out")

    widget = make_widget(find=offline)
    qtbot.waitUntil(lambda: "Could not list printers" in widget.status.text(), timeout=5000)
    assert "cups-client" in widget.status.text() and widget.status.text().startswith("✖")
    widget.test_button.click()
    assert "Choose a printer first" in widget.status.text()

    widget = make_widget(test_print=jammed)
    qtbot.waitUntil(lambda: widget.printer_box.count() == 2, timeout=5000)
    widget.test_button.click()
    qtbot.waitUntil(lambda: "paper out" in widget.status.text(), timeout=5000)
    assert "Check paper" in widget.status.text() and widget.test_button.isEnabled()


class FakeChinese(QTranslator):
    """Stands in for the compiled .qm: answers for the PrinterSettings context only."""

    WORDS = {
        "Label printer": "标签打印机",
        "Test print": "测试打印",
        "{n} printer(s) found.": "找到 {n} 台打印机。",
    }

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.WORDS.get(source) if context == "PrinterSettings" else None

    def isEmpty(self):  # noqa: N802 - Qt's name
        return False


def test_a_language_switch_retranslates_the_widget(make_widget, qtbot):
    widget = make_widget()
    qtbot.waitUntil(lambda: widget.printer_box.count() == 2, timeout=5000)
    translator = FakeChinese()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: widget.test_button.text() == "测试打印", timeout=2000)
        assert widget._captions["printer"].text() == "标签打印机"
        assert "找到 2 台打印机" in widget.status.text()
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: widget.test_button.text() == "Test print", timeout=2000)
