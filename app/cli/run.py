"""`shipshape run`: the station application (what `make run` starts).

Only the command line: it parses the options and hands them to the station's composition root
(`station.build_station`), which opens the central database (seeding the demo site on first
start), builds the station and runs it until its window closes.
"""

from __future__ import annotations

import argparse
import os
import socket

from app.cli.common import add_database_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="open the station app (seeds the demo site on first start)")
    add_database_option(p)
    p.add_argument(
        "--station",
        default=os.environ.get("SHIPSHAPE_STATION") or socket.gethostname(),
        help="this station's name (default: $SHIPSHAPE_STATION or the host name)",
    )
    p.add_argument("--fullscreen", action="store_true", help="for a dedicated floor terminal")
    p.add_argument("--no-demo", action="store_true", help="do not seed an empty database")
    p.add_argument(
        "--station-store",
        metavar="PATH",
        default=os.environ.get("SHIPSHAPE_STATION_STORE"),
        help="work offline-first from this local store, synced with central (default: "
        "$SHIPSHAPE_STATION_STORE; without it pickers work on central directly)",
    )
    p.add_argument(
        "--warehouse",
        metavar="CODE",
        default=os.environ.get("SHIPSHAPE_WAREHOUSE"),
        help="this station's home warehouse: it sees that warehouse's locations, stock, "
        "receipts and pick lists alone, and its lead plans that warehouse's waves "
        "(default: $SHIPSHAPE_WAREHOUSE; without it, the first warehouse)",
    )
    p.set_defaults(func=_run)


def _run(args) -> int:
    from station import StationSettings, build_station

    settings = StationSettings(
        name=args.station,
        database=args.database,
        store_path=args.station_store,
        fullscreen=args.fullscreen,
        seed_demo=not args.no_demo,
        warehouse=args.warehouse,
    )
    return build_station(settings).run()
