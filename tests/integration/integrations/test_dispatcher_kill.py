"""The dispatcher as a real process against a receiver that fails, answers late and hangs up at
random (seeded), killed -9 at random points: every message arrives, in order per order."""

from __future__ import annotations

import random
import signal
import time

import pytest

from station.demo_packing import demo_central
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
def test_killed_dispatcher_and_flaky_receiver_lose_nothing(tmp_path, tmp_path_factory):
    rng = random.Random(18)
    central = demo_central(tmp_path, tmp_path_factory.getbasetemp())
    url = str(central.engine.url)
    try:
        with Receiver(SECRET, seed=18, fail=0.3, slow_s=0.5) as receiver:
            set_webhook(
                central.engine, receiver.url, max_tries=1000, retry_base_s=0.02,
                retry_max_s=0.3, timeout_s=0.3,
            )  # fmt: skip
            write_messages(central, order_count=40, per_order=6)
            for _ in range(6):
                process = start_dispatcher(url)
                time.sleep(rng.uniform(0.3, 1.5))
                process.send_signal(signal.SIGKILL)
                process.wait()
                write_messages(central, order_count=10, per_order=1)  # news meanwhile
            process = start_dispatcher(url)
            try:
                wait_until_delivered(central.engine, 120)
            finally:
                process.terminate()
                assert process.wait(10) == 0, process.stderr.read() if process.stderr else ""
            assert sum(receiver.failures.values()) > 20  # the receiver did fail, often
            assert len(receiver.received) >= 40 * 6 + 60
            check_received(central.engine, receiver)
    finally:
        central.close()
