from app.scanning.framing import LineFramer


def feed_all(framer, chunks):
    return [scan for chunk in chunks for scan in framer.feed(chunk)]


def test_cr_lf_and_crlf_all_end_a_scan():
    framer = LineFramer()
    assert feed_all(framer, [b"one\rtwo\nthree\r\nfour\r"]) == ["one", "two", "three", "four"]


def test_a_scan_split_over_any_reads_is_joined():
    data = b"]C10109501101020917\x1d10ABC\r\n4006381333931\r\n"
    expected = ["]C10109501101020917\x1d10ABC", "4006381333931"]
    for size in range(1, len(data)):
        framer = LineFramer()
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        assert feed_all(framer, chunks) == expected, size


def test_empty_lines_and_noise_are_dropped_but_gs_is_kept():
    framer = LineFramer()
    scans = feed_all(framer, [b"\r\n\r\n\x00\x07\x1b", b"A\x1dB\x7f\r\n\n", b"\x11\x13\r", b"C\r"])
    assert scans == ["A\x1dB", "C"]


def test_nothing_until_the_end_of_the_line():
    framer = LineFramer()
    assert framer.feed(b"40063813") == []
    assert framer.feed(b"33931") == []
    assert framer.feed(b"\r") == ["4006381333931"]


def test_configured_prefix_and_suffix():
    framer = LineFramer(prefix=b"\x02", suffix=b"\x03")
    assert feed_all(framer, [b"\x02L:A01\x03\x02T:00", b"01\x03"]) == ["L:A01", "T:0001"]
    two_byte = LineFramer(suffix=b"#!")
    assert feed_all(two_byte, [b"abc#", b"!def#!"]) == ["abc", "def"]


def test_utf8_scans_and_legacy_bytes_survive():
    framer = LineFramer()
    assert framer.feed("货架A\r".encode()) == ["货架A"]
    assert framer.feed(b"caf\xe9\r") == ["café"]


def test_reset_forgets_half_a_scan():
    framer = LineFramer()
    framer.feed(b"half-a-sc")
    framer.reset()
    assert framer.feed(b"whole\r") == ["whole"]


def test_runaway_lines_are_dropped():
    framer = LineFramer()
    framer.feed(b"x" * 10_000)
    assert framer.feed(b"\rok\r") == ["ok"]
