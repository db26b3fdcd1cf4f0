"""The stock clerk's station: receive and put away, count, move (docs/stock.md)."""

from ui.clerk.home import ClerkHome, ClerkPage
from ui.clerk.moving import MovePage

__all__ = ["ClerkHome", "ClerkPage", "MovePage"]
