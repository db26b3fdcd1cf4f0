"""Site settings over SQLAlchemy Core: one JSON document per key (the review rules, the
packing settings). A warehouse's own documents (its `site`) are kept per warehouse: the scope
gives the stored key (db/warehouses_repo.py)."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from app.domain.review_rules import DEFAULT_RULES, ReviewRules
from app.domain.warehouses import scoped_key
from db.schema import settings, warehouses
from db.warehouses_repo import WarehouseScope


class SqlSettings:
    def __init__(self, connection: Connection, scope: WarehouseScope | None = None) -> None:
        self.connection = connection
        self._scope = scope or WarehouseScope(connection, None)

    def review_rules(self) -> ReviewRules:
        value = self._get("review_rules")
        return DEFAULT_RULES if value is None else ReviewRules.from_dict(value)

    def save_review_rules(self, rules: ReviewRules) -> None:
        self._put("review_rules", rules.as_dict())

    def save_value(self, key: str, value) -> None:
        """Store one settings document (JSON) under `key`, replacing what was there."""
        self._put(key, value)

    def value(self, key: str):
        """The settings document stored under `key`, or None."""
        return self._get(key)

    def each_warehouse(self, key: str) -> dict[int, object]:
        """A warehouse's own settings document (`site`) for every warehouse that has one, by
        warehouse id."""
        ids = list(self.connection.execute(select(warehouses.c.id).order_by(warehouses.c.id)))
        if not ids:
            return {}
        stored = {scoped_key(key, wid, ids[0][0]): wid for (wid,) in ids}
        query = select(settings.c.key, settings.c.value).where(settings.c.key.in_(list(stored)))
        return {stored[k]: value for k, value in self.connection.execute(query)}

    def _get(self, key: str):
        key = self._scope.setting_key(key)
        return self.connection.execute(
            select(settings.c.value).where(settings.c.key == key)
        ).scalar()

    def _put(self, key: str, value) -> None:
        exists = self._get(key) is not None
        key = self._scope.setting_key(key)
        if not exists:
            self.connection.execute(insert(settings).values(key=key, value=value))
        else:
            self.connection.execute(
                update(settings).where(settings.c.key == key).values(value=value)
            )
