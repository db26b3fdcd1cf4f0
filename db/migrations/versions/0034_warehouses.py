"""warehouses: every warehouse has a code; receipts and stations belong to one

Revision ID: 0034_warehouses
Revises: 0033_wave_plans

Issue 22 (docs/interfaces.md §15, docs/setup.md "Several warehouses"). Until now the database
knew one warehouse, and importing a second layout renamed it. From here a warehouse is named by a
unique `code` (what `--warehouse CODE` takes), and what belongs to one site says which:

- `warehouses.code`: the warehouses already there get `WH1`, `WH2`, ... in the order they were
  made (a single-warehouse database has one: its data becomes warehouse `WH1`). A site that
  wants another code renames it in one row; nothing else refers to the code.
- `receipts.warehouse_id`, `stations.warehouse_id`: existing receipts and stations go to the
  first warehouse (NULL where the database has none yet).
- Site settings and number counters stay in `settings` and `counters`: the first warehouse keeps
  the keys it has (`site`, `sscc`, `tracking:SF`), so stations and desks mid-upgrade read the
  same rows and no number range moves; every later warehouse's keys end in `@<id>`
  (`site@2`, `sscc@2`, `tracking:SF@2`: db/warehouse_scope.py). The checked counter functions
  (0015, 0021) accept those names.

On SQLite `warehouses.code` stays nullable in the table and the two `warehouse_id` columns have
no foreign key (SQLite cannot rebuild a table other tables refer to while foreign keys are on,
nor drop a referencing column); the unique index holds there too, and the code always writes a
code. On PostgreSQL the column is NOT NULL and both references are foreign keys.
"""

import sqlalchemy as sa
from alembic import op

revision = "0034_warehouses"
down_revision = "0033_wave_plans"
branch_labels = None
depends_on = None

SERIES = r"^(sscc|tracking:[A-Za-z0-9]{0,20})(@[0-9]{1,18})?$"
OLD_SERIES = r"^(sscc|tracking:[A-Za-z0-9]{0,20})$"

ADVANCE = """
CREATE OR REPLACE FUNCTION shipshape_advance_counter(series text, at_least bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
BEGIN
    IF series !~ '{series}' OR at_least < 0 THEN
        RAISE EXCEPTION 'cannot move counter % to %', left(series, 40), at_least;
    END IF;
    INSERT INTO counters AS c (name, value) VALUES (series, at_least)
        ON CONFLICT (name) DO UPDATE SET value = greatest(c.value, EXCLUDED.value);
END $$;
"""
RESERVE = """
CREATE OR REPLACE FUNCTION shipshape_reserve_numbers(series text, how_many integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE last_value bigint;
BEGIN
    PERFORM shipshape_door_station();
    IF series !~ '{series}' OR how_many NOT BETWEEN 1 AND 10000 THEN
        RAISE EXCEPTION 'cannot reserve % numbers of %', how_many, left(series, 40);
    END IF;
    INSERT INTO counters (name, value) VALUES (series, 0) ON CONFLICT (name) DO NOTHING;
    UPDATE counters SET value = value + how_many WHERE name = series
        RETURNING value INTO last_value;
    RETURN last_value;
END $$;
"""

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.add_column("warehouses", sa.Column("code", sa.String(20), nullable=True))
    _number_existing_warehouses()
    if postgres:
        op.alter_column("warehouses", "code", nullable=False)
    op.create_index("ux_warehouses_code", "warehouses", ["code"], unique=True)
    for table in ("receipts", "stations"):
        _add_warehouse_column(table, postgres)
        op.execute(
            f"UPDATE {table} SET warehouse_id = (SELECT min(id) FROM warehouses)"  # noqa: S608
        )
    if postgres:
        _counter_functions(SERIES)


def _number_existing_warehouses() -> None:
    bind = op.get_bind()
    ids = bind.execute(sa.text("SELECT id FROM warehouses ORDER BY id")).scalars().all()
    for number, warehouse_id in enumerate(ids, start=1):
        bind.execute(
            sa.text("UPDATE warehouses SET code = :code WHERE id = :id"),
            {"code": f"WH{number}", "id": warehouse_id},
        )


def _add_warehouse_column(table: str, postgres: bool) -> None:
    if postgres:
        op.add_column(table, sa.Column("warehouse_id", Id, nullable=True))
        op.create_foreign_key(
            f"fk_{table}_warehouse_id_warehouses", table, "warehouses", ["warehouse_id"], ["id"]
        )
    else:  # a plain column: SQLite can neither add a reference nor drop a referencing column
        op.add_column(table, sa.Column("warehouse_id", Id, nullable=True))
    op.create_index(f"ix_{table}_warehouse_id", table, ["warehouse_id"])


def _counter_functions(series: str) -> None:
    op.execute(ADVANCE.format(series=series))
    op.execute(RESERVE.format(series=series))


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        _counter_functions(OLD_SERIES)
    for table in ("stations", "receipts"):
        op.drop_index(f"ix_{table}_warehouse_id", table_name=table)
        if postgres:
            op.drop_constraint(f"fk_{table}_warehouse_id_warehouses", table, type_="foreignkey")
        op.drop_column(table, "warehouse_id")
    op.drop_index("ux_warehouses_code", table_name="warehouses")
    op.drop_column("warehouses", "code")
