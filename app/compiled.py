"""How the compiled kernels (numba) of the router and the wave planner are built, where it is
not numba's default.

numba counts a reference to every array a compiled function is given, atomically, on entry
and again on leaving, and to every array it makes or takes a view of. The batching search
calls some functions for every pair of carts it compares, with its whole state (about 70
arrays): there the counting cost more than the work (docs/benchmarks.md, "Batching"). Those
functions, and the route DP they call, are built without numba's runtime
(`no_reference_counts`): they make no arrays, return none and keep none, and work in arrays
made once by their callers. A function they call is built as they are (numba's default), so
it may not make arrays either, unless it says otherwise (`_nrt=True`).
Pure: runs on whichever thread calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from numba import njit

# numba's `_nrt` option (its runtime: reference counts and making arrays) is not in its typed
# signature, hence the ignore.


def no_reference_counts(function: Callable[..., Any]) -> Any:
    """`function` compiled and cached without numba's runtime: it may not make an array."""
    return njit(cache=True, _nrt=False)(function)  # type: ignore[call-overload]
