"""User-facing messages as ids with parameters, so each reader gets them in their own language.

A use case never builds an English sentence for a person: it returns or raises a `Message`
(an id from `TEMPLATES` plus the values to fill in). The UI translates the id through Qt
(`ui/messages.py` holds the same templates for Qt's tools); the CLI prints `english()`.
Stored texts (an order's hold reason, an exception summary) are kept as `encode()`d JSON and
rendered when read, so the lead console shows them in the lead's language.

Parameters are plain values, or Messages themselves (rendered in the same language), or a list
of Messages (rendered one after the other, separated by "; "). Add a new id here and in
`ui/messages.py` with its Chinese translation: tests/ui/test_translations.py checks it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.event_messages import EVENT_TEMPLATES

# A free text that is not ours to translate (a note a person typed, a driver's error, data).
VERBATIM = "text"
# Ids whose template holds nothing to translate (ui/messages.py leaves them out).
UNTRANSLATED = frozenset({VERBATIM, "list"})

TEMPLATES: dict[str, str] = {
    VERBATIM: "{text}",
    "list": "{items}",  # several messages, one after the other
    # ---- sign-in ----------------------------------------------------------------------------
    "sign_in.badge_unknown": "Badge {badge} is not known. Ask your shift lead to register it.",
    "sign_in.badge_unknown_offline": (
        "Badge {badge} is not known at this station, and the central database cannot be reached "
        "to check it. If it was registered just now, try again once the network is back; "
        "otherwise ask your shift lead."
    ),
    "sign_in.pin_needed": "{name}: enter your PIN.",
    "sign_in.wrong_pin": "Wrong PIN. Try again.",
    "sign_in.not_a_lead": "{name} is a {role}; only a shift lead may do this",
    "sign_in.lead_pin_mismatch": "badge and PIN do not match a shift lead",
    "sign_in.pin_locked": (
        "{name}: PIN locked after too many wrong PINs; try again in {minutes} min "
        "or ask another lead to unlock it"
    ),
    # ---- packing station -----------------------------------------------------------------------
    "pack.tote_holds_no_order": "Tote {tote} holds no order. Scan another tote or the order.",
    "pack.bad_pick_list_code": "Pick list barcode {code}: expected PL: and a number",
    "pack.pick_list_empty": "Pick list {number} has no order left to pack.",
    "pack.not_recognised": "{code} is not a tote, order or pick list. Scan the tote label.",
    "pack.empty_scan": "This scan is not a tote, order or pick list. Scan the tote label.",
    "pack.offline_not_cached": (
        "{code}: not among the orders this station has ready to pack, and central cannot be "
        "reached (offline). Pack another tote now; scan this one again when the bottom bar "
        "shows Online, or check that it is the tote's label."
    ),
    "pack.offline_no_sscc": (
        "This station has no SSCC (carton label) numbers left and cannot reach central to get "
        "more. Keep the carton open and close it when the bottom bar shows Online again, or ask "
        "a lead to have it closed on another packing station."
    ),
    "pack.offline_no_tracking": (
        "This station has no tracking ({carrier}) numbers left and cannot reach central to get "
        "more. Keep the carton open and close it when the bottom bar shows Online again, or ask "
        "a lead to have it closed on another packing station."
    ),
    "pack.override_needs_reason": "an override needs a reason",
    "numbers.tracking_full": (
        "tracking series {prefix}: number {number} does not fit in {digits} digits; "
        "ask the carrier for a new range and set a new prefix"
    ),
    "numbers.tracking_prefix": "tracking series prefix '{prefix}': use letters and digits only",
    "numbers.company_prefix": "GS1 company prefix '{prefix}': must be 4 to 12 digits",
    "numbers.sscc_extension": "SSCC extension digit '{digit}': must be one digit 0-9",
    "numbers.sscc_full": (
        "SSCC serial {serial} does not fit beside prefix {prefix} (0..{last}); "
        "use another extension digit or company prefix"
    ),
    "site.not_set_up": (
        "This site has no settings yet: nothing can be packed. A lead sets them on the Settings tab."
    ),
    "site.carrier_unknown": (
        "Carrier '{carrier}' is not in this site's settings. Put the tote aside; a lead adds it on the Settings tab."
    ),
    "numbers.range_used_up": (
        "The {series} number range is used up (it ends at {last}). A lead sets a new range on the Settings tab."
    ),
    "numbers.low": (
        "{series} numbers run low: {left} left (the range ends at {last}). Ask for a new range and set it in the site settings."
    ),
    # ---- a value in a file or form that cannot be accepted (app/domain/fields.py FieldProblem)
    "field.not_text": "{field} must be text, found {found}",
    "field.empty": "{field} is empty",
    "field.too_long": "{field} is {length} characters long; at most {limit} are allowed",
    "field.control_character": "{field} contains the control character U+{codepoint} at position {position}: remove it",
    "field.not_whole_number": "{field} {value} is not a whole number in {minimum}..{maximum}",
    "field.not_positive_integer": "{field} {value} is not a positive integer (1..{maximum})",
    "field.out_of_range": "{field} {value} is outside {minimum}..{maximum}",
    "field.not_number": "{field} {value} is not a number{of_unit}",
    "field.not_finite": "{field} {value} is not a finite number{of_unit}",
    "field.not_date": "{field} {value} is not a YYYY-MM-DD date",
    "field.not_timestamp": "{field} {value} is not an ISO date or date-time (ISO 8601)",
    "field.date_out_of_window": "{field} {value} is outside {earliest}..{latest}",
    "field.unknown_priority": "priority {value} is not one of {accepted} or a whole number {minimum}..{maximum}",
    "field.not_flag": "{field} {value} is not one of 1/0, true/false, yes/no",
    "field.not_json": "not valid JSON ({detail})",
    "field.too_deep": "JSON nested more than {limit} levels deep",
    "field.not_object": "{field} must be a JSON object, found {found}",
    "field.not_list": "{field} must be a list of at least {minimum}",
    "field.unknown_key": "{field} is not a setting here (known: {accepted})",
    "field.not_one_of": "{field} {value} is not one of {accepted}",
    "field.not_digits": "{field} {value} must be {minimum} to {maximum} digits",
    "field.bad_code": "{field} {value}: use capital letters, digits, - and _ only",
    "field.not_time": "{field} {value} is not a time of day HH:MM (00:00..23:59)",
    "field.not_country": "{field} {value} is not a two-letter country code (ISO 3166, e.g. CN)",
    "field.s10_shape": "{field} {value}: a UPU S10 number has 2 letters, 8 digits and a 2-letter country suffix",
    "field.duplicate": "{field} {value} is the same as {other}",
    "field.range_overlap": "{field} can make the same tracking numbers as {other}",
    "field.not_url": "{field} {value} is not an http:// or https:// address",
    "field.not_money": "{field} {value} is not an amount like 1250.50 (at most 2 decimals, no thousands separator)",
    "field.not_terms": "{field} {value} is not a list of at most {limit} terms (e.g. ship_complete;cod)",
    "field.partly_priced": "{field}: some lines have a unit_price and some do not; price every line or none",
    # ---- carrier labels (docs/carriers.md) ------------------------------------------------------
    "carrier.unavailable": (
        "Carrier {carrier} cannot be reached now. The carton waits for its label, which prints "
        "by itself once the carrier answers; go on packing."
    ),
    "carrier.refused": (
        "Carrier {carrier} refused the label: {reason}. Fix this (address, weight), then close "
        "the carton again, or ask a lead."
    ),
    "carrier.no_api_key": (
        "Carrier {carrier} sells its labels through its API, but this station has no key for it. "
        "Set {where} on the station, then close the carton again."
    ),
    # ---- picking station -----------------------------------------------------------------------
    "pick.offline_no_claim": "central cannot be reached to claim a new pick list",
    "pick.claim_not_applied": (
        "Central has not answered for a new pick list yet. Try again in a minute; if it keeps "
        "happening, tell your shift lead: the central fact applier may be stopped."
    ),
    # ---- orders, holds -------------------------------------------------------------------------
    "order.ref_format": "order {ref}: write it as CHANNEL/ORDER_ID, e.g. webshop/SO-1001",
    "order.not_found": "order {ref} does not exist",
    "order.illegal_move": "an order cannot go from {old} to {new}",
    "order.wave_cancelled": "wave {wave} cancelled",
    "order.wave_released": (
        "order {order} is on wave {wave}, already released to the floor: cancel or hold that "
        "wave on the Board tab first"
    ),
    "order.wave_started": (
        "order {order} is on wave {wave}, whose picker has started its cart: hold the wave on "
        "the Board tab instead"
    ),
    "order.lookup_none": "no single order matches {text}: scan the tote or type CHANNEL/ORDER_ID",
    "hold.address_incomplete": "address incomplete: {field} is empty",
    "hold.country_not_served": "address undeliverable: we do not ship to {country}",
    "hold.postal_code_invalid": (
        "address undeliverable: postal code '{postal_code}' is not valid for {country}"
    ),
    "hold.blocked_customer": "blocked customer ({key} {value})",
    "hold.blocked_customer_why": "blocked customer ({key} {value}): {why}",
    "hold.quantity_above_limit": "quantity {quantity} of {sku} is above the limit of {limit}",
    "hold.special_handling": "{sku} needs special handling: {what}",
    "hold.customer_unknown": "customer {customer} is unknown: import the customers file, then release the order",
    "hold.customer_blocked": "customer {customer} ({name}) is blocked",
    "hold.credit_limit": "customer {customer}: credit limit {limit} {currency} exceeded by {over}",
    "allocation.cannot_allocate": "cannot allocate: {lines}",
    "allocation.line_short": "{sku}: short {short} of {needed}",
    # ---- the lead's exceptions queue -----------------------------------------------------------
    "exception.ship_by": "ship by {ship_by}",
    "exception.at_risk": "will miss its ship-by {ship_by}: predicted to ship {predicted}",
    "exception.short_pick": "{sku} at {location}: {shortfall} missing",
    "exception.short_pick_reason": "{sku} at {location}: {shortfall} missing ({reason})",
    "short_reason.empty": "empty",
    "short_reason.damaged": "damaged",
    "short_reason.wrong_item": "wrong item",
    "short_reason.not_found": "not found",
    "short_reason.counted": "a count found fewer than were reserved",
    "exception.reported_by": "{summary}, reported by {user}",
    "exception.weight_mismatch": (
        "carton {carton} weighed {weight_kg} kg; {expected_kg} kg was expected"
    ),
    "exception.printer_failure": "printer {printer} refused the label of carton {carton}: {message}",
    "exception.pack_override": "{lead} let {packer} close the order with lines open: {reason}",
    "exception.pack_override_weight": (
        "{lead} let {packer} close carton {carton} at {weight_kg} kg "
        "(expected {expected_kg} kg): {reason}"
    ),
    "exception.pick_task_gone": (
        "{quantity} × {sku} picked at {location} into tote {tote} by {picked_by} for pick list "
        "{pick_list_id}, whose wave was cancelled: take them out and put them back"
    ),
    "exception.pin_locked": "{name} (badge {badge}): PIN locked after too many wrong PINs at {station}",
    "exception.serial_duplicate": "serial {serial_list} packed twice (carton {sscc}, station {station})",
    "exception.awaiting_label": (
        "carton {carton} (SSCC {sscc}) is packed and awaits its {carrier} label: station {station} "
        "keeps asking the carrier and prints it by itself; do not load it before"
    ),
    "exception.left_behind": (
        "carton {carton} was not loaded when {carrier} closed (manifest {manifest_id}): "
        "load it with the next collection"
    ),
    "exception.load_on_hold": "pull this parcel from {unit} (carton {carton}): order on hold",
    "exception.load_cancelled": (
        "pull this parcel from {unit} (carton {carton}): the order was cancelled"
    ),
    "exception.stock_mismatch": "count {location}: {moved_by} moved {quantity} × {sku} to {to}, but only {available} were free there",
    "exception.load_twice": "carton {carton} was loaded onto {first} and onto {unit}: find it",
    "exception.load_wrong_unit": (
        "carton {carton} went onto {unit}, which goes with {carrier}: move it to its carrier"
    ),
    "exception.pack_status": "packed, but the order could not be marked packed: {error}",
    "exception.tote_conflict": "tote {tote} is bound to another order too (pick list {pick_list_id})",
    "exception.reassigned_offline": (
        "{picked_by} picked {facts} time(s) on pick list {pick_list_id} while offline after it "
        "went to {now_with}: the picks count, the rest of the list stays with {now_with}"
    ),
    "exception.fact_failed": "{fact} from {station} could not be applied: {error}",
    "exception.unknown_key": "{key} names no exception: use exception:ID, late:REF or hold:REF",
    "exception.no_task": "exception {id} names no pick task: acknowledge it with a note",
    "exception.ship_complete": (
        "{order} ships complete (its customer's terms): it cannot ship short. Reallocate the "
        "units, or cancel the order"
    ),
    "exception.nothing_outstanding": (
        "pick task {task} has nothing outstanding: acknowledge it instead"
    ),
    "exception.no_fact": "exception {id} names no stored fact: acknowledge it instead",
    "exception.still_failing": (
        "{fact} still cannot be applied ({error}). "
        "Leave it open and call IT, or acknowledge it with a note."
    ),
    "exception.refused": "a {kind} item cannot be resolved by {resolution}: choose {allowed}",
    "exception.not_found": "exception {id} does not exist",
    "exception.already_resolved": "exception {id} is already resolved",
    "exception.lacks_line": "{sku}: {short} of {quantity} missing",
    "exception.waiting_for_stock": "{lines} — count or receive, then retry",
    "exception.no_other_location": (
        "no other location holds {quantity} free of {sku} that has not expired: "
        "backorder or cancel the line instead"
    ),
    "task.not_found": "pick task {id} does not exist",
    # ---- resolution outcomes -------------------------------------------------------------------
    "outcome.acknowledged": "acknowledged",
    "outcome.next_collection": "the parcel waits for the next collection",
    "outcome.parcel_pulled": "parcel taken off {unit}",
    "outcome.hold_released": "{order} goes to the next allocation run",
    "outcome.order_cancelled": "{order} cancelled",
    "outcome.order_allocated": "{order} allocated",
    "outcome.still_waiting": "{order} still waits: {reason}. Count or receive first",
    "outcome.prioritised": "{order} is now priority {priority}",
    "outcome.reallocated": "{quantity} × {sku} to pick from {location}",
    "outcome.written_off": (
        "{quantity} × {sku} written off at {location}; the order ships without them"
    ),
    "outcome.line_cancelled": "{quantity} × {sku} cancelled from the order",
    "outcome.backordered": "{quantity} × {sku} backordered; the order ships without them",
    "outcome.fact_applied": "{fact} applied",
    # ---- waves and the lead's desk -------------------------------------------------------------
    "wave.capacity_too_small": "capacity must be at least 1 order per cart, got {capacity}",
    "wave.max_weight_too_small": (
        "the weight limit per cart must be more than 0 kg (none: no limit), got {kg}"
    ),
    "wave.max_volume_too_small": (
        "the volume limit per cart must be more than 0 l (none: no limit), got {litres}"
    ),
    "slotting.bad_days": "--days must be a whole number of days from 1 to {most}, found {days}",
    "sim.stock_refused": "load test warehouse {code}: its stock was refused ({rows})",
    "transfer.no_lines": "a transfer needs at least one --sku SKU --quantity N",
    "transfer.unknown_sku": "unknown SKU {sku}: import it with import-products first",
    "transfer.no_site": "warehouse {code} has no site settings: a transfer ships to its ship_from address (shipshape site --warehouse {code} --set FILE)",
    "transfer.no_carriers": "warehouse {code} has no carriers in its site settings: it cannot ship (shipshape site --warehouse {code} --set FILE)",
    "transfer.unknown": "no transfer {transfer}: `shipshape transfers` lists them",
    "transfer.cancelled_already": "transfer {transfer} is cancelled already",
    "transfer.shipped_already": "transfer {transfer} has shipped (in transit or received): too late to cancel it",
    "transfer.picked_already": "transfer {transfer} is picked already: too late to cancel it",
    "transfer.on_a_wave": "transfer {transfer} is on a wave's pick lists: cancel that wave first (Board tab), then the transfer",
    "wave.no_layout": "no layout imported yet: run `shipshape import-layout LAYOUT` first",
    "wave.nothing_to_plan": "nothing to plan: no allocated orders that are not in a wave yet",
    "wave.orders_gone": "wave not saved: since it was planned, each of its orders was cancelled or taken by another wave ({orders}); plan again",
    "wave.not_found": "wave {id} does not exist",
    "wave.not_planned": "wave {id} is not a planned wave",
    "wave.rebalance_not_released": (
        "wave {wave} is not released: only a released wave's carts are re-balanced"
    ),
    "wave.rebalance_no_gain": "wave {wave}: re-batching its unstarted carts would not walk less",
    "wave.rebalance_stale": (
        "wave {wave}: pick list {id} was claimed or changed since the preview; nothing was "
        "changed — preview again"
    ),
    "wave.already_picked": (
        "wave {id}: {started} task(s) are already picked; hold the wave or reassign its lists "
        "instead of cancelling it"
    ),
    "wave.nothing_to_reassign": "none of these pick lists is still open: nothing to reassign",
    "user.not_found": "no user called {name}",
    "station.bad_login": (
        "'{login}' is not a database login name: lower-case letters, digits and _, at most 63"
    ),
    "station.login_elsewhere": (
        "this database login is registered for station {registered}, not {station}: start "
        "with --station {registered}, or ask the site owner to register a login for {station}"
    ),
    "station.login_not_registered": (
        "this database login may not write and is not registered for a station: the site "
        "owner runs `shipshape station-login {station} LOGIN` (docs/security.md)"
    ),
    "station.bad_name": (
        "'{station}' is not a station name: letters, digits, '.', '_' and '-', at most 60"
    ),
    "user.bad_role": "role '{role}' must be one of picker, packer, loader, lead",
    "user.lead_pin_too_short": "a lead needs a PIN of at least {digits} digits",
    "user.unlock_own_pin": "a lead cannot unlock their own PIN: ask another lead",
    "user.lead_needs_lead": (
        "the site has a shift lead: creating or changing a lead needs a lead's --badge and --pin"
    ),
    "demo.site_has_leads": "the site has shift leads already: the demo seeds a new site only",
    "user.badge_not_known": "Badge {badge} is not known.",
    "user.pin_unlocked": "PIN of badge {badge} unlocked",
    "report.range_reversed": (
        "the range ends ({end}) before it starts ({start}): swap the two dates"
    ),
    "timeline.reason": "reason: {reason}",
    "timeline.note": "note: {note}",
    "timeline.pick_short": "{pick} (short {short})",
    # ---- dispatch ------------------------------------------------------------------------------
    "dispatch.not_a_loader": "{name} is a {role}: only a loader or a shift lead loads parcels",
    "dispatch.unknown_badge": "badge {badge} is not known",
    "dispatch.nothing_loaded": (
        "nothing is loaded for {carrier}: load parcels first, there is nothing to close"
    ),
    "dispatch.closed_already": (
        "{carrier} was closed already at {time} (manifest {manifest}) and nothing was loaded "
        "since: there is nothing to close"
    ),
    "dispatch.no_carrier": "name the carrier to close (its code or name)",
    "dispatch.manifest_unknown": "no manifest {manifest}",
    "dispatch.closed": (
        "{carrier} closed: manifest {manifest}, {parcels} parcels, {orders} orders shipped, "
        "{left} left behind"
    ),
    # ---- receiving ------------------------------------------------------------------------------
    "returns.not_a_clerk": "{name} is a {role}; returns are received by a returns clerk",
    "returns.serial_needed": (
        "{code}: {sku} needs its serial number: scan the GS1 code with (21), e.g. 01…21SERIAL"
    ),
    "returns.item_flagged": (
        "{code} {flag}: nothing recorded; add :wrong_item to take it in as a wrong item"
    ),
    "returns.no_location": "{code}: no location to put it back: give --to LOCATION",
    "returns.unknown_item": "{code} is not a product barcode or SKU: nothing recorded",
    "returns.unknown_parcel": (
        "{code} is no tracking number, SSCC, RMA or order we shipped: nothing recorded"
    ),
    "returns.not_shipped": "{code}: the order is {status}, not shipped: nothing recorded",
    "returns.refused": "{code}: refused ({reason}): nothing recorded",
    "exception.return_flagged": (
        "returned parcel of {order}: {sku} (serial {serial}) {flag}; taken in as a wrong item, in "
        "quarantine"
    ),
    "exception.return_unknown": (
        "{clerk} at {station} returned items of order {channel}/{order_id}, which central does "
        "not know: check the parcel"
    ),
    "returns.flag.not_in_order": "was not in the order",
    "returns.flag.serial_not_shipped": "has a serial that was not shipped on this order",
    "returns.flag.serial_already_returned": "has a serial already returned",
    "returns.flag.more_than_shipped": "is more than the order shipped",
    "exception.receipt_difference": "receipt {receipt} from {supplier}: {lines}",
    "receipt.over": "{sku}: {received} received, {expected} expected",
    "receipt.under": "{sku}: only {received} of {expected} received",
    "receipt.unexpected": "{sku}: {received} received, not on the receipt",
    "exception.receipt_unknown": "{clerk} at {station} received against receipt {receipt_id}, which central does not know: check the delivery papers",
    "receive.not_a_clerk": "{name} is a {role}: only a stock clerk or a shift lead receives goods",
    "receive.unknown_badge": "badge {badge} is not known",
    "receive.unknown_receipt": "no receipt {receipt}: check the number on the delivery papers (import it with import-receipts)",
    "receive.receipt_closed": "receipt {receipt} is closed: nothing more can be received on it",
    "receive.unknown_code": "{code} is not an item of this site: check the barcode",
    "receive.unknown_location": "no location {location}: check the location label",
    "receive.lot_missing": "{code} is {sku}, which needs its lot: scan the GS1 label with (10) lot, or add it as (10)LOT",
    "receive.refused": "{code} was refused ({reason}): nothing was received",
    # ---- stock moves (the clerk's move station, `shipshape move`) -----------------------------
    "move.not_a_clerk": "{name} is a {role}: only a stock clerk or a shift lead moves stock",
    "move.unknown_badge": "badge {badge} is not known",
    "move.nothing_scanned": "no item scanned: scan what you move (--scan CODE, CODE*N for N units)",
    "move.not_an_item": "{code} is a location, not an item: give the to-location with --to",
    "move.unknown_location": "there is no location {location}: check the label and scan it again",
    "move.same_location": "{location} is where the stock comes from: scan another location to move it to",
    "move.not_here": "{code} is not at {location}: scan an item that is there",
    "move.lot_not_here": "lot {lot} of {sku} is not here: scan the label of a lot that is",
    "move.scan_lot": "{sku} has {lots} lots here: scan the GS1 label with the lot",
    "move.not_available": "only {available} of {sku} may move from here (the rest is reserved for orders or held), not {wanted}",
    "move.gone_meanwhile": "{quantity} × {sku} cannot move out of {location}: only {available} are free there now. Nothing was moved; scan again",
    "move.not_expected": "{code} is not part of a move: scan a location or an item",
    "move.invalid_scan": "bad barcode: {error}",
    "move.refused": "the move stopped: {reason}",
    # ---- counting (docs/stock.md "Counting") ---------------------------------------------------
    "exception.count_variance": "{location} counted twice with a variance: {lines}",
    "exception.count_variance_line": "{sku}: expected {expected}, counted {first}, then {second}",
    "exception.count_unknown_location": "{counted_by} counted location {location}, which is not known",
    "outcome.count_approved": "{location}: stock set from the second count",
    "outcome.recount_ordered": "{location}: to be counted again",
    "count.not_awaiting": "count task {id} is not waiting for approval (it is {status})",
    "returns.bad_decision": "{decision} is not a decision: use one of {known}",
    "returns.restock_needs_location": (
        "quarantine item {id}: restocking needs the location the units go to: scan or type it"
    ),
    "returns.no_such_quarantine": "no quarantine item {id}: reload the list",
    "returns.already_decided": "quarantine item {id} is already {status} (by {by}): reload",
    "returns.unknown_location": "location {location} does not exist: check the label",
    "returns.expired_restock": (
        "{sku} lot {lot} has expired: it cannot go back to stock; scrap it or return it to the "
        "supplier"
    ),
    "returns.decided.scrapped": "{quantity} × {sku} scrapped",
    "returns.decided.returned_to_supplier": "{quantity} × {sku} set aside to return to the supplier",
    "returns.decided.restocked": "{quantity} × {sku} restocked at {location}",
    "count.no_locations": "no location from {first} to {last}: check the two codes",
    "count.bad_tolerance": (
        "a tolerance of {units} units and {pct} % is not possible: units from 0, per cent "
        "from 0 to 100"
    ),
    "count.not_a_clerk": "{name} is a {role}: only a stock clerk or a shift lead counts",
    "count.unknown_badge": "badge {badge} is not known",
    "count.unknown_location": "location {location} is not known: scan the location's label",
    "count.unknown_product": "{code} is not a product of this site: scan the product's barcode",
    "count.lot_needed": "{sku} is lot-controlled: scan the GS1 label that carries the lot",
    "count.bad_scan": "{code} cannot be read: {error}",
    "count.bad_times": "{code}: the number after * must be a whole number from 1",
    "count.not_recorded": "the count of {location} was not applied: nothing changed",
    "labour.bad_standard": "the labour standard was not saved: {problems}",
    "labour.too_few_lists": (
        "only {lists} finished pick list(s) since {since}: at least {needed} are needed to "
        "learn a labour standard"
    ),
    # ---- warehouses ---------------------------------------------------------------------------
    "warehouse.gone": "warehouse {id} is no longer in the database: choose another",
    "sign_in.not_this_warehouse": (
        "{name} works in {homes}, not in {here} where this station is: sign in at a station "
        "there, or ask a shift lead to add {here} to your warehouses"
    ),
    # ---- anywhere ------------------------------------------------------------------------------
    "db.conflict": "someone else changed this at the same time ({detail})",
    "exception.return_undo_refused": (
        "{clerk} at {station} took back {quantity} × {sku} of order {order} ({location}), but "
        "{why}: nothing changed; settle it"
    ),
    "returns.undo_why.stock_moved": "only {free} are free there now (picked or moved)",
    "returns.undo_why.decided": "a lead decided its quarantine already",
    "returns.undo_why.closed": "the parcel's return was closed already",
}
TEMPLATES.update(EVENT_TEMPLATES)  # the order timeline's sentences, one per event kind


@dataclass(frozen=True)
class Message:
    """What to tell a person, in no language yet: an id from TEMPLATES and its parameters."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return render(self, lambda m: TEMPLATES.get(m.id, m.id))

    def __str__(self) -> str:
        return self.english()

    def to_dict(self) -> dict:
        return {"id": self.id, "params": {k: _plain(v) for k, v in self.params.items()}}

    @classmethod
    def from_dict(cls, data: Mapping) -> Message:
        params = {k: _revive(v) for k, v in dict(data.get("params") or {}).items()}
        return cls(str(data["id"]), params)


