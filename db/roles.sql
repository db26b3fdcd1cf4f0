-- Least privilege for station and lead-desk logins on the central PostgreSQL (docs/sync.md).
--
-- A station reads its work and the master data, inserts facts and claims pick lists; the fact
-- appliers it runs may move stock and pick progress. It cannot delete anything, cannot change
-- or remove an event (history is append-only), and cannot touch orders beyond their status. Run as the database owner after `shipshape migrate`, then create one
-- login per station:
--     CREATE ROLE station_07 LOGIN PASSWORD '...' IN ROLE shipshape_station;
-- Re-running this file is harmless.

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shipshape_station') THEN
        CREATE ROLE shipshape_station NOLOGIN;
    END IF;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM shipshape_station;
GRANT USAGE ON SCHEMA public TO shipshape_station;

-- Read: the work, the master data and the sync bookkeeping.
GRANT SELECT ON waves, pick_lists, pick_tasks, totes, orders, order_lines, allocations,
    products, product_gtins, locations, aisles, warehouses, stock, changes, stations,
    exceptions, events, settings, package_types, shipments, packages, package_items, users
    TO shipshape_station;
-- The schema version: every command checks it before it starts (app/bootstrap.py).
GRANT SELECT ON alembic_version TO shipshape_station;
-- users.pin_hash too: a station checks a lead's PIN itself, offline included. The hashes are
-- salted scrypt; a stolen station disk still means: change the leads' PINs. A station never
-- inserts or changes users: sign-ins and wrong PINs are facts in `events` (the PIN lock is
-- counted from them, app/domain/pins.py), a lock opens an `exceptions` row.

-- Facts: insert only. No UPDATE or DELETE on events: history cannot be rewritten.
GRANT INSERT ON events TO shipshape_station;
GRANT USAGE ON SEQUENCE events_seq_seq TO shipshape_station;

-- Claims, and what the picking and packing appliers change (row locks need UPDATE too).
GRANT UPDATE (assignee_id, status, version, claimed_at, finished_at) ON pick_lists
    TO shipshape_station;
GRANT UPDATE (picked, short, status, picked_by, picked_at, seq) ON pick_tasks
    TO shipshape_station;
-- held: a short reported empty / not found holds what is left at that location.
GRANT UPDATE (on_hand, reserved, held) ON stock TO shipshape_station;
GRANT UPDATE (quantity) ON allocations TO shipshape_station;
GRANT UPDATE (status, reason, review_passed) ON orders TO shipshape_station;
GRANT UPDATE (picked, allocated, packed) ON order_lines TO shipshape_station;
GRANT INSERT, UPDATE (order_id, status) ON totes TO shipshape_station;
GRANT INSERT ON shipments, packages, package_items TO shipshape_station;
GRANT SELECT, INSERT, UPDATE (value) ON counters TO shipshape_station;
GRANT USAGE ON SEQUENCE totes_id_seq, shipments_id_seq, packages_id_seq, package_items_id_seq
    TO shipshape_station;

-- What the lead must see, and the station's own sync status.
GRANT INSERT ON exceptions TO shipshape_station;
GRANT USAGE ON SEQUENCE exceptions_id_seq TO shipshape_station;
GRANT INSERT, UPDATE (user_name, facts_waiting, facts_pushed, last_sync_at, last_seen)
    ON stations TO shipshape_station;
GRANT USAGE ON SEQUENCE stations_id_seq TO shipshape_station;

-- `changes` is written by the SECURITY DEFINER trigger function, never directly.
REVOKE ALL ON FUNCTION shipshape_record_change() FROM PUBLIC;

-- ---- The lead's desk ------------------------------------------------------------------------
-- A lead plans and releases waves, reassigns lists, resolves exceptions and reads KPIs: all a
-- station may do, plus exactly what those use cases change. Like a station it cannot delete
-- orders or events, rewrite history or change users. One login per lead desk:
--     CREATE ROLE lead_desk_1 LOGIN PASSWORD '...' IN ROLE shipshape_lead;
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shipshape_lead') THEN
        CREATE ROLE shipshape_lead NOLOGIN IN ROLE shipshape_station;
    END IF;
END $$;

-- Waves: plan, release, hold, cancel (pick lists and their tasks are written with the wave).
GRANT INSERT, UPDATE (status, released_at) ON waves TO shipshape_lead;
GRANT INSERT ON pick_lists, pick_tasks TO shipshape_lead;
GRANT USAGE ON SEQUENCE waves_id_seq, pick_lists_id_seq, pick_tasks_id_seq TO shipshape_lead;
-- Exceptions: the lead's resolution and note.
GRANT UPDATE (status, resolution, resolved_by, resolved_at, note) ON exceptions
    TO shipshape_lead;
-- "Allocate it now" on an order waiting for stock updates what it still lacks.
GRANT UPDATE (details) ON exceptions TO shipshape_lead;
-- Orders: priority, and the status moves of holds, cancellations and resolutions.
GRANT UPDATE (priority) ON orders TO shipshape_lead;
-- Short picks: reallocate (a new reservation and task elsewhere), write off, cancel units.
GRANT INSERT ON allocations TO shipshape_lead;
GRANT USAGE ON SEQUENCE allocations_id_seq TO shipshape_lead;
GRANT UPDATE (quantity) ON order_lines TO shipshape_lead;
-- PIN locks: a lead unlocks another lead's badge. Only that column: users, their roles, badges
-- and PINs are changed by the site's owner or a lead on the owner's login (docs/setup.md).
GRANT UPDATE (pin_unlocked_at) ON users TO shipshape_lead;
-- KPIs: the hourly roll-up is kept up to date by whoever reads it.
GRANT SELECT, INSERT, UPDATE (lines, units) ON kpi_hours TO shipshape_lead;
-- Cancelling a wave nobody picked from removes its unpicked tasks and gives their reservations
-- back: planning rows, not history (every step stays in events).
GRANT DELETE ON pick_tasks, allocations TO shipshape_lead;
