import random

from app.scanning.burst import BurstDetector, Typing, WedgeScan, WedgeSettings


def type_keys(detector, text, start, gap):
    decisions, now = [], start
    for key in text:
        decisions += detector.feed(key, now)
        now += gap
    return decisions, now


def test_a_fast_burst_ending_in_enter_is_a_scan():
    detector = BurstDetector()
    decisions, _ = type_keys(detector, "4006381333931\r", 10.0, 0.004)
    assert decisions == [WedgeScan("4006381333931")]
    assert not detector.holding


def test_human_typing_is_released_key_by_key_and_never_a_scan():
    detector = BurstDetector()
    decisions, now = type_keys(detector, "4006381333931\r", 10.0, 0.12)
    decisions += detector.flush(now + 1)
    assert all(isinstance(d, Typing) for d in decisions)
    assert "".join(k for d in decisions for k in d.keys) == "4006381333931\r"


def test_a_fast_typist_with_two_keys_rolled_over_is_still_typing():
    detector = BurstDetector()
    decisions = detector.feed("a", 1.0) + detector.feed("b", 1.01) + detector.feed("\r", 1.02)
    assert decisions == [Typing(("a", "b", "\r"))]


def test_a_burst_without_the_suffix_is_released_on_flush():
    detector = BurstDetector()
    decisions, now = type_keys(detector, "abcdef", 1.0, 0.005)
    assert decisions == []
    assert detector.flush(now) == []  # too early: the scanner may still be typing
    assert detector.flush(now + 0.1) == [Typing(tuple("abcdef"))]


def test_no_suffix_setting_ends_a_scan_when_the_keys_stop():
    detector = BurstDetector(WedgeSettings(suffix=""))
    _, now = type_keys(detector, "T:0001", 1.0, 0.005)
    assert detector.flush(now + 0.1) == [WedgeScan("T:0001")]


def test_prefix_is_required_and_removed_and_gs_replacement_applies():
    detector = BurstDetector(WedgeSettings(prefix="$", gs1_separator="~"))
    decisions, now = type_keys(detector, "$0109501101020917~10ABC\r", 1.0, 0.003)
    assert decisions == [WedgeScan("0109501101020917\x1d10ABC")]
    decisions, _ = type_keys(detector, "0109501101020917\r", now + 1, 0.003)
    assert decisions == [Typing(tuple("0109501101020917\r"))]


def test_typing_then_a_scan_right_after_is_split_correctly():
    detector = BurstDetector()
    decisions = detector.feed("x", 1.0)
    more, _ = type_keys(detector, "B:1001\r", 1.2, 0.002)
    assert decisions + more == [Typing(("x",)), WedgeScan("B:1001")]


def test_short_bursts_are_not_scans():
    detector = BurstDetector(WedgeSettings(min_length=4))
    decisions, _ = type_keys(detector, "ab\r", 1.0, 0.002)
    assert decisions == [Typing(("a", "b", "\r"))]


def test_no_human_rhythm_is_ever_a_scan():
    """Thousands of typed lines: 60-400 ms between keys, some keys rolled over onto the one
    before (5 ms apart; a hand rolls two keys, never five in a row), then Enter."""
    rng = random.Random(4)
    detector = BurstDetector()
    now = 0.0
    for _ in range(2000):
        line = "".join(rng.choice("0123456789ABC:-") for _ in range(rng.randint(1, 14))) + "\r"
        released, rolled_over = [], True
        for key in line:
            rolled_over = not rolled_over and rng.random() < 0.3
            now += 0.005 if rolled_over else rng.uniform(0.06, 0.4)
            for decision in detector.feed(key, now):
                assert isinstance(decision, Typing), (line, decision)
                released += decision.keys
        for decision in detector.flush(now + 1):
            released += decision.keys
        assert "".join(released) == line  # every key handed back, in order


def test_every_scanner_speed_up_to_the_gap_is_a_scan():
    rng = random.Random(5)
    for _ in range(500):
        detector = BurstDetector()
        text = "".join(rng.choice("0123456789L:T-") for _ in range(rng.randint(4, 40)))
        decisions, _ = type_keys(
            detector, text + "\r", rng.uniform(0, 100), rng.uniform(0.0005, 0.039)
        )
        assert decisions == [WedgeScan(text)]
