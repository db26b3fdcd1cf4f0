"""`shipshape station-login` and `shipshape apply-facts`: the station's narrow door on
PostgreSQL (docs/security.md).

A station logs in with its own login in the `shipshape_station` role and hands its facts to
`shipshape_submit_facts()`, which queues them in `fact_inbox`; `apply-facts`, run with the
owner's login on the central server, applies them. `station-login` ties a login to a station.
"""

from __future__ import annotations

import argparse
import signal

from app.bootstrap import open_central, redacted
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
    p = sub.add_parser(
        "apply-facts",
        help="apply the facts station logins queued (run one, with the owner's login)",
        description="Applies, in the order they arrived, the facts that stations logged in "
        "with a station login handed to central (PostgreSQL). Runs until stopped (Ctrl-C or "
        "SIGTERM), woken by each push; --once applies what is queued and exits.",
    )
    p.add_argument("--once", action="store_true", help="apply what is queued now, then exit")
    add_database_option(p)
    p.set_defaults(func=_apply_facts)


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


def _apply_facts(args) -> int:
    from db.fact_inbox import InboxApplier

    central = open_central(args.database)
    if central.engine.dialect.name != "postgresql":
        print("apply-facts: nothing to do on SQLite (stations apply their facts as they push)")
        return 0
    applier = InboxApplier(central.engine)
    if args.once:
        print(f"apply-facts: {applier.apply_queued()} fact(s) applied")
        return 0
    signal.signal(signal.SIGTERM, lambda *_: applier.stop())
    print(f"apply-facts: applying station facts on {redacted(central.url)} (Ctrl-C stops)")
    try:
        applier.run()
    except KeyboardInterrupt:
        applier.stop()
    return 0
