"""Slotting: which product lives where (docs/routing.md, "Slotting").

From a period's pick lists: classify products (ABC by picks, cube-per-order index, affinity),
propose a bounded list of moves that brings fast movers and co-ordered products near the depot
and near each other, and measure every proposal by replaying the pick lists with the exact
router on the current and on the proposed slotting. Pure: no Qt, no database.
"""

from app.slotting.classify import Classes, classify
from app.slotting.plan import Limits, Move, Plan, propose
from app.slotting.replay import Replay

__all__ = ["Classes", "Limits", "Move", "Plan", "Replay", "classify", "propose"]
