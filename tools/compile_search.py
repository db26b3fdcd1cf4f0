"""Compile the wave planner's search now, not in a lead's first plan.

The batching search runs compiled (numba): a minute or two the first time after installing or
upgrading, then kept in `__pycache__`. A plan's time limit counts that time, so the first plan
would stop at its limit with the proximity seed's carts. `make run` and `make test` run this
first: a small plan, every compiled part of the search used once (about 1 s when cached).

    .venv/bin/python tools/compile_search.py
"""

from __future__ import annotations

import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.routing.samples import grid_layout  # noqa: E402
from app.waves import Order, plan_batches  # noqa: E402


def main() -> None:
    started = time.monotonic()
    layout = grid_layout(aisles=6, blocks=2, bays=6, depot="middle")
    codes = [loc.code for loc in layout.locations]
    rng = random.Random(0)
    orders = [Order(f"W-{i}", tuple(rng.sample(codes, rng.randint(1, 4)))) for i in range(40)]
    # No time limit: the search runs to its work budget, through the polish and the kicks.
    plan_batches(layout, orders, 4, time_limit_s=math.inf)
    print(f"batching search compiled and cached in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
