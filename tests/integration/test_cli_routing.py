"""`shipshape route` and `shipshape batch-orders` through `app.cli.main`, on real files."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from app.routing import load_layout, route_distance

LAYOUT = {
    "format": "shipshape.layout/1",
    "name": "DC East",
    "aisle_length": 20.0,
    "aisles": [{"id": f"A0{i}", "x": 4.0 * (i - 1)} for i in range(1, 5)],
    "cross_aisles": [0.0, 10.0, 20.0],
    "depot": {"x": 6.0, "y": 0.0},
    "locations": [
        {"code": f"A0{i}-{b:03d}-L-1", "aisle": f"A0{i}", "y": b - 0.5, "side": "L", "level": 1}
        for i in range(1, 5)
        for b in range(1, 21)
    ],
}


@pytest.fixture
def files(tmp_path):
    def write(name, content):
        path = tmp_path / name
        path.write_text(content if isinstance(content, str) else json.dumps(content))
        return path

    write.layout = write("layout.json", LAYOUT)
    return write


def test_route_json_answer(files, run_cli):
    picks = files(
        "picks.json", {"picks": ["A04-018-L-1", "A01-003-L-1", "A02-012-L-1", "A01-003-L-1"]}
    )
    status, out, err = run_cli("route", files.layout, picks, "--json")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert set(answer) == {"sequence", "distance_m", "method", "solve_ms"}
    assert sorted(answer["sequence"]) == [
        "A01-003-L-1",
        "A01-003-L-1",
        "A02-012-L-1",
        "A04-018-L-1",
    ]
    assert answer["method"] == "optimal" and answer["solve_ms"] >= 0
    layout = load_layout(files.layout)
    assert answer["distance_m"] == pytest.approx(
        route_distance(layout, answer["sequence"]), abs=1e-3
    )
    for method in ("s-shape", "largest-gap"):
        status, out, _ = run_cli("route", files.layout, picks, "--json", "--method", method)
        other = json.loads(out)
        assert status == 0 and other["method"] == method
        assert answer["distance_m"] <= other["distance_m"]


def test_route_batch_answers_line_by_line(files, run_cli):
    lists = [["A01-001-L-1"], [], ["A03-015-L-1", "A02-002-L-1"]]
    picks = files("lists.jsonl", "\n".join(json.dumps(x) for x in lists) + "\n")
    status, out, _ = run_cli("route", files.layout, picks, "--batch", "--json")
    answers = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [sorted(a["sequence"]) for a in answers] == [sorted(x) for x in lists]
    assert answers[1]["distance_m"] == 0
    assert answers[0]["distance_m"] == pytest.approx(2 * (6.0 + 0.5))
    svg = picks.parent / "map.svg"
    status, out, _ = run_cli("route", files.layout, picks, "--batch", "--svg", svg)
    assert status == 0 and out.count("Pick list") == 3
    assert all((picks.parent / f"map-{n}.svg").read_text().startswith("<svg") for n in (1, 2, 3))


def test_route_readable_output_and_svg(files, run_cli, tmp_path):
    picks = files("picks.json", {"picks": ["A04-018-L-1", "A01-003-L-1"]})
    svg = tmp_path / "route.svg"
    status, out, _ = run_cli("route", files.layout, picks, "--svg", svg)
    assert status == 0
    assert "2 picks" in out and "A04-018-L-1" in out and "depot" in out
    text = svg.read_text()
    assert text.startswith("<svg") and "DC East" in text and ">1<" in text and ">2<" in text
    if shutil.which("rsvg-convert"):  # it renders (Debian librsvg2-bin)
        png = tmp_path / "route.png"
        subprocess.run(["rsvg-convert", str(svg), "-o", str(png)], check=True)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("picks", "message"),
    [
        ({"picks": ["A01-001-L-1", "Z9-999"]}, "unknown location code 'Z9-999'"),
        ({"pics": []}, "expected"),
        ("{not json", "not valid JSON"),
    ],
)
def test_route_bad_picks_exit_2_with_one_line(files, run_cli, picks, message):
    path = files("bad.json", picks)
    status, out, err = run_cli("route", files.layout, path, "--json")
    assert (status, out) == (2, "")
    assert message in err and "bad.json" in err and len(err.strip().splitlines()) == 1


def test_route_bad_layout_exit_2(files, run_cli):
    broken = dict(LAYOUT, depot={"x": 6.0, "y": 5.0})
    layout = files("broken.json", broken)
    picks = files("picks.json", {"picks": []})
    status, _, err = run_cli("route", layout, picks)
    assert status == 2 and "broken.json" in err and "not on a cross aisle" in err
    status, _, err = run_cli("route", files.layout.parent / "missing.json", picks)
    assert status == 2 and "missing.json" in err


def test_batch_orders_json_answer(files, run_cli):
    codes = [loc["code"] for loc in LAYOUT["locations"]]
    orders = [{"id": f"SO-{n}", "picks": codes[n % 80 :: 17][:3]} for n in range(11)]
    path = files("orders.json", {"orders": orders})
    status, out, err = run_cli("batch-orders", files.layout, path, "--capacity", "4", "--json")
    assert (status, err) == (0, "")
    answer = json.loads(out)
    assert set(answer) == {"batches", "total_distance_m", "solve_ms"}
    placed = [oid for b in answer["batches"] for oid in b["orders"]]
    assert sorted(placed) == sorted(o["id"] for o in orders)
    assert all(len(b["orders"]) <= 4 for b in answer["batches"])
    assert answer["total_distance_m"] == pytest.approx(
        sum(b["distance_m"] for b in answer["batches"]), abs=0.01
    )
    by_id = {o["id"]: o["picks"] for o in orders}
    for b in answer["batches"]:
        assert sorted(b["sequence"]) == sorted(c for oid in b["orders"] for c in by_id[oid])
    status, out, _ = run_cli("batch-orders", files.layout, path, "--capacity", "4")
    assert status == 0 and "11 orders on 3 carts" in out
    one = files("one.json", {"orders": orders[:1]})
    status, out, _ = run_cli("batch-orders", files.layout, one, "--capacity", "4")
    assert status == 0 and out.startswith("1 order on 1 cart (at most 4 each)")


@pytest.mark.parametrize(
    ("orders", "capacity", "message"),
    [
        ({"orders": [{"id": "SO-1", "picks": ["NOPE"]}]}, "2", "'NOPE'"),
        ({"orders": [{"id": "SO-1", "picks": []}, {"id": "SO-1", "picks": []}]}, "2", "twice"),
        ({"orders": [{"picks": []}]}, "2", "id"),
        ({"orders": [{"id": "SO-1", "picks": []}]}, "0", "capacity"),
        ({"orders": [{"id": "SO-1", "picks": [], "weight_kg": "9"}]}, "2", '"weight_kg"'),
        ({"orders": [{"id": "SO-1", "picks": [], "volume_l": -1}]}, "2", '"volume_l"'),
        ({"orders": [{"id": "SO-1", "picks": [], "priority": 1.5}]}, "2", '"priority"'),
        ({"orders": [{"id": "SO-1", "picks": [], "ship_by": 7}]}, "2", '"ship_by"'),
    ],
)
def test_batch_orders_bad_input_exit_2(files, run_cli, orders, capacity, message):
    path = files("orders.json", orders)
    status, out, err = run_cli("batch-orders", files.layout, path, "--capacity", capacity, "--json")
    assert (status, out) == (2, "")
    assert message in err and len(err.strip().splitlines()) == 1


def test_batch_orders_cart_weight_limit_and_seed(files, run_cli):
    codes = [loc["code"] for loc in LAYOUT["locations"]]
    orders = [
        {"id": f"SO-{n}", "picks": codes[n * 3 : n * 3 + 2], "weight_kg": 4.0} for n in range(12)
    ]
    orders.append({"id": "HEAVY", "picks": codes[:1], "weight_kg": 50.0})
    path = files("orders.json", {"orders": orders})
    args = ("batch-orders", files.layout, path, "--capacity", "6", "--max-weight-kg", "10")
    status, out, err = run_cli(*args, "--seed", "3", "--json")
    assert (status, err) == (0, "")
    answer = json.loads(out)
    weight = {o["id"]: o["weight_kg"] for o in orders}
    carts = [b["orders"] for b in answer["batches"]]
    assert ["HEAVY"] in carts  # heavier than any cart: a cart of its own
    assert all(sum(weight[i] for i in c) <= 10 for c in carts if c != ["HEAVY"])
    assert len(carts) == 7  # 12 orders of 4 kg, two to a cart, and the heavy one
    again = json.loads(run_cli(*args, "--seed", "3", "--json")[1])
    assert [b["orders"] for b in again["batches"]] == carts
    status, _, err = run_cli(*args[:-1], "-3")
    assert status == 2 and "--max-weight-kg" in err
