"""Imports every module that registers fact appliers (see app.services.facts).

One line per feature; keep the list sorted.
"""