def message(id: str, /, **params: Any) -> Message:
    """`message("pack.tote_holds_no_order", tote="T-1")`; the id must be registered."""
    if id not in TEMPLATES:
        raise KeyError(f"message id {id!r} has no English template in app/messages.py")
    return Message(id, params)


def verbatim(text: str) -> Message:
    """A text shown as it is in every language (typed by a person, or from outside)."""
    return Message(VERBATIM, {"text": text})


def render(msg: Message, template_of: Callable[[Message], str], separator: str = "; ") -> str:
    """Fill `template_of(msg)` with the parameters, Messages in them rendered the same way."""
    values = {k: _render_value(v, template_of, separator) for k, v in msg.params.items()}
    text = template_of(msg)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def _render_value(value: Any, template_of, separator: str) -> Any:
    if isinstance(value, Message):
        return render(value, template_of, separator)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        return separator.join(render(v, template_of, separator) for v in value)
    return "" if value is None else value


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return {"$message": value.to_dict()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _revive(value: Any) -> Any:
    if isinstance(value, dict) and "$message" in value:
        return Message.from_dict(value["$message"])
    if isinstance(value, list):
        return [_revive(v) for v in value]
    return value


# ---- stored texts ------------------------------------------------------------------------------
def encode(messages: Iterable[Message]) -> str:
    """Messages as the JSON text stored in a text column ("" for none)."""
    found = [m.to_dict() for m in messages]
    return json.dumps(found, ensure_ascii=False) if found else ""


def decode(stored: str | None) -> list[Message]:
    """What `encode` wrote; a text stored before messages had ids comes back verbatim."""
    if not stored:
        return []
    if stored.startswith("[{"):
        try:
            return [Message.from_dict(m) for m in json.loads(stored)]
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    return [verbatim(stored)]


def english(stored: str | None) -> str:
    """A stored text as readable English, for the CLI and JSON output."""
    return "; ".join(m.english() for m in decode(stored))


def summary(stored: str | None) -> Message:
    """A stored text as one Message (several reasons joined), for a screen to translate."""
    found = decode(stored)
    if len(found) == 1:
        return found[0]
    return Message("list", {"items": found})
