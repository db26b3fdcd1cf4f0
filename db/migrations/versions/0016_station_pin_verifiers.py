"""per-station PIN verifiers: a station login never reads a PIN hash

Revision ID: 0016
Revises: 0015

A station checks a lead's PIN itself, offline too, so it needs something to check against; but
the central `users.pin_hash` is no longer readable by a station login (db/roles.sql). Instead
`shipshape_station_pins()` gives the calling station, and only it, a verifier per user:
HMAC-SHA256 of the stored hash, keyed with the station's own secret pepper (`station_logins`),
as `scrypt-hmac$n$r$p$salt$pepper$mac`. It proves a PIN at that station (app/domain/pins.py)
and is useless anywhere else: another station has another pepper, and central never accepts it.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE FUNCTION shipshape_station_pins() RETURNS TABLE (user_id bigint, pin_check text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    SELECT u.id::bigint,
           'scrypt-hmac$' || substring(u.pin_hash from '^scrypt\\$([^$]*\\$[^$]*\\$[^$]*\\$[^$]*)\\$')
           || '$' || encode(l.pepper, 'hex') || '$'
           || encode(hmac(convert_to(u.pin_hash, 'UTF8'), l.pepper, 'sha256'), 'hex')
    FROM users u JOIN station_logins l ON l.station = shipshape_door_station()
    WHERE u.pin_hash LIKE 'scrypt$%'
$$;
REVOKE ALL ON FUNCTION shipshape_station_pins() FROM PUBLIC;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
        op.execute(FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION shipshape_station_pins()")
