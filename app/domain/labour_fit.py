"""Learning a labour standard from the site's finished pick lists. Pure: no I/O, no clock.

Each finished list gives its exact route metres, lines, scans, who picked it, when it was
claimed and finished, and when each line was confirmed. The fit, in three steps:

1. **Breaks out of the clock** (`worked_seconds`): the list's time is cut at its confirmations
   into gaps; a gap longer than `BREAK_FACTOR` × the list's median gap and longer than
   `MIN_BREAK_S` is a break, a phone call or a search, and counts as one median gap.
2. **Robust non-negative least squares** (`fit_standard`): work seconds ≈ a·metres + b·lines +
   c·scans + d·lists with a, b, c, d ≥ 0, minimising the squared *relative* error (each list
   weighted by 1 ÷ its time², so a short list counts as much as a long one). Exact NNLS for four
   unknowns: every subset of columns is solved and the best feasible one kept. Then iteratively
   reweighted with Tukey's biweight on the relative residuals (scale 1.4826 × MAD, c = 4.685):
   a list far off the model (a break step 1 missed, a list left on a cart overnight) weighs
   nothing.
3. **Picker paces**: each picker's median of (time ÷ model time); the times are divided by the
   paces and the coefficients fitted again (three rounds), so a fast picker who happened to get
   the long lists does not bend the site's walking speed. Paces are scaled so the median list's
   picker has pace 1: the standard describes the site's typical picker.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from app.domain.labour import LabourStandard, Work

MIN_BREAK_S = 240.0
BREAK_FACTOR = 4.0
MIN_LISTS = 8
MIN_LIST_S = 10.0  # a list worked in less is not a person's time (a load generator, a test)
TUKEY_C = 4.685
ROUNDS = 3
REWEIGHTS = 8


@dataclass(frozen=True)
class FinishedList:
    picker: str
    work: Work
    started: datetime
    finished: datetime
    picks: tuple[datetime, ...]  # confirmation times, any order

    @property
    def elapsed_s(self) -> float:
        return (self.finished - self.started).total_seconds()


def worked_seconds(finished: FinishedList) -> float:
    """The list's time with breaks counted as an ordinary gap (step 1 above)."""
    moments = [finished.started, *sorted(finished.picks), finished.finished]
    gaps = [max((b - a).total_seconds(), 0.0) for a, b in zip(moments, moments[1:], strict=False)]
    if not gaps:
        return 0.0
    typical = statistics.median(gaps)
    limit = max(MIN_BREAK_S, BREAK_FACTOR * typical)
    return sum(typical if gap > limit else gap for gap in gaps)


def _row(work: Work) -> list[float]:
    return [work.metres, work.lines, work.scans, work.lists]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float] | None:
    """Gaussian elimination with partial pivoting; None when singular."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col:
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[i][n] / a[i][i] for i in range(n)]


def nnls(rows: list[list[float]], targets: list[float], weights: list[float]) -> list[float]:
    """Weighted least squares with every coefficient ≥ 0, exact for a few columns."""
    k = len(rows[0])
    best, best_error = [0.0] * k, sum(w * y * y for w, y in zip(weights, targets, strict=True))
    for size in range(1, k + 1):
        for subset in combinations(range(k), size):
            normal = [
                [sum(w * x[i] * x[j] for w, x in zip(weights, rows, strict=True)) for j in subset]
                for i in subset
            ]
            right = [
                sum(w * x[i] * y for w, x, y in zip(weights, rows, targets, strict=True))
                for i in subset
            ]
            solved = _solve(normal, right)
            if solved is None or min(solved) < 0:
                continue
            full = [0.0] * k
            for i, value in zip(subset, solved, strict=True):
                full[i] = value
            error = _weighted_error(rows, targets, weights, full)
            if error < best_error - 1e-12:
                best, best_error = full, error
    return best


def _weighted_error(rows, targets, weights, beta) -> float:
    return sum(w * (y - _dot(x, beta)) ** 2 for w, x, y in zip(weights, rows, targets, strict=True))


def _dot(x: list[float], beta: list[float]) -> float:
    return sum(a * b for a, b in zip(x, beta, strict=True))


def robust_fit(rows: list[list[float]], targets: list[float]) -> list[float]:
    """NNLS on relative errors, reweighted by Tukey's biweight (step 2 above)."""
    robust = [1.0] * len(rows)
    beta = [0.0] * len(rows[0])
    for _ in range(REWEIGHTS):
        weights = [r / max(y, 1.0) ** 2 for r, y in zip(robust, targets, strict=True)]
        beta = nnls(rows, targets, weights)
        residuals = [(y - _dot(x, beta)) / max(y, 1.0) for x, y in zip(rows, targets, strict=True)]
        centre = statistics.median(residuals)
        scale = max(1.4826 * statistics.median(abs(r - centre) for r in residuals), 0.01)
        robust = [_biweight(r / (TUKEY_C * scale)) for r in residuals]
    return beta


def _biweight(u: float) -> float:
    return (1 - u * u) ** 2 if abs(u) < 1 else 0.0


@dataclass(frozen=True)
class Fit:
    standard: LabourStandard
    lists: int
    breaks_removed_s: float  # how much clock time step 1 took out, summed


def usable_lists(finished: list[FinishedList]) -> list[FinishedList]:
    """Lists with lines, worked for at least MIN_LIST_S seconds."""
    return [f for f in finished if f.work.lines > 0 and worked_seconds(f) >= MIN_LIST_S]


def fit_standard(finished: list[FinishedList], base: LabourStandard) -> Fit | None:
    """A standard learnt from finished lists (base's allowance kept; a walking speed the data
    cannot show keeps base's); None with fewer than MIN_LISTS usable lists."""
    usable = usable_lists(finished)
    if len(usable) < MIN_LISTS:
        return None
    times = [worked_seconds(f) for f in usable]
    rows = [_row(f.work) for f in usable]
    paces = {f.picker: 1.0 for f in usable}
    beta = [0.0] * 4
    for _ in range(ROUNDS):
        scaled = [t / paces[f.picker] for t, f in zip(times, usable, strict=True)]
        beta = robust_fit(rows, scaled)
        paces = _paces(usable, times, rows, beta)
    middle = statistics.median(paces[f.picker] for f in usable)
    paces = {p: v / middle for p, v in paces.items()}
    beta = [b * middle for b in beta]
    standard = _standard(beta, base, paces, len(usable))
    removed = sum(max(f.elapsed_s - t, 0.0) for f, t in zip(usable, times, strict=True))
    return Fit(standard, len(usable), removed)


def _paces(usable, times, rows, beta) -> dict[str, float]:
    ratios: dict[str, list[float]] = {}
    for f, t, x in zip(usable, times, rows, strict=True):
        model = _dot(x, beta)
        if model > 0:
            ratios.setdefault(f.picker, []).append(t / model)
    return {f.picker: statistics.median(ratios.get(f.picker) or [1.0]) for f in usable}


def _standard(beta: list[float], base: LabourStandard, paces: dict, lists: int) -> LabourStandard:
    per_metre, per_line, per_scan, per_list = beta
    return base.with_changes(
        walk_speed_m_s=1 / per_metre if per_metre > 1e-6 else base.walk_speed_m_s,
        seconds_per_line=per_line,
        seconds_per_scan=per_scan,
        seconds_per_list=per_list,
        paces=paces,
        learnt_from=lists,
    )


def mape_pct(pairs: list[tuple[float, float]]) -> float:
    """Mean absolute percentage error of (predicted, actual) pairs, in per cent."""
    return 100.0 * statistics.fmean(abs(p - a) / a for p, a in pairs if a > 0)
