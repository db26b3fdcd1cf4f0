"""The sign-in screen with the real sign-in use case: a locked PIN says for how long and who
can help, in English and in Chinese (pytest-qt, SQLite central)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from app.bootstrap import open_central
from app.services import users
from station.sign_in import StationServices
from ui.main_window import MainWindow
from ui.worker import SynchronousWorker


@pytest.fixture
def window(qtbot, sqlite_url, tmp_path):
    central = open_central(sqlite_url)
    users.save_user(central.uow(), "Lena", "lead", "9001", "246810", by=central.setup_identity())
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        StationServices(central.uow, "PICK-01"), SynchronousWorker(), settings, station="PICK-01"
    )
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)
    return window


def try_pin(qtbot, window, pin: str) -> str:
    window.handle_scan("B:9001")
    qtbot.waitUntil(lambda: window.sign_in.pin_field.isVisible(), timeout=3000)
    qtbot.keyClicks(window.sign_in.pin_field, pin)
    qtbot.keyClick(window.sign_in.pin_field, Qt.Key.Key_Return)
    return window.sign_in.message.text()


def test_after_five_wrong_pins_the_screen_says_locked_even_for_the_right_pin(qtbot, window):
    for _ in range(4):
        assert try_pin(qtbot, window, "0000") == "✖  Wrong PIN. Try again."
    locked = "✖  PIN locked after too many wrong PINs. Try again in 1 min or ask another lead to unlock it."
    assert try_pin(qtbot, window, "0000") == locked
    assert try_pin(qtbot, window, "246810") == locked
    assert window.current_user is None
    window.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: "分钟后重试" in window.sign_in.message.text(), timeout=3000)
        assert "1 分钟" in window.sign_in.message.text()
    finally:
        window.set_language("en")
