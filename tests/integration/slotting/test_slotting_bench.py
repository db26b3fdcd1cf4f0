"""bench/slotting.py runs from a checkout as documented (three days, not a month) and ends with
its two RESULT lines: a saving and a share of locations within the 5 % limit."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
RESULT = re.compile(r"^RESULT (\w+) (-?\d+(?:\.\d+)?) %$")


def test_three_days_of_the_bench_print_the_table_and_the_result_lines():
    done = subprocess.run(
        [sys.executable, "bench/slotting.py", "--days", "3", "--orders-per-day", "150"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[1].startswith("pick lists") and "re-batched carts" in done.stdout
    results = {}
    for line in lines[-2:]:
        match = RESULT.match(line)
        assert match, f"not a RESULT line: {line!r}"
        results[match[1]] = float(match[2])
    assert list(results) == ["slotting_walk_saving_pct", "slotting_locations_moved_pct"]
    assert results["slotting_walk_saving_pct"] > 0
    assert 0 < results["slotting_locations_moved_pct"] <= 5.0
