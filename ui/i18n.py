"""Languages: Qt translators for English (the source text) and Simplified Chinese, remembered.

Installing a translator makes Qt send every widget a LanguageChange event; each view answers it
by setting its texts again (`retranslate`), so a switch takes effect live. UI thread only.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QSettings, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
SETTINGS_KEY = "ui/language"
DEFAULT_LANGUAGE = "en"
# Each language is named in itself, so a worker who cannot read the current one still finds theirs.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

log = logging.getLogger(__name__)


class LanguageSwitch(QObject):
    """Owns the installed translators; `apply(code)` switches and remembers the language."""

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._translators: list[QTranslator] = []
        self.current = DEFAULT_LANGUAGE

    def saved_language(self) -> str:
        code = str(self._settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE))
        return code if code in LANGUAGES else DEFAULT_LANGUAGE

    def apply(self, code: str) -> None:
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
        self.uninstall()
        if code != DEFAULT_LANGUAGE:
            if not self._install(TRANSLATIONS_DIR, f"shipshape_{code}"):
                log.warning("no translation shipshape_%s.qm in %s", code, TRANSLATIONS_DIR)
            # Qt's own texts (standard buttons, context menus), when Qt ships them.
            self._install(
                Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{code}"
            )
        self.current = code
        self._settings.setValue(SETTINGS_KEY, code)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()

    def _install(self, directory: Path, name: str) -> bool:
        translator = QTranslator(self)
        if not translator.load(name, str(directory)):
            return False
        QCoreApplication.instance().installTranslator(translator)
        self._translators.append(translator)
        return True
