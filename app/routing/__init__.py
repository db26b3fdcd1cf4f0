"""app/routing."""
