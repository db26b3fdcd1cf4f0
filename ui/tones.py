"""Verdict tones, the same at every station: a short high beep for OK, a low double buzz for an
error, a short soft beep for information (e.g. "now scan the lot").

The WAV files are generated once into resources/sounds/ (tiny, deterministic). Without
QtMultimedia or an audio device the tones stay silent; the colour and the words still show.
UI thread only.
"""

from __future__ import annotations

import logging
import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

SOUNDS = Path(__file__).resolve().parents[1] / "resources" / "sounds"
RATE = 22050
TONES = {  # name → (frequency Hz, beeps, beep length s)
    "ok": (1568.0, 1, 0.12),
    "error": (220.0, 2, 0.16),
    "info": (880.0, 1, 0.05),
}
log = logging.getLogger(__name__)


def write_tone(path: Path, frequency: float, beeps: int, length_s: float) -> None:
    frames = bytearray()
    gap = int(RATE * 0.06)
    for _ in range(beeps):
        n = int(RATE * length_s)
        for i in range(n):
            fade = min(1.0, i / 200, (n - i) / 200)  # no clicks at the edges
            value = 0.6 * fade * math.sin(2 * math.pi * frequency * i / RATE)
            frames += struct.pack("<h", int(value * 32767))
        frames += b"\x00\x00" * gap
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


def tone_path(name: str) -> Path:
    path = SOUNDS / f"{name}.wav"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_tone(path, *TONES[name])
    return path


class Tones(QObject):
    """`play("ok" | "error" | "info")`. Silent when audio is not available."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.played: list[str] = []  # what was asked for, for tests and the bench
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:  # no QtMultimedia or no libpulse: stay silent
            log.info("scan tones off: %s", exc)
            return
        if QMediaDevices.defaultAudioOutput().isNull():
            log.info("scan tones off: no audio output")
            return
        for tone in TONES:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(tone_path(tone))))
            self._effects[tone] = effect

    def play(self, tone: str) -> None:
        self.played.append(tone)
        effect = self._effects.get(tone)
        if effect is not None:
            effect.play()
