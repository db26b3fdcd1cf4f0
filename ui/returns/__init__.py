"""The returns clerk's station (docs/returns.md)."""
