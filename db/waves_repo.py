"""Waves, pick lists and pick tasks over SQLAlchemy Core."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, func, insert, select, update

from app.domain.waves import OPEN_PICK_LIST, PickListStatus, PickSource, PlannedWave, WaveStatus
from app.errors import NotFound
from app.messages import message
from db.bulk import insert_rows
from db.schema import (
    allocations,
    locations,
    order_lines,
    orders,
    pick_lists,
    pick_tasks,
    product_gtins,
    products,
    stock,
    totes,
    users,
    waves,
)
from db.wave_carts import WaveCartsMixin


class SqlWaveRepository(WaveCartsMixin):
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def pick_sources(self, order_refs: list[int]) -> list[PickSource]:
        query = (
            select(
                allocations.c.id,
                order_lines.c.order_id,
                order_lines.c.id.label("line_id"),
                stock.c.id.label("stock_id"),
                locations.c.code,
                products.c.sku,
                allocations.c.quantity,
            )
            .join(order_lines, order_lines.c.id == allocations.c.order_line_id)
            .join(stock, stock.c.id == allocations.c.stock_id)
            .join(locations, locations.c.id == stock.c.location_id)
            .join(products, products.c.id == stock.c.product_id)
            .where(order_lines.c.order_id.in_(order_refs))
            .order_by(order_lines.c.order_id, order_lines.c.line_no, allocations.c.id)
        )
        return [PickSource(*row) for row in self.connection.execute(query)]

    def add(self, wave: PlannedWave) -> int:
        wave_id = self.connection.execute(
            insert(waves)
            .values(
                name=wave.name,
                status=WaveStatus.PLANNED.value,
                created_at=wave.created_at,
                plan=wave.plan,
            )
            .returning(waves.c.id)
        ).scalar_one()
        for planned in wave.pick_lists:
            list_id = self.connection.execute(
                insert(pick_lists)
                .values(
                    wave_id=wave_id,
                    status=PickListStatus.PLANNED.value,
                    distance_m=planned.distance_m,
                    sshape_distance_m=planned.sshape_distance_m,
                    version=1,
                )
                .returning(pick_lists.c.id)
            ).scalar_one()
            location_ids = self._location_ids({t.location for t in planned.tasks})
            product_ids = self._product_ids({t.sku for t in planned.tasks})
            insert_rows(
                self.connection,
                pick_tasks,
                [
                    {
                        "pick_list_id": list_id,
                        "seq": seq,
                        "allocation_id": t.allocation_id,
                        "location_id": location_ids[t.location],
                        "product_id": product_ids[t.sku],
                        "order_line_id": t.order_line_id,
                        "quantity": t.quantity,
                        "picked": 0,
                        "short": 0,
                        "status": "open",
                    }
                    for seq, t in enumerate(planned.tasks, start=1)
                ],
            )
        return wave_id

    def release(self, wave_id: int, now) -> tuple[str, list[int]]:
        name = self.connection.execute(
            select(waves.c.name).where(waves.c.id == wave_id, waves.c.status == "planned")
        ).scalar()
        if name is None:
            raise NotFound(message("wave.not_planned", id=wave_id))
        self.connection.execute(
            update(waves).where(waves.c.id == wave_id).values(status="released", released_at=now)
        )
        self.connection.execute(
            update(pick_lists)  # a cart a cancel emptied stays cancelled
            .where(pick_lists.c.wave_id == wave_id, pick_lists.c.status != "cancelled")
            .values(status=PickListStatus.RELEASED.value, version=pick_lists.c.version + 1)
        )
        refs = self.connection.execute(
            select(order_lines.c.order_id)
            .distinct()
            .join(pick_tasks, pick_tasks.c.order_line_id == order_lines.c.id)
            .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
            .where(pick_lists.c.wave_id == wave_id)
        ).scalars()
        return name, sorted(refs)

    def open_pick_lists(self) -> list[dict]:
        """Every open pick list with its tasks in walking order (docs/interfaces.md §8)."""
        lists = self.connection.execute(
            select(
                pick_lists.c.id, waves.c.name, users.c.name.label("assignee"), pick_lists.c.status
            )
            .join(waves, waves.c.id == pick_lists.c.wave_id)
            .outerjoin(users, users.c.id == pick_lists.c.assignee_id)
            .where(pick_lists.c.status.in_([s.value for s in OPEN_PICK_LIST]))
            .order_by(pick_lists.c.id)
        ).all()
        tasks = self._tasks([row.id for row in lists])
        return [
            {
                "id": row.id,
                "wave": row.name,
                "assignee": row.assignee,
                "status": row.status,
                "tasks": tasks[row.id],
            }
            for row in lists
        ]

    def _tasks(self, list_ids: list[int]) -> dict[int, list[dict]]:
        first_gtin = select(
            product_gtins.c.product_id, func.min(product_gtins.c.gtin).label("gtin")
        ).group_by(product_gtins.c.product_id)
        first_gtin = first_gtin.subquery()
        query = (
            select(
                pick_tasks.c.pick_list_id,
                pick_tasks.c.seq,
                locations.c.code.label("location"),
                products.c.sku,
                first_gtin.c.gtin,
                pick_tasks.c.quantity,
                pick_tasks.c.picked,
                orders.c.order_id,
                totes.c.code.label("tote"),
            )
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .join(products, products.c.id == pick_tasks.c.product_id)
            .outerjoin(first_gtin, first_gtin.c.product_id == products.c.id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .join(orders, orders.c.id == order_lines.c.order_id)
            .outerjoin(totes, totes.c.order_id == orders.c.id)
            .where(pick_tasks.c.pick_list_id.in_(list_ids))
            .order_by(pick_tasks.c.pick_list_id, pick_tasks.c.seq)
        )
        found = defaultdict(list)
        for row in self.connection.execute(query):
            record = dict(row._mapping)
            found[record.pop("pick_list_id")].append(record)
        return found
