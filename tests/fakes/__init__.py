"""In-memory adapters for fast use-case tests (no database)."""
