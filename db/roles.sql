-- Least privilege for station logins on the central PostgreSQL (docs/sync.md).
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
-- users.pin_hash too: a station checks a lead's PIN itself, offline included. The hashes are
-- salted scrypt; a stolen station disk still means: change the leads' PINs.

-- Facts: insert only. No UPDATE or DELETE on events: history cannot be rewritten.
GRANT INSERT ON events TO shipshape_station;
GRANT USAGE ON SEQUENCE events_seq_seq TO shipshape_station;

-- Claims, and what the picking and packing appliers change (row locks need UPDATE too).
GRANT UPDATE (assignee_id, status, version, claimed_at, finished_at) ON pick_lists
    TO shipshape_station;
GRANT UPDATE (picked, short, status, picked_by, picked_at, seq) ON pick_tasks
    TO shipshape_station;
GRANT UPDATE (on_hand, reserved) ON stock TO shipshape_station;
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
