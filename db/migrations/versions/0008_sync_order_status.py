"""sync: stations hear when an order's status moves where packing cares

Revision ID: 0008
Revises: 0007

A packing station keeps the orders ready to pack. A lead resolving a flagged order, or another
station packing or cancelling it, changes the order's status; this trigger puts that in the
change sequence (topic "order"). Only orders that have left the shelves count (picking and
after), so importing, allocating and releasing thousands of orders pays only for the WHEN test.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PICKED_OR_LATER = "('picking', 'picked', 'exception', 'packed')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER orders_changes AFTER UPDATE OF status ON orders FOR EACH ROW "
            f"WHEN (OLD.status IS DISTINCT FROM NEW.status AND OLD.status IN {PICKED_OR_LATER}) "
            "EXECUTE FUNCTION shipshape_record_change('order', 'id')"
        )
        return
    op.execute(
        "CREATE TRIGGER orders_changes_update AFTER UPDATE OF status ON orders "
        f"WHEN OLD.status IS NOT NEW.status AND OLD.status IN {PICKED_OR_LATER} "
        "BEGIN INSERT INTO changes (topic, ref_id) VALUES ('order', NEW.id); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS orders_changes ON orders")
    else:
        op.execute("DROP TRIGGER IF EXISTS orders_changes_update")
