"""The station store's number blocks: what central reserved for a station to hand out offline."""

from __future__ import annotations

from db.station.store import StationStore


def test_numbers_come_out_in_order_once_each_and_survive_a_restart(tmp_path):
    path = tmp_path / "station.sqlite"
    store = StationStore(path, "pack-7")
    assert store.numbers_left("sscc") == 0 and store.take_number("sscc") is None
    store.add_numbers("sscc", 11, 13)
    store.add_numbers("sscc", 40, 41)
    store.add_numbers("tracking:SHP", 5, 5)
    assert store.numbers_left("sscc") == 5 and store.numbers_left("tracking:SHP") == 1
    assert [store.take_number("sscc") for _ in range(2)] == [11, 12]
    store.close()
    store = StationStore(path, "pack-7")  # a restart: taken numbers stay taken
    assert store.numbers_left("sscc") == 3
    assert [store.take_number("sscc") for _ in range(4)] == [13, 40, 41, None]
    assert store.numbers_left("sscc") == 0
    assert store.take_number("tracking:SHP") == 5  # series do not share numbers
    assert store.take_number("tracking:SHP") is None
