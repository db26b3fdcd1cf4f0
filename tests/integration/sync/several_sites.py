"""`shipshape simulate --warehouses W --stations N --facts 5` on a central with the demo site,
and what it must show: the check passes for every station, and each station's store holds only
its own warehouse's pick work and stock (SQLite and PostgreSQL tests share it)."""

from __future__ import annotations

from app.bootstrap import open_central
from app.cli.stations import SIM_BADGE_BASE
from app.services import demo
from db.station.store import StationStore


def simulate_several_warehouses(url, run_cli, tmp_path, warehouses: int, stations: int) -> None:
    central = open_central(url)
    demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _line: None)
    central.close()
    stores = tmp_path / "stores"
    status, out, err = run_cli(
        "simulate", "--warehouses", warehouses, "--stations", stations, "--facts", "5",
        "--stores", stores, "--database", url,
    )  # fmt: skip
    assert status == 0, out + err
    assert "0 missing, 0 duplicated, 0 unexpected" in out
    assert "OK: central matches every station" in out
    assert "0 picker(s) touched another warehouse's work, 0 stock row(s)" in out
    assert "OK: every warehouse's stations kept to it" in out
    codes = [f"SIM{n}" for n in range(1, warehouses + 1)]
    rows = [line.split()[:3] for line in out.splitlines() if line.startswith("SIM")]
    assert rows == [[code, str(stations), str(5 * stations)] for code in codes]
    for n in range(warehouses * stations):
        station, home = f"sim-{n + 1:03d}", codes[n // stations]
        store = StationStore(stores / f"{station}.sqlite", station)
        work, stock = store.work(), store.cached("stock").values()
        store.close()
        assert work and stock, station
        assert {t["location"].split("-")[0] for w in work for t in w["tasks"]} == {home}
        assert {row["location"].split("-")[0] for row in stock} == {home}
    status, out, _ = run_cli("warehouses", "--database", url)
    assert all(code in out for code in codes)
    _open_list_stays_home(url, codes)


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
