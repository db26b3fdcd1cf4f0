import copy
import json

import pytest

from app.errors import BadInput
from app.routing.layout import UnknownLocation, load_layout

GOOD = {
    "format": "shipshape.layout/1",
    "name": "DC East",
    "aisle_length": 50.0,
    "aisles": [{"id": "A02", "x": 4.0}, {"id": "A01", "x": 0.0}],
    "cross_aisles": [50.0, 0.0, 25.0],
    "depot": {"x": -3.0, "y": 0.0},
    "locations": [
        {"code": "A01-001-L-1", "aisle": "A01", "y": 0.5, "side": "L", "level": 1},
        {"code": "A02-010-R-2", "aisle": "A02", "y": 30.0, "side": "R", "level": 2},
    ],
}


def test_loads_a_good_file_sorted(tmp_path):
    path = tmp_path / "layout.json"
    path.write_text(json.dumps(GOOD))
    layout = load_layout(path)
    assert layout.name == "DC East"
    assert [a.id for a in layout.aisles] == ["A01", "A02"]
    assert layout.cross_aisles == (0.0, 25.0, 50.0)
    assert layout.blocks == 2
    assert (layout.depot.x, layout.depot.y) == (-3.0, 0.0)
    loc = layout.location("A02-010-R-2")
    assert (loc.aisle, loc.y, loc.side, loc.level) == ("A02", 30.0, "R", 2)
    assert load_layout(GOOD) == layout  # a dict gives the same layout


def test_unknown_code_is_bad_input():
    layout = load_layout(GOOD)
    with pytest.raises(UnknownLocation, match="NOPE"):
        layout.location("NOPE")
    assert issubclass(UnknownLocation, BadInput)


def broken(path, value):
    data = copy.deepcopy(GOOD)
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return data


DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["format"], "shipshape.layout/2", "format"),
        (["aisle_length"], -1, "aisle_length"),
        (["aisle_length"], "50", "aisle_length"),
        (["aisles"], [], "at least one aisle"),
        (["aisles", 1, "id"], "A02", "duplicate aisle"),
        (["cross_aisles"], [0.0, 25.0], "must include 0 and aisle_length"),
        (["cross_aisles"], [0.0, 50.0, 60.0], "outside"),
        (["depot", "y"], 10.0, "not on a cross aisle"),
        (["depot"], DELETE, "depot"),
        (["locations", 0, "aisle"], "Z99", "unknown aisle 'Z99'"),
        (["locations", 0, "y"], 50.5, "outside aisle A01"),
        (["locations", 1, "code"], "A01-001-L-1", "duplicate location code 'A01-001-L-1'"),
        (["locations", 0, "level"], "one", "level"),
    ],
)
def test_rejects_broken_rules(tmp_path, path, value, message):
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(broken(path, value)))
    with pytest.raises(BadInput, match=message) as info:
        load_layout(file)
    assert str(info.value).startswith(str(file))


def test_rejects_unreadable_and_malformed_files(tmp_path):
    with pytest.raises(BadInput, match="cannot read"):
        load_layout(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(BadInput, match="not valid JSON"):
        load_layout(bad)
