"""A count that finds a pick face below its min asks for a replenishment, like a pick does."""

from __future__ import annotations

import json

from tests.integration.stock.moves_site import (
    BOLT_GTIN,
    CLERK_BADGE,
    FACE,
    RESERVE,
    add_faces,
    on_hand,
    open_tasks,
    tiny_site,
)


def test_a_count_that_leaves_the_face_below_its_min_makes_one_task(sqlite_url, tmp_path, run_cli):
    central = tiny_site(sqlite_url, tmp_path / "site", faces=False)
    add_faces(central, tmp_path / "site", f"location,sku,min,max\n{FACE},BOLT,20,40\n")
    assert open_tasks(central) == []  # 20 at a face with min 20: not low
    args = ("count", FACE, "--scan", f"{BOLT_GTIN}*19", "--badge", CLERK_BADGE, "--json")
    status, out, err = run_cli(*args, "--database", central.url)
    assert status == 0, err
    assert json.loads(out)["status"] == "adjusted"  # one unit of 20: within the tolerance
    assert on_hand(central, FACE, "BOLT") == 19
    (task,) = open_tasks(central)
    assert (task.quantity, task.reason) == (21, "count")  # back up to max 40
    status, _, err = run_cli(*args, "--database", central.url)  # the same count again
    assert status == 0, err
    assert len(open_tasks(central)) == 1 and on_hand(central, RESERVE, "BOLT") == 100
    central.close()
