"""The hourly KPI roll-up: work per UTC hour, person and kind, summed once, read many times.

`refresh()` adds the events between the watermark (`counters` "kpi_hours_seq") and the newest
`events.seq` minus a margin into `kpi_hours`, and moves the watermark. `hourly(start, end)`
reads whole hours from `kpi_hours`, adds the events above the watermark in those hours (late
facts from a station that was offline land there too), and sums the partial hours at the range
edges straight from the events. Same numbers as summing the events directly.

The margin: on PostgreSQL a transaction may still be inserting events with lower `seq` while
later ones are committed. Leaving the newest 10,000 events out of the roll-up (they are always
summed directly) covers any transaction that stays open while fewer than that many other events
commit. SQLite has one writer at a time, so no margin there.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain.kpis import ActivityRow
from db.schema import counters, events, kpi_hours

# Which facts count as a line of work, and for whom: see docs/lead.md.
WORK_KINDS = {"pick.confirmed": "pick", "pack.item": "pack"}
REFUSED_SCAN = "scan.refused"
KINDS = {**WORK_KINDS, REFUSED_SCAN: "refused"}
WATERMARK = "kpi_hours_seq"
PG_MARGIN = 10_000


class KpiRollup:
    def __init__(self, connection: Connection, margin: int | None = None) -> None:
        self.connection = connection
        self.postgres = connection.dialect.name == "postgresql"
        self.margin = margin if margin is not None else (PG_MARGIN if self.postgres else 0)

    def refresh(self) -> int:
        """Roll events up to (newest seq − margin) into kpi_hours; returns the new watermark.
        Runs in the caller's transaction, which must commit."""
        done = self._lock_watermark()
        newest = self.connection.execute(select(func.max(events.c.seq))).scalar() or 0
        target = newest - self.margin
        if target <= done:
            return done
        summed = self._grouped(events.c.seq > done, events.c.seq <= target)
        dialect_insert = pg_insert if self.postgres else sqlite_insert
        statement = dialect_insert(kpi_hours).from_select(
            ["user_name", "kind", "hour", "lines", "units"], summed
        )
        statement = statement.on_conflict_do_update(
            index_elements=["hour", "user_name", "kind"],
            set_={
                "lines": kpi_hours.c.lines + statement.excluded.lines,
                "units": kpi_hours.c.units + statement.excluded.units,
            },
        )
        self.connection.execute(statement)
        self.connection.execute(
            update(counters).where(counters.c.name == WATERMARK).values(value=target)
        )
        return target

    def hourly(self, start: datetime, end: datetime) -> list[ActivityRow]:
        done = self._watermark()
        first, last = _ceil_hour(start), _floor_hour(end)
        parts = []
        if first < last:
            parts.append(self._rolled_up(first, last))
            parts.append(self._direct(first, last, events.c.seq > done))
            parts.append(self._direct(start, first))
            parts.append(self._direct(last, end))
        else:
            parts.append(self._direct(start, end))
        return _summed(parts)

    def direct(self, start: datetime, end: datetime, *conditions) -> list[ActivityRow]:
        """The same rows summed from the events alone, of those meeting `conditions` (one
        warehouse's stations: the roll-up does not know stations)."""
        return _summed([self._direct(start, end, *conditions)])

    # --- helpers ----------------------------------------------------------------------------

    def _grouped(self, *conditions):
        hour = self._hour(events.c.occurred_at)
        user = func.coalesce(events.c.user_name, "?")
        quantity = func.coalesce(events.c.payload["quantity"].as_integer(), 1)
        return (
            select(
                user.label("user_name"),
                events.c.kind,
                hour.label("hour"),
                func.count().label("lines"),
                func.sum(quantity).label("units"),
            )
            .where(events.c.kind.in_(KINDS), *conditions)
            .group_by(user, events.c.kind, hour)
        )

    def _direct(self, start: datetime, end: datetime, *conditions) -> list:
        if end <= start:
            return []
        in_range = (events.c.occurred_at >= _aware(start), events.c.occurred_at < _aware(end))
        return self.connection.execute(self._grouped(*in_range, *conditions)).all()

    def _rolled_up(self, first: datetime, last: datetime) -> list:
        query = select(
            kpi_hours.c.user_name,
            kpi_hours.c.kind,
            kpi_hours.c.hour,
            kpi_hours.c.lines,
            kpi_hours.c.units,
        ).where(kpi_hours.c.hour >= _naive_utc(first), kpi_hours.c.hour < _naive_utc(last))
        return self.connection.execute(query).all()

    def _hour(self, column):
        if self.postgres:
            # Literals, not bound parameters: only the literal expression matches the statistics.
            utc = column.op("AT TIME ZONE")(literal_column("'UTC'"))
            return func.date_trunc(literal_column("'hour'"), utc)
        # The text SQLAlchemy stores for a DateTime on SQLite, so kpi_hours compares correctly.
        return func.strftime("%Y-%m-%d %H:00:00.000000", column)

    def _watermark(self) -> int:
        query = select(counters.c.value).where(counters.c.name == WATERMARK)
        return self.connection.execute(query).scalar() or 0

    def _lock_watermark(self) -> int:
        dialect_insert = pg_insert if self.postgres else sqlite_insert
        self.connection.execute(
            dialect_insert(counters).values(name=WATERMARK, value=0).on_conflict_do_nothing()
        )
        query = select(counters.c.value).where(counters.c.name == WATERMARK)
        if self.postgres:
            query = query.with_for_update()  # one lead at a time moves the watermark
        return self.connection.execute(query).scalar_one()


def _summed(parts: list[list]) -> list[ActivityRow]:
    totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for rows in parts:
        for user, kind, hour, lines, units in rows:
            entry = totals[(user, kind, _naive_utc(_moment(hour)))]
            entry[0] += int(lines)
            entry[1] += int(units or 0)
    return [
        ActivityRow(user, KINDS[kind], hour, lines, units)
        for (user, kind, hour), (lines, units) in totals.items()
    ]


def _moment(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _floor_hour(moment: datetime) -> datetime:
    return _aware(moment).astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _ceil_hour(moment: datetime) -> datetime:
    floor = _floor_hour(moment)
    return floor if floor == _aware(moment) else floor + timedelta(hours=1)
