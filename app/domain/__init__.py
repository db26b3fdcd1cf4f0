"""Plain dataclasses and rules. State machines live here."""
