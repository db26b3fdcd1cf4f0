"""sync: stations follow users, totes and GTINs too (offline sign-in, packing offline)

Revision ID: 0007
Revises: 0003

The change-capture triggers of 0003 on two more tables: a station keeps the badges and roles
of the site's users (so people sign in while the network is down) and knows which totes are
ready to pack. Both tables change rarely compared with pick progress.
"""

from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None

WATCHED = [
    ("users", "user", "id"),
    ("totes", "tote", "id"),
    ("product_gtins", "product", "product_id"),  # a new barcode for a product
]


def upgrade() -> None:
    for table, topic, column in WATCHED:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(
                f"CREATE TRIGGER {table}_changes AFTER INSERT OR UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION shipshape_record_change('{topic}', '{column}')"
            )
            continue
        for event in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER {table}_changes_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN INSERT INTO changes (topic, ref_id) VALUES ('{topic}', NEW.{column}); END"
            )


def downgrade() -> None:
    for table, _topic, _column in WATCHED:
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes_insert")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changes_update")
