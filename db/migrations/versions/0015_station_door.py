"""station logins and the fact inbox: the station's narrow door on PostgreSQL

Revision ID: 0015
Revises: 0005, 0006, 0011, 0012, 0014

A station login (a member of `shipshape_station`, db/roles.sql) writes nothing directly: it
calls `shipshape_submit_facts()`, which checks every fact against the login's own station and
the active users and queues the batch in `fact_inbox`; the central applier (`shipshape
apply-facts`, run with the owner's login) applies it with the same code as a direct push. The
functions run as their owner (SECURITY DEFINER) and find the station by `session_user`, so a
login can only ever speak for the one station registered for it (`shipshape station-login`).
This revision also joins the branches that grew side by side from 0010.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = ("0005", "0006", "0011", "0012", "0014")
branch_labels = None
depends_on = None

MAX_FACTS = 1000  # per call: a station pushes 500 at most (app.services.sync.BATCH_SIZE)

FUNCTIONS = f"""
CREATE FUNCTION shipshape_my_station() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT station FROM station_logins WHERE login = session_user $$;

CREATE FUNCTION shipshape_door_station() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE me text := shipshape_my_station();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'login % is not registered for a station', session_user
            USING HINT = 'the site owner runs: shipshape station-login STATION LOGIN',
                  ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN me;
END $$;

CREATE FUNCTION shipshape_submit_facts(signed_in text, facts jsonb, waiting_after integer)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    me text := shipshape_door_station();
    fact jsonb;
    queued bigint;
BEGIN
    IF jsonb_typeof(facts) IS DISTINCT FROM 'array' OR jsonb_array_length(facts) NOT BETWEEN 1
            AND {MAX_FACTS} THEN
        RAISE EXCEPTION 'facts must be a list of 1 to {MAX_FACTS}';
    END IF;
    -- Who did it is checked by the applier (a user deactivated since is still a fact to keep;
    -- it sets aside a fact of a user central does not know, for the lead).
    FOR fact IN SELECT value FROM jsonb_array_elements(facts) LOOP
        IF fact->>'station' IS DISTINCT FROM me THEN
            RAISE EXCEPTION 'station % may not record a fact of station %', me, fact->>'station'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM (fact->>'uuid')::uuid;  -- a malformed UUID raises here
        IF coalesce(fact->>'kind', '') !~ '^[a-z][a-z_.]{{0,59}}$' THEN
            RAISE EXCEPTION 'not a fact kind: %', left(fact->>'kind', 60);
        END IF;
    END LOOP;
    INSERT INTO fact_inbox (station, user_name, facts, waiting_after, received_at)
        VALUES (me, left(signed_in, 100), facts::text, greatest(waiting_after, 0), now())
        RETURNING id INTO queued;
    PERFORM pg_notify('shipshape_inbox', me);
    RETURN queued;
END $$;

CREATE FUNCTION shipshape_inbox_waiting() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT count(*)::integer FROM fact_inbox WHERE station = shipshape_door_station() $$;

CREATE FUNCTION shipshape_station_seen(signed_in text, waiting integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE me text := shipshape_door_station();
BEGIN
    -- as SqlSyncRepository.report_station: "last sync" is when central last had everything
    INSERT INTO stations AS s (name, kind, user_name, facts_waiting, facts_pushed, last_seen,
            last_sync_at)
        VALUES (me, 'picker', left(signed_in, 100), greatest(waiting, 0), 0, now(),
            CASE WHEN waiting <= 0 THEN now() END)
        ON CONFLICT (name) DO UPDATE SET user_name = EXCLUDED.user_name,
            facts_waiting = EXCLUDED.facts_waiting, last_seen = EXCLUDED.last_seen,
            last_sync_at = coalesce(EXCLUDED.last_sync_at, s.last_sync_at);
END $$;

CREATE FUNCTION shipshape_reserve_numbers(series text, how_many integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE last_value bigint;
BEGIN
    PERFORM shipshape_door_station();
    IF series !~ '^(sscc|tracking:[A-Za-z0-9]{{0,20}})$' OR how_many NOT BETWEEN 1 AND 10000 THEN
        RAISE EXCEPTION 'cannot reserve % numbers of %', how_many, left(series, 40);
    END IF;
    INSERT INTO counters (name, value) VALUES (series, 0) ON CONFLICT (name) DO NOTHING;
    UPDATE counters SET value = value + how_many WHERE name = series
        RETURNING value INTO last_value;
    RETURN last_value;
END $$;
"""
FUNCTION_NAMES = (
    "shipshape_my_station()",
    "shipshape_door_station()",
    "shipshape_submit_facts(text, jsonb, integer)",
    "shipshape_inbox_waiting()",
    "shipshape_station_seen(text, integer)",
    "shipshape_reserve_numbers(text, integer)",
)


def upgrade() -> None:
    op.create_table(
        "station_logins",
        sa.Column("login", sa.String(63), primary_key=True),
        sa.Column("station", sa.String(60), nullable=False, unique=True),
        sa.Column("pepper", sa.LargeBinary(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "fact_inbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("station", sa.String(60), nullable=False),
        sa.Column("user_name", sa.String(100)),
        sa.Column("facts", sa.Text, nullable=False),
        sa.Column("waiting_after", sa.Integer, nullable=False, server_default="0"),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTIONS)
        for name in FUNCTION_NAMES:  # only the roles granted in db/roles.sql may call them
            op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in reversed(FUNCTION_NAMES):
            op.execute(f"DROP FUNCTION {name}")
    op.drop_table("fact_inbox")
    op.drop_table("station_logins")
