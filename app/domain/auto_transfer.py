"""The automatic transfer a pick face gets when its warehouse has no reserve of its product
(docs/stock.md, "Transfers"; the switch is the receiving warehouse's `auto_transfers` setting).

- The need: the face's max less its level (app/domain/replenishment.py `level`), less what
  the unfinished transfers to its warehouse (open, allocated, picked, in transit) still bring
  of the product. Zero or less: those transfers cover it, nothing is made. So running the check
  again, before or after the transfer ships, makes nothing more.
- What a sender can spare: its reserve of the product that may be taken (not expired, held or
  reserved), less what its own open transfers will take and have not reserved yet, less what
  its own pick faces of the product lack below their max (its faces come first).
- The sender: among the other warehouses with carriers (a transfer ships with one), the one
  that can spare the most; on a tie, the lowest code. None can spare a unit: nothing is made.
- The quantity: the need, never more than the sender can spare.

Pure: app/services/transfer_rule.py reads the stock and the transfers and makes the transfer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Sender:
    warehouse_id: int
    code: str
    spare: int  # units of the product it can give (spare_units)


@dataclass(frozen=True)
class AutoTransfer:
    source: int  # the sender's warehouse id
    quantity: int


def need(max_qty: int, level: int, coming: int) -> int:
    """Units the face still lacks once the transfers on their way have come."""
    return max_qty - level - coming


def spare_units(reserve: int, leaving: int, faces_lack: int) -> int:
    """A sender's spare: its usable reserve, less open transfers out and its own faces' lack."""
    return max(reserve - leaving - faces_lack, 0)


def choose_sender(wanted: int, senders: Iterable[Sender]) -> AutoTransfer | None:
    """The transfer to make for `wanted` units, or None (covered, or nobody can spare any)."""
    if wanted <= 0:
        return None
    able = [s for s in senders if s.spare > 0]
    if not able:
        return None
    best = min(able, key=lambda s: (-s.spare, s.code))
    return AutoTransfer(best.warehouse_id, min(wanted, best.spare))
