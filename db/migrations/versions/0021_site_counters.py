"""site settings: a lead's desk moves a number counter forward; cartons keep when they closed

Revision ID: 0021_site_counters
Revises: 0020_dispatch

The site's settings (`shipshape.site/1`, app/services/site.py) give each number range its
`next`; saving them moves the SSCC and tracking counters forward to it, never back (a number is
never handed out twice). A lead's desk may not write counters (db/roles.sql: row security keeps
them out of reach), so it moves them through this checked function: only an SSCC or tracking
counter, and only forward. db/roles.sql grants it to the lead role alone (no station may
call it), which is the check of who.

`packages.packed_at`: a carton packed after its carrier's cut-off waits for the next collection
instead of being "left behind" at the close (app/services/dispatch_close.py).
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_site_counters"
down_revision = "0020_dispatch"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE FUNCTION shipshape_advance_counter(series text, at_least bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
BEGIN
    IF series !~ '^(sscc|tracking:[A-Za-z0-9]{0,20})$' OR at_least < 0 THEN
        RAISE EXCEPTION 'cannot move counter % to %', left(series, 40), at_least;
    END IF;
    INSERT INTO counters AS c (name, value) VALUES (series, at_least)
        ON CONFLICT (name) DO UPDATE SET value = greatest(c.value, EXCLUDED.value);
END $$;
"""
NAME = "shipshape_advance_counter(text, bigint)"


def upgrade() -> None:
    op.add_column("packages", sa.Column("packed_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION)
        op.execute(f"REVOKE ALL ON FUNCTION {NAME} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION {NAME}")
    with op.batch_alter_table("packages") as batch:
        batch.drop_column("packed_at")
