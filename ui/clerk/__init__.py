"""The stock clerk's station: receive and put away, count, move (docs/stock.md)."""

from ui.clerk.home import ClerkHome, ClerkPage

__all__ = ["ClerkHome", "ClerkPage"]
