"""Subcommands (filled in by their issue)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `shipshape` parser."""
