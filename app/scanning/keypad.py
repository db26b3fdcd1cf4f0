"""A number typed on the keyboard or a keypad outside any text field (pure, no Qt).

A person's keys that no text field takes (ui/wedge.py hands them here) are held as a number until
Enter; then the whole number goes to the step that expects one (a quantity, a weight, a count or
a serial), whatever has the focus. Any other key drops what was typed: it was no number.
"""

from __future__ import annotations

NUMBER_KEYS = frozenset("0123456789.,")
ENTER = "\r"


class KeypadNumber:
    def __init__(self) -> None:
        self._typed = ""

    def feed(self, key: str) -> tuple[bool, str | None]:
        """(whether the key was taken, the number once Enter ends it)."""
        if key in NUMBER_KEYS:
            self._typed += key
            return True, None
        if key == ENTER and self._typed:
            number, self._typed = self._typed, ""
            return True, number
        self._typed = ""
        return False, None

    def reset(self) -> None:
        self._typed = ""
