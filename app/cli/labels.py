"""`shipshape label` (docs/interfaces.md §5), `shipshape printers` and `shipshape print-sheets`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.cli.common import emit_json
from app.domain.shipment_label import LANGUAGES, ShipmentLabel, parse_shipment
from app.domain.sscc import allocate_sscc, validate_company_prefix
from app.errors import BadInput


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `shipshape` parser."""
    _add_label_command(sub)
    printers = sub.add_parser("printers", help="list the print queues the system spooler knows")
    printers.add_argument("--json", action="store_true")
    printers.set_defaults(func=run_printers)

    sheets = sub.add_parser(
        "print-sheets",
        help="batch PDF of location, tote or badge labels to stick on racks and totes",
    )
    sheets.add_argument("kind", choices=("locations", "totes", "badges", "units", "carriers"))
    sheets.add_argument(
        "source",
        metavar="SOURCE",
        help="locations: a layout file (docs/interfaces.md §1); totes: a range such as 1-200 or a "
        "file with one code per line; badges: the JSON lines of `shipshape users --json`; units, "
        "carriers: codes separated by commas (CAGE-01,CAGE-02 or SF,DHL) or a file with one per "
        "line",
    )
    sheets.add_argument("--out", required=True, metavar="FILE")
    sheets.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    sheets.set_defaults(func=run_print_sheets)


def _add_label_command(sub: argparse._SubParsersAction) -> None:
    label = sub.add_parser(
        "label", help="render a shipping label (PDF or ZPL) from a shipment file"
    )
    label.add_argument("shipment", metavar="SHIPMENT", help="shipment JSON (docs/interfaces.md §5)")
    label.add_argument("--format", choices=("pdf", "zpl"), required=True)
    label.add_argument("--out", required=True, metavar="FILE", help="where to write the label")
    label.add_argument("--size", choices=("4x6", "100x150"), default="4x6")
    label.add_argument(
        "--language",
        choices=LANGUAGES,
        help='language of the printed captions (default: the shipment\'s "language", else en)',
    )
    label.add_argument(
        "--dpi", type=int, choices=(203, 300), default=203, help="printer resolution"
    )
    label.add_argument(
        "--gs1-prefix",
        default=os.environ.get("SHIPSHAPE_GS1_PREFIX"),
        help="GS1 company prefix for allocating an SSCC when the shipment has none "
        "(default: $SHIPSHAPE_GS1_PREFIX; without one, the label has no SSCC barcode)",
    )
    label.add_argument(
        "--sscc-extension",
        default=os.environ.get("SHIPSHAPE_SSCC_EXTENSION", "0"),
        help="SSCC extension digit 0-9 (default: $SHIPSHAPE_SSCC_EXTENSION or 0)",
    )
    label.add_argument(
        "--sscc-counter",
        default=os.environ.get("SHIPSHAPE_SSCC_COUNTER"),
        metavar="FILE",
        help="file holding the last SSCC serial handed out "
        "(default: $SHIPSHAPE_SSCC_COUNTER, else sscc-serial in the user data folder)",
    )
    label.add_argument("--json", action="store_true", help="print what was written as JSON")
    label.set_defaults(func=run_label)


def run_label(args: argparse.Namespace) -> int:
    from printing.labels import render_label_pdf, render_label_zpl

    label = _load_shipment(args.shipment)
    if label.sscc is None:
        label = _with_allocated_sscc(label, args)
    if args.language:
        label = replace(label, language=args.language)
    render = render_label_pdf if args.format == "pdf" else render_label_zpl
    data = render(label, size=args.size, dpi=args.dpi)
    _write(Path(args.out), data)
    if args.json:
        emit_json(
            {
                "out": args.out,
                "format": args.format,
                "size": args.size,
                "dpi": args.dpi,
                "tracking_number": label.tracking_number,
                "sscc": label.sscc,
                "bytes": len(data),
            }
        )
    return 0


def _load_shipment(path: str) -> ShipmentLabel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BadInput(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return parse_shipment(data, source=path)


def _with_allocated_sscc(label: ShipmentLabel, args: argparse.Namespace) -> ShipmentLabel:
    if not args.gs1_prefix:
        print(
            "shipshape label: note: no sscc in the shipment and no GS1 company prefix configured "
            "(--gs1-prefix or SHIPSHAPE_GS1_PREFIX): label printed without an SSCC barcode",
            file=sys.stderr,
        )
        return label
    from printing.serial_counter import FileSerialCounter

    prefix = validate_company_prefix(args.gs1_prefix)
    counter = FileSerialCounter(args.sscc_counter or _default_counter_path())
    return label.with_sscc(allocate_sscc(prefix, args.sscc_extension, counter))


def _default_counter_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("shipshape")) / "sscc-serial"


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file so a reader never sees half a label."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except FileNotFoundError as exc:
        raise BadInput(f"--out {path}: folder {path.parent} does not exist") from exc


def run_printers(args: argparse.Namespace) -> int:
    from printing.transports.cups import list_printers

    for printer in list_printers():
        if args.json:
            emit_json({"name": printer.name, "state": printer.state, "default": printer.default})
        else:
            mark = "*" if printer.default else " "
            print(f"{mark} {printer.name}  {printer.state}")
    return 0


def run_print_sheets(args: argparse.Namespace) -> int:
    from printing.sheets import (
        badge_sheet,
        carrier_sheet,
        location_sheet,
        read_codes,
        tote_sheet,
        unit_sheet,
    )

    codes = read_codes(args.kind, args.source)
    sheets: dict[str, Callable[..., bytes]] = {
        "locations": location_sheet,
        "totes": tote_sheet,
        "badges": badge_sheet,
        "units": unit_sheet,
        "carriers": carrier_sheet,
    }
    build = sheets[args.kind]
    _write(Path(args.out), build(codes, paper=args.paper))
    return 0
