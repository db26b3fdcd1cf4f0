"""The app shell: sign-in, role homes, language switch and the database worker (pytest-qt)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLineEdit

from app.domain.users import Role, User
from app.errors import NotAllowed, NotFound, PinRequired
from app.messages import message
from app.scanning.interpret import interpret
from ui.app import install_scan_filter, load_fonts, load_stylesheet
from ui.i18n import TRANSLATIONS_DIR
from ui.main_window import MainWindow
from ui.worker import DatabaseWorker, SynchronousWorker

ROOT = Path(__file__).resolve().parents[2]


class FakeStationServices:
    """Behaves like the sign-in use case: three users, the lead's PIN is 4321."""

    def __init__(self):
        self.users = {
            "1001": User("李娜", Role.PICKER, "1001"),
            "1007": User("Pieter Smit", Role.PACKER, "1007"),
            "1011": User("Maria Jansen", Role.LEAD, "1011"),
        }
        self.calls: list[tuple[str, str | None]] = []
        self.threads: set[int] = set()
        self.gate: threading.Event | None = None  # set to hold sign-in until released
        self.failure: Exception | None = None

    def sign_in(self, badge: str, pin: str | None) -> User:
        self.calls.append((badge, pin))
        self.threads.add(threading.get_ident())
        if self.gate is not None:
            self.gate.wait(5)
        if self.failure is not None:
            raise self.failure
        user = self.users.get(badge.removeprefix("B:"))
        if user is None:
            raise NotFound(message("sign_in.badge_unknown", badge=badge))  # as users.sign_in
        if user.role is Role.LEAD:
            if not pin:
                raise PinRequired(user.name)
            if pin != "4321":
                raise NotAllowed(message("sign_in.wrong_pin"))
        return user


@pytest.fixture(scope="module", autouse=True)
def floor_style(qapp):
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")  # other modules' widgets keep Qt's default look


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def services():
    return FakeStationServices()


@pytest.fixture
def worker():
    worker = DatabaseWorker()
    yield worker
    worker.shutdown()


@pytest.fixture
def window(qtbot, services, worker, settings):
    window = MainWindow(services, worker, settings, station="PICK-01")
    qtbot.addWidget(window)
    window.show()
    return window


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def wait_for_home(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.current_user is not None, timeout=3000)


def wait_for_message(qtbot, window: MainWindow, kind: str) -> str:
    qtbot.waitUntil(lambda: window.sign_in.message.kind == kind, timeout=3000)
    return window.sign_in.message.text()


# --- signing in -----------------------------------------------------------------------------


def test_picker_types_badge_and_lands_on_picker_home(qtbot, window, services):
    assert window.screens.currentWidget() is window.sign_in
    qtbot.waitUntil(lambda: window.focusWidget() is window.sign_in.badge_field, timeout=3000)
    type_into(qtbot, window.sign_in.badge_field, "1001")
    wait_for_home(qtbot, window)
    assert window.screens.currentWidget() is window.home
    assert window.home.greeting.text() == "Hello, 李娜"
    assert window.home.role.text() == "Picker"
    assert window.top_bar.user_label.text() == "李娜 · Picker"
    assert services.calls == [("1001", None)]
    assert threading.get_ident() not in services.threads, "sign-in must not run on the UI thread"


def test_packer_signs_in_by_scanning_the_badge_barcode(qtbot, window, services):
    window.handle_scan("B:1007")
    wait_for_home(qtbot, window)
    assert window.current_user.role is Role.PACKER
    assert window.home.role.text() == "Packer"
    assert services.calls == [("1007", None)]


def test_lead_needs_a_masked_pin(qtbot, window, services):
    window.handle_scan("B:1011")
    qtbot.waitUntil(lambda: window.sign_in.pin_field.isVisible(), timeout=3000)
    assert window.current_user is None
    assert not window.sign_in.badge_field.isVisible()
    assert window.sign_in.prompt.text() == "Enter your PIN"
    assert window.sign_in.pin_field.echoMode() == QLineEdit.EchoMode.Password
    type_into(qtbot, window.sign_in.pin_field, "4321")
    wait_for_home(qtbot, window)
    assert window.home.role.text() == "Shift lead"
    assert services.calls == [("1011", None), ("1011", "4321")]


def test_wrong_pin_says_so_and_asks_again(qtbot, window):
    window.handle_scan("1011")
    qtbot.waitUntil(lambda: window.sign_in.pin_field.isVisible(), timeout=3000)
    type_into(qtbot, window.sign_in.pin_field, "1111")
    assert wait_for_message(qtbot, window, "error") == "✖  Wrong PIN. Try again."
    assert window.current_user is None
    assert window.sign_in.pin_field.isVisible() and window.sign_in.pin_field.text() == ""


