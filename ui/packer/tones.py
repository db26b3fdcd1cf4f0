"""Short OK / error tones for every verdict. Generated once as small WAV files (QSoundEffect
plays files); a station without an audio device stays silent and the screen's colour and words
carry the verdict. UI thread only."""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QUrl

RATE = 22050
TONES = {"ok": [(880, 0.12)], "error": [(220, 0.18), (0, 0.05), (220, 0.18)]}


def write_tone(path: Path, parts: list[tuple[int, float]]) -> None:
    frames = bytearray()
    for frequency, seconds in parts:
        for n in range(int(RATE * seconds)):
            value = math.sin(2 * math.pi * frequency * n / RATE) if frequency else 0.0
            frames += struct.pack("<h", int(value * 12000))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class Tones:
    def __init__(self) -> None:
        self.played: list[str] = []  # what was asked for (tests read it; the floor hears it)
        self._effects: dict = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # PySide6-Essentials only: no audio module, no sound
            return
        folder = Path(tempfile.gettempdir()) / "shipshape-tones"
        folder.mkdir(exist_ok=True)
        for name, parts in TONES.items():
            path = folder / f"{name}.wav"
            if not path.exists():
                write_tone(path, parts)
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[name] = effect

    def play(self, name: str) -> None:
        self.played.append(name)
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # silently nothing when there is no audio device
