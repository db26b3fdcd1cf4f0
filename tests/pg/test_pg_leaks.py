"""Nothing sensitive leaks on PostgreSQL: database errors (which quote SQL, parameters and
DETAIL lines there), redaction of every URL form against a real server, CSV neutralisation,
control characters in stored values."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from tests.integration import leaks

pytestmark = pytest.mark.pg


def test_database_errors_are_one_line_and_logged_masked(tmp_path, pg_url, run_cli, monkeypatch):
    leaks.check_database_errors_are_one_line_and_logged_masked(
        tmp_path, pg_url, run_cli, monkeypatch
    )


def test_kpi_csv_neutralises_formulas(tmp_path, pg_url, run_cli):
    leaks.check_kpi_csv_neutralises_formulas(tmp_path, pg_url, run_cli)


def test_stored_control_characters_are_shown_not_sent(tmp_path, pg_url, run_cli):
    leaks.check_stored_control_characters_are_shown_not_sent(tmp_path, pg_url, run_cli)


@pytest.mark.parametrize(
    "credentials",
    ["nobody:p@ssW0rd", "nobody:p@ss:w@rd", "nobody:s3cr3t", "nobody:pa/ss?w@rd", "n@body:s3cr3t"],
)
def test_no_url_form_shows_its_password_when_the_server_refuses(pg_url, run_cli, credentials):
    real = make_url(pg_url)
    port = f":{real.port}" if real.port else ""
    url = f"postgresql://{credentials}@{real.host}{port}/{real.database}?sslmode=disable"
    status, out, err = run_cli("orders", "--database", url)
    assert status == 1 and out == "" and len(err.strip().splitlines()) == 1
    for fragment in ("ssW0rd", "p@ss", "w@rd", "s3cr3t", "pa/ss"):  # the role name may show
        assert fragment not in err, err
