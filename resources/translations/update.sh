#!/usr/bin/env sh
# Regenerate the translations after UI text changed (run from anywhere):
#   resources/translations/update.sh
# 1. pyside6-lupdate collects every self.tr()/QCoreApplication.translate() text from ui/ into
#    the .ts file (keeping existing translations; texts no longer used are marked obsolete);
# 2. translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist, or edit the XML);
# 3. pyside6-lrelease compiles the .ts into the .qm the app loads. Commit both files.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.venv/bin"
cd "$root"
"$bin/pyside6-lupdate" -no-obsolete -locations none $(find ui -name "*.py" | sort) -ts resources/translations/shipshape_zh_CN.ts
"$bin/pyside6-lrelease" resources/translations/shipshape_zh_CN.ts -qm resources/translations/shipshape_zh_CN.qm
