"""Bulk writes: PostgreSQL's COPY where the server is PostgreSQL, executemany elsewhere.

COPY moves tens of thousands of rows per second through one statement; executemany of the
same rows costs a round trip (or a pipeline slot) per row.
"""

from __future__ import annotations

import json

from sqlalchemy import JSON, Connection, Table, bindparam, insert, text


def is_postgresql(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def next_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """Take `count` ids from the table's sequence (PostgreSQL), so rows can be COPYed with ids."""
    sequence = f"{table.name}_id_seq"
    query = text("SELECT nextval(:seq) FROM generate_series(1, :n)")
    return [row[0] for row in connection.execute(query, {"seq": sequence, "n": count})]


def insert_rows(connection: Connection, table: Table, rows: list[dict]) -> None:
    if not rows:
        return
    if not is_postgresql(connection):
        connection.execute(insert(table), rows)
        return
    columns = list(rows[0])
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    cursor = connection.connection.dbapi_connection.cursor()
    quoted = ", ".join(f'"{c}"' for c in columns)
    statement = f"COPY {table.name} ({quoted}) FROM STDIN"
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[c], ensure_ascii=False) if c in json_columns else row[c]
                    for c in columns
                ]
            )


def update_rows(
    connection: Connection, table: Table, rows: list[dict], types: dict[str, str]
) -> None:
    """Set columns by id for many rows: `rows` are dicts with "id" and the columns to set.

    On PostgreSQL one `UPDATE ... FROM unnest(...)` statement; elsewhere executemany. `types`
    names each column's SQL type for the arrays (e.g. {"reserved": "integer"}).
    """
    _update_by_id(connection, table, rows, types, add=False)


def add_to_rows(
    connection: Connection, table: Table, rows: list[dict], types: dict[str, str]
) -> None:
    """Like `update_rows`, but adds the values to the columns (`picked = picked + 3`), so
    concurrent writers of the same rows never lose each other's counts."""
    _update_by_id(connection, table, rows, types, add=True)


def _update_by_id(
    connection: Connection, table: Table, rows: list[dict], types: dict[str, str], add: bool
) -> None:
    if not rows:
        return
    # Rows in id order: concurrent writers (stations pushing at once) then lock shared rows,
    # such as stock, in the same order and never deadlock on each other.
    rows = sorted(rows, key=lambda row: row["id"])
    columns = [c for c in rows[0] if c != "id"]
    if not is_postgresql(connection):
        values = {
            c: table.c[c] + bindparam(f"_{c}") if add else bindparam(f"_{c}") for c in columns
        }
        statement = table.update().where(table.c.id == bindparam("_id")).values(values)
        connection.execute(statement, [{f"_{k}": v for k, v in row.items()} for row in rows])
        return
    arrays = ", ".join(f"CAST(:{c} AS {types[c]}[])" for c in ["id", *columns])
    names = ", ".join(["id", *columns])
    assignments = ", ".join(f"{c} = {f't.{c} + ' if add else ''}u.{c}" for c in columns)
    statement = text(
        f"UPDATE {table.name} AS t SET {assignments} "
        f"FROM unnest({arrays}) AS u({names}) WHERE t.id = u.id"
    )
    connection.execute(statement, {c: [row[c] for row in rows] for c in ["id", *columns]})
