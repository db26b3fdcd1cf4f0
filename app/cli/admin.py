"""Who runs an administrative command: a shift lead (badge + PIN) or the set-up identity.

Every command that changes users, rules, master data, stock, orders or waves takes a lead's
`--badge`/`--pin` (or $SHIPSHAPE_LEAD_BADGE/$SHIPSHAPE_LEAD_PIN); without them it runs as the
site's set-up identity — the owner of the central database, established by
db/setup_identity.py — or not at all. The events record which: the lead's name, or `setup` with
the operating-system user or database role (docs/setup.md).
"""

from __future__ import annotations

import argparse
import os

from app.bootstrap import Central
from app.domain.events import Actor
from app.domain.users import SetUp, User, actor_of
from app.errors import BadInput
from app.services import users

CLI_STATION = "cli"


def add_admin_options(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """`--badge`/`--pin`; `prefix="lead-"` where those name the user being saved (add-user)."""
    parser.add_argument(
        f"--{prefix}badge",
        dest="lead_badge",
        default=os.environ.get("SHIPSHAPE_LEAD_BADGE"),
        help="a shift lead's badge (or $SHIPSHAPE_LEAD_BADGE); without it, the command runs "
        "as the site's set-up identity (the database owner)",
    )
    parser.add_argument(
        f"--{prefix}pin",
        dest="lead_pin",
        default=os.environ.get("SHIPSHAPE_LEAD_PIN"),
        help="that lead's PIN (or $SHIPSHAPE_LEAD_PIN)",
    )


def administrator(args, central: Central) -> User | SetUp:
    """The lead whose badge and PIN were given (PIN lock applies), else the set-up identity;
    refuses (exit 1) when neither holds."""
    if args.lead_badge or args.lead_pin:
        if not (args.lead_badge and args.lead_pin):
            raise BadInput("give both a shift lead's badge and PIN")
        return users.authenticate_lead(central.uow(), args.lead_badge, args.lead_pin, CLI_STATION)
    return central.setup_identity()


def admin_actor(args, central: Central) -> Actor:
    return actor_of(administrator(args, central), CLI_STATION)
