"""`shipshape station-login` and `shipshape apply-facts`: the station's narrow door on
PostgreSQL (docs/security.md).

A station logs in with its own login in the `shipshape_station` role and hands its facts to
`shipshape_submit_facts()`, which queues them in `fact_inbox`; `apply-facts`, run with the
owner's login on the central server, applies them. `station-login` ties a login to a station.
"""

from __future__ import annotations

import argparse

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json
from app.services import sync


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "station-login",
        help="let a PostgreSQL login speak for one station (the site owner runs this)",
        description="Registers LOGIN (a member of shipshape_station, see docs/security.md) as "
        "the only login that may record facts for STATION, and gives the station a new secret "
        "for its PIN checks. Without arguments: lists the registered logins.",
    )
    p.add_argument("station", nargs="?", metavar="STATION")
    p.add_argument("login", nargs="?", metavar="LOGIN")
    p.add_argument("--json", action="store_true", help="one JSON object per login (listing)")
    add_admin_options(p)
    add_database_option(p)
    p.set_defaults(func=_station_login)


def _station_login(args) -> int:
    central = open_central(args.database)
    if args.station is None:
        for row in sync.station_logins(central.uow()):
            emit_json(row) if args.json else print(f"{row['station']}\t{row['login']}")
        return 0
    if args.login is None:
        raise SystemExit("shipshape station-login: give STATION and LOGIN (or neither, to list)")
    sync.register_station_login(central.uow(), args.login, args.station, admin_actor(args, central))
    print(f"login {args.login} now speaks for station {args.station}")
    return 0
