"""`shipshape transfer --from A --to B --sku SKU --quantity N [...]`, `shipshape transfer --cancel
TR-<n>` and `shipshape transfers`: stock sent from one warehouse to another (docs/stock.md, "Transfers"; docs/interfaces.md §15).
"""

from __future__ import annotations

import argparse

from app.bootstrap import open_central
from app.cli.admin import add_admin_options, admin_actor
from app.cli.common import add_database_option, emit_json, tell_none
from app.domain.fields import FieldProblem, shown
from app.errors import BadInput
from app.services import transfers


def register(sub: argparse._SubParsersAction) -> None:
    help = "send stock from one warehouse to another: an order at A, a receipt at B"
    p = sub.add_parser("transfer", help=help, description=help)
    add_database_option(p)
    add_admin_options(p)
    p.add_argument("--from", dest="source", metavar="CODE", help="ships it")
    p.add_argument("--to", dest="target", metavar="CODE", help="receives it")
    p.add_argument("--sku", action="append", default=[], help="a product (repeat per product)")
    p.add_argument(
        "--quantity", action="append", default=[], metavar="N", help="its units, per --sku"
    )
    p.add_argument("--carrier", help="one of the sending warehouse's carriers (default: first)")
    p.add_argument(
        "--cancel",
        metavar="TR-N",
        help="instead, cancel this transfer (open or allocated: nothing picked yet)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_transfer)
    help = "list transfers: open, allocated, picked, in transit, received"
    p = sub.add_parser("transfers", help=help, description=help)
    add_database_option(p)
    p.add_argument("--json", action="store_true", help="one JSON object per transfer")
    p.add_argument(
        "--propose",
        action="store_true",
        help="instead, the transfers pick faces with no reserve in their warehouse need",
    )
    p.set_defaults(func=_transfers)


def _lines(args) -> list[tuple[str, int]]:
    if len(args.sku) != len(args.quantity):
        raise BadInput("give one --quantity N for each --sku SKU, in the same order")
    lines = []
    for sku, quantity in zip(args.sku, args.quantity, strict=True):
        if not quantity.strip().isdigit():
            maximum = transfers.MAX_QUANTITY
            problem = "not_positive_integer"
            raise FieldProblem(problem, field="--quantity", value=shown(quantity), maximum=maximum)
        lines.append((sku, int(quantity)))
    return lines


def _transfer(args) -> int:
    if args.cancel is not None:
        return _cancel(args)
    if not (args.source and args.target):
        raise BadInput("give --from CODE and --to CODE (or --cancel TR-N)")
    lines = _lines(args)
    central = open_central(args.database)
    actor = admin_actor(args, central)
    made = transfers.create_transfer(
        central.uow(), args.source, args.target, lines, actor, args.carrier
    )
    if args.json:
        emit_json(made.record())
    else:
        units = sum(x.quantity for x in made.lines)
        print(
            f"transfer {made.transfer}: {units} units from {made.source} to {made.target} "
            f"({made.carrier}); `shipshape allocate` reserves them in {made.source}"
        )
    return 0


def _cancel(args) -> int:
    if args.source or args.target or args.sku or args.quantity or args.carrier:
        raise BadInput("--cancel TR-N takes no --from, --to, --sku, --quantity or --carrier")
    central = open_central(args.database)
    actor = admin_actor(args, central)
    _show(transfers.cancel_transfer(central.uow(), args.cancel, actor), args.json)
    return 0


def _transfers(args) -> int:
    if args.propose:
        return _proposals(args)
    listed = transfers.list_transfers(open_central(args.database).uow())
    if not listed:
        tell_none("no transfers", args.json)
    for made in listed:
        _show(made, args.json)
    return 0


def _show(made: transfers.Transfer, as_json: bool) -> None:
    """One transfer as `shipshape transfers` lists it (a JSON object with --json)."""
    if as_json:
        emit_json(made.record())
        return
    by_rule = f"  automatic: pick face {made.face} below its min" if made.made_by == "rule" else ""
    print(f"{made.transfer:<10} {made.source} → {made.target}  {made.status}{by_rule}")
    for x in made.lines:
        print(
            f"  {x.sku:<16} {x.quantity:>6}  shipped {x.shipped}  received {x.received}"
            f"  in transit {x.in_transit}"
        )


def _proposals(args) -> int:
    for proposal in transfers.proposals(open_central(args.database).uow()):
        if args.json:
            emit_json(proposal)
        else:
            print(f"pick face {proposal['face']} ({proposal['to']}) has no reserve: run")
            print(f"  {proposal['command']}")
    return 0
