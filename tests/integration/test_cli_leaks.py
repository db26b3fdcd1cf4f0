"""Nothing sensitive leaks from the CLI (SQLite): see tests/integration/leaks.py."""

from __future__ import annotations

from tests.integration import leaks


def test_database_errors_are_one_line_and_logged_masked(tmp_path, sqlite_url, run_cli, monkeypatch):
    leaks.check_database_errors_are_one_line_and_logged_masked(
        tmp_path, sqlite_url, run_cli, monkeypatch
    )


def test_kpi_csv_neutralises_formulas(tmp_path, sqlite_url, run_cli):
    leaks.check_kpi_csv_neutralises_formulas(tmp_path, sqlite_url, run_cli)


def test_stored_control_characters_are_shown_not_sent(tmp_path, sqlite_url, run_cli):
    leaks.check_stored_control_characters_are_shown_not_sent(tmp_path, sqlite_url, run_cli)


def test_a_password_with_at_signs_never_reaches_stderr(run_cli):
    for url in (
        "postgresql://u:p@ssW0rd@127.0.0.1/db",
        "postgresql://u:p@ss:w@rd@127.0.0.1:5432/db",
        "postgresql+psycopg://u:s3cr3t@nohost.invalid/db?sslmode=disable",
    ):
        status, out, err = run_cli("orders", "--database", url)
        assert status == 1 and out == ""
        for fragment in ("ssW0rd", "p@ss", "w@rd", "s3cr3t"):
            assert fragment not in err, err
