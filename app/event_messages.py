"""One sentence for each kind of event the code writes, for the lead's order timeline.

Ids are `event.<kind>`; a template's `{fields}` are keys of that event's payload (a field the
payload lacks shows as "—"). app/messages.py adds these to TEMPLATES, so they are translated
like every other message (ui/messages.py, the .ts file). A new event kind needs its sentence
here: tests/unit/test_event_sentences.py finds every kind written in app/ and db/.
"""

from __future__ import annotations

EVENT_TEMPLATES: dict[str, str] = {
    # ---- an order's status ----------------------------------------------------------------------
    "event.order.received": "Order received from {channel}",
    "event.order.on_hold": "Put on hold for a lead to check",
    "event.order.allocated": "Stock reserved for the order",
    "event.order.released": "Released to the floor for picking",
    "event.order.picking": "Picking started",
    "event.order.picked": "Every line picked",
    "event.order.packed": "Packed",
    "event.order.shipped": "Shipped",
    "event.order.exception": "Stopped: a lead decides what happens next",
    "event.order.cancelled": "Order cancelled",
    "event.order.prioritised": "Made urgent by a lead (priority {priority})",
    "event.exception.resolved": "Problem {exception} closed by a lead ({resolution})",
    # ---- picking ------------------------------------------------------------------------------
    "event.tote.bound": "Tote {tote} put on the cart for this order",
    "event.pick.confirmed": "Picked {quantity} × {sku} at {location} into tote {tote}",
    "event.pick.short": "Short at {location}: {sku}, {found} found, {shortfall} missing",
    "event.pick.skipped": "Stop {location} skipped: moved to the end of the route",
    "event.pick.undone": "Pick undone: {quantity} unit(s) go back",
    "event.picklist.claimed": "Pick list {pick_list_id} taken by a picker",
    "event.picklist.finished": "Pick list finished",
    "event.picklist.reassigned": "Pick list {pick_list} given to {to}",
    "event.picklist.unassigned": "Pick list {pick_list} taken back from its picker",
    "event.scan.refused": "Scan refused: {scanned}",
    # ---- packing ------------------------------------------------------------------------------
    "event.pack.started": "Packing started",
    # ---- dispatch ------------------------------------------------------------------------------
    "event.receipt.imported": "Receipt {receipt_id} from {supplier} announced",
    "event.receipt.item_received": "{quantity} × {sku} received on receipt {receipt_id}",
    "event.stock.put_away": "{quantity} × {sku} put away at {location}",
    "event.receipt.closed": "Receipt {receipt_id} closed",
    "event.dispatch.loaded": "Carton {carton} loaded onto {unit} for {carrier}",
    "event.dispatch.unloaded": "Carton {carton} taken off {unit}",
    "event.dispatch.refused": "Scan refused at the dock: {raw} ({reason})",
    "event.dispatch.closed": "{carrier} collection closed: manifest {manifest_id}, {parcels} parcels",
    "event.pack.item": "Packed {quantity} × {sku} into carton {carton}",
    "event.pack.undone": "Took {quantity} × {sku} out of carton {carton}",
    "event.pack.refused": "Scan refused at packing: {raw}",
    "event.pack.override": "Lead {lead} let the packer go on: {reason}",
    "event.package.closed": "Carton {carton} closed at {weight_kg} kg",
    "event.label.printed": "Shipping label printed (SSCC {sscc})",
    "event.label.reprinted": "Shipping label printed again (SSCC {sscc})",
    "event.label.failed": "Shipping label not printed on {printer}: {message}",
    "event.label.bought": "Carrier {carrier} sold the awaited label: tracking {tracking_number}",
    # ---- waves, people, the site ----------------------------------------------------------------
    "event.wave.planned": "Wave {wave} planned: {orders} order(s)",
    "event.wave.released": "Wave {wave} released to the floor",
    "event.wave.held": "Wave {wave} held",
    "event.wave.resumed": "Wave {wave} resumed",
    "event.wave.cancelled": "Wave {wave} cancelled",
    "event.user.signed_in": "Signed in",
    "event.picklist.claim_wanted": "Asked central for the next pick list",
    "event.user.saved": "User {name} saved ({role})",
    "event.user.pin_refused": "Wrong PIN for badge {badge}",
    "event.user.pin_locked": "PIN of {name} locked after too many wrong PINs",
    "event.user.pin_unlocked": "PIN of badge {badge} unlocked by a lead",
    "event.station.login_registered": "Database login {login} registered for station {station}",
    "event.stock.set": "Stock counted and set",
    "event.stock.moved": "{quantity} × {sku} moved from {from_location} to {to_location}",
    "event.pick_faces.set": "Pick faces set",
    "event.stock.counted": "Location {location} counted",
    "event.count.applied": "Count of {location} applied: {status}",
    "event.count.scheduled": "Count tasks scheduled ({reason})",
    "event.count.approved": "Lead approved the variance of count task {count_task_id}",
    "event.count.recount_ordered": "Lead ordered another count of count task {count_task_id}",
    "event.count.kept": "Lead kept stock as it was for count task {count_task_id}",
    "event.count.tolerance_set": "Count tolerance set: {max_units} units and {max_pct} %",
    "event.site.layout_imported": "Layout {name} imported",
    "event.site.products_imported": "{rows} product(s) imported",
    "event.site.customers_imported": "{rows} customer(s) imported or updated",
    "event.site.language_set": "Site language set",
    "event.site.settings_set": "Site settings set",
    "event.order.at_risk": "Predicted to miss its ship-by",
    "event.integration.endpoints_set": "Integration endpoints set: {names}",
    "event.integration.retried": "Parked message {message} queued to send again",
    "event.integration.dropped": "Parked message {message} dropped",
    "event.settings.review_rules_saved": "Order review rules saved",
    "event.package_types.saved": "Carton types saved",
    # ---- not events, but lines of the timeline ------------------------------------------------
    "timeline.shipment": "Tracking {tracking} · {packages} package(s)",
    "timeline.typed_no_barcode": "count typed: the product has no barcode",
    "timeline.tote_confirmed": "tote not scanned: confirmed with the Confirm command",
}
