"""Imports every module that registers fact appliers (see app.services.facts).

One line per feature; keep the list sorted.
"""

import app.services.packing_central  # noqa: F401, E402 - packed items, cartons, overrides
import app.services.picking_central  # noqa: F401, E402 - pick, short, undo, tote, finish
import app.services.users  # noqa: F401, E402 - a locked PIN opens a lead's exception item
