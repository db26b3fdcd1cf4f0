"""`shipshape simulate --warehouses W --stations N --facts M` on a central with the demo site,
and what it must show: the check passes for every station, each picker's store holds only its
own warehouse's pick work and stock, and with packers and loaders every carton they closed and
loaded is on central, in their warehouse (SQLite and PostgreSQL tests share it)."""

from __future__ import annotations

import re

from app.bootstrap import open_central
from app.cli.stations import SIM_BADGE_BASE
from app.services import demo
from db.station.dispatch import TOPIC as DOCK
from db.station.store import StationStore

DOCK_LINE = re.compile(
    r"^check (SIM\d+): (\d+) cartons closed \((\d+) package.closed facts\), (\d+) on central; "
    r"(\d+) loaded \((\d+) dispatch.loaded facts\), (\d+) on their cages; (\d+) exception",
    re.M,
)


def seeded(url) -> None:
    central = open_central(url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
    central.close()


def simulate_several_warehouses(
    url, run_cli, tmp_path, warehouses: int, stations: int, dock: int = 0, facts: int = 5
) -> str:
    """`dock`: packers and loaders per warehouse (as many of each). The output."""
    seeded(url)
    stores = tmp_path / "stores"
    status, out, err = run_cli(
        "simulate", "--warehouses", warehouses, "--stations", stations, "--facts", facts,
        "--packers", dock, "--loaders", dock, "--stores", stores, "--database", url,
    )  # fmt: skip
    assert status == 0, out + err
    assert "0 missing, 0 duplicated, 0 unexpected" in out
    assert "OK: central matches every station" in out
    assert "0 picker(s) touched another warehouse's work, 0 stock row(s)" in out
    assert "OK: every warehouse's stations kept to it" in out
    assert "OK: central holds every carton and load" in out
    codes = [f"SIM{n}" for n in range(1, warehouses + 1)]
    pickers = stations - 2 * dock
    rows = [line.split() for line in out.splitlines() if line.startswith("SIM")]
    assert [row[:2] for row in rows] == [[code, str(stations)] for code in codes]
    assert all(int(row[2]) >= facts * pickers for row in rows)
    for n in range(warehouses * stations):
        station, home = f"sim-{n + 1:03d}", codes[n // stations]
        store = StationStore(stores / f"{station}.sqlite", station)
        work, stock = store.work(), store.cached("stock").values()
        parcels = [doc["view"] for doc in store.cached(DOCK).values()]
        store.close()
        assert stock and {row["location"].split("-")[0] for row in stock} == {home}
        assert {p["channel"] for p in parcels} <= {f"sim-{home}"}  # a loader's dock: its own
        if n % stations < pickers:
            assert work, station
            assert {t["location"].split("-")[0] for w in work for t in w["tasks"]} == {home}
    status, listed, _ = run_cli("warehouses", "--database", url)
    assert all(code in listed for code in codes)
    if not dock:
        _open_list_stays_home(url, codes)
    return out


def dock_lines(out: str) -> dict[str, tuple[int, ...]]:
    """Per warehouse: cartons closed, their facts, on central; loaded, their facts, on cages;
    exceptions."""
    return {m[1]: tuple(int(x) for x in m.groups()[1:]) for m in DOCK_LINE.finditer(out)}


def _open_list_stays_home(url, codes: list[str]) -> None:
    """A picker's open list (5 facts do not finish a cart) is theirs at a station of its
    warehouse, and neither resumed nor pulled at a station of another."""
    central = open_central(url)
    name = f"Sim picker {codes[0]} 001"
    for code in codes:
        with central.uow(warehouse=code) as uow:
            user_id = uow.picking.user_id(str(SIM_BADGE_BASE + 1000 + 1))
            assert user_id is not None
            resumed, pulled = uow.picking.assigned_to(user_id), uow.sync.lists_of([name])
        if code == codes[0]:
            assert resumed is not None and pulled == [resumed]
        else:
            assert resumed is None and pulled == []
    central.close()
