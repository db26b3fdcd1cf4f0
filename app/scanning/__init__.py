"""app/scanning."""
