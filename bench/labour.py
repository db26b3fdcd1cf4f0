"""Labour standards: how well the learnt standard predicts how long a pick list takes.

A seeded log of finished pick lists is simulated in a 12-aisle, 2-block layout (routes solved
exactly with app.routing): 12 pickers whose walking and handling speeds differ independently
(±20 %), per-line handling time lognormal around 9 s (σ 0.35) plus 2.5 s per unit scanned, a
cart set-up of 30 s + 6 s per order, 5 % of lines with a 20-60 s search, and 0.6 % of lines
followed by an interruption of 2-10 minutes (a break, a call: about one every 2 hours of
picking; `--interruptions` changes the rate, and the table shows both kinds of list apart). The standard is fitted on the
first 60 % of the log (in time order) and predicts the rest; the prediction of a list's time is
the work time × its picker's learnt pace (what the board's estimated finish uses).

Side by side: a naive baseline (seconds per line, the site's mean, fitted on the same part),
the model fitted by plain least squares (no break removal, no reweighting) and the same model
without picker paces. MAPE is over every list of the held-out part, interruptions included.

    .venv/bin/python bench/labour.py [--lists 1500] [--seed 7] [--interruptions 0.006]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.labour import DEFAULT_STANDARD, LabourStandard, Work  # noqa: E402
from app.domain.labour_fit import (  # noqa: E402
    FinishedList,
    fit_standard,
    mape_pct,
    nnls,
    worked_seconds,
)
from app.routing import solve_route  # noqa: E402
from app.routing.distance import depot_spot, spot_of, walk_distance  # noqa: E402
from app.routing.samples import grid_layout  # noqa: E402

TRAIN_SHARE = 0.6


@dataclass(frozen=True)
class Picker:
    name: str
    walk_m_s: float
    handling: float  # × the typical handling time


def _pickers(rng: random.Random, count: int = 12) -> list[Picker]:
    return [
        Picker(f"P{i + 1:02d}", 1.1 * rng.uniform(0.8, 1.2), rng.uniform(0.8, 1.2))
        for i in range(count)
    ]


@dataclass(frozen=True)
class Floor:
    rng: random.Random
    layout: object
    interruptions: float  # chance per line of a 2-10 minute stop after it


def _list_times(floor: Floor, picker: Picker, units: dict[str, int], orders: int):
    """Seconds from claim to each confirmation and to the finish, walking leg by leg."""
    rng, layout = floor.rng, floor.layout
    route = solve_route(layout, list(units))
    clock = (30 + 6 * orders) * picker.handling * rng.uniform(0.85, 1.15)
    here, picks = depot_spot(layout), []
    for code in route.sequence:
        there = spot_of(layout, code)
        clock += walk_distance(layout.cross_aisles, here, there) / picker.walk_m_s
        clock += (rng.lognormvariate(0, 0.35) * 9.0 + 2.5 * units[code]) * picker.handling
        if rng.random() < 0.05:
            clock += rng.uniform(20, 60)
        picks.append(clock)
        if rng.random() < floor.interruptions:
            clock += rng.uniform(120, 600)
        here = there
    clock += walk_distance(layout.cross_aisles, here, depot_spot(layout)) / picker.walk_m_s
    return route.distance_m, picks, clock


def simulate(count: int, seed: int, interruptions: float = 0.006) -> list[FinishedList]:
    rng = random.Random(seed)
    floor = Floor(rng, grid_layout(aisles=12, blocks=2, bays=20), interruptions)
    codes_all = [loc.code for loc in floor.layout.locations]
    pickers = _pickers(rng)
    start = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)
    log = []
    for n in range(count):
        picker = rng.choice(pickers)
        lines = min(max(int(rng.lognormvariate(2.0, 0.6)), 1), 40)
        units = {code: 1 + int(rng.expovariate(0.8)) for code in rng.sample(codes_all, lines)}
        orders = max(1, min(8, lines // rng.randint(1, 3)))
        metres, picks, total = _list_times(floor, picker, units, orders)
        began = start + timedelta(minutes=7 * n)
        work = Work(metres, lines, sum(units.values()), 1)
        moments = tuple(began + timedelta(seconds=s) for s in picks)
        log.append(
            FinishedList(picker.name, work, began, began + timedelta(seconds=total), moments)
        )
    return log


def naive_seconds_per_line(train: list[FinishedList]) -> float:
    return sum(f.elapsed_s for f in train) / sum(f.work.lines for f in train)


def plain_least_squares(train: list[FinishedList]) -> LabourStandard:
    rows = [[f.work.metres, f.work.lines, f.work.scans, f.work.lists] for f in train]
    beta = nnls(rows, [f.elapsed_s for f in train], [1.0] * len(rows))
    speed = 1 / beta[0] if beta[0] > 1e-6 else DEFAULT_STANDARD.walk_speed_m_s
    return LabourStandard(speed, beta[1], beta[2], beta[3])


def _interrupted(f: FinishedList) -> bool:
    return f.elapsed_s - worked_seconds(f) > 1


def score_of(lists: list[FinishedList], standard: LabourStandard) -> tuple[int, float | None]:
    pairs = [(standard.predicted_seconds(f.work, f.picker), f.elapsed_s) for f in lists]
    return len(pairs), (mape_pct(pairs) if pairs else None)


def evaluate(log: list[FinishedList]) -> dict:
    cut = int(len(log) * TRAIN_SHARE)
    train, test = log[:cut], log[cut:]
    fit = fit_standard(train, DEFAULT_STANDARD)
    assert fit is not None
    learnt = fit.standard
    no_paces = learnt.with_changes(paces={})
    per_line = naive_seconds_per_line(train)
    plain = plain_least_squares(train)

    def score(predict) -> float:
        return mape_pct([(predict(f), f.elapsed_s) for f in test])

    return {
        "standard": learnt,
        "train": len(train),
        "test": len(test),
        "breaks_removed_min": fit.breaks_removed_s / 60,
        "naive": score(lambda f: per_line * f.work.lines),
        "plain": score(lambda f: plain.work_seconds(f.work)),
        "no_paces": score(lambda f: no_paces.work_seconds(f.work)),
        "learnt": score(lambda f: learnt.predicted_seconds(f.work, f.picker)),
        "clean": score_of([f for f in test if not _interrupted(f)], learnt),
        "interrupted": score_of([f for f in test if _interrupted(f)], learnt),
        "median_ape": statistics.median(
            abs(learnt.predicted_seconds(f.work, f.picker) - f.elapsed_s) / f.elapsed_s * 100
            for f in test
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--interruptions", type=float, default=0.006, help="chance per line")
    args = parser.parse_args()
    log = simulate(args.lists, args.seed, args.interruptions)
    found = evaluate(log)
    s: LabourStandard = found["standard"]
    print(f"log: {len(log)} pick lists, fitted on {found['train']}, predicting {found['test']}")
    print(
        f"learnt: walk {s.walk_speed_m_s:.2f} m/s, {s.seconds_per_line:.1f} s/line,"
        f" {s.seconds_per_scan:.1f} s/scan, {s.seconds_per_list:.0f} s/list;"
        f" breaks taken out of the fit: {found['breaks_removed_min']:.0f} min"
    )
    print(f"{'predictor':<52}{'MAPE %':>8}")
    for key, label in (
        ("naive", "naive: seconds per line only"),
        ("plain", "route model, plain least squares, no paces"),
        ("no_paces", "route model, robust fit, site standard only"),
        ("learnt", "route model, robust fit, × picker pace (board)"),
    ):
        print(f"{label:<52}{found[key]:>8.1f}")
    for key, label in (("clean", "lists without a long stop"), ("interrupted", "with one")):
        n, value = found[key]
        shown = "—" if value is None else f"{value:.1f}"
        print(f"  of which {label} ({n}): MAPE {shown} %")
    print(f"median absolute percentage error (learnt): {found['median_ape']:.1f} %")
    print(f"RESULT labour_standard_mape_pct {found['learnt']:.1f} %")
    print(f"RESULT labour_naive_mape_pct {found['naive']:.1f} %")


if __name__ == "__main__":
    main()
