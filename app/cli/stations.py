"""Subcommands for stations and sync (filled in by the sync issue)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `shipshape` parser."""
