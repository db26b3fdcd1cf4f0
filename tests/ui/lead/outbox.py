"""Shop and ERP links in a state worth showing: a webhook nobody answers (one try, so its
messages park at once) and a file drop that takes them. For the links tests and the fit test."""

from __future__ import annotations

import socket
import threading

from app.domain.events import Actor
from app.services import integrate
from app.services.integrate import Dispatcher
from db.integration_store import SqlIntegrationStore
from integrations import senders
from tests.integration.integrations.outbox_story import SECRET, write_messages


def closed_port() -> int:
    with socket.socket() as probe:  # bound, then closed: nothing listens there
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def park_messages(central, orders: int = 1, folder=None) -> None:
    """The webshop's webhook refuses every try (max_tries 1): each order's message is parked.
    With `folder`, an ERP file drop there takes the same messages."""
    shop = {
        "name": "shop",
        "kind": "webhook",
        "url": f"http://127.0.0.1:{closed_port()}/",
        "secret": SECRET,
        "max_tries": 1,
        "timeout_s": 1,
    }
    erp = [{"name": "erp", "kind": "file", "folder": str(folder)}] if folder else []
    store = SqlIntegrationStore(central.engine)
    integrate.set_endpoints(store, {"endpoints": [shop, *erp]}, Actor("setup", "cli"))
    write_messages(central, order_count=orders, per_order=1)
    Dispatcher(store, senders(), batch=10).run(threading.Event(), once=True)
