"""Our own barcode contents: locations, totes, badges and command barcodes.

One place builds them, so the labels we print, the demo data and the interpreter agree. A code is
`<letter>:<value>`; the letter says what it is (docs/barcodes.md lists them all).
"""

from __future__ import annotations

LOCATION_PREFIX = "L:"
TOTE_PREFIX = "T:"
BADGE_PREFIX = "B:"
COMMAND_PREFIX = "C:"

# Commands a worker can give by scanning the command sheet (`shipshape command-sheet`), with what
# each one does on the picker and packer screens (docs/barcodes.md).
COMMANDS = {
    "CONFIRM": "Confirm the current pick or packed item",
    "SHORT": "Report the current pick short: not enough on the shelf",
    "NEXT": "Go to the next task / close the carton",
    "SKIP": "Put the current task at the end of the list",
    "UNDO": "Take back the last confirmed scan; returns: the last item taken from the parcel",
    "LOGOUT": "Sign out of this station",
    "WEIGH": "Take the scale weight now (packing station)",
    "CANCEL": "Leave the current dialog without changes",
    "NOT_FOUND": "Report the current pick short: the item is not at the location",
    "EMPTY": "Short pick reason: the location is empty",
    "DAMAGED": "Short pick reason: the items are damaged; returns: the item goes to quarantine",
    "WRONG_ITEM": "Short pick reason: a wrong item is in the location; returns: not the "
    "order's item, to quarantine",
    "REPRINT": "Print the last label again (packing station)",
    "PRINTER": "Choose the label printer (packing station)",
    "OVERRIDE": "Ask a lead to override (packing station)",
    "RECEIVE": "Stock station: receive a delivery and put it away",
    "COUNT": "Stock station: count a location",
    "MOVE": "Stock station: move stock from one location to another",
    "CLOSE": "Stock station: close the receipt or count in progress; returns: close the parcel",
    "RESELL": "Returns station: the item is fit to sell again, back to stock",
    "MISSING": "Returns station: an announced item is not in the parcel",
}

# The commands each role's screen takes, for the command sheet's sections (docs/barcodes.md).
COMMANDS_BY_ROLE = {
    "picker": (
        "CONFIRM",
        "SHORT",
        "NOT_FOUND",
        "SKIP",
        "UNDO",
        "NEXT",
        "CANCEL",
        "LOGOUT",
        "EMPTY",
        "DAMAGED",
        "WRONG_ITEM",
    ),
    "packer": ("CONFIRM", "NEXT", "WEIGH", "UNDO", "REPRINT", "PRINTER", "OVERRIDE", "LOGOUT"),
    "lead override": ("OVERRIDE", "CANCEL"),
    "loader": ("UNDO", "CANCEL", "LOGOUT"),  # the dock: take a parcel off, or don't
    "clerk": ("RECEIVE", "COUNT", "MOVE", "CLOSE", "CONFIRM", "UNDO", "CANCEL", "LOGOUT"),
    "returns": ("RESELL", "DAMAGED", "WRONG_ITEM", "MISSING", "UNDO", "CLOSE", "CANCEL", "LOGOUT"),
}

# Content after the prefix: printable ASCII that Code 128 encodes, no spaces.
_ALLOWED = {chr(c) for c in range(0x21, 0x7F)}

KIND_BY_PREFIX = {
    LOCATION_PREFIX: "location",
    TOTE_PREFIX: "tote",
    BADGE_PREFIX: "badge",
    COMMAND_PREFIX: "command",
}


def _build(prefix: str, value: str, what: str) -> str:
    value = str(value).strip()
    if not value:
        raise ValueError(f"a {what} barcode needs a non-empty {what} code")
    bad = sorted({ch for ch in value if ch not in _ALLOWED})
    if bad:
        raise ValueError(
            f"{what} code {value!r} contains {''.join(bad)!r}: use letters, digits and - . / _ only"
        )
    return prefix + value


def location_barcode(code: str) -> str:
    """`L:A01-001-L-1` for location `A01-001-L-1`."""
    return _build(LOCATION_PREFIX, code, "location")


def tote_barcode(code: str) -> str:
    """`T:0001` for tote `0001`."""
    return _build(TOTE_PREFIX, code, "tote")


def badge_barcode(badge: str) -> str:
    """`B:1001` for badge `1001`."""
    return _build(BADGE_PREFIX, badge, "badge")


def command_barcode(name: str) -> str:
    """`C:CONFIRM` for the CONFIRM command; raises ValueError for a command we do not know."""
    name = str(name).strip().upper()
    if name not in COMMANDS:
        raise ValueError(f"unknown command {name!r}: known commands are {', '.join(COMMANDS)}")
    return COMMAND_PREFIX + name
