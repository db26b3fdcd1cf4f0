"""bench/stock_accuracy.py runs from a checkout as documented (three days, not a month) and
ends with its three RESULT lines, each a share between 0 and 100 (avoided: up to 100)."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
RESULT = re.compile(r"^RESULT (\w+) (-?\d+(?:\.\d+)?) %$")


def test_three_days_of_the_bench_print_the_table_and_the_result_lines():
    done = subprocess.run(
        [sys.executable, "bench/stock_accuracy.py", "--days", "3"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    results = {}
    for line in lines[-3:]:
        match = RESULT.match(line)
        assert match, f"not a RESULT line: {line!r}"
        results[match[1]] = float(match[2])
    assert list(results) == [
        "inventory_accuracy_pct_with_counts",
        "inventory_accuracy_pct_without_counts",
        "short_picks_avoided_pct",
    ]
    assert 0 <= results["inventory_accuracy_pct_with_counts"] <= 100
    assert 0 <= results["inventory_accuracy_pct_without_counts"] <= 100
    assert results["short_picks_avoided_pct"] <= 100
    policies = [line for line in lines if line.startswith("(")]
    assert [p.split(")")[0] for p in policies] == ["(a", "(b", "(c"]
    counted = [int(p.split()[-6]) for p in policies]  # columns from the right: counted first
    assert counted[0] == 0 and counted[1] > 0, "(a) never counts, (b) counts each day's due"