def test_unknown_badge_says_what_to_do(qtbot, window):
    type_into(qtbot, window.sign_in.badge_field, "B:1234")
    text = wait_for_message(qtbot, window, "error")
    assert text == "✖  Badge 1234 is not known. Ask your shift lead to register it."
    assert window.current_user is None
    assert window.sign_in.badge_field.isVisible() and window.sign_in.badge_field.text() == ""


@pytest.mark.parametrize("scan", ["L:A01-001-L-1", "4006381333931", "T:0042"])
def test_a_scan_that_is_not_a_badge_is_refused_without_asking_the_database(
    qtbot, window, services, scan
):
    window.handle_scan(scan)
    assert window.sign_in.message.kind == "error"
    assert window.sign_in.message.text() == (
        f"✖  That was not a badge ({scan}). Scan the barcode on your badge."
    )
    assert services.calls == []


def test_empty_badge_asks_for_one_without_calling_the_services(qtbot, window, services):
    qtbot.keyClick(window.sign_in.badge_field, Qt.Key.Key_Return)
    assert window.sign_in.message.kind == "error"
    assert "Scan your badge or type its number first." in window.sign_in.message.text()
    assert services.calls == []


def test_a_broken_database_is_reported_not_raised(qtbot, window, services):
    services.failure = RuntimeError("database is locked\n[SQL: SELECT * FROM users WHERE badge=?]")
    window.handle_scan("B:1001")
    text = wait_for_message(qtbot, window, "error")
    assert "Could not sign in (RuntimeError: database is locked). Try again" in text
    assert "SQL" not in text
    assert window.sign_in.sign_in_button.isEnabled()


def test_ui_stays_responsive_while_the_badge_is_checked(qtbot, window, services):
    services.gate = threading.Event()
    window.handle_scan("B:1001")
    # The UI thread is free: the button is disabled and the worker is told what is happening.
    assert not window.sign_in.sign_in_button.isEnabled()
    assert window.sign_in.message.text() == "›  Checking badge 1001…"
    window.handle_scan("B:1001")  # a second scan while busy is ignored
    services.gate.set()
    wait_for_home(qtbot, window)
    assert services.calls == [("1001", None)]


def test_sign_out_by_button_and_by_command_barcode(qtbot, window):
    window.handle_scan("B:1001")
    wait_for_home(qtbot, window)
    qtbot.mouseClick(window.top_bar.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.current_user is None and window.screens.currentWidget() is window.sign_in
    assert window.top_bar.user_label.text() == "Not signed in"
    assert not window.top_bar.sign_out_button.isVisible()
    window.handle_scan("B:1007")
    wait_for_home(qtbot, window)
    window.handle_scan("C:LOGOUT")
    assert window.current_user is None and window.screens.count() == 1


def test_a_wedge_scanner_burst_signs_in_without_typing_into_the_field(qtbot, qapp, window):
    pytest.importorskip("ui.wedge", reason="the keyboard-wedge filter is not built yet")
    scan_filter = install_scan_filter(qapp, window)
    try:
        window.activateWindow()
        window.sign_in.badge_field.setFocus()
        # A scanner types its badge barcode in a few milliseconds and ends with Enter.
        qtbot.keyClicks(window.sign_in.badge_field, "B:1007")
        qtbot.keyClick(window.sign_in.badge_field, Qt.Key.Key_Return)
        wait_for_home(qtbot, window)
        assert window.current_user.role is Role.PACKER
    finally:
        qapp.removeEventFilter(scan_filter)


def test_a_serial_scanner_scan_arrives_interpreted(qtbot, window, services):
    window.handle_scan(interpret("B:1001"))  # what the device bridge delivers
    wait_for_home(qtbot, window)
    assert services.calls == [("1001", None)]


# --- language -------------------------------------------------------------------------------


def test_language_switch_retranslates_live_and_is_remembered(qtbot, window, services, settings):
    zh_button = next(b for b in window.top_bar.language_buttons.buttons() if b.text() == "简体中文")
    qtbot.mouseClick(zh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sign_in.prompt.text() == "请扫描您的工牌", timeout=3000)
    assert window.top_bar.user_label.text() == "未登录"
    assert window.sign_in.sign_in_button.text() == "登录"
    assert settings.value("ui/language") == "zh_CN"
    # A message already showing is re-rendered too.
    window.handle_scan("1234")
    assert wait_for_message(qtbot, window, "error") == "✖  工牌 1234 未登记。请联系班组长登记。"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.sign_in.prompt.text() == "Scan your badge", timeout=3000)
    assert "Badge 1234 is not known" in window.sign_in.message.text()
    window.set_language("zh_CN")
    window.close()
    again = MainWindow(services, SynchronousWorker(), settings, station="PICK-01")
    qtbot.addWidget(again)
    assert again.sign_in.prompt.text() == "请扫描您的工牌"
    again.handle_scan("B:1001")
    assert again.home.role.text() == "拣货员"
    again.set_language("en")


