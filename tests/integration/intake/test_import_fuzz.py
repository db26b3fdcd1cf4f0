"""Property tests: generated rows and raw bytes through every importer (the real CLI, SQLite).

Whatever the file holds, an importer exits 0 or 2 (never 1, never Python text), imports every
good order or row, names every bad one with its row, imports nothing partial and nothing twice.
The default run is bounded and derandomized; `-m slow` runs many more examples.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db.engine import make_engine
from tests.integration.intake.fuzz_support import (
    SERIAL,
    SKUS,
    assert_no_python,
    check_order_import,
    orders,
    write_order_csv,
    write_order_json,
)
from tests.integration.site_files import LAYOUT, import_site

QUICK = settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(QUICK, max_examples=300)


@pytest.fixture
def long_run(request):
    """The long runs go only with `pytest -m slow`: `make test` stays a few seconds per importer."""
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("a long Hypothesis run: select it with pytest -m slow")


@pytest.fixture
def site(tmp_path, sqlite_url, run_cli):
    return import_site(run_cli, sqlite_url, tmp_path / "site")


def orders_property(run_cli, url, folder):
    @given(st.lists(orders(), min_size=1, max_size=5), st.sampled_from(["csv", "json"]))
    def property_(generated, kind):
        path = folder / f"orders.{kind}"
        (write_order_csv if kind == "csv" else write_order_json)(path, generated)
        check_order_import(run_cli, url, path, generated)

    return property_


def test_generated_order_files_import_exactly_their_good_orders(
    tmp_path, site, sqlite_url, run_cli
):
    QUICK(orders_property(run_cli, sqlite_url, tmp_path))()


@pytest.mark.slow
def test_generated_order_files_long_run(long_run, tmp_path, site, sqlite_url, run_cli):
    LONG(orders_property(run_cli, sqlite_url, tmp_path))()


HEADERS = {
    "import-orders": (
        "orders.csv",
        "channel,order_id,order_date,priority,carrier,service,"
        "ship_by,name,company,street1,street2,city,region,postal_code,country,"
        "phone,email,sku,quantity\n",
    ),
    "import-products": (
        "products.csv",
        "sku,name,gtin,unit_weight_kg,no_barcode,"
        "lot_controlled,serial_required,length_cm,width_cm,height_cm\n",
    ),
    "import-stock": ("stock.csv", "location,sku,quantity,lot,expiry\n"),
    "import-layout": ("layout.json", json.dumps(LAYOUT)[:-1]),
    "review-rules": ("rules.json", '{"sku_quantity_limits": '),
    "package-types": ("cartons.csv", "code,name,length_cm,width_cm,height_cm,tare_kg\n"),
}
ORDERS_JSON = ("orders.json", '{"orders": [{"channel": "web", "order_id": ')
JUNK = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(["²", "\x00", ",", '"', "\n", "\r", "1e999", "nan", "[", "{", "\ufeff"])
        | st.text(max_size=5),
        max_size=60,
    ).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
)


def bytes_property(run_cli, url, folder):
    commands = sorted(HEADERS) + ["import-orders.json"]

    @given(st.sampled_from(commands), st.booleans(), JUNK)
    def property_(command, with_header, junk):
        name, header = ORDERS_JSON if command.endswith(".json") else HEADERS[command]
        command = command.removesuffix(".json")
        path = folder / name
        path.write_bytes((header.encode() if with_header else b"") + junk)
        args = ("--set", path) if command in ("review-rules", "package-types") else (path,)
        status, out, err = run_cli(command, *args, "--database", url)
        assert status in (0, 2), (command, status, err)
        assert_no_python(out + err)
        if status == 2:
            assert len(err.strip().splitlines()) == 1 and name in err, err

    return property_


def test_raw_bytes_never_crash_an_importer(tmp_path, site, sqlite_url, run_cli):
    settings(QUICK, max_examples=60)(bytes_property(run_cli, sqlite_url, tmp_path))()


@pytest.mark.slow
def test_raw_bytes_long_run(long_run, tmp_path, site, sqlite_url, run_cli):
    settings(QUICK, max_examples=1000)(bytes_property(run_cli, sqlite_url, tmp_path))()


@st.composite
def product_rows(draw):
    """(row text, sku, good?) with a unique sku per row."""
    sku = f"P{next(SERIAL)}"  # new in every example: the database lives across examples
    weight = draw(st.floats(0, 10_000, allow_nan=False).map(repr))
    name = draw(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20))
    name = name.replace('"', "").replace(",", "").strip() or "n"
    bad = draw(st.booleans())
    if bad:
        weight = draw(st.sampled_from(["inf", "-1", "nan", "1e999", "²", "heavy"]))
    return f"{sku},{name},,{weight}", sku, not bad


def test_generated_product_files_import_exactly_their_good_rows(
    tmp_path, site, sqlite_url, run_cli
):
    @QUICK
    @given(st.lists(product_rows(), min_size=1, max_size=6, unique_by=lambda r: r[1]))
    def property_(rows):
        path = tmp_path / "p.csv"
        path.write_text("sku,name,gtin,unit_weight_kg\n" + "\n".join(r[0] for r in rows) + "\n")
        status, out, err = run_cli("import-products", path, "--json", "--database", sqlite_url)
        assert_no_python(out + err)
        report = json.loads(out)
        good = {sku for _, sku, ok in rows if ok}
        assert status == (0 if len(good) == len(rows) else 2)
        for n, (_, _, ok) in enumerate(rows, start=2):
            assert ok or any(line.startswith(f"row {n}: ") for line in report["rejected"])
        with make_engine(sqlite_url).connect() as conn:
            stored = set(conn.execute(text("SELECT sku FROM products")).scalars())
        assert {sku for _, sku, _ in rows} & stored == good

    property_()


def test_generated_stock_rows_set_exactly_their_good_rows(tmp_path, site, sqlite_url, run_cli):
    locations = [loc["code"] for loc in LAYOUT["locations"]]

    @QUICK
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(locations),
                st.sampled_from(SKUS),
                st.one_of(
                    st.integers(0, 2**31 - 1).map(str),
                    st.sampled_from(["²", "-1", "2147483648", "99999999999999999999999", "x"]),
                ),
            ),
            min_size=1,
            max_size=6,
            unique_by=lambda r: (r[0], r[1]),
        )
    )
    def property_(rows):
        path = tmp_path / "s.csv"
        lines = [f"{loc},{sku},{qty},FZ," for loc, sku, qty in rows]
        path.write_text("location,sku,quantity,lot,expiry\n" + "\n".join(lines) + "\n")
        status, out, err = run_cli("import-stock", path, "--json", "--database", sqlite_url)
        assert_no_python(out + err)
        good = {(loc, sku): int(q) for loc, sku, q in rows if q.isascii() and q.isdigit()}
        good = {k: q for k, q in good.items() if q < 2**31}
        assert status == (0 if len(good) == len(rows) else 2), out
        with make_engine(sqlite_url).connect() as conn:
            stored = conn.execute(
                text(
                    "SELECT l.code, p.sku, s.on_hand FROM stock s JOIN locations l "
                    "ON l.id = s.location_id JOIN products p ON p.id = s.product_id "
                    "WHERE s.lot = 'FZ'"
                )
            ).all()
        stored = {(loc, sku): q for loc, sku, q in stored}
        assert {k: stored.get(k) for k in good} == good

    property_()
