"""The dispatcher's store over SQLAlchemy Core (app/services/ports/integration.py): endpoints,
claims of due deliveries, their outcomes, parked messages and the queue's status.

Each method is one short transaction of its own, run on the dispatcher's main thread (or a CLI
command's). On PostgreSQL a claim locks the rows it takes (`FOR UPDATE SKIP LOCKED`), so two
dispatchers never send the same message at the same time; on SQLite `BEGIN IMMEDIATE`
(db/engine.py) serialises claims.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, and_, bindparam, case, delete, exists, func, insert, select, update
from sqlalchemy.orm import aliased

from app.domain.events import Event
from app.domain.integration_endpoints import JSON, Endpoint
from app.services.ports.integration import DELIVERED, DROPPED, PARKED, PENDING, Attempt, Outcome
from db.events_repo import SqlEventLog
from db.schema import integration_deliveries as d
from db.schema import integration_endpoints as e
from db.schema import integration_messages as m
from db.schema import orders as o

HOLDING = (PENDING, PARKED)  # states that keep an order's later messages back


class SqlIntegrationStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def endpoints(self) -> list[Endpoint]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(e).order_by(e.c.position)).all()
        return [
            Endpoint(
                r.name, r.kind, r.target, r.secret, tuple(r.kinds), tuple(r.channels), **r.policy
            )
            for r in rows
        ]

    def save_endpoints(self, endpoints: list[Endpoint], event: Event) -> None:
        """Replace them whole. Deliveries already written stay: an endpoint set again under the
        same name takes up where it was; one removed keeps its rows, which nothing sends."""
        rows = [_endpoint_row(n, endpoint) for n, endpoint in enumerate(endpoints)]
        with self.engine.begin() as connection:
            connection.execute(delete(e))
            if rows:
                connection.execute(insert(e), rows)
            SqlEventLog(connection).add_all([event])

    def claim(
        self, endpoints: list[str], now: datetime, lease_until: datetime, limit: int
    ) -> list[Attempt]:
        with self.engine.begin() as connection:
            query = _due(endpoints, now, limit)
            if connection.dialect.name == "postgresql":
                query = query.with_for_update(of=d, skip_locked=True)
            rows = connection.execute(query).all()
            if rows:
                connection.execute(
                    update(d)
                    .where(d.c.id.in_([r.id for r in rows]))
                    .values(due_at=lease_until, tries=d.c.tries + 1)
                )
        return [
            Attempt(r.id, r.endpoint, r.message_id, r.occurred_at, r.body, r.tries + 1)
            for r in rows
        ]

    def record(self, outcomes: list[Outcome], now: datetime) -> None:
        delivered = [o.delivery_id for o in outcomes if o.state == DELIVERED]
        failed = [
            {
                "b_id": o.delivery_id,
                "b_state": o.state,
                "b_due": o.due_at or now,
                "b_error": o.error,
            }
            for o in outcomes
            if o.state != DELIVERED
        ]
        with self.engine.begin() as connection:
            if delivered:
                connection.execute(
                    update(d)
                    .where(d.c.id.in_(delivered))
                    .values(state=DELIVERED, delivered_at=now, last_error=None)
                )
            if failed:
                connection.execute(
                    update(d)
                    .where(d.c.id == bindparam("b_id"))
                    .values(
                        state=bindparam("b_state"),
                        due_at=bindparam("b_due"),
                        last_error=bindparam("b_error"),
                    ),
                    failed,
                )

    def parked(self) -> list[dict]:
        """Parked deliveries with their message's order ("CHANNEL/ORDER_ID", "" for none);
        never the body (a lead's desk reads the queue, not what was sent: db/roles.sql)."""
        query = (
            select(
                d.c.endpoint, d.c.tries, d.c.last_error, m.c.id, m.c.kind, o.c.channel, o.c.order_id
            )
            .join(m, m.c.seq == d.c.message_seq)
            .outerjoin(o, o.c.id == m.c.order_ref)
            .where(d.c.state == PARKED)
            .order_by(d.c.endpoint, d.c.message_seq)
        )
        with self.engine.connect() as connection:
            return [
                {"endpoint": r.endpoint, "id": r.id, "kind": r.kind, "tries": r.tries,
                 "last_error": r.last_error,
                 "order": f"{r.channel}/{r.order_id}" if r.channel is not None else ""}
                for r in connection.execute(query)
            ]  # fmt: skip

    def settle_parked(
        self, message_id: str, endpoint: str | None, retry: bool, event: Event, now: datetime
    ) -> int:
        seq = select(m.c.seq).where(m.c.id == message_id).scalar_subquery()
        where = and_(d.c.message_seq == seq, d.c.state == PARKED)
        if endpoint is not None:
            where = and_(where, d.c.endpoint == endpoint)
        values = {"state": PENDING, "tries": 0, "due_at": now} if retry else {"state": DROPPED}
        with self.engine.begin() as connection:
            changed = connection.execute(update(d).where(where).values(**values)).rowcount
            if changed:
                SqlEventLog(connection).add_all([event])
        return changed

    def status(self, now: datetime) -> list[dict]:
        """Per endpoint, its name and kind; messages waiting (and how many are due), parked,
        delivered, the last delivery and the oldest waiting message's time."""
        query = (
            select(
                d.c.endpoint,
                d.c.state,
                func.count().label("n"),
                func.sum(case((d.c.due_at <= now, 1), else_=0)).label("due"),
                func.max(d.c.delivered_at, type_=d.c.delivered_at.type).label("last"),
                func.min(m.c.occurred_at, type_=m.c.occurred_at.type).label("oldest"),
            )
            .join(m, m.c.seq == d.c.message_seq)
            .group_by(d.c.endpoint, d.c.state)
        )
        with self.engine.connect() as connection:
            names = connection.execute(select(e.c.name, e.c.kind).order_by(e.c.position)).all()
            rows = connection.execute(query).all()
        return [
            {"endpoint": name, "kind": kind}
            | _endpoint_status([r for r in rows if r.endpoint == name])
            for name, kind in names
        ]


def _due(endpoints: list[str], now: datetime, limit: int):
    """Pending deliveries due now whose order has no older message still waiting or parked
    for the same endpoint: at most one per order, so a batch may be sent in parallel."""
    earlier = aliased(d)
    held_back = exists().where(
        earlier.c.endpoint == d.c.endpoint,
        earlier.c.order_ref == d.c.order_ref,
        earlier.c.message_seq < d.c.message_seq,
        earlier.c.state.in_(HOLDING),
    )
    return (
        select(d.c.id, d.c.endpoint, d.c.tries, m.c.id.label("message_id"), m.c.occurred_at,
               m.c.body)
        .join(m, m.c.seq == d.c.message_seq)
        .where(d.c.state == PENDING, d.c.due_at <= now, d.c.endpoint.in_(endpoints), ~held_back)
        .order_by(d.c.due_at, d.c.message_seq)
        .limit(limit)
    )  # fmt: skip


def _endpoint_row(position: int, endpoint: Endpoint) -> dict:
    # A file endpoint's `format` rides in the policy document (no column, no migration), and
    # only when it is not the default: a dispatcher of the release before reads the rest as is.
    form = {"format": endpoint.format} if endpoint.format != JSON else {}
    return {
        "name": endpoint.name,
        "position": position,
        "kind": endpoint.kind,
        "target": endpoint.target,
        "secret": endpoint.secret,
        "kinds": list(endpoint.kinds),
        "channels": list(endpoint.channels),
        "policy": {
            "max_tries": endpoint.max_tries,
            "retry_base_s": endpoint.retry_base_s,
            "retry_max_s": endpoint.retry_max_s,
            "timeout_s": endpoint.timeout_s,
        }
        | form,
    }


def _endpoint_status(rows: list) -> dict:
    by_state = {r.state: r for r in rows}
    pending = by_state.get(PENDING)
    last = by_state.get(DELIVERED)
    return {
        "waiting": pending.n if pending else 0,
        "due": int(pending.due or 0) if pending else 0,
        "oldest_waiting": pending.oldest.isoformat() if pending else None,
        "parked": by_state[PARKED].n if PARKED in by_state else 0,
        "delivered": last.n if last else 0,
        "last_delivery": last.last.isoformat() if last and last.last else None,
    }
