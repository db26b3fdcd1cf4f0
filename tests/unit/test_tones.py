"""Every station plays the same tones: one module, and the committed sound files are the ones it
would write (so a station without write access to resources/ still sounds right)."""

from __future__ import annotations

import wave

from ui import tones


def test_the_committed_tones_are_the_generated_ones(tmp_path):
    for name, parts in tones.TONES.items():
        fresh = tmp_path / f"{name}.wav"
        tones.write_tone(fresh, *parts)
        committed = tones.tone_path(name)
        assert committed.parent == tones.SOUNDS and committed.exists()
        assert committed.read_bytes() == fresh.read_bytes(), name


def test_ok_and_error_sound_different():
    with (
        wave.open(str(tones.tone_path("ok"))) as ok,
        wave.open(str(tones.tone_path("error"))) as error,
    ):
        assert ok.getnframes() != error.getnframes()


def test_picker_and_packer_play_the_one_module():
    import ui.packer.home as packer
    import ui.picker.home as picker

    assert packer.Tones is tones.Tones and picker.Tones is tones.Tones
