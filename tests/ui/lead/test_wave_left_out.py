"""A wave saved from the Waves tab after some of its previewed orders were cancelled: the
banner names them and why, in English and Chinese, and fits 1280×800 (docs/lead.md, "Saving a
previewed wave"); a real SQLite central."""

from __future__ import annotations

from sqlalchemy import select

from app.services import holds
from db.schema import orders
from tests.integration.lead.site import STATION, build_site
from tests.ui.fit import SCREEN, look_at
from tests.ui.lead.test_lead_chinese import ENGLISH_RUN, chinese  # noqa: F401 - a fixture
from tests.ui.lead.test_lead_home import open_home
from tests.ui.lead.test_wave_improve import floor_style  # noqa: F401 - a fixture

CANCELLED = ("SO-0", "SO-1", "SO-2", "SO-3", "SO-4")  # four named, then "and 1 more"


def _release_after_cancels(qtbot, tmp_path, sqlite_url, run_cli, cancelled=CANCELLED):
    site = build_site(tmp_path, sqlite_url, run_cli, release=False)
    home = open_home(qtbot, site)
    home.resize(SCREEN)
    home.tabs.setCurrentWidget(home.waves)
    home.show()
    qtbot.waitExposed(home)
    home.waves.capacity.setValue(3)
    home.waves.preview_button.click()
    assert home.waves.wave.order_count == 7
    for order_id in cancelled:  # another lead, after the preview
        holds.cancel_order(site.uow(), site.lead, f"web/{order_id}", "", STATION)
    home.waves.release_button.click()
    return site, home


def test_the_banner_names_the_orders_left_out_and_why(
    qtbot,
    tmp_path,
    sqlite_url,
    run_cli,
    floor_style,  # noqa: F811
):
    site, home = _release_after_cancels(qtbot, tmp_path, sqlite_url, run_cli)
    text = home.message.text()
    assert home.message.kind == "ok"
    assert "released to the floor with 2 order(s)" in text
    named = ", ".join(f"web/{o} (cancelled)" for o in CANCELLED[:4])
    assert f"Left out, changed since the preview: {named} and 1 more." in text
    statuses = dict(site.rows(select(orders.c.order_id, orders.c.status)))
    assert (statuses["SO-5"], statuses["SO-M"], statuses["SO-4"]) == (
        "released",
        "released",
        "cancelled",
    )
    assert not look_at(home, "lead_wave_left_out")


def test_one_order_left_out_is_named_alone(qtbot, tmp_path, sqlite_url, run_cli):
    _, home = _release_after_cancels(qtbot, tmp_path, sqlite_url, run_cli, ("SO-2",))
    assert home.message.text().endswith(
        "released to the floor with 6 order(s). Left out, changed since the preview: "
        "web/SO-2 (cancelled)."
    )


def test_nothing_left_out_says_what_it_always_said(qtbot, tmp_path, sqlite_url, run_cli):
    _, home = _release_after_cancels(qtbot, tmp_path, sqlite_url, run_cli, ())
    assert home.message.text().endswith(">\xa0\xa0Wave released to the floor.")


def test_the_banner_reads_and_fits_in_chinese(
    qtbot,
    tmp_path,
    sqlite_url,
    run_cli,
    chinese,  # noqa: F811
):
    _, home = _release_after_cancels(qtbot, tmp_path, sqlite_url, run_cli)
    text = home.message.text()
    assert not ENGLISH_RUN.search(text), text
    assert "web/SO-0 (已取消)" in text and "web/SO-3 (已取消) 等另外 1 个" in text
    problems = look_at(home, "lead_wave_left_out_zh")
    assert not problems, problems
