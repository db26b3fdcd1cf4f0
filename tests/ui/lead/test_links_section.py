"""The shop and ERP links on the lead's Stations tab, on a SQLite central seeded with the demo:
a webhook on a closed port parks a message, and the lead sends it again or drops it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.users import Role, User
from app.errors import NotAllowed
from app.services.lead.console import LeadConsole
from app.services.users import authenticate_lead
from db.integration_store import SqlIntegrationStore
from db.schema import events, integration_deliveries
from tests.ui.lead.outbox import park_messages
from ui.lead import LeadHome
from ui.worker import SynchronousWorker


def park_one(central) -> None:
    park_messages(central, orders=1)


def console(central, user=None) -> LeadConsole:
    user = user or authenticate_lead(central.uow(), "1011", "694907")
    return LeadConsole(central.uow, user, "lead-desk", None, SqlIntegrationStore(central.engine))


def stations_tab(qtbot, central, user=None) -> LeadHome:
    home = LeadHome(console(central, user), SynchronousWorker(), 60_000)
    qtbot.addWidget(home)
    home.resize(1280, 800)
    home.tabs.setCurrentWidget(home.stations_tab)
    return home


def states(central) -> list[str]:
    with central.engine.connect() as conn:
        return list(conn.execute(select(integration_deliveries.c.state)).scalars())


def audited(central, kind: str) -> list[dict]:
    with central.engine.connect() as conn:
        query = select(events.c.payload, events.c.user_name).where(events.c.kind == kind)
        return [dict(r._mapping) for r in conn.execute(query)]


def test_a_site_without_links_says_how_to_set_them(qtbot, demo_central):
    links = stations_tab(qtbot, demo_central).links
    assert not links.none_set.isHidden()
    assert "shipshape integrations --set" in links.none_set.text()
    assert links.endpoint_view.isHidden() and links.send_button.isHidden()


def test_a_parked_message_shows_in_red_and_is_sent_again(qtbot, demo_central):
    park_one(demo_central)
    home = stations_tab(qtbot, demo_central)
    links = home.links
    assert links.none_set.isHidden()
    (shop,) = links.endpoints.rows
    assert (shop.name, shop.kind, shop.waiting, shop.parked) == ("shop", "webhook", 0, 1)
    red = links.endpoints.data(links.endpoints.index(0, 3), 8)  # BackgroundRole
    assert red is not None and red.color().name() == "#b00020"
    (parked,) = links.parked.rows
    assert (parked.endpoint, parked.tries, parked.kind) == ("shop", 1, "order.allocated")
    assert parked.order == "marketplace/MP-00100001"  # the demo's first order
    assert "Connection refused" in parked.last_error
    assert not links.send_button.isEnabled()
    links.parked_view.selectRow(0)
    links.send_button.click()
    assert states(demo_central) == ["pending"]  # due now, tries afresh
    assert home.message.kind == "ok"
    assert links.parked.rows == [] and links.endpoints.rows[0].waiting == 1
    (event,) = audited(demo_central, "integration.retried")
    assert event["payload"]["message"] == parked.id and event["user_name"] == "Maria Jansen"


def test_drop_asks_first_then_gives_the_message_up(qtbot, demo_central, monkeypatch):
    park_one(demo_central)
    links = stations_tab(qtbot, demo_central).links
    questions: list[str] = []
    answer = [False]
    monkeypatch.setattr(links, "confirm", lambda q: questions.append(q) or answer[0])
    links.parked_view.selectRow(0)
    message_id = links.selected().id
    links.drop_button.click()
    assert questions and states(demo_central) == ["parked"]  # said no: nothing changed
    answer[0] = True
    links.drop_button.click()
    assert states(demo_central) == ["dropped"]
    assert links.parked.rows == [] and links.endpoints.rows[0].parked == 0
    (event,) = audited(demo_central, "integration.dropped")
    assert event["payload"] == {"message": message_id, "endpoint": "shop"}


def test_a_non_lead_cannot_send_again_or_drop(demo_central):
    park_one(demo_central)
    (message_id,) = [r["id"] for r in SqlIntegrationStore(demo_central.engine).parked()]
    picker = console(demo_central, User("李娜", Role.PICKER, "1001"))
    for action in (picker.links, lambda: picker.send_again("shop", message_id)):
        with pytest.raises(NotAllowed):
            action()
    with pytest.raises(NotAllowed):
        picker.drop_message("shop", message_id)
    assert states(demo_central) == ["parked"]
