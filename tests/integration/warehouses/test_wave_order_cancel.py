"""A lead cancels an order on a wave, and a top-up at release meets a cancel, on SQLite
(docs/lead.md, "Cancelling an order on a wave")."""

from __future__ import annotations

import pytest

from app.services import waves
from tests.integration.warehouses import wave_cancel, wave_order_cancel
from tests.integration.warehouses.transfers import TransferSites


@pytest.mark.parametrize(
    "check", wave_order_cancel.CHECKS, ids=lambda check: check.__name__.removeprefix("check_")
)
def test_wave_order_cancel(tmp_path, sqlite_url, run_cli, check):
    check(TransferSites(run_cli, sqlite_url, tmp_path))


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_plan_waves_names_what_its_save_left_out(
    tmp_path, sqlite_url, run_cli, monkeypatch, as_json
):
    """A lead cancels TR-1 between `plan-waves`'s plan and its save: the wave is saved with
    TR-2, and the output says TR-1 was left out and why (JSON: an added key)."""
    sites = TransferSites(run_cli, sqlite_url, tmp_path)
    wave_cancel.two_transfers(sites)
    plan = waves.plan_wave

    def plan_then_cancel(*args, **kwargs):
        planned = plan(*args, **kwargs)
        assert wave_order_cancel.lead_cancels(sites.url, "transfer/TR-1") == "cancelled"
        return planned

    monkeypatch.setattr(waves, "plan_wave", plan_then_cancel)
    command = ("plan-waves", "--warehouse", "NORTH", "--release")
    if as_json:
        (summary,) = sites.json_lines(*command)
        assert summary["orders"] == 1 and summary["released"] is True
        assert summary["left_out"] == [{"order": "transfer/TR-1", "why": "cancelled"}]
    else:
        out = sites.ok(*command)
        assert "1 order on 1 cart," in out
        assert "  left out, changed since it was planned: transfer/TR-1 (cancelled)\n" in out
    assert sites.orders()["TR-2"]["status"] == "released"


def test_plan_waves_json_says_nothing_was_left_out(tmp_path, sqlite_url, run_cli):
    sites = TransferSites(run_cli, sqlite_url, tmp_path)
    wave_cancel.two_transfers(sites)
    (summary,) = sites.json_lines("plan-waves", "--warehouse", "NORTH")
    assert summary["orders"] == 2 and summary["left_out"] == []
    assert "left out" not in sites.ok("plan-waves", "--warehouse", "NORTH", "--preview")
