"""Every Message from app/ (app/messages.py) in the current language, through Qt's translator.

`message_text(m)` renders a Message (or a stored/legacy str) for a screen; `error_text(exc)`
does the same for an exception: a ShipshapeError shows its Message, anything else one short
line without internals. The table repeats the English templates literally so that lupdate
finds them; tests/ui/test_translations.py keeps it equal to app.messages.TEMPLATES.
A text that Qt has no translation for falls back to the English template. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.safe_text import one_line_error
from app.errors import ShipshapeError
from app.messages import TEMPLATES, Message, render, verbatim

CONTEXT = "Messages"

# id -> English template; marked for lupdate, translated when shown. ("text" and "list" are
# not here: they have nothing to translate.)
SOURCE: dict[str, str] = {
    "sign_in.badge_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Badge {badge} is not known. Ask your shift lead to register it."
    ),
    "sign_in.badge_unknown_offline": QT_TRANSLATE_NOOP(
        "Messages",
        "Badge {badge} is not known at this station, and the central database cannot be reached to check it. If it was registered just now, try again once the network is back; otherwise ask your shift lead.",
    ),
    "sign_in.pin_needed": QT_TRANSLATE_NOOP("Messages", "{name}: enter your PIN."),
    "sign_in.wrong_pin": QT_TRANSLATE_NOOP("Messages", "Wrong PIN. Try again."),
    "sign_in.not_a_lead": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a {role}; only a shift lead may do this"
    ),
    "sign_in.lead_pin_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "badge and PIN do not match a shift lead"
    ),
    "sign_in.pin_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "{name}: PIN locked after too many wrong PINs; try again in {minutes} min or ask another lead to unlock it",
    ),
    "pack.tote_holds_no_order": QT_TRANSLATE_NOOP(
        "Messages", "Tote {tote} holds no order. Scan another tote or the order."
    ),
    "pack.bad_pick_list_code": QT_TRANSLATE_NOOP(
        "Messages", "Pick list barcode {code}: expected PL: and a number"
    ),
    "pack.pick_list_empty": QT_TRANSLATE_NOOP(
        "Messages", "Pick list {number} has no order left to pack."
    ),
    "pack.not_recognised": QT_TRANSLATE_NOOP(
        "Messages", "{code} is not a tote, order or pick list. Scan the tote label."
    ),
    "pack.empty_scan": QT_TRANSLATE_NOOP(
        "Messages", "This scan is not a tote, order or pick list. Scan the tote label."
    ),
    "pack.offline_not_cached": QT_TRANSLATE_NOOP(
        "Messages",
        "{code}: not among the orders this station has ready to pack, and central cannot be reached (offline). Pack another tote now; scan this one again when the bottom bar shows Online, or check that it is the tote's label.",
    ),
    "pack.offline_no_sscc": QT_TRANSLATE_NOOP(
        "Messages",
        "This station has no SSCC (carton label) numbers left and cannot reach central to get more. Keep the carton open and close it when the bottom bar shows Online again, or ask a lead to have it closed on another packing station.",
    ),
    "pack.offline_no_tracking": QT_TRANSLATE_NOOP(
        "Messages",
        "This station has no tracking ({carrier}) numbers left and cannot reach central to get more. Keep the carton open and close it when the bottom bar shows Online again, or ask a lead to have it closed on another packing station.",
    ),
    "pack.override_needs_reason": QT_TRANSLATE_NOOP("Messages", "an override needs a reason"),
    "numbers.tracking_full": QT_TRANSLATE_NOOP(
        "Messages",
        "tracking series {prefix}: number {number} does not fit in {digits} digits; ask the carrier for a new range and set a new prefix",
    ),
    "numbers.tracking_prefix": QT_TRANSLATE_NOOP(
        "Messages", "tracking series prefix '{prefix}': use letters and digits only"
    ),
    "numbers.company_prefix": QT_TRANSLATE_NOOP(
        "Messages", "GS1 company prefix '{prefix}': must be 4 to 12 digits"
    ),
    "numbers.sscc_extension": QT_TRANSLATE_NOOP(
        "Messages", "SSCC extension digit '{digit}': must be one digit 0-9"
    ),
    "numbers.sscc_full": QT_TRANSLATE_NOOP(
        "Messages",
        "SSCC serial {serial} does not fit beside prefix {prefix} (0..{last}); use another extension digit or company prefix",
    ),
    "site.not_set_up": QT_TRANSLATE_NOOP(
        "Messages",
        "This site has no settings yet: nothing can be packed. A lead sets them on the Settings tab.",
    ),
    "site.carrier_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "Carrier '{carrier}' is not in this site's settings. Put the tote aside; a lead adds it on the Settings tab.",
    ),
    "numbers.range_used_up": QT_TRANSLATE_NOOP(
        "Messages",
        "The {series} number range is used up (it ends at {last}). A lead sets a new range on the Settings tab.",
    ),
    "numbers.low": QT_TRANSLATE_NOOP(
        "Messages",
        "{series} numbers run low: {left} left (the range ends at {last}). Ask for a new range and set it in the site settings.",
    ),
    "field.not_text": QT_TRANSLATE_NOOP("Messages", "{field} must be text, found {found}"),
    "field.empty": QT_TRANSLATE_NOOP("Messages", "{field} is empty"),
    "field.too_long": QT_TRANSLATE_NOOP(
        "Messages", "{field} is {length} characters long; at most {limit} are allowed"
    ),
    "field.control_character": QT_TRANSLATE_NOOP(
        "Messages",
        "{field} contains the control character U+{codepoint} at position {position}: remove it",
    ),
    "field.not_whole_number": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not a whole number in {minimum}..{maximum}"
    ),
    "field.not_positive_integer": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not a positive integer (1..{maximum})"
    ),
    "field.out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is outside {minimum}..{maximum}"
    ),
    "field.not_number": QT_TRANSLATE_NOOP("Messages", "{field} {value} is not a number{of_unit}"),
    "field.not_finite": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not a finite number{of_unit}"
    ),
    "field.not_date": QT_TRANSLATE_NOOP("Messages", "{field} {value} is not a YYYY-MM-DD date"),
    "field.not_timestamp": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not an ISO date or date-time (ISO 8601)"
    ),
    "field.date_out_of_window": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is outside {earliest}..{latest}"
    ),
    "field.unknown_priority": QT_TRANSLATE_NOOP(
        "Messages",
        "priority {value} is not one of {accepted} or a whole number {minimum}..{maximum}",
    ),
    "field.not_flag": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not one of 1/0, true/false, yes/no"
    ),
    "field.not_json": QT_TRANSLATE_NOOP("Messages", "not valid JSON ({detail})"),
    "field.too_deep": QT_TRANSLATE_NOOP("Messages", "JSON nested more than {limit} levels deep"),
    "field.not_object": QT_TRANSLATE_NOOP(
        "Messages", "{field} must be a JSON object, found {found}"
    ),
    "field.not_list": QT_TRANSLATE_NOOP("Messages", "{field} must be a list of at least {minimum}"),
    "field.unknown_key": QT_TRANSLATE_NOOP(
        "Messages", "{field} is not a setting here (known: {accepted})"
    ),
    "field.not_one_of": QT_TRANSLATE_NOOP("Messages", "{field} {value} is not one of {accepted}"),
    "field.not_digits": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} must be {minimum} to {maximum} digits"
    ),
    "field.bad_code": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value}: use capital letters, digits, - and _ only"
    ),
    "field.not_time": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not a time of day HH:MM (00:00..23:59)"
    ),
    "field.not_country": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not a two-letter country code (ISO 3166, e.g. CN)"
    ),
    "field.s10_shape": QT_TRANSLATE_NOOP(
        "Messages",
        "{field} {value}: a UPU S10 number has 2 letters, 8 digits and a 2-letter country suffix",
    ),
    "field.duplicate": QT_TRANSLATE_NOOP("Messages", "{field} {value} is the same as {other}"),
    "field.range_overlap": QT_TRANSLATE_NOOP(
        "Messages", "{field} can make the same tracking numbers as {other}"
    ),
    "field.not_url": QT_TRANSLATE_NOOP(
        "Messages", "{field} {value} is not an http:// or https:// address"
    ),
    "field.not_money": QT_TRANSLATE_NOOP(
        "Messages",
        "{field} {value} is not an amount like 1250.50 (at most 2 decimals, no thousands separator)",
    ),
    "field.not_terms": QT_TRANSLATE_NOOP(
        "Messages",
        "{field} {value} is not a list of at most {limit} terms (e.g. ship_complete;cod)",
    ),
    "field.partly_priced": QT_TRANSLATE_NOOP(
        "Messages",
        "{field}: some lines have a unit_price and some do not; price every line or none",
    ),
    "carrier.unavailable": QT_TRANSLATE_NOOP(
        "Messages",
        "Carrier {carrier} cannot be reached now. The carton waits for its label, which prints by itself once the carrier answers; go on packing.",
    ),
    "carrier.refused": QT_TRANSLATE_NOOP(
        "Messages",
        "Carrier {carrier} refused the label: {reason}. Fix this (address, weight), then close the carton again, or ask a lead.",
    ),
    "carrier.no_api_key": QT_TRANSLATE_NOOP(
        "Messages",
        "Carrier {carrier} sells its labels through its API, but this station has no key for it. Set {where} on the station, then close the carton again.",
    ),
    "pick.offline_no_claim": QT_TRANSLATE_NOOP(
        "Messages", "central cannot be reached to claim a new pick list"
    ),
    "pick.claim_not_applied": QT_TRANSLATE_NOOP(
        "Messages",
        "Central has not answered for a new pick list yet. Try again in a minute; if it keeps happening, tell your shift lead: the central fact applier may be stopped.",
    ),
    "order.ref_format": QT_TRANSLATE_NOOP(
        "Messages", "order {ref}: write it as CHANNEL/ORDER_ID, e.g. webshop/SO-1001"
    ),
    "order.not_found": QT_TRANSLATE_NOOP("Messages", "order {ref} does not exist"),
    "order.illegal_move": QT_TRANSLATE_NOOP("Messages", "an order cannot go from {old} to {new}"),
    "order.wave_cancelled": QT_TRANSLATE_NOOP("Messages", "wave {wave} cancelled"),
    "order.wave_released": QT_TRANSLATE_NOOP(
        "Messages",
        "order {order} is on wave {wave}, already released to the floor: cancel or hold that wave on the Board tab first",
    ),
    "order.wave_started": QT_TRANSLATE_NOOP(
        "Messages",
        "order {order} is on wave {wave}, whose picker has started its cart: hold the wave on the Board tab instead",
    ),
    "order.lookup_none": QT_TRANSLATE_NOOP(
        "Messages", "no single order matches {text}: scan the tote or type CHANNEL/ORDER_ID"
    ),
    "hold.address_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "address incomplete: {field} is empty"
    ),
    "hold.country_not_served": QT_TRANSLATE_NOOP(
        "Messages", "address undeliverable: we do not ship to {country}"
    ),
    "hold.postal_code_invalid": QT_TRANSLATE_NOOP(
        "Messages", "address undeliverable: postal code '{postal_code}' is not valid for {country}"
    ),
    "hold.blocked_customer": QT_TRANSLATE_NOOP("Messages", "blocked customer ({key} {value})"),
    "hold.blocked_customer_why": QT_TRANSLATE_NOOP(
        "Messages", "blocked customer ({key} {value}): {why}"
    ),
    "hold.quantity_above_limit": QT_TRANSLATE_NOOP(
        "Messages", "quantity {quantity} of {sku} is above the limit of {limit}"
    ),
    "hold.special_handling": QT_TRANSLATE_NOOP("Messages", "{sku} needs special handling: {what}"),
    "hold.customer_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "customer {customer} is unknown: import the customers file, then release the order",
    ),
    "hold.customer_blocked": QT_TRANSLATE_NOOP(
        "Messages", "customer {customer} ({name}) is blocked"
    ),
    "hold.credit_limit": QT_TRANSLATE_NOOP(
        "Messages", "customer {customer}: credit limit {limit} {currency} exceeded by {over}"
    ),
    "allocation.cannot_allocate": QT_TRANSLATE_NOOP("Messages", "cannot allocate: {lines}"),
    "allocation.line_short": QT_TRANSLATE_NOOP("Messages", "{sku}: short {short} of {needed}"),
    "exception.ship_by": QT_TRANSLATE_NOOP("Messages", "ship by {ship_by}"),
    "exception.at_risk": QT_TRANSLATE_NOOP(
        "Messages", "will miss its ship-by {ship_by}: predicted to ship {predicted}"
    ),
    "exception.short_pick": QT_TRANSLATE_NOOP(
        "Messages", "{sku} at {location}: {shortfall} missing"
    ),
    "exception.short_pick_reason": QT_TRANSLATE_NOOP(
        "Messages", "{sku} at {location}: {shortfall} missing ({reason})"
    ),
    "short_reason.empty": QT_TRANSLATE_NOOP("Messages", "empty"),
    "short_reason.damaged": QT_TRANSLATE_NOOP("Messages", "damaged"),
    "short_reason.wrong_item": QT_TRANSLATE_NOOP("Messages", "wrong item"),
    "short_reason.not_found": QT_TRANSLATE_NOOP("Messages", "not found"),
    "exception.reported_by": QT_TRANSLATE_NOOP("Messages", "{summary}, reported by {user}"),
    "exception.weight_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "carton {carton} weighed {weight_kg} kg; {expected_kg} kg was expected"
    ),
    "exception.printer_failure": QT_TRANSLATE_NOOP(
        "Messages", "printer {printer} refused the label of carton {carton}: {message}"
    ),
    "exception.pack_override": QT_TRANSLATE_NOOP(
        "Messages", "{lead} let {packer} close the order with lines open: {reason}"
    ),
    "exception.pack_override_weight": QT_TRANSLATE_NOOP(
        "Messages",
        "{lead} let {packer} close carton {carton} at {weight_kg} kg (expected {expected_kg} kg): {reason}",
    ),
    "exception.pick_task_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "{quantity} × {sku} picked at {location} into tote {tote} by {picked_by} for pick list {pick_list_id}, whose wave was cancelled: take them out and put them back",
    ),
    "exception.pin_locked": QT_TRANSLATE_NOOP(
        "Messages", "{name} (badge {badge}): PIN locked after too many wrong PINs at {station}"
    ),
    "exception.serial_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "serial {serial_list} packed twice (carton {sscc}, station {station})"
    ),
    "exception.awaiting_label": QT_TRANSLATE_NOOP(
        "Messages",
        "carton {carton} (SSCC {sscc}) is packed and awaits its {carrier} label: station {station} keeps asking the carrier and prints it by itself; do not load it before",
    ),
    "exception.left_behind": QT_TRANSLATE_NOOP(
        "Messages",
        "carton {carton} was not loaded when {carrier} closed (manifest {manifest_id}): load it with the next collection",
    ),
    "exception.load_on_hold": QT_TRANSLATE_NOOP(
        "Messages", "pull this parcel from {unit} (carton {carton}): order on hold"
    ),
    "exception.load_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "pull this parcel from {unit} (carton {carton}): the order was cancelled"
    ),
    "exception.stock_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "count {location}: {moved_by} moved {quantity} × {sku} to {to}, but only {available} were free there",
    ),
    "move.not_a_clerk": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a {role}: only a stock clerk or a shift lead moves stock"
    ),
    "move.unknown_badge": QT_TRANSLATE_NOOP("Messages", "badge {badge} is not known"),
    "move.nothing_scanned": QT_TRANSLATE_NOOP(
        "Messages", "no item scanned: scan what you move (--scan CODE, CODE*N for N units)"
    ),
    "move.not_an_item": QT_TRANSLATE_NOOP(
        "Messages", "{code} is a location, not an item: give the to-location with --to"
    ),
    "move.unknown_location": QT_TRANSLATE_NOOP(
        "Messages", "there is no location {location}: check the label and scan it again"
    ),
    "move.same_location": QT_TRANSLATE_NOOP(
        "Messages", "{location} is where the stock comes from: scan another location to move it to"
    ),
    "move.not_here": QT_TRANSLATE_NOOP(
        "Messages", "{code} is not at {location}: scan an item that is there"
    ),
    "move.lot_not_here": QT_TRANSLATE_NOOP(
        "Messages", "lot {lot} of {sku} is not here: scan the label of a lot that is"
    ),
    "move.scan_lot": QT_TRANSLATE_NOOP(
        "Messages", "{sku} has {lots} lots here: scan the GS1 label with the lot"
    ),
    "move.not_available": QT_TRANSLATE_NOOP(
        "Messages",
        "only {available} of {sku} may move from here (the rest is reserved for orders or held), not {wanted}",
    ),
    "move.gone_meanwhile": QT_TRANSLATE_NOOP(
        "Messages",
        "{quantity} × {sku} cannot move out of {location}: only {available} are free there now. Nothing was moved; scan again",
    ),
    "move.not_expected": QT_TRANSLATE_NOOP(
        "Messages", "{code} is not part of a move: scan a location or an item"
    ),
    "move.invalid_scan": QT_TRANSLATE_NOOP("Messages", "bad barcode: {error}"),
    "move.refused": QT_TRANSLATE_NOOP("Messages", "the move stopped: {reason}"),
    "exception.load_twice": QT_TRANSLATE_NOOP(
        "Messages", "carton {carton} was loaded onto {first} and onto {unit}: find it"
    ),
    "exception.load_wrong_unit": QT_TRANSLATE_NOOP(
        "Messages",
        "carton {carton} went onto {unit}, which goes with {carrier}: move it to its carrier",
    ),
    "exception.pack_status": QT_TRANSLATE_NOOP(
        "Messages", "packed, but the order could not be marked packed: {error}"
    ),
    "exception.tote_conflict": QT_TRANSLATE_NOOP(
        "Messages", "tote {tote} is bound to another order too (pick list {pick_list_id})"
    ),
    "exception.reassigned_offline": QT_TRANSLATE_NOOP(
        "Messages",
        "{picked_by} picked {facts} time(s) on pick list {pick_list_id} while offline after it went to {now_with}: the picks count, the rest of the list stays with {now_with}",
    ),
    "exception.fact_failed": QT_TRANSLATE_NOOP(
        "Messages", "{fact} from {station} could not be applied: {error}"
    ),
    "exception.unknown_key": QT_TRANSLATE_NOOP(
        "Messages", "{key} names no exception: use exception:ID, late:REF or hold:REF"
    ),
    "exception.no_task": QT_TRANSLATE_NOOP(
        "Messages", "exception {id} names no pick task: acknowledge it with a note"
    ),
    "exception.ship_complete": QT_TRANSLATE_NOOP(
        "Messages",
        "{order} ships complete (its customer's terms): it cannot ship short. Reallocate the units, or cancel the order",
    ),
    "exception.nothing_outstanding": QT_TRANSLATE_NOOP(
        "Messages", "pick task {task} has nothing outstanding: acknowledge it instead"
    ),
    "exception.no_fact": QT_TRANSLATE_NOOP(
        "Messages", "exception {id} names no stored fact: acknowledge it instead"
    ),
    "exception.still_failing": QT_TRANSLATE_NOOP(
        "Messages",
        "{fact} still cannot be applied ({error}). Leave it open and call IT, or acknowledge it with a note.",
    ),
    "exception.refused": QT_TRANSLATE_NOOP(
        "Messages", "a {kind} item cannot be resolved by {resolution}: choose {allowed}"
    ),
    "exception.not_found": QT_TRANSLATE_NOOP("Messages", "exception {id} does not exist"),
    "exception.already_resolved": QT_TRANSLATE_NOOP(
        "Messages", "exception {id} is already resolved"
    ),
    "exception.lacks_line": QT_TRANSLATE_NOOP("Messages", "{sku}: {short} of {quantity} missing"),
    "exception.waiting_for_stock": QT_TRANSLATE_NOOP(
        "Messages", "{lines} — count or receive, then retry"
    ),
    "exception.no_other_location": QT_TRANSLATE_NOOP(
        "Messages",
        "no other location holds {quantity} free of {sku} that has not expired: backorder or cancel the line instead",
    ),
    "task.not_found": QT_TRANSLATE_NOOP("Messages", "pick task {id} does not exist"),
    "outcome.acknowledged": QT_TRANSLATE_NOOP("Messages", "acknowledged"),
    "outcome.next_collection": QT_TRANSLATE_NOOP(
        "Messages", "the parcel waits for the next collection"
    ),
    "outcome.parcel_pulled": QT_TRANSLATE_NOOP("Messages", "parcel taken off {unit}"),
    "outcome.hold_released": QT_TRANSLATE_NOOP(
        "Messages", "{order} goes to the next allocation run"
    ),
    "outcome.order_cancelled": QT_TRANSLATE_NOOP("Messages", "{order} cancelled"),
    "outcome.order_allocated": QT_TRANSLATE_NOOP("Messages", "{order} allocated"),
    "outcome.still_waiting": QT_TRANSLATE_NOOP(
        "Messages", "{order} still waits: {reason}. Count or receive first"
    ),
    "outcome.prioritised": QT_TRANSLATE_NOOP("Messages", "{order} is now priority {priority}"),
    "outcome.reallocated": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} to pick from {location}"
    ),
    "outcome.written_off": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} written off at {location}; the order ships without them"
    ),
    "outcome.line_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} cancelled from the order"
    ),
    "outcome.backordered": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} backordered; the order ships without them"
    ),
    "outcome.fact_applied": QT_TRANSLATE_NOOP("Messages", "{fact} applied"),
    "wave.capacity_too_small": QT_TRANSLATE_NOOP(
        "Messages", "capacity must be at least 1 order per cart, got {capacity}"
    ),
    "wave.max_weight_too_small": QT_TRANSLATE_NOOP(
        "Messages", "the weight limit per cart must be more than 0 kg (none: no limit), got {kg}"
    ),
    "wave.max_volume_too_small": QT_TRANSLATE_NOOP(
        "Messages", "the volume limit per cart must be more than 0 l (none: no limit), got {litres}"
    ),
    "slotting.bad_days": QT_TRANSLATE_NOOP(
        "Messages", "--days must be a whole number of days from 1 to {most}, found {days}"
    ),
    "sim.stock_refused": QT_TRANSLATE_NOOP(
        "Messages", "load test warehouse {code}: its stock was refused ({rows})"
    ),
    "transfer.no_lines": QT_TRANSLATE_NOOP(
        "Messages",
        "a transfer needs at least one --sku SKU --quantity N",
    ),
    "transfer.unknown_sku": QT_TRANSLATE_NOOP(
        "Messages",
        "unknown SKU {sku}: import it with import-products first",
    ),
    "transfer.no_site": QT_TRANSLATE_NOOP(
        "Messages",
        "warehouse {code} has no site settings: a transfer ships to its ship_from address (shipshape site --warehouse {code} --set FILE)",
    ),
    "transfer.no_carriers": QT_TRANSLATE_NOOP(
        "Messages",
        "warehouse {code} has no carriers in its site settings: it cannot ship (shipshape site --warehouse {code} --set FILE)",
    ),
    "transfer.unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "no transfer {transfer}: `shipshape transfers` lists them",
    ),
    "transfer.cancelled_already": QT_TRANSLATE_NOOP(
        "Messages",
        "transfer {transfer} is cancelled already",
    ),
    "transfer.shipped_already": QT_TRANSLATE_NOOP(
        "Messages",
        "transfer {transfer} has shipped (in transit or received): too late to cancel it",
    ),
    "transfer.picked_already": QT_TRANSLATE_NOOP(
        "Messages",
        "transfer {transfer} is picked already: too late to cancel it",
    ),
    "transfer.on_a_wave": QT_TRANSLATE_NOOP(
        "Messages",
        "transfer {transfer} is on a wave's pick lists: cancel that wave first (Board tab), then the transfer",
    ),
    "wave.no_layout": QT_TRANSLATE_NOOP(
        "Messages", "no layout imported yet: run `shipshape import-layout LAYOUT` first"
    ),
    "wave.nothing_to_plan": QT_TRANSLATE_NOOP(
        "Messages", "nothing to plan: no allocated orders that are not in a wave yet"
    ),
    "wave.orders_gone": QT_TRANSLATE_NOOP(
        "Messages",
        "wave not saved: since it was planned, each of its orders was cancelled or taken by another wave ({orders}); plan again",
    ),
    "wave.not_found": QT_TRANSLATE_NOOP("Messages", "wave {id} does not exist"),
    "wave.not_planned": QT_TRANSLATE_NOOP("Messages", "wave {id} is not a planned wave"),
    "wave.rebalance_not_released": QT_TRANSLATE_NOOP(
        "Messages", "wave {wave} is not released: only a released wave's carts are re-balanced"
    ),
    "wave.rebalance_no_gain": QT_TRANSLATE_NOOP(
        "Messages", "wave {wave}: re-batching its unstarted carts would not walk less"
    ),
    "wave.rebalance_stale": QT_TRANSLATE_NOOP(
        "Messages",
        "wave {wave}: pick list {id} was claimed or changed since the preview; nothing was "
        "changed — preview again",
    ),
    "wave.already_picked": QT_TRANSLATE_NOOP(
        "Messages",
        "wave {id}: {started} task(s) are already picked; hold the wave or reassign its lists instead of cancelling it",
    ),
    "wave.nothing_to_reassign": QT_TRANSLATE_NOOP(
        "Messages", "none of these pick lists is still open: nothing to reassign"
    ),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "no user called {name}"),
    "station.bad_login": QT_TRANSLATE_NOOP(
        "Messages",
        "'{login}' is not a database login name: lower-case letters, digits and _, at most 63",
    ),
    "station.login_elsewhere": QT_TRANSLATE_NOOP(
        "Messages",
        "this database login is registered for station {registered}, not {station}: start with --station {registered}, or ask the site owner to register a login for {station}",
    ),
    "station.login_not_registered": QT_TRANSLATE_NOOP(
        "Messages",
        "this database login may not write and is not registered for a station: the site owner runs `shipshape station-login {station} LOGIN` (docs/security.md)",
    ),
    "station.bad_name": QT_TRANSLATE_NOOP(
        "Messages",
        "'{station}' is not a station name: letters, digits, '.', '_' and '-', at most 60",
    ),
    "user.bad_role": QT_TRANSLATE_NOOP(
        "Messages", "role '{role}' must be one of picker, packer, loader, lead"
    ),
    "user.lead_pin_too_short": QT_TRANSLATE_NOOP(
        "Messages", "a lead needs a PIN of at least {digits} digits"
    ),
    "user.unlock_own_pin": QT_TRANSLATE_NOOP(
        "Messages", "a lead cannot unlock their own PIN: ask another lead"
    ),
    "user.lead_needs_lead": QT_TRANSLATE_NOOP(
        "Messages",
        "the site has a shift lead: creating or changing a lead needs a lead's --badge and --pin",
    ),
    "demo.site_has_leads": QT_TRANSLATE_NOOP(
        "Messages", "the site has shift leads already: the demo seeds a new site only"
    ),
    "user.badge_not_known": QT_TRANSLATE_NOOP("Messages", "Badge {badge} is not known."),
    "user.pin_unlocked": QT_TRANSLATE_NOOP("Messages", "PIN of badge {badge} unlocked"),
    "report.range_reversed": QT_TRANSLATE_NOOP(
        "Messages", "the range ends ({end}) before it starts ({start}): swap the two dates"
    ),
    "timeline.reason": QT_TRANSLATE_NOOP("Messages", "reason: {reason}"),
    "timeline.note": QT_TRANSLATE_NOOP("Messages", "note: {note}"),
    "timeline.pick_short": QT_TRANSLATE_NOOP("Messages", "{pick} (short {short})"),
    "exception.receipt_difference": QT_TRANSLATE_NOOP(
        "Messages", "receipt {receipt} from {supplier}: {lines}"
    ),
    "receipt.over": QT_TRANSLATE_NOOP(
        "Messages", "{sku}: {received} received, {expected} expected"
    ),
    "receipt.under": QT_TRANSLATE_NOOP("Messages", "{sku}: only {received} of {expected} received"),
    "receipt.unexpected": QT_TRANSLATE_NOOP(
        "Messages", "{sku}: {received} received, not on the receipt"
    ),
    "exception.receipt_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "{clerk} at {station} received against receipt {receipt_id}, which central does not know: check the delivery papers",
    ),
    "receive.not_a_clerk": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a {role}: only a stock clerk or a shift lead receives goods"
    ),
    "receive.unknown_badge": QT_TRANSLATE_NOOP("Messages", "badge {badge} is not known"),
    "receive.unknown_receipt": QT_TRANSLATE_NOOP(
        "Messages",
        "no receipt {receipt}: check the number on the delivery papers (import it with import-receipts)",
    ),
    "receive.receipt_closed": QT_TRANSLATE_NOOP(
        "Messages", "receipt {receipt} is closed: nothing more can be received on it"
    ),
    "receive.unknown_code": QT_TRANSLATE_NOOP(
        "Messages", "{code} is not an item of this site: check the barcode"
    ),
    "receive.unknown_location": QT_TRANSLATE_NOOP(
        "Messages", "no location {location}: check the location label"
    ),
    "receive.lot_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "{code} is {sku}, which needs its lot: scan the GS1 label with (10) lot, or add it as (10)LOT",
    ),
    "receive.refused": QT_TRANSLATE_NOOP(
        "Messages", "{code} was refused ({reason}): nothing was received"
    ),
    "dispatch.not_a_loader": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a {role}: only a loader or a shift lead loads parcels"
    ),
    "dispatch.unknown_badge": QT_TRANSLATE_NOOP("Messages", "badge {badge} is not known"),
    "dispatch.nothing_loaded": QT_TRANSLATE_NOOP(
        "Messages", "nothing is loaded for {carrier}: load parcels first, there is nothing to close"
    ),
    "dispatch.closed_already": QT_TRANSLATE_NOOP(
        "Messages",
        "{carrier} was closed already at {time} (manifest {manifest}) and nothing was loaded since: there is nothing to close",
    ),
    "dispatch.no_carrier": QT_TRANSLATE_NOOP(
        "Messages", "name the carrier to close (its code or name)"
    ),
    "dispatch.manifest_unknown": QT_TRANSLATE_NOOP("Messages", "no manifest {manifest}"),
    "dispatch.closed": QT_TRANSLATE_NOOP(
        "Messages",
        "{carrier} closed: manifest {manifest}, {parcels} parcels, {orders} orders shipped, {left} left behind",
    ),
    "short_reason.counted": QT_TRANSLATE_NOOP(
        "Messages",
        "a count found fewer than were reserved",
    ),
    "exception.count_variance": QT_TRANSLATE_NOOP(
        "Messages",
        "{location} counted twice with a variance: {lines}",
    ),
    "exception.count_variance_line": QT_TRANSLATE_NOOP(
        "Messages",
        "{sku}: expected {expected}, counted {first}, then {second}",
    ),
    "exception.count_unknown_location": QT_TRANSLATE_NOOP(
        "Messages",
        "{counted_by} counted location {location}, which is not known",
    ),
    "outcome.count_approved": QT_TRANSLATE_NOOP(
        "Messages",
        "{location}: stock set from the second count",
    ),
    "outcome.recount_ordered": QT_TRANSLATE_NOOP(
        "Messages",
        "{location}: to be counted again",
    ),
    "count.not_awaiting": QT_TRANSLATE_NOOP(
        "Messages",
        "count task {id} is not waiting for approval (it is {status})",
    ),
    "count.no_locations": QT_TRANSLATE_NOOP(
        "Messages",
        "no location from {first} to {last}: check the two codes",
    ),
    "count.bad_tolerance": QT_TRANSLATE_NOOP(
        "Messages",
        "a tolerance of {units} units and {pct} % is not possible: units from 0, per cent from 0 to 100",
    ),
    "labour.bad_standard": QT_TRANSLATE_NOOP(
        "Messages", "the labour standard was not saved: {problems}"
    ),
    "labour.too_few_lists": QT_TRANSLATE_NOOP(
        "Messages",
        "only {lists} finished pick list(s) since {since}: at least {needed} are needed to learn a labour standard",
    ),
    "count.not_a_clerk": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is a {role}: only a stock clerk or a shift lead counts",
    ),
    "count.unknown_badge": QT_TRANSLATE_NOOP(
        "Messages",
        "badge {badge} is not known",
    ),
    "count.unknown_location": QT_TRANSLATE_NOOP(
        "Messages",
        "location {location} is not known: scan the location's label",
    ),
    "count.unknown_product": QT_TRANSLATE_NOOP(
        "Messages",
        "{code} is not a product of this site: scan the product's barcode",
    ),
    "count.lot_needed": QT_TRANSLATE_NOOP(
        "Messages",
        "{sku} is lot-controlled: scan the GS1 label that carries the lot",
    ),
    "count.bad_scan": QT_TRANSLATE_NOOP(
        "Messages",
        "{code} cannot be read: {error}",
    ),
    "count.bad_times": QT_TRANSLATE_NOOP(
        "Messages",
        "{code}: the number after * must be a whole number from 1",
    ),
    "count.not_recorded": QT_TRANSLATE_NOOP(
        "Messages",
        "the count of {location} was not applied: nothing changed",
    ),
    "db.conflict": QT_TRANSLATE_NOOP(
        "Messages", "someone else changed this at the same time ({detail})"
    ),
    "event.order.received": QT_TRANSLATE_NOOP("Messages", "Order received from {channel}"),
    "event.order.on_hold": QT_TRANSLATE_NOOP("Messages", "Put on hold for a lead to check"),
    "event.order.allocated": QT_TRANSLATE_NOOP("Messages", "Stock reserved for the order"),
    "event.order.released": QT_TRANSLATE_NOOP("Messages", "Released to the floor for picking"),
    "event.order.picking": QT_TRANSLATE_NOOP("Messages", "Picking started"),
    "event.order.picked": QT_TRANSLATE_NOOP("Messages", "Every line picked"),
    "event.order.packed": QT_TRANSLATE_NOOP("Messages", "Packed"),
    "event.order.shipped": QT_TRANSLATE_NOOP("Messages", "Shipped"),
    "event.order.exception": QT_TRANSLATE_NOOP(
        "Messages", "Stopped: a lead decides what happens next"
    ),
    "event.order.cancelled": QT_TRANSLATE_NOOP("Messages", "Order cancelled"),
    "event.transfer.cancelled": QT_TRANSLATE_NOOP(
        "Messages",
        "Transfer {transfer} cancelled: its receipt at the receiving warehouse closed",
    ),
    "event.transfer.auto_made": QT_TRANSLATE_NOOP(
        "Messages",
        "Transfer {transfer} made by the system: pick face {face} had no reserve of {sku} in "
        "{to}, {quantity} come from {from}",
    ),
    "event.order.prioritised": QT_TRANSLATE_NOOP(
        "Messages", "Made urgent by a lead (priority {priority})"
    ),
    "event.exception.resolved": QT_TRANSLATE_NOOP(
        "Messages", "Problem {exception} closed by a lead ({resolution})"
    ),
    "event.tote.bound": QT_TRANSLATE_NOOP("Messages", "Tote {tote} put on the cart for this order"),
    "event.pick.confirmed": QT_TRANSLATE_NOOP(
        "Messages", "Picked {quantity} × {sku} at {location} into tote {tote}"
    ),
    "event.pick.short": QT_TRANSLATE_NOOP(
        "Messages", "Short at {location}: {sku}, {found} found, {shortfall} missing"
    ),
    "event.pick.skipped": QT_TRANSLATE_NOOP(
        "Messages", "Stop {location} skipped: moved to the end of the route"
    ),
    "event.pick.rerouted": QT_TRANSLATE_NOOP(
        "Messages", "Route re-planned from {start}: {distance_m} m left to walk"
    ),
    "event.pick.undone": QT_TRANSLATE_NOOP("Messages", "Pick undone: {quantity} unit(s) go back"),
    "event.picklist.claimed": QT_TRANSLATE_NOOP(
        "Messages", "Pick list {pick_list_id} taken by a picker"
    ),
    "event.picklist.finished": QT_TRANSLATE_NOOP("Messages", "Pick list finished"),
    "event.picklist.reassigned": QT_TRANSLATE_NOOP(
        "Messages", "Pick list {pick_list} given to {to}"
    ),
    "event.picklist.unassigned": QT_TRANSLATE_NOOP(
        "Messages", "Pick list {pick_list} taken back from its picker"
    ),
    "event.scan.refused": QT_TRANSLATE_NOOP("Messages", "Scan refused: {scanned}"),
    "event.pack.started": QT_TRANSLATE_NOOP("Messages", "Packing started"),
    "event.receipt.imported": QT_TRANSLATE_NOOP(
        "Messages", "Receipt {receipt_id} from {supplier} announced"
    ),
    "event.receipt.item_received": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} received on receipt {receipt_id}"
    ),
    "event.stock.put_away": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} put away at {location}"
    ),
    "event.receipt.closed": QT_TRANSLATE_NOOP("Messages", "Receipt {receipt_id} closed"),
    "event.dispatch.loaded": QT_TRANSLATE_NOOP(
        "Messages", "Carton {carton} loaded onto {unit} for {carrier}"
    ),
    "event.dispatch.unloaded": QT_TRANSLATE_NOOP("Messages", "Carton {carton} taken off {unit}"),
    "event.dispatch.refused": QT_TRANSLATE_NOOP(
        "Messages", "Scan refused at the dock: {raw} ({reason})"
    ),
    "event.dispatch.closed": QT_TRANSLATE_NOOP(
        "Messages", "{carrier} collection closed: manifest {manifest_id}, {parcels} parcels"
    ),
    "event.pack.item": QT_TRANSLATE_NOOP(
        "Messages", "Packed {quantity} × {sku} into carton {carton}"
    ),
    "event.pack.undone": QT_TRANSLATE_NOOP(
        "Messages", "Took {quantity} × {sku} out of carton {carton}"
    ),
    "event.pack.refused": QT_TRANSLATE_NOOP("Messages", "Scan refused at packing: {raw}"),
    "event.pack.override": QT_TRANSLATE_NOOP(
        "Messages", "Lead {lead} let the packer go on: {reason}"
    ),
    "event.package.closed": QT_TRANSLATE_NOOP(
        "Messages", "Carton {carton} closed at {weight_kg} kg"
    ),
    "event.label.printed": QT_TRANSLATE_NOOP("Messages", "Shipping label printed (SSCC {sscc})"),
    "event.label.reprinted": QT_TRANSLATE_NOOP(
        "Messages", "Shipping label printed again (SSCC {sscc})"
    ),
    "event.label.failed": QT_TRANSLATE_NOOP(
        "Messages", "Shipping label not printed on {printer}: {message}"
    ),
    "event.label.bought": QT_TRANSLATE_NOOP(
        "Messages", "Carrier {carrier} sold the awaited label: tracking {tracking_number}"
    ),
    "event.wave.planned": QT_TRANSLATE_NOOP("Messages", "Wave {wave} planned: {orders} order(s)"),
    "event.wave.released": QT_TRANSLATE_NOOP("Messages", "Wave {wave} released to the floor"),
    "event.wave.held": QT_TRANSLATE_NOOP("Messages", "Wave {wave} held"),
    "event.wave.resumed": QT_TRANSLATE_NOOP("Messages", "Wave {wave} resumed"),
    "event.wave.cancelled": QT_TRANSLATE_NOOP("Messages", "Wave {wave} cancelled"),
    "event.wave.topped_up": QT_TRANSLATE_NOOP(
        "Messages", "Wave {wave} topped up: {orders} order(s) joined its carts, +{added_m} m"
    ),
    "event.wave.rebalanced": QT_TRANSLATE_NOOP(
        "Messages", "Wave {wave} re-balanced: {before_m} m → {after_m} m walking"
    ),
    "event.wave.order_removed": QT_TRANSLATE_NOOP(
        "Messages", "Taken off planned wave {wave} (order cancelled)"
    ),
    "event.user.signed_in": QT_TRANSLATE_NOOP("Messages", "Signed in"),
    "event.picklist.claim_wanted": QT_TRANSLATE_NOOP(
        "Messages", "Asked central for the next pick list"
    ),
    "event.user.saved": QT_TRANSLATE_NOOP("Messages", "User {name} saved ({role})"),
    "event.user.pin_refused": QT_TRANSLATE_NOOP("Messages", "Wrong PIN for badge {badge}"),
    "event.user.pin_locked": QT_TRANSLATE_NOOP(
        "Messages", "PIN of {name} locked after too many wrong PINs"
    ),
    "event.user.pin_unlocked": QT_TRANSLATE_NOOP(
        "Messages", "PIN of badge {badge} unlocked by a lead"
    ),
    "event.user.warehouses_set": QT_TRANSLATE_NOOP("Messages", "Home warehouses of {name} set"),
    "event.station.login_registered": QT_TRANSLATE_NOOP(
        "Messages", "Database login {login} registered for station {station}"
    ),
    "event.stock.set": QT_TRANSLATE_NOOP("Messages", "Stock counted and set"),
    "event.stock.moved": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} moved from {from_location} to {to_location}"
    ),
    "event.pick_faces.set": QT_TRANSLATE_NOOP("Messages", "Pick faces set"),
    "event.pick_faces.moved": QT_TRANSLATE_NOOP(
        "Messages", "Pick face of {sku} moved from {from} to {to}"
    ),
    "event.slotting.tasks_created": QT_TRANSLATE_NOOP(
        "Messages", "Slotting: {relocations} moves proposed, tasks created"
    ),
    "event.stock.counted": QT_TRANSLATE_NOOP("Messages", "Location {location} counted"),
    "event.count.applied": QT_TRANSLATE_NOOP("Messages", "Count of {location} applied: {status}"),
    "event.count.scheduled": QT_TRANSLATE_NOOP("Messages", "Count tasks scheduled ({reason})"),
    "event.count.approved": QT_TRANSLATE_NOOP(
        "Messages", "Lead approved the variance of count task {count_task_id}"
    ),
    "event.count.recount_ordered": QT_TRANSLATE_NOOP(
        "Messages", "Lead ordered another count of count task {count_task_id}"
    ),
    "event.count.kept": QT_TRANSLATE_NOOP(
        "Messages", "Lead kept stock as it was for count task {count_task_id}"
    ),
    "event.count.tolerance_set": QT_TRANSLATE_NOOP(
        "Messages", "Count tolerance set: {max_units} units and {max_pct} %"
    ),
    "event.labour.standard_set": QT_TRANSLATE_NOOP(
        "Messages", "Labour standard set ({learnt_from} pick lists learnt from)"
    ),
    "event.site.layout_imported": QT_TRANSLATE_NOOP("Messages", "Layout {name} imported"),
    "event.site.products_imported": QT_TRANSLATE_NOOP("Messages", "{rows} product(s) imported"),
    "event.site.customers_imported": QT_TRANSLATE_NOOP(
        "Messages", "{rows} customer(s) imported or updated"
    ),
    "event.site.language_set": QT_TRANSLATE_NOOP("Messages", "Site language set"),
    "event.site.settings_set": QT_TRANSLATE_NOOP("Messages", "Site settings set"),
    "event.order.at_risk": QT_TRANSLATE_NOOP("Messages", "Predicted to miss its ship-by"),
    "event.integration.endpoints_set": QT_TRANSLATE_NOOP(
        "Messages", "Integration endpoints set: {names}"
    ),
    "event.integration.retried": QT_TRANSLATE_NOOP(
        "Messages", "Parked message {message} queued to send again"
    ),
    "event.integration.dropped": QT_TRANSLATE_NOOP("Messages", "Parked message {message} dropped"),
    "event.settings.review_rules_saved": QT_TRANSLATE_NOOP("Messages", "Order review rules saved"),
    "event.package_types.saved": QT_TRANSLATE_NOOP("Messages", "Carton types saved"),
    "timeline.shipment": QT_TRANSLATE_NOOP(
        "Messages", "Tracking {tracking} · {packages} package(s)"
    ),
    "timeline.typed_no_barcode": QT_TRANSLATE_NOOP(
        "Messages", "count typed: the product has no barcode"
    ),
    "timeline.tote_confirmed": QT_TRANSLATE_NOOP(
        "Messages", "tote not scanned: confirmed with the Confirm command"
    ),
    "returns.bad_decision": QT_TRANSLATE_NOOP(
        "Messages", "{decision} is not a decision: use one of {known}"
    ),
    "returns.restock_needs_location": QT_TRANSLATE_NOOP(
        "Messages",
        "quarantine item {id}: restocking needs the location the units go to: scan or type it",
    ),
    "returns.no_such_quarantine": QT_TRANSLATE_NOOP(
        "Messages", "no quarantine item {id}: reload the list"
    ),
    "returns.already_decided": QT_TRANSLATE_NOOP(
        "Messages", "quarantine item {id} is already {status} (by {by}): reload"
    ),
    "returns.unknown_location": QT_TRANSLATE_NOOP(
        "Messages", "location {location} does not exist: check the label"
    ),
    "returns.expired_restock": QT_TRANSLATE_NOOP(
        "Messages",
        "{sku} lot {lot} has expired: it cannot go back to stock; scrap it or return it to the supplier",
    ),
    "returns.decided.scrapped": QT_TRANSLATE_NOOP("Messages", "{quantity} × {sku} scrapped"),
    "returns.decided.returned_to_supplier": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} set aside to return to the supplier"
    ),
    "returns.decided.restocked": QT_TRANSLATE_NOOP(
        "Messages", "{quantity} × {sku} restocked at {location}"
    ),
    "event.quarantine.decided": QT_TRANSLATE_NOOP(
        "Messages", "Quarantined {quantity} × {sku}: {decision} by a lead"
    ),
    "event.order.partially_returned": QT_TRANSLATE_NOOP(
        "Messages", "Some units came back from the customer"
    ),
    "event.order.returned": QT_TRANSLATE_NOOP(
        "Messages", "Every shipped unit came back from the customer"
    ),
    "event.return.item_received": QT_TRANSLATE_NOOP(
        "Messages", "Returned {quantity} × {sku} ({condition}) to {location}"
    ),
    "event.return.closed": QT_TRANSLATE_NOOP("Messages", "Return of parcel {parcel} closed"),
    "event.return.received": QT_TRANSLATE_NOOP(
        "Messages", "Return received: {restocked} unit(s) back to stock ({status})"
    ),
    "event.rma.imported": QT_TRANSLATE_NOOP("Messages", "Return {rma} announced ({reason})"),
    "exception.return_flagged": QT_TRANSLATE_NOOP(
        "Messages",
        "returned parcel of {order}: {sku} (serial {serial}) {flag}; taken in as a wrong item, in quarantine",
    ),
    "exception.return_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "{clerk} at {station} returned items of order {channel}/{order_id}, which central does not know: check the parcel",
    ),
    "returns.flag.more_than_shipped": QT_TRANSLATE_NOOP(
        "Messages", "is more than the order shipped"
    ),
    "returns.flag.not_in_order": QT_TRANSLATE_NOOP("Messages", "was not in the order"),
    "returns.flag.serial_already_returned": QT_TRANSLATE_NOOP(
        "Messages", "has a serial already returned"
    ),
    "returns.flag.serial_not_shipped": QT_TRANSLATE_NOOP(
        "Messages", "has a serial that was not shipped on this order"
    ),
    "returns.item_flagged": QT_TRANSLATE_NOOP(
        "Messages", "{code} {flag}: nothing recorded; add :wrong_item to take it in as a wrong item"
    ),
    "returns.no_location": QT_TRANSLATE_NOOP(
        "Messages", "{code}: no location to put it back: give --to LOCATION"
    ),
    "returns.not_a_clerk": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a {role}; returns are received by a returns clerk"
    ),
    "returns.not_shipped": QT_TRANSLATE_NOOP(
        "Messages", "{code}: the order is {status}, not shipped: nothing recorded"
    ),
    "returns.refused": QT_TRANSLATE_NOOP(
        "Messages", "{code}: refused ({reason}): nothing recorded"
    ),
    "returns.serial_needed": QT_TRANSLATE_NOOP(
        "Messages",
        "{code}: {sku} needs its serial number: scan the GS1 code with (21), e.g. 01…21SERIAL",
    ),
    "returns.unknown_item": QT_TRANSLATE_NOOP(
        "Messages", "{code} is not a product barcode or SKU: nothing recorded"
    ),
    "returns.unknown_parcel": QT_TRANSLATE_NOOP(
        "Messages", "{code} is no tracking number, SSCC, RMA or order we shipped: nothing recorded"
    ),
    "warehouse.gone": QT_TRANSLATE_NOOP(
        "Messages", "warehouse {id} is no longer in the database: choose another"
    ),
    "sign_in.not_this_warehouse": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} works in {homes}, not in {here} where this station is: sign in at a station there, or ask a shift lead to add {here} to your warehouses",
    ),
    "exception.return_undo_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "{clerk} at {station} took back {quantity} × {sku} of order {order} ({location}), but {why}: nothing changed; settle it",
    ),
    "returns.undo_why.stock_moved": QT_TRANSLATE_NOOP(
        "Messages", "only {free} are free there now (picked or moved)"
    ),
    "returns.undo_why.decided": QT_TRANSLATE_NOOP(
        "Messages", "a lead decided its quarantine already"
    ),
    "returns.undo_why.closed": QT_TRANSLATE_NOOP(
        "Messages", "the parcel's return was closed already"
    ),
    "event.return.item_undone": QT_TRANSLATE_NOOP(
        "Messages", "Took back {quantity} × {sku} ({condition}) from {location}"
    ),
}


def _template(message: Message) -> str:
    source = SOURCE.get(message.id) or TEMPLATES.get(message.id)  # new ids: English
    if source is None:
        return message.id
    return QCoreApplication.translate(CONTEXT, source)


def message_text(message: Message | str) -> str:
    """The message in the installed language (a plain str is shown as it is)."""
    if not isinstance(message, Message):
        message = verbatim(str(message))
    separator = QCoreApplication.translate("Messages", "; ")  # between listed messages
    return render(message, _template, separator)


def error_text(exc: BaseException) -> str:
    """What to show for a failed action: our errors translated, others one short line."""
    if isinstance(exc, ShipshapeError):
        return message_text(exc.message)
    # One line, URLs redacted, control characters shown; the SQL and its data stay in the log.
    first_line = one_line_error(exc, limit=400) if str(exc).strip() else ""
    text = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
