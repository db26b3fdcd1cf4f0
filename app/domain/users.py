"""Users and roles. A user signs in by badge; leads also give a PIN."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    PICKER = "picker"
    PACKER = "packer"
    LEAD = "lead"


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    badge: str
    pin_hash: str | None = None
    active: bool = True
    id: int | None = None

    @property
    def needs_pin(self) -> bool:
        return self.role is Role.LEAD
