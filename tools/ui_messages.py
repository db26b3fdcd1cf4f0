"""Rewrite the table in ui/messages.py from app/messages.py TEMPLATES (run after adding ids):

    .venv/bin/python tools/ui_messages.py && resources/translations/update.sh

lupdate reads only literal strings, so ui/messages.py repeats every English template inside
QT_TRANSLATE_NOOP; this keeps the copy exact. Then translate the new entries in the .ts file.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.messages import TEMPLATES, UNTRANSLATED  # noqa: E402

TARGET = ROOT / "ui" / "messages.py"
TABLE = re.compile(r"(SOURCE: dict\[str, str\] = \{\n).*?(\n\}\n)", re.S)


def table_body() -> str:
    rows = [
        f"    {key!r}: QT_TRANSLATE_NOOP({'Messages'!r}, {text!r}),"
        for key, text in TEMPLATES.items()
        if key not in UNTRANSLATED
    ]
    return "\n".join(rows)


def main() -> int:
    source = TARGET.read_text(encoding="utf-8")
    updated, count = TABLE.subn(lambda m: m.group(1) + table_body() + m.group(2), source)
    if count != 1:
        print(f"{TARGET}: no SOURCE table found", file=sys.stderr)
        return 1
    TARGET.write_text(updated, encoding="utf-8")
    ruff = ROOT / ".venv" / "bin" / "ruff"
    subprocess.run([str(ruff), "format", "--quiet", str(TARGET)], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
