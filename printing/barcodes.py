"""Barcode symbols as module patterns, sized in whole printer dots.

A symbol is a string of modules ('1' bar, '0' space) without quiet zones. The layouts (PDF and
ZPL) place it so that every module is a whole number of printer dots at the target resolution:
a bar of 2.4 dots would be printed as 2 or 3 and the scanner would misread the widths.
"""

from __future__ import annotations

from dataclasses import dataclass

from barcode.charsets.code128 import CODES, START_CODES, STOP

from app.domain.gs1 import check_digit, has_valid_check_digit
from app.errors import BadInput

QUIET_MODULES = 10  # Code 128 / GS1-128 quiet zone on each side, in modules (ISO/IEC 15417)
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Symbol:
    modules: str
    human_text: str  # the line printed under the bars

    @property
    def width_with_quiet_zones(self) -> int:
        return len(self.modules) + 2 * QUIET_MODULES

    def bar_runs(self) -> list[tuple[int, int]]:
        """(start module, run length) of each bar."""
        runs, start = [], None
        for i, m in enumerate(self.modules + "0"):
            if m == "1" and start is None:
                start = i
            elif m == "0" and start is not None:
                runs.append((start, i - start))
                start = None
        return runs


FNC1 = 102  # Code 128 symbol value of FNC1 (in every subset)
CODE_B = 100  # in subset C: switch to subset B


def code128(data: str, field: str = "tracking_number") -> Symbol:
    """Code 128 of exactly `data` (printable ASCII), or BadInput naming the field.

    Leading digits in subset C, the rest in B (see `subset_c_prefix`), so that the ZPL we send
    and the PDF we draw are the very same bars.
    """
    if not data or any(not " " <= ch <= "~" for ch in data):
        raise BadInput(f"{field}: Code 128 cannot encode {data!r}; use printable ASCII only")
    return Symbol(modules=_encode(data), human_text=data)


def gs1_128_sscc(sscc: str) -> Symbol:
    """GS1-128 of AI (00) + SSCC: Start C, FNC1, then the 20 digits in subset C."""
    if len(sscc) != 18 or not has_valid_check_digit(sscc):
        raise BadInput(f"sscc: {sscc!r} is not 18 digits with a valid check digit")
    return Symbol(modules=_encode("00" + sscc, fnc1=True), human_text=f"(00) {sscc}")


def subset_c_prefix(data: str) -> int:
    """How many leading characters go in subset C; the rest follows in subset B.

    C takes an even run of leading digits: all of `data` when it is an even number (2+) of
    digits, else a run of at least 4 that leaves 2+ characters for B. Only this start-C-then-B
    shape is used: ZPL writes it `>;digits>6rest`, which printers and the offline renderer read
    alike (the renderer mis-reads a switch *to* C, `>5`, and drops a lone character after `>6`).
    """
    run = len(data) - len(data.lstrip("0123456789"))
    even = run - run % 2
    if even == len(data):
        return even if even >= 2 else 0
    if len(data) - even < 2:
        even -= 2
    return even if even >= 4 else 0


def _encode(data: str, fnc1: bool = False) -> str:
    c_len = subset_c_prefix(data)
    start = START_CODES["C"] if c_len else START_CODES["B"]
    values = [int(data[i : i + 2]) for i in range(0, c_len, 2)]
    if c_len and c_len < len(data):
        values.append(CODE_B)
    values += [ord(ch) - 32 for ch in data[c_len:]]
    if fnc1:
        values.insert(0, FNC1)
    checksum = (start + sum(i * v for i, v in enumerate(values, start=1))) % 103
    # python-barcode keeps the final 2-module termination bar apart from STOP.
    return "".join(CODES[v] for v in [start, *values, checksum]) + STOP + "11"


def validated_ean13(code: str, field: str = "gtin") -> str:
    """python-barcode silently replaces a wrong EAN check digit; we refuse instead."""
    if len(code) != 13 or not code.isdigit():
        raise BadInput(f"{field}: EAN-13 needs 13 digits, got {code!r}")
    if not has_valid_check_digit(code):
        raise BadInput(
            f"{field}: {code} has a wrong check digit (expected {check_digit(code[:-1])}); "
            "check the number rather than printing a code that scans as another product"
        )
    return code


def module_dots(
    symbol: Symbol, available_dots: int, preferred: tuple[int, ...], field: str = "barcode"
) -> int:
    """The widest whole-dot module (from `preferred`, widest first) that fits with quiet zones."""
    for dots in preferred:
        if symbol.width_with_quiet_zones * dots <= available_dots:
            return dots
    raise BadInput(
        f"{field}: barcode of {symbol.human_text!r} needs {symbol.width_with_quiet_zones} modules: too wide "
        f"for {available_dots} printer dots at {min(preferred)} dots per module; shorten it"
    )


def preferred_module_dots(dpi: int, target_mm: float, min_mm: float) -> tuple[int, ...]:
    """Whole-dot module widths from about `target_mm` down to no less than `min_mm`."""
    dot_mm = MM_PER_INCH / dpi
    widest = max(1, round(target_mm / dot_mm))
    narrowest = max(1, -(-min_mm // dot_mm))
    return tuple(range(widest, int(narrowest) - 1, -1)) or (widest,)
