-- Least privilege for station and lead-desk logins on the central PostgreSQL (docs/sync.md).
--
-- A station reads its work and the master data and writes nothing itself: its facts go through
-- checked functions that queue them for the owner's applier (`shipshape apply-facts`). Run as
-- the database owner after `shipshape migrate`, then create one login per station and tie it
-- to the station (docs/security.md):
--     CREATE ROLE station_07 LOGIN PASSWORD '...' IN ROLE shipshape_station;
--     shipshape station-login pack-07 station_07
-- Re-running this file is harmless.

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shipshape_station') THEN
        CREATE ROLE shipshape_station NOLOGIN;
    END IF;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM shipshape_station;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM shipshape_station;
GRANT USAGE ON SCHEMA public TO shipshape_station;

-- Read: the work, the master data and the sync bookkeeping.
GRANT SELECT ON waves, pick_lists, pick_tasks, totes, orders, order_lines, allocations,
    products, product_gtins, locations, aisles, warehouses, stock, changes, stations,
    exceptions, events, settings, package_types, shipments, packages, package_items, counters,
    load_units, parcel_loads, manifests, pick_faces, stock_movements, receipts, receipt_lines,
    replenishments, count_tasks, rmas, rma_lines, returns, return_lines, user_warehouses
    TO shipshape_station;
-- Users without their PIN hashes: a station checks PINs against its own verifiers
-- (shipshape_station_pins(), keyed with its pepper, shipshape_station_pepper(), which no other
-- station can read; migration 0016, docs/security.md).
GRANT SELECT (id, name, role, badge, active, pin_unlocked_at) ON users TO shipshape_station;
-- The schema version: every command checks it before it starts (app/bootstrap.py).
GRANT SELECT ON alembic_version TO shipshape_station;

-- Write: nothing directly. The narrow door (migration 0015) runs as the owner and answers
-- only for the station registered for the calling login (`shipshape station-login`):
-- facts are checked and queued for `shipshape apply-facts`, the station reports it is alive,
-- and it reserves a block of label numbers. No INSERT, UPDATE or DELETE on any table.
GRANT EXECUTE ON FUNCTION shipshape_my_station(), shipshape_door_station(),
    shipshape_submit_facts(text, jsonb, integer), shipshape_inbox_waiting(),
    shipshape_station_seen(text, integer), shipshape_reserve_numbers(text, integer),
    shipshape_station_pins(), shipshape_station_pepper()
    TO shipshape_station;

-- `changes` is written by the SECURITY DEFINER trigger function, never directly.
REVOKE ALL ON FUNCTION shipshape_record_change() FROM PUBLIC;

-- ---- The lead's desk ------------------------------------------------------------------------
-- A lead plans and releases waves, reassigns lists, resolves exceptions (reallocate, write off,
-- cancel, hold) and reads KPIs. The desk reads what a station reads and writes exactly what
-- those use cases change, as the lead who signed in there: it cannot delete orders or events,
-- rewrite history, change users beyond unlocking a PIN, read PIN hashes or touch the label
-- number counters. One login per lead desk, registered like a station (its PIN checks):
--     CREATE ROLE lead_desk_1 LOGIN PASSWORD '...' IN ROLE shipshape_lead;
--     shipshape station-login lead-desk-1 lead_desk_1
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shipshape_lead') THEN
        CREATE ROLE shipshape_lead NOLOGIN IN ROLE shipshape_station;
    END IF;
END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM shipshape_lead;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM shipshape_lead;

-- Every lead action is an event, recorded by the desk itself (who, where, when).
GRANT INSERT ON events TO shipshape_lead;
GRANT USAGE ON SEQUENCE events_seq_seq TO shipshape_lead;
-- Waves: plan, release, hold, cancel (pick lists and their tasks are written with the wave).
GRANT INSERT, UPDATE (status, released_at) ON waves TO shipshape_lead;
GRANT INSERT ON pick_lists, pick_tasks TO shipshape_lead;
GRANT USAGE ON SEQUENCE waves_id_seq, pick_lists_id_seq, pick_tasks_id_seq TO shipshape_lead;
-- Reassigning lists, and the tasks a reallocation or cancellation changes; a top-up or a
-- re-balance moves tasks between a wave's carts and gives each cart its new walking distance.
GRANT UPDATE (assignee_id, status, version, claimed_at, finished_at, distance_m,
    sshape_distance_m) ON pick_lists TO shipshape_lead;
GRANT UPDATE (picked, short, status, picked_by, picked_at, seq, pick_list_id) ON pick_tasks
    TO shipshape_lead;
-- Exceptions: opened by the lead's use cases (late orders), the resolution and note, and
-- "Allocate it now" on an order waiting for stock updates what it still lacks.
GRANT INSERT, UPDATE (status, resolution, resolved_by, resolved_at, note, details)
    ON exceptions TO shipshape_lead;
