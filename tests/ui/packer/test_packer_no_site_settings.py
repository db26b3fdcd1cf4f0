"""A site without settings packs nothing, and the packer is told why and who fixes it."""

from __future__ import annotations

from db.schema import settings
from tests.integration.packing.packing_site import pick_into_tote, released_orders
from tests.ui.packer.conftest import Station
from ui.marks import is_ok_html


def test_a_tote_on_a_site_without_settings_says_who_sets_them_up(qtbot, central, tmp_path):
    ref = released_orders(central)[0]
    pick_into_tote(central, ref, "0950")
    with central.engine.begin() as conn:
        conn.execute(settings.delete().where(settings.c.key == "site"))
    station = Station(qtbot, central, tmp_path)
    said = station.scan("T:0950")
    assert not is_ok_html(said)
    assert "no settings yet" in said and "Settings tab" in said
    assert (
        station.home.message.heightForWidth(station.home.message.width())
        <= station.home.message.height()
    )
    station.home.grab().save(str(tmp_path.parent / "no_settings.png"))
