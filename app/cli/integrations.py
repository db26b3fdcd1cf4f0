"""`shipshape integrations` (endpoints, queue status, parked messages) and `shipshape integrate`
(the dispatcher): docs/interfaces.md §12, docs/integrations.md. CLI-only reports, in English."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from app.bootstrap import Central, integration_senders, integration_store, open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json
from app.domain.events import utcnow
from app.domain.fields import parse_json
from app.domain.integration_endpoints import parse_endpoints
from app.services import integrate
from app.services.order_files import read_text_file


def register(sub: argparse._SubParsersAction) -> None:
    help_text = "show or set the integration endpoints; the queue; retry or drop parked messages"
    parser = sub.add_parser("integrations", help=help_text, description=help_text)
    add_database_option(parser)
    add_admin_options(parser)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--set", metavar="FILE", type=Path, help="replace the endpoints")
    action.add_argument("--status", action="store_true", help="queue depth per endpoint")
    action.add_argument("--parked", action="store_true", help="list the parked messages")
    action.add_argument("--retry", metavar="ID", help="send a parked message again (a lead)")
    action.add_argument("--drop", metavar="ID", help="give up a parked message (a lead)")
    parser.add_argument("--endpoint", metavar="NAME", help="--retry/--drop for this one only")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(func=_integrations)

    help_text = "deliver the integration outbox to its endpoints until stopped"
    parser = sub.add_parser("integrate", help=help_text, description=help_text)
    add_database_option(parser)
    parser.add_argument("--once", action="store_true", help="stop when nothing is due")
    parser.add_argument("--batch", type=int, default=200, help="messages claimed per round")
    parser.add_argument("--workers", type=int, default=8, help="messages sent at once")
    parser.set_defaults(func=_integrate)


def _integrations(args) -> int:
    central = open_central(args.database)
    try:
        if args.set is not None:
            return _set(args, central)
        if args.retry or args.drop:
            return _settle(args, central)
        if args.status:
            return _show(integration_store(central).status(utcnow()), args.json, _status_line)
        if args.parked:
            return _show(integration_store(central).parked(), args.json, _parked_line)
        endpoints = integration_store(central).endpoints()
    finally:
        central.close()
    document = {"endpoints": [endpoint.document() for endpoint in endpoints]}
    if args.json:
        emit_json(document)  # secrets shown as "***", never printed
    else:
        for endpoint in document["endpoints"]:
            target = endpoint.get("url") or endpoint.get("folder")
            print(f"{endpoint['name']}: {endpoint['kind']} {target}")
    return 0


def _set(args, central: Central) -> int:
    document = parse_json(read_text_file(args.set))
    parse_endpoints(document)  # a bad file says so before anyone is asked who they are
    actor = admin_actor(args, central)
    saved = integrate.set_endpoints(integration_store(central), document, actor)
    print(f"{len(saved)} integration endpoint(s) set", file=sys.stderr)
    return 0


def _settle(args, central: Central) -> int:
    message_id, retry = (args.retry, True) if args.retry else (args.drop, False)
    actor = admin_actor(args, central)
    changed = integrate.settle_parked(
        integration_store(central), message_id, args.endpoint, retry, actor
    )
    if not changed:
        print(f"shipshape integrations: no parked message {message_id}", file=sys.stderr)
        return 2
    verb = "queued again" if retry else "dropped"
    print(f"message {message_id} {verb} for {changed} endpoint(s)", file=sys.stderr)
    return 0


def _show(rows: list[dict], as_json: bool, line) -> int:
    for row in rows:
        emit_json(row) if as_json else print(line(row))
    return 0


def _status_line(row: dict) -> str:
    return (
        f"{row['endpoint']}: {row['waiting']} waiting ({row['due']} due), {row['parked']} parked,"
        f" {row['delivered']} delivered, last {row['last_delivery'] or 'never'}"
    )


def _parked_line(row: dict) -> str:
    return (
        f"{row['endpoint']} {row['id']} {row['kind']} {row['order'] or '-'} after {row['tries']}:"
        f" {row['last_error']}"
    )


def _integrate(args) -> int:
    central = open_central(args.database)
    stop = threading.Event()
    # SIGTERM (a service manager) stops after the round in flight; kill -9 loses nothing either.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    dispatcher = integrate.Dispatcher(
        integration_store(central),
        integration_senders(),
        batch=max(1, args.batch),
        workers=max(1, args.workers),
    )
    try:
        dispatcher.run(stop, once=args.once)
    except KeyboardInterrupt:
        stop.set()
    finally:
        central.close()
    return 0
