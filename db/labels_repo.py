"""`uow.labels`: cartons that closed awaiting their carrier's label (docs/carriers.md).

Such a carton's shipment reads `AWAITING-<SSCC>` (app.domain.packing.awaiting_label_number)
until `label.bought` brings the carrier's tracking number; the lead's `awaiting_label`
exception for it is then resolved. Runs inside the fact engine's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select, update

from app.domain.packing import awaiting_label_number
from db.schema import exceptions, packages, shipments

AWAITING_KIND = "awaiting_label"


class SqlLabelRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def label_bought(self, sscc: str, tracking_number: str) -> bool:
        """The carton's shipment gets the carrier's tracking number; False when the carton is
        not known (yet) or has its number already (a replayed fact)."""
        shipment = select(packages.c.shipment_id).where(packages.c.sscc == sscc)
        done = self.connection.execute(
            update(shipments)
            .where(
                shipments.c.id.in_(shipment.scalar_subquery()),
                shipments.c.tracking_number == awaiting_label_number(sscc),
            )
            .values(tracking_number=tracking_number)
        )
        return bool(done.rowcount)

    def resolve_awaiting(self, order_ref: int | None, sscc: str, when: datetime) -> None:
        """The lead's item for this carton is done: its label is printed."""
        rows = self.connection.execute(
            select(exceptions.c.id, exceptions.c.details).where(
                exceptions.c.kind == AWAITING_KIND,
                exceptions.c.status == "open",
                exceptions.c.order_ref == order_ref,
            )
        ).all()
        ids = [row.id for row in rows if (row.details or {}).get("sscc") == sscc]
        if ids:
            self.connection.execute(
                update(exceptions)
                .where(exceptions.c.id.in_(ids))
                .values(
                    status="resolved",
                    resolution="label_bought",
                    resolved_at=when,
                    resolved_by="system",
                )  # fmt: skip
            )
