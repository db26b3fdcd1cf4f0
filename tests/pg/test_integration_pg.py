"""The integration outbox on PostgreSQL: two dispatchers at once, one killed -9 and started
again, against a flaky receiver; row locks (SKIP LOCKED) keep them from sending one message
twice at the same time, and each order's messages still arrive in order."""

from __future__ import annotations

import signal
import time

import pytest

from app.bootstrap import open_central
from app.services import demo
from tests.integration.integrations.outbox_story import (
    SECRET,
    check_received,
    set_webhook,
    start_dispatcher,
    wait_until_delivered,
    write_messages,
)
from tests.integration.integrations.receiver import Receiver


@pytest.mark.timeout(240)
def test_two_dispatchers_at_once_deliver_everything_in_order(pg_url):
    central = open_central(pg_url)
    try:
        demo.seed_demo(central.uow(), central.setup_identity(), say=lambda _text: None)
        with Receiver(SECRET, seed=7, fail=0.2, slow_s=0.5) as receiver:
            set_webhook(
                central.engine, receiver.url, max_tries=1000, retry_base_s=0.02,
                retry_max_s=0.3, timeout_s=0.3,
            )  # fmt: skip
            write_messages(central, order_count=50, per_order=6)
            first, second = start_dispatcher(pg_url), start_dispatcher(pg_url)
            time.sleep(1.0)
            second.send_signal(signal.SIGKILL)
            second.wait()
            write_messages(central, order_count=20, per_order=2)
            second = start_dispatcher(pg_url)
            try:
                states = wait_until_delivered(central.engine, 120)
            finally:
                for process in (first, second):
                    process.terminate()
                    assert process.wait(10) == 0
            assert set(states) == {"delivered"}
            check_received(central.engine, receiver)
            # Only the kill and the receiver's own failures make a message arrive twice.
            duplicates = len(receiver.received) - len(set(receiver.ids()))
            assert duplicates <= receiver.failures["slow"] + 16
    finally:
        central.close()
