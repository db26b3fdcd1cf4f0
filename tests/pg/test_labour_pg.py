"""Labour standards on PostgreSQL: the same figures as on SQLite (date_trunc on UTC hours for
the picker-hours, float shares of a list's walk, timestamps with a zone for the fit)."""

from __future__ import annotations

from tests.integration.lead import test_labour


def test_picker_hours_as_percentage_of_standard(tmp_path, pg_url, run_cli):
    test_labour.test_picker_hours_as_percentage_of_standard(tmp_path, pg_url, run_cli)


def test_estimated_finish(tmp_path, pg_url, run_cli):
    test_labour.test_the_boards_estimated_finish_uses_the_standard_and_the_pickers_pace(
        tmp_path, pg_url, run_cli
    )


def test_learning_from_finished_lists(tmp_path, pg_url, run_cli):
    test_labour.test_learning_from_finished_lists(tmp_path, pg_url, run_cli)
