"""app/waves."""