GRANT USAGE ON SEQUENCE exceptions_id_seq TO shipshape_lead;
-- Orders: priority, and the status moves of holds, cancellations and resolutions.
GRANT UPDATE (status, reason, review_passed, priority) ON orders TO shipshape_lead;
-- Customers (migration 0023): a desk's allocation retry reviews orders against their credit.
-- Read only, and not for stations: credit limits and balances are the lead's business.
GRANT SELECT ON customers TO shipshape_lead;
GRANT UPDATE (picked, allocated, packed, quantity) ON order_lines TO shipshape_lead;
GRANT UPDATE (order_id, status) ON totes TO shipshape_lead;
-- Short picks: reallocate (a new reservation and task elsewhere), write off, cancel units.
GRANT INSERT, UPDATE (quantity) ON allocations TO shipshape_lead;
GRANT USAGE ON SEQUENCE allocations_id_seq TO shipshape_lead;
GRANT UPDATE (on_hand, reserved, held) ON stock TO shipshape_lead;
-- Releasing a wave may find a pick face low: its replenishment task (docs/stock.md).
GRANT INSERT ON replenishments TO shipshape_lead;
GRANT USAGE ON SEQUENCE replenishments_id_seq TO shipshape_lead;
-- PIN locks: a lead unlocks another lead's badge. Only that column: users, their roles, badges
-- and PINs are changed by the site's owner or a lead on the owner's login (docs/setup.md).
GRANT UPDATE (pin_unlocked_at) ON users TO shipshape_lead;
-- KPIs: the hourly roll-up is kept up to date by whoever reads it, with its watermark, the one
-- counter a desk may move (row security: the SSCC and tracking counters stay out of reach).
GRANT SELECT, INSERT, UPDATE (lines, units) ON kpi_hours TO shipshape_lead;
GRANT INSERT, UPDATE (value) ON counters TO shipshape_lead;
ALTER TABLE counters ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS counters_readable ON counters;
CREATE POLICY counters_readable ON counters FOR SELECT USING (true);
DROP POLICY IF EXISTS lead_kpi_watermark ON counters;
CREATE POLICY lead_kpi_watermark ON counters FOR ALL TO shipshape_lead
    USING (name = 'kpi_hours_seq') WITH CHECK (name = 'kpi_hours_seq');
-- Site settings (the Settings tab): the settings rows, and the number counters moved forward
-- only through the checked function (migration 0021), never written directly.
GRANT INSERT, UPDATE (value) ON settings TO shipshape_lead;
GRANT EXECUTE ON FUNCTION shipshape_advance_counter(text, bigint) TO shipshape_lead;
-- The desk's sync status in the stations table (a desk without a station login).
GRANT INSERT, UPDATE (user_name, facts_waiting, facts_pushed, last_sync_at, last_seen)
    ON stations TO shipshape_lead;
GRANT USAGE ON SEQUENCE stations_id_seq TO shipshape_lead;
-- The dock (docs/dispatch.md): closing a carrier writes its manifest, stamps the parcels on
-- it, frees the carrier's units; `pull_parcel` takes a held order's parcel off its unit. Loads
-- themselves are station facts, applied by the owner.
GRANT INSERT ON manifests TO shipshape_lead;
GRANT USAGE ON SEQUENCE manifests_id_seq TO shipshape_lead;
GRANT UPDATE (manifest_id) ON parcel_loads TO shipshape_lead;
GRANT DELETE ON parcel_loads TO shipshape_lead;
GRANT UPDATE (carrier) ON load_units TO shipshape_lead;
-- The integration outbox (docs/integrations.md): a lead's change of an order writes its message
-- in the same transaction, for the endpoints that want it. The desk reads which endpoints
-- exist, never their addresses or secrets, and never delivers (`shipshape integrate` does).
GRANT SELECT (name, position, kinds, channels) ON integration_endpoints TO shipshape_lead;
GRANT SELECT (seq, id), INSERT ON integration_messages TO shipshape_lead;
GRANT INSERT ON integration_deliveries TO shipshape_lead;
GRANT USAGE ON SEQUENCE integration_messages_seq_seq, integration_deliveries_id_seq
    TO shipshape_lead;
-- The Stations tab's shop and ERP links (docs/lead.md): each endpoint's kind and queue, the
-- parked messages with their order and last error (not their bodies), and Send again / Drop of
-- a parked one (`settle_parked`: state, tries, due time; audited in events).
GRANT SELECT (kind) ON integration_endpoints TO shipshape_lead;
GRANT SELECT (kind, order_ref, occurred_at) ON integration_messages TO shipshape_lead;
GRANT SELECT (id, message_seq, endpoint, state, tries, due_at, last_error, delivered_at),
    UPDATE (state, tries, due_at) ON integration_deliveries TO shipshape_lead;
-- Counts (docs/stock.md "Counting"): a lead schedules count tasks and approves a confirmed
-- variance, which sets on-hand through the ledger (a counted product new to the location gets
-- its stock row) and stamps the rows counted. The counts themselves are station facts.
GRANT INSERT, UPDATE (status, approved_by, closed_at) ON count_tasks TO shipshape_lead;
GRANT USAGE ON SEQUENCE count_tasks_id_seq TO shipshape_lead;
GRANT INSERT ON stock_movements TO shipshape_lead;
GRANT USAGE ON SEQUENCE stock_movements_id_seq TO shipshape_lead;
GRANT INSERT, UPDATE (counted_at, expiry) ON stock TO shipshape_lead;
GRANT USAGE ON SEQUENCE stock_id_seq TO shipshape_lead;
-- Returns (docs/returns.md): the lead's Returns tab reads quarantine and decides each row once;
-- a restock sets on-hand through the ledger (granted above with the counts).
GRANT SELECT, UPDATE (status, decided_at, decided_by, restocked_to) ON quarantine
    TO shipshape_lead;
-- Cancelling a wave nobody picked from removes its unpicked tasks and gives their reservations
-- back: planning rows, not history (every step stays in events).
GRANT DELETE ON pick_tasks, allocations TO shipshape_lead;
