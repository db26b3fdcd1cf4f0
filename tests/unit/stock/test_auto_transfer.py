"""The automatic transfer's choice (app/domain/auto_transfer.py) and its switch in the site
settings (app/domain/site.py, `auto_transfers`)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.domain.auto_transfer import AutoTransfer, Sender, choose_sender, need, spare_units
from app.domain.fields import FieldProblem
from app.domain.site import parse_site

DEMO = json.loads(
    (Path(__file__).resolve().parents[3] / "resources/demo/site.json").read_text("utf-8")
)


def test_the_sender_is_the_one_that_can_spare_most_ties_by_code():
    senders = [Sender(1, "WH1", 30), Sender(3, "NORTH", 50), Sender(2, "EAST", 50)]
    assert choose_sender(40, senders) == AutoTransfer(2, 40)  # EAST before NORTH
    assert choose_sender(40, [Sender(1, "WH1", 30), Sender(3, "NORTH", 0)]) == AutoTransfer(1, 30)


def test_never_more_than_the_sender_spares_nor_when_nobody_can():
    assert choose_sender(40, [Sender(1, "WH1", 12)]) == AutoTransfer(1, 12)
    assert choose_sender(40, [Sender(1, "WH1", 0)]) is None
    assert choose_sender(40, []) is None


def test_what_is_on_its_way_covers_the_need_so_no_second_transfer():
    assert need(max_qty=40, level=5, coming=0) == 35
    assert need(max_qty=40, level=5, coming=35) == 0  # the first transfer covers it all
    assert choose_sender(need(40, 5, 35), [Sender(1, "WH1", 100)]) is None
    assert choose_sender(need(40, 5, 20), [Sender(1, "WH1", 100)]) == AutoTransfer(1, 15)


def test_a_sender_keeps_what_its_open_transfers_and_its_own_faces_need():
    assert spare_units(reserve=100, leaving=0, faces_lack=0) == 100
    assert spare_units(reserve=100, leaving=30, faces_lack=20) == 50
    # the check again before the first transfer is reserved: the sender has nothing left
    assert spare_units(reserve=5, leaving=5, faces_lack=0) == 0
    assert spare_units(reserve=5, leaving=0, faces_lack=9) == 0


def test_the_switch_is_off_unless_the_file_says_true():
    assert parse_site(DEMO).auto_transfers is False
    assert "auto_transfers" not in parse_site(DEMO).document()
    on = parse_site(copy.deepcopy(DEMO) | {"auto_transfers": True})
    assert on.auto_transfers is True and on.document()["auto_transfers"] is True
    assert parse_site(on.document()) == on
    assert parse_site(copy.deepcopy(DEMO) | {"auto_transfers": False}).auto_transfers is False


@pytest.mark.parametrize("bad", ["yes", 1, None, "true"])
def test_a_switch_that_is_not_true_or_false_refuses_the_file(bad):
    with pytest.raises(FieldProblem) as refused:
        parse_site(copy.deepcopy(DEMO) | {"auto_transfers": bad})
    assert "auto_transfers" in str(refused.value)
