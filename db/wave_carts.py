"""The carts of a stored wave, read and rewritten: top-ups and re-balances (docs/lead.md).

Every rewrite bumps the pick list's `version`, so a station that holds a copy of the list
sees it is stale on its next pull (the same path as a reassignment or a cancelled wave).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, insert, select, update

from app.domain.waves import PickSource, StoredPickList, WaveHead
from app.errors import NotFound
from app.messages import message
from db.schema import allocations, locations, order_lines, pick_lists, pick_tasks, products, stock
from db.schema import waves as waves_table


def lists_in_warehouse(warehouse_id: int):
    """The ids of pick lists whose tasks are at this warehouse's locations (a wave is planned
    for one warehouse: app/services/waves.py)."""
    return (
        select(pick_tasks.c.pick_list_id)
        .join(locations, locations.c.id == pick_tasks.c.location_id)
        .where(locations.c.warehouse_id == warehouse_id)
    )


class WaveCartsMixin:
    connection: Connection

    def warehouse_of(self, wave_id: int) -> int | None:
        """The warehouse a wave was planned for: where its tasks' locations are."""
        query = (
            select(locations.c.warehouse_id)
            .join(pick_tasks, pick_tasks.c.location_id == locations.c.id)
            .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
            .where(pick_lists.c.wave_id == wave_id)
            .limit(1)
        )
        return self.connection.execute(query).scalar()

    def head(self, wave_id: int, lock: bool = False) -> WaveHead:
        """The wave; `lock`: its row is locked until the transaction ends (one change at a
        time: a top-up and a release of the same wave wait for each other)."""
        query = select(waves_table).where(waves_table.c.id == wave_id)
        row = self.connection.execute(query.with_for_update() if lock else query).first()
        if row is None:
            raise NotFound(message("wave.not_found", id=wave_id))
        return WaveHead(row.id, row.name, row.status, row.plan)

    def stored_lists(
        self, wave_id: int, lock: bool = False, only: list[int] | None = None
    ) -> list[StoredPickList]:
        """The wave's pick lists that are not cancelled (`only` these), with their tasks in
        walking order.

        `lock` (PostgreSQL): the lists' rows are locked first, so a station claiming one of
        them at the same moment either went first (the list reads as claimed) or waits."""
        ids = select(pick_lists.c.id).where(
            pick_lists.c.wave_id == wave_id, pick_lists.c.status != "cancelled"
        )
        if only is not None:
            ids = ids.where(pick_lists.c.id.in_(only))
        if lock:
            ids = ids.order_by(pick_lists.c.id).with_for_update()
        list_ids = list(self.connection.execute(ids).scalars())
        heads = self.connection.execute(
            select(pick_lists).where(pick_lists.c.id.in_(list_ids)).order_by(pick_lists.c.id)
        ).all()
        tasks, started = self._list_tasks(list_ids)
        return [
            StoredPickList(
                h.id,
                h.status,
                h.assignee_id,
                h.version,
                h.distance_m,
                tuple(tasks[h.id]),
                h.id in started,
            )
            for h in heads
        ]

    def _list_tasks(self, list_ids: list[int]) -> tuple[dict[int, list[PickSource]], set[int]]:
        query = (
            select(
                pick_tasks.c.pick_list_id,
                pick_tasks.c.status,
                pick_tasks.c.picked,
                allocations.c.id,
                order_lines.c.order_id,
                order_lines.c.id.label("line_id"),
                stock.c.id.label("stock_id"),
                locations.c.code,
                products.c.sku,
                pick_tasks.c.quantity,
            )
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .join(order_lines, order_lines.c.id == pick_tasks.c.order_line_id)
            .join(stock, stock.c.id == allocations.c.stock_id)
            .join(locations, locations.c.id == pick_tasks.c.location_id)
            .join(products, products.c.id == pick_tasks.c.product_id)
            .where(pick_tasks.c.pick_list_id.in_(list_ids))
            .order_by(pick_tasks.c.pick_list_id, pick_tasks.c.seq)
        )
        tasks: dict[int, list[PickSource]] = defaultdict(list)
        started: set[int] = set()
        for row in self.connection.execute(query):
            tasks[row.pick_list_id].append(PickSource(*row[3:]))
            if row.status != "open" or row.picked:
                started.add(row.pick_list_id)
        return tasks, started

    def place(
        self, list_id: int, sources: list[PickSource], distance_m: float, sshape_m: float
    ) -> None:
        """Make `sources` the list's tasks in this walking order: a task already on a cart of
        the wave moves here (its id, and what refers to it, stay), a new allocation gets a
        new task. The version bump sends the new order to the stations."""
        known = dict(
            self.connection.execute(
                select(pick_tasks.c.allocation_id, pick_tasks.c.id).where(
                    pick_tasks.c.allocation_id.in_([s.allocation_id for s in sources])
                )
            ).all()
        )
        location_ids = self._location_ids({s.location for s in sources})
        product_ids = self._product_ids({s.sku for s in sources})
        for seq, source in enumerate(sources, start=1):
            if source.allocation_id in known:
                self.connection.execute(
                    update(pick_tasks)
                    .where(pick_tasks.c.id == known[source.allocation_id])
                    .values(pick_list_id=list_id, seq=seq)
                )
                continue
            self.connection.execute(
                insert(pick_tasks).values(
                    pick_list_id=list_id,
                    seq=seq,
                    allocation_id=source.allocation_id,
                    location_id=location_ids[source.location],
                    product_id=product_ids[source.sku],
                    order_line_id=source.order_line_id,
                    quantity=source.quantity,
                    picked=0,
                    short=0,
                    status="open",
                )
            )
        self.connection.execute(
            update(pick_lists)
            .where(pick_lists.c.id == list_id)
            .values(
                distance_m=distance_m,
                sshape_distance_m=sshape_m,
                version=pick_lists.c.version + 1,
                status=pick_lists.c.status if sources else "cancelled",
            )
        )

    def drop_order_tasks(self, list_id: int, order_ref: int) -> None:
        """Delete the order's tasks on the list (an order taken off a planned wave); `place`
        then rewrites what is left."""
        lines = select(order_lines.c.id).where(order_lines.c.order_id == order_ref)
        self.connection.execute(
            pick_tasks.delete().where(
                pick_tasks.c.pick_list_id == list_id, pick_tasks.c.order_line_id.in_(lines)
            )
        )

    def cancel_if_empty(self, wave_id: int) -> bool:
        """A wave none of whose pick lists is left open is cancelled; True when it was."""
        left = select(pick_lists.c.id).where(
            pick_lists.c.wave_id == wave_id, pick_lists.c.status != "cancelled"
        )
        if self.connection.execute(left.limit(1)).first() is not None:
            return False
        query = update(waves_table).where(waves_table.c.id == wave_id)
        self.connection.execute(query.values(status="cancelled"))
        return True

    def _location_ids(self, codes: set[str]) -> dict[str, int]:
        query = select(locations.c.code, locations.c.id).where(locations.c.code.in_(codes))
        return dict(self.connection.execute(query).all())

    def _product_ids(self, skus: set[str]) -> dict[str, int]:
        query = select(products.c.sku, products.c.id).where(products.c.sku.in_(skus))
        return dict(self.connection.execute(query).all())
