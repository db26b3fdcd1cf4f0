"""The central database schema, as SQLAlchemy Core tables.

Alembic migrations (db/migrations) are the only way this schema reaches a database; this module
is what they were generated from and what the repositories query.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# An id column that is BIGINT on PostgreSQL and INTEGER PRIMARY KEY (rowid alias) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")


def _id() -> Column:
    return Column("id", Id, primary_key=True, autoincrement=True)


warehouses = Table(
    "warehouses",
    metadata,
    _id(),
    Column("name", String(100), nullable=False, unique=True),
    Column("layout", JSON, nullable=False),  # the shipshape.layout/1 document, for routing
    # What `--warehouse CODE` names (0034; NOT NULL on PostgreSQL, always written on SQLite).
    Column("code", String(20), nullable=False),
    Index("ux_warehouses_code", "code", unique=True),
)

aisles = Table(
    "aisles",
    metadata,
    _id(),
    Column("warehouse_id", ForeignKey("warehouses.id"), nullable=False),
    Column("code", String(40), nullable=False),
    Column("x", Float, nullable=False),
    UniqueConstraint("warehouse_id", "code"),
)

locations = Table(
    "locations",
    metadata,
    _id(),
    Column("warehouse_id", ForeignKey("warehouses.id"), nullable=False),
    Column("code", String(60), nullable=False, unique=True),
    Column("aisle_id", ForeignKey("aisles.id"), nullable=False),
    Column("y", Float, nullable=False),
    Column("side", String(1), nullable=False),
    Column("level", Integer, nullable=False),
)

products = Table(
    "products",
    metadata,
    _id(),
    Column("sku", String(60), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("unit_weight_kg", Float, nullable=False),
    Column("no_barcode", Boolean, nullable=False, default=False),
    Column("lot_controlled", Boolean, nullable=False, default=False),
    Column("serial_required", Boolean, nullable=False, default=False),
    Column("length_cm", Float, nullable=True),  # all three or none
    Column("width_cm", Float, nullable=True),
    Column("height_cm", Float, nullable=True),
)

product_gtins = Table(
    "product_gtins",
    metadata,
    Column("gtin", String(14), primary_key=True),  # 14-digit form; one GTIN, one product
    Column("product_id", ForeignKey("products.id"), nullable=False, index=True),
)

stock = Table(
    "stock",
    metadata,
    _id(),
    Column("location_id", ForeignKey("locations.id"), nullable=False),
    Column("product_id", ForeignKey("products.id"), nullable=False, index=True),
    Column("lot", String(40), nullable=False, default=""),  # "" = not lot-controlled
    Column("expiry", Date, nullable=True),
    Column("on_hand", Integer, nullable=False),
    Column("reserved", Integer, nullable=False, default=0),
    # Reported empty / not found by a picker: never allocated until the location is counted.
    Column("held", Integer, nullable=False, default=0, server_default="0"),
    Column("received_at", DateTime(timezone=True), nullable=False),  # FIFO order
    # When the row was last counted on the floor (0024): a pick recorded before it is in it.
    Column("counted_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("location_id", "product_id", "lot"),
)

# The stock ledger (0024): every change of a stock row's on-hand, who made it and when.
stock_movements = Table(
    "stock_movements",
    metadata,
    _id(),
    Column("fact_id", String(36), nullable=True),  # None: a desk change (an import)
    Column("kind", String(20), nullable=False),  # app.domain.stock_ledger.MovementKind
    Column("location_id", ForeignKey("locations.id"), nullable=False),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("lot", String(40), nullable=False, default=""),
    Column("delta", Integer, nullable=False),
    Column("on_hand_before", Integer, nullable=False),
    Column("on_hand_after", Integer, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("station", String(60), nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),  # on the floor
    Column("recorded_at", DateTime(timezone=True), nullable=False),  # at central
    Index("ix_stock_movements_place", "location_id", "product_id", "lot", "occurred_at"),
)

# A cycle count asked for one location (0026, docs/stock.md "Counting"): open → recount →
# approval → done / cancelled; the first and second counts as JSON for the lead's comparison.
count_tasks = Table(
    "count_tasks",
    metadata,
    _id(),
    Column("location_id", ForeignKey("locations.id"), nullable=False),
    Column("reason", String(20), nullable=False),  # app.domain.counting.CountReason
    Column("status", String(20), nullable=False, default="open"),  # CountStatus
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("first_count", JSON, nullable=True),  # {lines, counted_by, occurred_at, fact_id}
    Column("second_count", JSON, nullable=True),
    Column("counted_by", String(100), nullable=True),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("approved_by", String(100), nullable=True),
    Index("ix_count_tasks_status", "status", "location_id"),
)

# A pick face: the product it holds and when to replenish it (0024). Other locations: reserve.
pick_faces = Table(
    "pick_faces",
    metadata,
    Column("location_id", ForeignKey("locations.id"), primary_key=True),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("min_qty", Integer, nullable=False),
    Column("max_qty", Integer, nullable=False),
)

# Expected deliveries and what came of them (0025, docs/stock.md "Receiving and put-away").
receipts = Table(
    "receipts",
    metadata,
    _id(),
    Column("receipt_id", String(80), nullable=False, unique=True),
    Column("supplier", String(200), nullable=False),
    Column("sscc", String(18), nullable=True, index=True),  # the supplier's pallet label
    Column("status", String(10), nullable=False, default="open", server_default="open"),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("closed_by", String(100), nullable=True),
    # The warehouse it is expected at (0034; a foreign key on PostgreSQL).
    Column("warehouse_id", Id, nullable=True, index=True),
    # The transfer order it receives (0035, docs/stock.md "Transfers"); NULL: a supplier's.
    Column("transfer_order_id", Id, nullable=True, index=True),
)
# Per product and lot: expected, received, put away. Received − put away is in receiving: not
# stock, never allocated. An item nobody announced has expected 0.
receipt_lines = Table(
    "receipt_lines",
    metadata,
    _id(),
    Column("receipt_ref", ForeignKey("receipts.id"), nullable=False),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("lot", String(40), nullable=False, default="", server_default=""),
    Column("expiry", Date, nullable=True),
    Column("expected", Integer, nullable=False, default=0, server_default="0"),
    Column("received", Integer, nullable=False, default=0, server_default="0"),
    Column("put_away", Integer, nullable=False, default=0, server_default="0"),
    UniqueConstraint("receipt_ref", "product_id", "lot"),
)

# Customer returns (0028, docs/returns.md). An RMA announces what a shipped order sends back.
rmas = Table(
    "rmas",
    metadata,
    _id(),
    Column("rma_id", String(80), nullable=False, unique=True),
    Column("order_ref", ForeignKey("orders.id"), nullable=False, index=True),
    Column("reason", Text, nullable=False, default="", server_default=""),
    Column("status", String(12), nullable=False, default="open", server_default="open"),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)
rma_lines = Table(
    "rma_lines",
    metadata,
    _id(),
    Column("rma_ref", ForeignKey("rmas.id"), nullable=False, index=True),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("reason", Text, nullable=False, default="", server_default=""),
)
# One parcel received back: `return_id` is the UUID the returns station made when it opened it.
returns = Table(
    "returns",
    metadata,
    _id(),
    Column("return_id", String(36), nullable=False, unique=True),
    Column("order_ref", ForeignKey("orders.id"), nullable=False, index=True),
    Column("rma_ref", ForeignKey("rmas.id"), nullable=True),
    Column("parcel", String(80), nullable=False, default="", server_default=""),
    Column("status", String(10), nullable=False, default="open", server_default="open"),
    Column("station", String(100), nullable=True),
    Column("arrived_at", DateTime(timezone=True), nullable=False),  # its first item's floor time
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("closed_by", String(100), nullable=True),
)
# Each unit group taken in; `order_line_id` None: not the order's (a wrong item).
return_lines = Table(
    "return_lines",
    metadata,
    _id(),
    Column("return_ref", ForeignKey("returns.id"), nullable=False, index=True),
    Column("order_line_id", ForeignKey("order_lines.id"), nullable=True),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("lot", String(40), nullable=False, default="", server_default=""),
    Column("expiry", Date, nullable=True),
    Column("serial", String(60), nullable=False, default="", server_default=""),
    Column("quantity", Integer, nullable=False),
    Column("condition", String(12), nullable=False),
    Column("destination", String(12), nullable=False),  # stock / quarantine / none
    Column("location", String(60), nullable=False, default="", server_default=""),
    Column("flag", String(30), nullable=False, default="", server_default=""),
    Column("fact_id", String(36), nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("received_by", String(100), nullable=True),
)
# Units in quarantine: not stock (never allocated, not in `shipshape stock`) until a lead
# decides: scrapped, returned to the supplier, or restocked after inspection.
quarantine = Table(
    "quarantine",
    metadata,
    _id(),
    Column("return_line_id", ForeignKey("return_lines.id"), nullable=True),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("lot", String(40), nullable=False, default="", server_default=""),
    Column("expiry", Date, nullable=True),
    Column("serial", String(60), nullable=False, default="", server_default=""),
    Column("quantity", Integer, nullable=False),
    Column("reason", String(12), nullable=False),  # damaged / wrong_item / expired
    Column("status", String(24), nullable=False, default="open", server_default="open"),
    Column("entered_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("decided_by", String(100), nullable=True),
    Column("restocked_to", String(60), nullable=True),
)

# Replenishment tasks (0027): bring a pick face back up to its max from reserve; one open per face.
replenishments = Table(
    "replenishments",
    metadata,
    _id(),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("lot", String(40), nullable=False, default=""),
    Column("from_location_id", ForeignKey("locations.id"), nullable=False),
    Column("to_location_id", ForeignKey("locations.id"), nullable=False),  # the pick face
    Column("quantity", Integer, nullable=False),
    Column("status", String(20), nullable=False, default="open"),  # open / done / cancelled
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("reason", String(20), nullable=False),  # what found the face low: pick/count/move/wave
    Column("done_at", DateTime(timezone=True), nullable=True),
    Column("done_by", String(100), nullable=True),
    Index(  # 0031: slotting tasks have their own index
        "ux_replenishments_open_face",
        "to_location_id",
        unique=True,
        sqlite_where=text("status = 'open' AND reason <> 'slotting'"),
        postgresql_where=text("status = 'open' AND reason <> 'slotting'"),
    ),
    Index(
        "ux_replenishments_open_slotting",
        "product_id",
        "lot",
        "from_location_id",
        unique=True,
        sqlite_where=text("status = 'open' AND reason = 'slotting'"),
        postgresql_where=text("status = 'open' AND reason = 'slotting'"),
    ),
)

orders = Table(
    "orders",
    metadata,
    _id(),
    Column("channel", String(40), nullable=False),
    Column("order_id", String(80), nullable=False),
    Column("order_date", DateTime(timezone=True)),
    Column("priority", Integer, nullable=False, default=0),
    Column("carrier", String(60), nullable=False, default=""),
    Column("service", String(60), nullable=False, default=""),
    Column("ship_by", DateTime(timezone=True)),
    Column("ship_to", JSON, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("reason", Text, nullable=False, default=""),
    Column("review_passed", Boolean, nullable=False, default=False),  # a lead released a hold
    Column("received_at", DateTime(timezone=True), nullable=False),
    # The CRM's customer (migration 0023); ship_complete: that customer's term when it came in.
    Column("customer_id", String(80), nullable=True),
    Column("ship_complete", Boolean, nullable=False, default=False, server_default="0"),
    # The one warehouse it may be allocated from (0035: a transfer's); NULL: any.
    Column("source_warehouse_id", Id, nullable=True),
    UniqueConstraint("channel", "order_id"),
)

order_lines = Table(
    "order_lines",
    metadata,
    _id(),
    Column("order_id", ForeignKey("orders.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("allocated", Integer, nullable=False, default=0),
    Column("picked", Integer, nullable=False, default=0),
    Column("packed", Integer, nullable=False, default=0),
    Column("unit_price_cents", BigInteger, nullable=True),  # money in whole cents (0023)
    # Units that came back from the customer (0028, docs/returns.md)
    Column("returned", Integer, nullable=False, default=0, server_default="0"),
)

# The CRM's customers (`shipshape import-customers`, migration 0023); money in whole cents.
customers = Table(
    "customers",
    metadata,
    Column("customer_id", String(80), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("email", String(254), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("credit_limit_cents", BigInteger, nullable=True),  # NULL: no limit
    Column("open_balance_cents", BigInteger, nullable=False, default=0),
    Column("currency", String(3), nullable=False),
    Column("blocked", Boolean, nullable=False, default=False),
    Column("terms", JSON, nullable=False),  # ["ship_complete", "cod", ...]
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

allocations = Table(
    "allocations",
    metadata,
    _id(),
    Column("order_line_id", ForeignKey("order_lines.id"), nullable=False, index=True),
    Column("stock_id", ForeignKey("stock.id"), nullable=False, index=True),
    Column("quantity", Integer, nullable=False),
)

users = Table(
    "users",
    metadata,
    _id(),
    Column("name", String(100), nullable=False),
    Column("role", String(10), nullable=False),
    Column("badge", String(40), nullable=False, unique=True),
    Column("pin_hash", String(200)),
    Column("active", Boolean, nullable=False, default=True),
    Column("pin_unlocked_at", DateTime(timezone=True)),  # a lead's last unlock (0012)
)

stations = Table(
    "stations",
    metadata,
    _id(),
    Column("name", String(60), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),  # picker / packer / lead
    Column("last_seen", DateTime(timezone=True)),
)

waves = Table(
    "waves",
    metadata,
    _id(),
    Column("name", String(60), nullable=False, unique=True),
    Column("status", String(20), nullable=False),  # planned / released / done / cancelled
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("released_at", DateTime(timezone=True)),
    # How it was planned (filter, capacity, carrier grouping): top-ups and re-balances keep to
    # it (migration 0033; NULL for older waves).
    Column("plan", JSON, nullable=True),
)

pick_lists = Table(
    "pick_lists",
    metadata,
    _id(),
    Column("wave_id", ForeignKey("waves.id"), nullable=False, index=True),
    Column("assignee_id", ForeignKey("users.id")),
    Column("status", String(20), nullable=False, index=True),
    Column("distance_m", Float, nullable=False, default=0.0),
    Column("sshape_distance_m", Float, nullable=False, default=0.0),  # for the KPI "saved"
    Column("version", Integer, nullable=False, default=1),  # optimistic claim check
    Column("claimed_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    Index("ix_pick_lists_finished_at", "finished_at"),  # labour standards learn by range (0032)
)

pick_tasks = Table(
    "pick_tasks",
    metadata,
    _id(),
    Column("pick_list_id", ForeignKey("pick_lists.id"), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("allocation_id", ForeignKey("allocations.id"), nullable=False),
    Column("location_id", ForeignKey("locations.id"), nullable=False),
    Column("product_id", ForeignKey("products.id"), nullable=False),
    Column("order_line_id", ForeignKey("order_lines.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("picked", Integer, nullable=False, default=0),
    Column("short", Integer, nullable=False, default=0),
    Column("status", String(20), nullable=False, default="open"),  # open/done/short/cancelled
    Column("picked_by", String(100)),  # who confirmed it: stays with them after a reassignment
    Column("picked_at", DateTime(timezone=True)),
    Index("ix_pick_tasks_picked_at", "picked_at"),  # picker-hours vs standard by range (0032)
)

totes = Table(
    "totes",
    metadata,
    _id(),
    Column("code", String(40), nullable=False, unique=True),
    Column("order_id", ForeignKey("orders.id")),  # bound while the order is on a cart
    Column("status", String(20), nullable=False, default="free"),
)

shipments = Table(
    "shipments",
    metadata,
    _id(),
    Column("order_id", ForeignKey("orders.id"), nullable=False, index=True),
    Column("carrier", String(60), nullable=False),
    Column("tracking_number", String(60), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

packages = Table(
    "packages",
    metadata,
    _id(),
    Column("shipment_id", ForeignKey("shipments.id"), nullable=False, index=True),
    Column("index", Integer, nullable=False),
    Column("sscc", String(18), unique=True),
    Column("weight_kg", Float),
    Column("carton_type", String(40)),
    # When the carton closed: one packed after its carrier's cut-off is not left behind
    # (migration 0021; None for cartons packed before it, read as their shipment's time).
    Column("packed_at", DateTime(timezone=True)),
)

# Append-only: every fact and change of state. `seq` orders them server-side (sync pulls by it);
# `uuid` makes a replayed fact a no-op.
events = Table(
    "events",
    metadata,
    Column("seq", Id, primary_key=True, autoincrement=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("kind", String(60), nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("user_name", String(100)),
    Column("station", String(60)),
    Column("order_ref", Id, ForeignKey("orders.id")),
    Column("payload", JSON, nullable=False),
    Index("ix_events_order_ref_seq", "order_ref", "seq"),
    Index("ix_events_kind_occurred", "kind", "occurred_at"),
)

# What the lead must look at: short picks, packing mismatches, overrides, printer failures,
# late orders, work reassigned while a station was offline.
exceptions = Table(
    "exceptions",
    metadata,
    _id(),
    Column("kind", String(30), nullable=False, index=True),
    Column("status", String(20), nullable=False, default="open"),  # open / resolved
    Column("order_ref", ForeignKey("orders.id"), index=True),
    Column("pick_task_id", ForeignKey("pick_tasks.id")),
    Column("details", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True)),
    Column("resolved_by", String(100)),
    Column("resolution", String(30)),
    Column("note", Text, nullable=False, default=""),
)

package_types = Table(
    "package_types",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("length_cm", Float, nullable=False),
    Column("width_cm", Float, nullable=False),
    Column("height_cm", Float, nullable=False),
    Column("tare_kg", Float, nullable=False),
)

package_items = Table(
    "package_items",
    metadata,
    _id(),
    Column("package_id", ForeignKey("packages.id"), nullable=False, index=True),
    Column("order_line_id", ForeignKey("order_lines.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("serial", String(60)),  # serial-numbered items: one row per serial
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", JSON, nullable=False),
)

counters = Table(
    "counters",
    metadata,
    Column("name", String(60), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# --- Sync (migration 0003) -------------------------------------------------------------------
# What changed on central, in server order: triggers on pick_lists, pick_tasks, waves, stock and
# products add a row (and NOTIFY shipshape_changes on PostgreSQL). `txid` (PostgreSQL only) lets
# a reader stop before transactions still running, so a late commit is never skipped.
changes = Table(
    "changes",
    metadata,
    Column("seq", Id, primary_key=True, autoincrement=True),
    Column("txid", BigInteger),
    Column("topic", String(30), nullable=False),
    Column("ref_id", BigInteger, nullable=False),
    Index("ix_changes_txid_seq", "txid", "seq"),
)
# The sync status every station reports with each push (the lead's stations table).
stations.append_column(Column("user_name", String(100)))
stations.append_column(Column("facts_waiting", Integer, nullable=False, default=0))
stations.append_column(Column("facts_pushed", BigInteger, nullable=False, default=0))
stations.append_column(Column("last_sync_at", DateTime(timezone=True)))
# A user's home warehouses (0036); none: every warehouse.
user_warehouses = Table(
    "user_warehouses",
    metadata,
    Column("user_id", Id, ForeignKey("users.id"), primary_key=True),
    Column("warehouse_id", Id, ForeignKey("warehouses.id"), primary_key=True),
)
# The station's home warehouse (0034; a foreign key on PostgreSQL).
stations.append_column(Column("warehouse_id", Id, nullable=True, index=True))

# --- Packing (migration 0005) -----------------------------------------------------------------
# A serial number already shipped is refused at the packing station: look it up by serial.
Index("ix_package_items_serial", package_items.c.serial)

# --- Lead console (migration 0006) -----------------------------------------------------------
# Work per UTC hour, person and kind, summed from events up to the watermark kept in `counters`
# ("kpi_hours_seq"); a KPI report reads these instead of a month of single events.
kpi_hours = Table(
    "kpi_hours",
    metadata,
    Column("hour", DateTime(timezone=False), primary_key=True),  # UTC
    Column("user_name", String(100), primary_key=True),
    Column("kind", String(60), primary_key=True),
    Column("lines", BigInteger, nullable=False),
    Column("units", BigInteger, nullable=False),
)

# --- The station's narrow door (migration 0015) ----------------------------------------------
# On PostgreSQL a station logs in with its own login in the `shipshape_station` role. It cannot
# write orders, stock or counters: it hands its facts to `shipshape_submit_facts()`, which
# checks them (this login's station, an active user) and queues them here; the central applier
# (`shipshape apply-facts`, the owner) applies them with the same code as a direct push.
station_logins = Table(
    "station_logins",
    metadata,
    Column("login", String(63), primary_key=True),  # the PostgreSQL login (session_user)
    Column("station", String(60), nullable=False, unique=True),
    Column("pepper", LargeBinary(32), nullable=False),  # keys this station's PIN verifiers
    Column("created_at", DateTime(timezone=True), nullable=False),
)
fact_inbox = Table(
    "fact_inbox",
    metadata,
    _id(),
    Column("station", String(60), nullable=False),
    Column("user_name", String(100)),  # signed in at the station when it pushed
    Column("facts", Text, nullable=False),  # a JSON list of facts, in the order recorded
    Column("waiting_after", Integer, nullable=False, default=0),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# --- Dispatch (issue 17, migration 0020_dispatch) --------------------------------------------
# A load unit (cage, pallet, trailer: `U:<code>`) is bound to one carrier until that carrier's
# collection closes; a carton on a unit has a `parcel_loads` row (taking it off deletes the row,
# the facts keep the history); the close writes a manifest and stamps its parcels with it.
load_units = Table(
    "load_units",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("carrier", String(60)),  # NULL: free (its carrier's collection closed)
    Column("bound_at", DateTime(timezone=True)),
    Column("bound_by", String(100)),
)
manifests = Table(
    "manifests",
    metadata,
    _id(),
    Column("code", String(40), nullable=False, unique=True),  # printed as Code 128
    Column("carrier", String(60), nullable=False, index=True),
    Column("closed_at", DateTime(timezone=True), nullable=False),
    Column("closed_by", String(100), nullable=False),
    Column("station", String(60), nullable=False),
    Column("parcels", Integer, nullable=False),
    Column("orders_shipped", Integer, nullable=False),
    Column("weight_kg", Float, nullable=False),
    Column("document", JSON, nullable=False),  # app.domain.dispatch.Manifest.document()
)
parcel_loads = Table(
    "parcel_loads",
    metadata,
    Column("package_id", ForeignKey("packages.id"), primary_key=True),
    Column("order_ref", ForeignKey("orders.id"), nullable=False, index=True),
    Column("unit", String(40), nullable=False),
    Column("carrier", String(60), nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("loaded_by", String(100)),
    Column("station", String(60)),
    Column("fact_uuid", String(36), nullable=False),
    Column("manifest_id", ForeignKey("manifests.id"), index=True),  # NULL until the close
)

# --- Integration outbox (issue 18, migration 0022_integration_outbox) -------------------------
# A message per change of state other systems hear about, written in the transaction of the
# change (db/outbox_repo.py); `body` is the exact JSON sent every time. A delivery row per
# message and endpoint that wants it carries that endpoint's state: `pending` (due at `due_at`;
# a dispatcher's claim moves `due_at` a lease ahead), `delivered`, `parked` or `dropped`.
integration_endpoints = Table(
    "integration_endpoints",
    metadata,
    Column("name", String(60), primary_key=True),
    Column("position", Integer, nullable=False),  # the order of the endpoints file
    Column("kind", String(20), nullable=False),  # webhook / file
    Column("target", Text, nullable=False),  # the URL or the folder
    Column("secret", Text, nullable=False, default=""),
    Column("kinds", JSON, nullable=False),  # [] = every kind
    Column("channels", JSON, nullable=False),  # [] = every channel
    Column("policy", JSON, nullable=False),  # max_tries, retry_*_s, timeout_s (+ format)
)
integration_messages = Table(
    "integration_messages",
    metadata,
    Column("seq", Id, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("kind", String(40), nullable=False),
    Column("order_ref", ForeignKey("orders.id")),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("body", Text, nullable=False),
)
integration_deliveries = Table(
    "integration_deliveries",
    metadata,
    _id(),
    Column("message_seq", ForeignKey("integration_messages.seq"), nullable=False),
    Column("endpoint", String(60), nullable=False),
    Column("order_ref", Id),  # the message's order: one order's messages go in order
    Column("state", String(20), nullable=False),
    Column("tries", Integer, nullable=False, default=0),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("last_error", Text),
    Column("delivered_at", DateTime(timezone=True)),
    UniqueConstraint("message_seq", "endpoint"),
    Index("ix_integration_deliveries_state_due", "state", "due_at"),
    Index("ix_integration_deliveries_order", "endpoint", "order_ref", "message_seq"),
)
