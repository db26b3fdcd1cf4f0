"""`shipshape package-types`: list and set the carton types packing stations offer."""

import json


def test_set_then_list_as_json(run_cli, sqlite_url, tmp_path):
    run_cli("migrate", "--database", sqlite_url)
    cartons = tmp_path / "cartons.csv"
    cartons.write_text(
        "code,name,length_cm,width_cm,height_cm,tare_kg\nS,Small,25,18,10,0.15\nM,Medium,35,25,20,0.3\n"
    )
    status, out, _ = run_cli("package-types", "--database", sqlite_url, "--set", cartons)
    assert status == 0 and "2 carton type(s) saved" in out
    cartons.write_text(
        "code,name,length_cm,width_cm,height_cm,tare_kg\nS,Small box,26,18,10,0.16\n"
    )
    run_cli("package-types", "--database", sqlite_url, "--set", cartons)
    status, out, _ = run_cli("package-types", "--database", sqlite_url, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [(r["code"], r["name"], r["length_cm"]) for r in rows] == [
        ("M", "Medium", 35.0),
        ("S", "Small box", 26.0),
    ]


def test_a_bad_row_is_refused_with_its_number_and_nothing_is_saved(run_cli, sqlite_url, tmp_path):
    run_cli("migrate", "--database", sqlite_url)
    cartons = tmp_path / "cartons.csv"
    cartons.write_text(
        "code,name,length_cm,width_cm,height_cm,tare_kg\n"
        "S,Small,25,18,10,0.15\n"
        "M,Medium,35,wide,20,0.3\n"
    )
    status, out, err = run_cli("package-types", "--database", sqlite_url, "--set", cartons)
    assert status == 2 and out == ""
    assert (
        err.strip()
        == f"shipshape package-types: {cartons}: row 3: width_cm 'wide' is not a number of cm"
    )
    assert run_cli("package-types", "--database", sqlite_url, "--json")[1] == ""
