"""AIM symbology identifiers (ISO/IEC 15424): the `]Xm` prefix a scanner sends before the data.

We name the symbology so people and logs can read it, and we know which ones carry GS1 element
strings (FNC1 in first position) and which ones carry a bare GTIN.
"""

from __future__ import annotations

import re

# Names per code letter; a modifier may refine the name (below). Unlisted letters: not an AIM id.
_BY_LETTER = {
    "A": "CODE_39",
    "C": "CODE_128",
    "d": "DATAMATRIX",
    "E": "EAN_13",
    "e": "GS1_DATABAR",
    "F": "CODABAR",
    "G": "CODE_93",
    "H": "CODE_11",
    "I": "ITF",
    "J": "DOTCODE",
    "L": "PDF417",
    "M": "MSI",
    "Q": "QR_CODE",
    "R": "STRAIGHT_2_OF_5",
    "S": "STRAIGHT_2_OF_5",
    "U": "MAXICODE",
    "X": "OTHER",
    "z": "AZTEC",
}
_BY_LETTER_AND_MODIFIER = {
    "C1": "GS1_128",
    "d2": "GS1_DATAMATRIX",
    "d5": "GS1_DATAMATRIX",  # FNC1 in first position + ECI
    "Q3": "GS1_QR",
    "Q5": "GS1_QR",  # FNC1 in first position + ECI
    "E1": "EAN_2_ADDON",
    "E2": "EAN_5_ADDON",
    "E3": "EAN_13_ADDON",  # EAN-13 / UPC-A / UPC-E followed by its add-on digits
    "E4": "EAN_8",
    "I1": "ITF_14",  # ITF with its check digit checked: how GS1 sends ITF-14
    "e1": "GS1_COMPOSITE",
    "e2": "GS1_COMPOSITE",
    "J1": "GS1_DOTCODE",
    "z1": "GS1_AZTEC",  # not a GS1 standard yet, but some scanners send it
}

# Their data is a GS1 element string (AIs), optionally a GS1 Digital Link URI for 2D codes.
GS1_SYMBOLOGIES = frozenset(
    {"GS1_128", "GS1_DATAMATRIX", "GS1_QR", "GS1_DATABAR", "GS1_COMPOSITE", "GS1_DOTCODE"}
)
# Their data is a GTIN (EAN/UPC family).
EAN_SYMBOLOGIES = frozenset({"EAN_13", "EAN_13_ADDON", "EAN_8"})

_AIM = re.compile(r"\](?P<letter>[A-Za-z])(?P<modifier>[0-9A-Za-z])")


def split_symbology(text: str) -> tuple[str | None, str]:
    """Return (symbology name or None, data without the AIM prefix)."""
    match = _AIM.match(text)
    if not match or match["letter"] not in _BY_LETTER:
        return None, text
    key = match["letter"] + match["modifier"]
    name = _BY_LETTER_AND_MODIFIER.get(key, _BY_LETTER[match["letter"]])
    return name, text[match.end() :]
