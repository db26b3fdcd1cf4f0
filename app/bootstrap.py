"""Composition root: builds the real adapters (database, devices, printers) from settings.

The one module of `app` that imports `db`, `devices` and `printing`.
"""
