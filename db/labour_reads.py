"""What labour standards read (docs/lead.md "Labour standards"): finished pick lists to learn
from, and the work each picker confirmed per clock hour, summed in the database.

A pick list's walking and set-up are shared among its lines (metres ÷ lines, 1 ÷ lines, where
lines are the list's tasks that were not cancelled), so the work of a picker-hour is a sum the
database can do in one GROUP BY, and the standard (linear in metres, lines, scans and lists)
turns it into standard seconds exactly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import Connection, Float, cast, func, literal_column, select

from app.domain.labour import EarnedHour, Work
from app.domain.labour_fit import FinishedList
from db.schema import pick_lists, pick_tasks, users
from db.wave_carts import lists_in_warehouse

COUNTED = ("done", "short")  # a confirmed line: picked in full, or as much as was found


class SqlLabourReads:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def finished_lists(self, start: datetime, end: datetime) -> list[FinishedList]:
        """Lists finished in [start, end) by one picker (a list picked by two people after a
        reassignment is no one person's time and is left out)."""
        heads = self.connection.execute(
            select(
                pick_lists.c.id,
                pick_lists.c.distance_m,
                pick_lists.c.claimed_at,
                pick_lists.c.finished_at,
                users.c.name,
            )
            .join(users, users.c.id == pick_lists.c.assignee_id)
            .where(
                pick_lists.c.status == "done",
                pick_lists.c.claimed_at.is_not(None),
                pick_lists.c.finished_at >= start,
                pick_lists.c.finished_at < end,
            )
        ).all()
        tasks = self._tasks([h.id for h in heads])
        found = []
        for head in heads:
            picks = tasks.get(head.id, [])
            pickers = {p.picked_by for p in picks}
            if not picks or pickers != {head.name}:
                continue
            work = Work(float(head.distance_m), len(picks), sum(p.picked for p in picks), 1)
            moments = tuple(_aware(p.picked_at) for p in picks if p.picked_at is not None)
            started, finished = _aware(head.claimed_at), _aware(head.finished_at)
            found.append(FinishedList(head.name, work, started, finished, moments))
        return found

    def _tasks(self, list_ids: list[int]) -> dict[int, list]:
        grouped: dict[int, list] = defaultdict(list)
        for chunk in range(0, len(list_ids), 500):
            query = select(
                pick_tasks.c.pick_list_id,
                pick_tasks.c.picked_by,
                pick_tasks.c.picked,
                pick_tasks.c.picked_at,
            ).where(
                pick_tasks.c.pick_list_id.in_(list_ids[chunk : chunk + 500]),
                pick_tasks.c.status.in_(COUNTED),
            )
            for row in self.connection.execute(query):
                grouped[row.pick_list_id].append(row)
        return grouped

    def earned_hours(
        self, start: datetime, end: datetime, warehouse_id: int | None = None
    ) -> list[EarnedHour]:
        """Per picker and hour; with `warehouse_id`, the lines picked in that warehouse."""
        lines = (
            select(pick_tasks.c.pick_list_id, func.count().label("lines"))
            .where(pick_tasks.c.status != "cancelled")
            .group_by(pick_tasks.c.pick_list_id)
            .subquery()
        )
        share = 1.0 / cast(lines.c.lines, Float)
        hour = self._hour(pick_tasks.c.picked_at)
        query = (
            select(
                pick_tasks.c.picked_by,
                hour.label("hour"),
                func.sum(pick_lists.c.distance_m * share),
                func.count(),
                func.sum(pick_tasks.c.picked),
                func.sum(share),
            )
            .join(pick_lists, pick_lists.c.id == pick_tasks.c.pick_list_id)
            .join(lines, lines.c.pick_list_id == pick_tasks.c.pick_list_id)
            .where(
                pick_tasks.c.status.in_(COUNTED),
                pick_tasks.c.picked_by.is_not(None),
                pick_tasks.c.picked_at >= start,
                pick_tasks.c.picked_at < end,
            )
            .group_by(pick_tasks.c.picked_by, hour)
        )
        if warehouse_id is not None:
            query = query.where(pick_tasks.c.pick_list_id.in_(lists_in_warehouse(warehouse_id)))
        return [
            EarnedHour(user, _hour_value(at), Work(float(m or 0), n, float(u or 0), float(s or 0)))
            for user, at, m, n, u, s in self.connection.execute(query)
        ]

    def _hour(self, column):
        if self.connection.dialect.name == "postgresql":
            utc = column.op("AT TIME ZONE")(literal_column("'UTC'"))
            return func.date_trunc(literal_column("'hour'"), utc)
        return func.strftime("%Y-%m-%d %H:00:00", column)


def _aware(moment) -> datetime:
    if not isinstance(moment, datetime):
        moment = datetime.fromisoformat(str(moment))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _hour_value(value) -> datetime:
    """The hour as an aware UTC datetime (PostgreSQL gives a naive UTC one, SQLite text)."""
    return _aware(value).astimezone(UTC)
