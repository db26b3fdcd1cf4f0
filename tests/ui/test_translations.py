"""No user-facing text bypasses translation.

(a) ui/ passes no English literal straight to a widget: it goes through tr()/translate;
(b) every message id app/ and db/ use has an English template, the same template in
    ui/messages.py (where lupdate finds it) and a finished zh_CN translation in the .ts file;
(c) with Chinese installed, every message id renders with no English sentence left.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.messages import TEMPLATES, UNTRANSLATED, Message
from app.services.lead.exceptions import KIND_SUMMARIES
from ui.i18n import LanguageSwitch
from ui.messages import SOURCE, message_text

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "shipshape_zh_CN.ts"

# Calls that put text on a screen, and which of their arguments is the text (None: all).
TEXT_CALLS: dict[str, slice] = {
    name: slice(None)
    for name in [
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setPlaceholderText",
        "setStatusTip",
        "setWhatsThis",
        "setTitle",
        "setTabText",
        "addItem",
        "addItems",
        "insertItem",
        "setHeaderLabels",
        "setLabelText",
        "setHorizontalHeaderLabels",
        "setInformativeText",
        "setDetailedText",
        "setAccessibleName",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
    ]
}
TEXT_CALLS |= {"show_message": slice(1, None), "addTab": slice(1, None)}
TEXT_CALLS |= {name: slice(1, None) for name in ("information", "warning", "critical", "question")}
LOGGERS = {"log", "logger", "logging"}  # log lines are for the people who run the station
WORD = re.compile(r"[A-Za-z]{2,}")
UNITS = {"kg", "cm", "mm"}  # unit symbols read the same in every language we ship


def _has_words(node: ast.AST) -> bool:
    """An English word written literally in this argument (not inside a tr() call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(w not in UNITS for w in WORD.findall(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.Lambda):
        return _has_words(node.body)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(e) for e in node.elts)
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    return False


def untranslated_literals(source: str, where: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
                continue
            name = func.attr
        else:
            name = getattr(func, "id", None)
        if name not in TEXT_CALLS:
            continue
        args = node.args[TEXT_CALLS[name]] + [k.value for k in node.keywords if k.arg == "text"]
        found += [
            f"{where}:{node.lineno}: {name}({ast.unparse(arg)[:70]})"
            for arg in args
            if _has_words(arg)
        ]
    return found


def test_ui_puts_no_english_literal_on_a_widget():
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        found += untranslated_literals(path.read_text(encoding="utf-8"), path.name)
    assert found == [], "wrap these in self.tr()/QCoreApplication.translate:\n" + "\n".join(found)


def test_the_scan_catches_a_bypass():
    bypass = 'label.setText("Tote empty")\nbanner.show_message("error", lambda: f"No {x} here")\n'
    wrapped = 'label.setText(self.tr("Tote empty"))\nlog.warning("no printer %s", p)\n'
    assert len(untranslated_literals(bypass, "x.py")) == 2
    assert untranslated_literals(wrapped, "x.py") == []


# ---- (b) message ids: registered, mirrored for lupdate, translated -------------------------------
def _ids_used_in_code() -> set[str]:
    """Literal ids in `message("id", ...)` calls and the ids in lookup tables of app/ and db/."""
    used = set()
    for folder in ("app", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", None) == "message"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    used.add(node.args[0].value)
    return used | {message_id for message_id, _ in KIND_SUMMARIES.values()}


def test_every_message_id_used_has_an_english_template():
    used = _ids_used_in_code()
    assert len(used) > 40  # the scan finds the calls
    assert sorted(used - set(TEMPLATES)) == []


def test_ui_messages_repeat_every_template_exactly():
    expected = {k: v for k, v in TEMPLATES.items() if k not in UNTRANSLATED}
    assert expected == SOURCE, "run .venv/bin/python tools/ui_messages.py"


def _translations() -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(TS_FILE).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_ui_text_has_a_finished_chinese_translation():
    unfinished = [
        source
        for (_, source), translation in _translations().items()
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert unfinished == [], "translate these in shipshape_zh_CN.ts, then run update.sh"


def test_every_message_template_is_in_the_translation_file():
    known = _translations()
    missing = [t for t in SOURCE.values() if ("Messages", t) not in known]
    assert missing == [], "run resources/translations/update.sh and translate"


def _verdict_ids(path: Path, position: int, makers=("Verdict",)) -> set[str]:
    """Literal ids a step machine puts in its `Verdict(...)` (or a refusal helper's call) at
    argument `position`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) in makers
            and len(node.args) > position
            and isinstance(node.args[position], ast.Constant)
        ):
            found.add(node.args[position].value)
    return found


STEPS = ROOT / "app" / "steps"
# Packer verdicts the screen words with texts of its own (the carton's label and numbers, the
# lead's name), never through verdict_text.
PACKER_OWN_TEXTS = {"closed", "override"}


def test_every_station_step_verdict_has_words_on_its_screen(qapp):
    from ui.picker import messages as picker_words

    picker_files = ("picking.py", "picking_short.py", "picking_state.py")
    picker_ids = set().union(*(_verdict_ids(STEPS / name, 1) for name in picker_files))
    assert len(picker_ids) > 10
    assert sorted(picker_ids - set(picker_words._texts())) == []
    packer_ids = set().union(
        *(
            _verdict_ids(STEPS / name, 1, ("Verdict", "refuse"))
            for name in ("packing.py", "packing_close.py")
        )
    )
    assert {"packed", "wrong_item", "serial_expected", "undone"} <= packer_ids
    packer_source = (ROOT / "ui" / "packer" / "texts.py").read_text(encoding="utf-8")
    unworded = [i for i in packer_ids - PACKER_OWN_TEXTS if f'"{i}":' not in packer_source]
    assert unworded == []


def test_every_loader_verdict_has_words_on_its_screen(qapp):
    from app.steps.dispatch import STATUS_REFUSALS
    from ui.loader import texts as loader_words

    ids = _verdict_ids(STEPS / "dispatch.py", 1, ("Verdict", "refuse"))
    ids |= set(STATUS_REFUSALS.values()) | {"loaded", "order_complete"}  # chosen in place
    assert {"unknown_parcel", "other_carrier", "already_loaded", "unloaded"} <= ids
    assert sorted(ids - set(loader_words._texts())) == []


# ---- (c) Chinese on screen: no English sentence left ----------------------------------------------
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:.'()]+[A-Za-z]{2,}){2,}")  # three words or more


@pytest.fixture
def chinese(qapp, tmp_path):
    switch = LanguageSwitch(QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat))
    switch.apply("zh_CN")
    yield switch
    switch.uninstall()


def _sample(message_id: str) -> Message:
    """The message with every parameter filled by a number, so any word left is the template's."""
    names = re.findall(r"{(\w+)", TEMPLATES[message_id])
    return Message(message_id, {name: 7 for name in names})


@pytest.mark.parametrize("message_id", sorted(set(TEMPLATES) - UNTRANSLATED))
def test_each_message_reads_in_chinese(chinese, message_id):
    text = message_text(_sample(message_id))
    assert text != _sample(message_id).english() or not WORD.search(text)
    assert ENGLISH_RUN.search(text) is None, text
    assert re.search(r"[\u4e00-\u9fff]", text), text


def test_nested_messages_read_in_chinese_too(chinese):
    reason = Message("short_reason.empty")
    short = Message(
        "exception.short_pick_reason",
        {"sku": "MILK", "location": "A-1", "shortfall": 2, "reason": reason},
    )
    text = message_text(Message("exception.reported_by", {"summary": short, "user": "Pia"}))
    assert text == "MILK 在 A-1：缺 2 件（库位为空），报告人 Pia"
    held = Message("list", {"items": [Message("hold.address_incomplete", {"field": "city"})] * 2})
    assert message_text(held) == "地址不完整：city 为空；地址不完整：city 为空"
