"""Which cell of the carriers table a refused settings field names.

A `FieldProblem` reads in the screen's language by itself (its message id `field.<code>`,
ui/messages.py); its field path (`carriers[1].tracking.digits`) stays as it is, naming the
field exactly in either language, and here points the tab at the cell to mark. UI thread only.
"""

from __future__ import annotations

import re

_CARRIER_FIELD = re.compile(r"carriers\[(\d+)\](?:\.tracking)?(?:\.(\w+))?")


def carrier_cell(field: str) -> tuple[int, str | None] | None:
    """`carriers[2].tracking.digits` → (2, "digits"); `carriers[1]` → (1, None); else None."""
    found = _CARRIER_FIELD.match(field)
    if found is None:
        return None
    return int(found.group(1)), found.group(2)
