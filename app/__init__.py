"""Shipshape: the application layer (domain, use cases, wiring). No Qt, no SQL, no device I/O."""
