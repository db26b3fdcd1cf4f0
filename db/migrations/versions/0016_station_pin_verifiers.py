"""per-station PIN verifiers: a station login never reads a PIN hash

Revision ID: 0016
Revises: 0015

A station checks a lead's PIN itself, offline too, so it needs something to check against; but
the central `users.pin_hash` is not readable by a station login (db/roles.sql). Instead
`shipshape_station_pins()` gives the calling station, and only it, a verifier per user with a
PIN: `scrypt-hmac$n$r$p$salt$mac`, the mac being HMAC-SHA256 of the whole stored hash keyed
with the station's own secret pepper (`station_logins`, migration 0015). The station fetches its
pepper apart (`shipshape_station_pepper()`) and keeps both in its store; app/domain/pins.py
proves a PIN with them. Neither function takes a station name: each answers for the station
registered for `session_user` only, so central never hands one station another's pepper, and a
verifier is useless at any other station (whose pepper differs).
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# The salt and parameters stay readable (the station needs them to run scrypt); only the digest
# is replaced, by a mac nobody can check without this station's pepper.
FUNCTIONS = r"""
CREATE FUNCTION shipshape_station_pepper() RETURNS bytea
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT pepper FROM station_logins WHERE station = shipshape_door_station() $$;

CREATE FUNCTION shipshape_station_pins() RETURNS TABLE (user_id bigint, pin_check text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    SELECT u.id::bigint,
           'scrypt-hmac$' || substring(u.pin_hash from '^scrypt\$([^$]*\$[^$]*\$[^$]*\$[^$]*)\$')
           || '$' || encode(hmac(convert_to(u.pin_hash, 'UTF8'), l.pepper, 'sha256'), 'hex')
    FROM users u JOIN station_logins l ON l.station = shipshape_door_station()
    WHERE u.pin_hash ~ '^scrypt\$[^$]*\$[^$]*\$[^$]*\$[^$]*\$[^$]*$'
$$;
"""
FUNCTION_NAMES = ("shipshape_station_pepper()", "shipshape_station_pins()")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
        op.execute(FUNCTIONS)
        for name in FUNCTION_NAMES:  # only the roles granted in db/roles.sql may call them
            op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in reversed(FUNCTION_NAMES):
            op.execute(f"DROP FUNCTION {name}")
