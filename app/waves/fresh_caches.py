"""Compiled code cached from files that have changed since is dropped, on import.

numba checks a cached function only against the file it is defined in. The batching search's
functions (`exact_kernel`, `remembered`) have compiled code of other files linked in (the DP,
the nearness): after an upgrade that changed only those, their caches would still run the old
code. So a digest of every file linked in is kept beside the caches, and where it is not the
digest of today's files, those modules' caches are flushed (rebuilt on first use, about 45 s;
`tools/compile_search.py`).
Runs on whichever thread imports the search first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from numba.core.dispatcher import Dispatcher


def drop_stale_caches(linked: Iterable[ModuleType], cached: Iterable[ModuleType]) -> bool:
    """Flush the numba caches of the functions in `cached` unless the files of `linked` are
    those they were built from (as recorded the last time); whether they were flushed."""
    linked, cached = list(linked), list(cached)
    digest = hashlib.sha256()
    for module in linked:
        digest.update(Path(module.__file__ or "").read_bytes())
    record = Path(cached[-1].__file__ or "").parent / "__pycache__" / "compiled-from.sha256"
    try:
        if record.read_text() == digest.hexdigest():
            return False
    except OSError:
        pass  # never recorded (a new install) or unreadable: flush, as for a change
    for module in cached:
        for value in vars(module).values():
            cache = getattr(value, "_cache", None) if isinstance(value, Dispatcher) else None
            if cache is not None:
                cache.flush()  # numba's own cache of this function (not a public API)
    try:
        record.parent.mkdir(exist_ok=True)
        record.write_text(digest.hexdigest())
    except OSError:
        pass  # a read-only install: numba cannot cache there either
    return True
