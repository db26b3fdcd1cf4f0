"""sync: a server-side change sequence (with NOTIFY on PostgreSQL) and station sync status

Revision ID: 0003
Revises: 0002

Stations pull what changed by `changes.seq`, never by their own clocks. On PostgreSQL each row
also keeps the writing transaction's id, so a reader can stop at the oldest transaction still
running (see db/sync_repo.py) and never skip a change that commits late. Triggers fill the table,
so no use case has to remember to.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# (table, topic, the column that names what changed)
WATCHED = [
    ("pick_lists", "pick_list", "id"),
    ("pick_tasks", "pick_list", "pick_list_id"),
    ("waves", "wave", "id"),
    ("stock", "stock", "id"),
    ("products", "product", "id"),
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION shipshape_record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    ref bigint;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[1]) USING NEW INTO ref;
    INSERT INTO changes (txid, topic, ref_id)
    VALUES (pg_current_xact_id()::text::bigint, TG_ARGV[0], ref);
    PERFORM pg_notify('shipshape_changes', TG_ARGV[0]);
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("seq", Id, autoincrement=True, nullable=False),
        sa.Column("txid", sa.BigInteger(), nullable=True),
        sa.Column("topic", sa.String(length=30), nullable=False),
        sa.Column("ref_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_changes")),
    )
    op.create_index("ix_changes_txid_seq", "changes", ["txid", "seq"])
    with op.batch_alter_table("stations") as batch_op:
        batch_op.add_column(sa.Column("user_name", sa.String(length=100), nullable=True))
        batch_op.add_column(
            sa.Column("facts_waiting", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("facts_pushed", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for table, topic, column in WATCHED:
            op.execute(
                f"CREATE TRIGGER {table}_changes AFTER INSERT OR UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION shipshape_record_change('{topic}', '{column}')"
            )
    else:
        for table, topic, column in WATCHED:
            for event in ("INSERT", "UPDATE"):
                op.execute(
                    f"CREATE TRIGGER {table}_changes_{event.lower()} AFTER {event} ON {table} "
                    f"BEGIN INSERT INTO changes (topic, ref_id) VALUES ('{topic}', NEW.{column}); END"
                )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, _topic, _column in WATCHED:
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes_insert")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes_update")
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS shipshape_record_change()")
    with op.batch_alter_table("stations") as batch_op:
        for column in ("last_sync_at", "facts_pushed", "facts_waiting", "user_name"):
            batch_op.drop_column(column)
    op.drop_index("ix_changes_txid_seq", table_name="changes")
    op.drop_table("changes")