def test_bundled_fonts_cover_simplified_chinese(qapp):
    families = load_fonts()
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    assert chinese & set(families), f"no CJK font among {families}: CJK would show as boxes"


# --- the worker -----------------------------------------------------------------------------


def test_worker_runs_off_the_ui_thread_and_delivers_on_it(qtbot, worker):
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}
    results: list[int] = []

    def task(x):
        seen["task"] = threading.get_ident()
        return x * 2

    def done(value):
        seen["callback"] = threading.get_ident()
        results.append(value)

    worker.submit(task, 21, on_success=done)
    qtbot.waitUntil(lambda: results == [42], timeout=3000)
    assert seen["task"] != ui_thread
    assert seen["callback"] == ui_thread


def test_worker_delivers_failures_on_the_ui_thread(qtbot, worker):
    failures: list[tuple[BaseException, int]] = []

    def boom():
        raise NotFound("no such badge")

    worker.submit(boom, on_failure=lambda exc: failures.append((exc, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(failures), timeout=3000)
    exc, thread = failures[0]
    assert isinstance(exc, NotFound) and thread == threading.get_ident()


def test_worker_never_blocks_the_ui_thread_and_keeps_order(qtbot, worker):
    release = threading.Event()
    done: list[str] = []
    ticks: list[int] = []
    timer = QTimer(interval=5, timeout=lambda: ticks.append(1))
    timer.start()
    started = time.perf_counter()
    worker.submit(release.wait, 5, on_success=lambda _: done.append("slow"))
    worker.submit(lambda: "fast", on_success=done.append)
    assert time.perf_counter() - started < 0.05, "submit must return at once"
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)  # the event loop keeps running
    assert done == []
    release.set()
    qtbot.waitUntil(lambda: done == ["slow", "fast"], timeout=3000)
    timer.stop()


def test_synchronous_worker_has_the_same_interface():
    worker = SynchronousWorker()
    got: list[object] = []
    worker.submit(pow, 2, 5, on_success=got.append)
    worker.submit(int, "x", on_failure=got.append)
    assert got[0] == 32 and isinstance(got[1], ValueError)
    assert QApplication.instance() is not None  # the qapp fixture of the module is alive


# --- start-up and translations --------------------------------------------------------------


RUN_APP_SCRIPT = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from ui.app import run_app
from ui.main_window import MainWindow
from ui.worker import DatabaseWorker

class NoUsers:
    def sign_in(self, badge, pin):
        raise LookupError(badge)

workers = []
def make_worker():
    workers.append(DatabaseWorker())
    return workers[-1]

def look_then_quit():
    app = QApplication.instance()
    for w in app.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            print("window", w.station, w.windowTitle(), w.sign_in.prompt.text())
    print("styled", "font-size" in app.styleSheet())
    print("fonts", app.font().families())
    app.quit()

app = QApplication([])  # run_app reuses it; the timer needs it first
QTimer.singleShot(100, look_then_quit)
status = run_app(NoUsers(), make_worker, station="PACK-02",
                 settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
print("stopped", workers[0]._executor._shutdown, "status", status)
"""


def test_run_app_starts_the_station_and_stops_the_worker(tmp_path):
    # A process of its own: after QApplication.exec() returns, Qt activates no more windows.
    result = subprocess.run(
        [sys.executable, "-c", RUN_APP_SCRIPT, str(tmp_path / "station.ini")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "window PACK-02 Shipshape — station PACK-02 Scan your badge" in lines
    assert "styled True" in lines
    assert any(line.startswith("fonts") and "WenQuanYi" in line for line in lines)
    assert lines[-1] == "stopped True status 0"


def test_every_ui_text_has_a_chinese_translation(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip(f"{lupdate} not installed (it comes with PySide6)")
    ts = tmp_path / "check.ts"
    shutil.copy(TRANSLATIONS_DIR / "shipshape_zh_CN.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))  # subpackages too
    subprocess.run(
        [str(lupdate), "-no-obsolete", *sources, "-ts", str(ts)], check=True, capture_output=True
    )
    missing = [
        m.findtext("source")
        for m in ElementTree.parse(ts).iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert not missing, f"untranslated (run resources/translations/update.sh): {missing}"
    # The committed .qm is the compiled committed .ts (lrelease output is byte-stable).
    lrelease = lupdate.with_name("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(lrelease), str(TRANSLATIONS_DIR / "shipshape_zh_CN.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = TRANSLATIONS_DIR / "shipshape_zh_CN.qm"
    assert fresh.read_bytes() == committed.read_bytes(), (
        "stale .qm: run resources/translations/update.sh"
    )
