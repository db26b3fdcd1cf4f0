"""products: the change triggers again on SQLite

Revision ID: 0014
Revises: 0010

On SQLite, 0010 rebuilt the products table (batch mode) and the rebuild dropped the triggers 0003
put on it, so a product's change (e.g. becoming lot-controlled or no-barcode) never reached the
stations' product copy: an offline picker would check scans against stale rules. PostgreSQL
kept its trigger (ALTER TABLE ADD COLUMN). This puts the SQLite triggers back where missing.
"""

from alembic import op

revision = "0014"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS products_changes_{event.lower()} AFTER {event} ON products"
            " BEGIN INSERT INTO changes (topic, ref_id) VALUES ('product', NEW.id); END"
        )


def downgrade() -> None:
    """Nothing: the triggers belong to 0003 (they were there before 0010 on every database)."""
