"""Bought once: 100 purchases, each with network cuts at random points before and after the
carrier records the purchase, retried through the adapter (look-up before buy) until a label
comes back. The server counts purchases per reference: exactly one each, and every answer for a
reference names the same tracking number."""

from __future__ import annotations

import random

import pytest

from app.errors import CarrierUnavailable
from app.services.ports.carriers import label_reference
from carriers.local_server import Fault, LocalCarrierServer
from tests.integration.carriers.conftest import api_carrier, label_request

PURCHASES = 100
TIMEOUT_S = 0.25
CUTS = ("drop_before", "drop_after", "drop_mid", "slow")  # slow: answered after we gave up
WHERE = ("buy", "buy", "buy", "create", "lookup", "label")  # the purchase itself most often


def _cuts(rng: random.Random) -> list[Fault]:
    return [Fault(rng.choice(CUTS), on=rng.choice(WHERE), delay_s=2 * TIMEOUT_S)
            for _ in range(rng.randint(1, 3))]  # fmt: skip


def _buy_until_answered(carrier, request, reference) -> tuple[str, int]:
    for attempt in range(1, 11):
        try:
            return carrier.buy_label(request, reference).tracking_number, attempt
        except CarrierUnavailable:
            continue
    raise AssertionError(f"{reference}: no answer after 10 attempts")


@pytest.mark.slow
def test_100_network_cuts_during_purchases_buy_no_label_twice():
    rng = random.Random(17)
    with LocalCarrierServer() as server:
        carrier = api_carrier(server, TIMEOUT_S)
        answers, failed_attempts, cuts = {}, 0, 0
        for n in range(PURCHASES):
            reference = label_reference("AMS", f"WEB-{n:04d}", 1)
            for fault in _cuts(rng):
                server.add_fault(fault)
                cuts += 1
            answers[reference], attempts = _buy_until_answered(
                carrier, label_request(f"WEB-{n:04d}"), reference
            )
            failed_attempts += attempts - 1
            server.clear_faults()  # a cut aimed at a call this purchase did not make
        counts = server.purchase_counts()
        again = api_carrier(server)  # another station asking afterwards
        for reference, tracking in answers.items():
            assert again.find_purchase(reference).tracking_number == tracking
            assert (
                server.book.shipments[server.book.by_reference[reference]]["tracking_code"]
                == tracking
            )
    duplicates = sum(count - 1 for count in counts.values())
    print(f"\n{PURCHASES} purchases, {cuts} cuts injected, {failed_attempts} attempts cut, "
          f"{sum(counts.values())} bought, {duplicates} duplicates")  # fmt: skip
    assert failed_attempts >= PURCHASES  # the cuts really cut
    assert counts == {reference: 1 for reference in answers}
    assert len(set(answers.values())) == PURCHASES
