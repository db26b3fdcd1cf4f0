"""sync: stations hear of packing progress on an order (units packed, cartons closed)

Revision ID: 0009
Revises: 0008

A packing station keeps its own copy of the orders ready to pack. When another station packs
units of the same order or closes a carton of it (the order's tracking number is then fixed),
this puts the order in the change sequence (topic "order"), so the copy catches up. Only
`packed` updates of order lines count: allocation and picking write other columns.
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER order_lines_packed_changes AFTER UPDATE OF packed ON order_lines "
            "FOR EACH ROW EXECUTE FUNCTION shipshape_record_change('order', 'order_id')"
        )
        op.execute(
            "CREATE TRIGGER shipments_changes AFTER INSERT ON shipments "
            "FOR EACH ROW EXECUTE FUNCTION shipshape_record_change('order', 'order_id')"
        )
        return
    op.execute(
        "CREATE TRIGGER order_lines_packed_changes AFTER UPDATE OF packed ON order_lines "
        "BEGIN INSERT INTO changes (topic, ref_id) VALUES ('order', NEW.order_id); END"
    )
    op.execute(
        "CREATE TRIGGER shipments_changes AFTER INSERT ON shipments "
        "BEGIN INSERT INTO changes (topic, ref_id) VALUES ('order', NEW.order_id); END"
    )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for trigger, table in (("order_lines_packed_changes", "order_lines"),
                           ("shipments_changes", "shipments")):  # fmt: skip
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}" + (f" ON {table}" if postgresql else ""))
