"""`scan-parse`, `scan-listen` and `command-sheet` (docs/interfaces.md §4, docs/scanners.md)."""

from __future__ import annotations

import argparse
import queue
import sys

from app.cli.common import emit_json
from app.errors import BadInput
from app.scanning.interpret import Scan, describe_scan, interpret


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `shipshape` parser."""
    parse = sub.add_parser(
        "scan-parse",
        help="interpret one scanned string (GS1, EAN/UPC, our own codes)",
        description="Interpret TEXT exactly as a scan from a scanner would be interpreted.",
    )
    parse.add_argument("text", metavar="TEXT", help="the scan, e.g. ']C10109501101020917'")
    _add_interpretation_options(parse)
    parse.set_defaults(func=scan_parse)

    listen = sub.add_parser(
        "scan-listen",
        help="print every scan from a serial scanner until interrupted",
        description="Read a serial scanner and print one line per scan. When the port "
        "disappears, say so on stderr, wait for it to come back and go on.",
    )
    listen.add_argument(
        "port",
        metavar="PORT",
        help="device path (/dev/ttyACM0, /dev/serial/by-id/...), USB id VID:PID, "
        "or a pyserial URL (socket://host:port, loop://)",
    )
    listen.add_argument("--baud", type=int, default=9600, help="baud rate (default 9600)")
    listen.add_argument(
        "--dedupe-ms",
        type=float,
        default=0.0,
        help="count the same code within this many ms once (default 0: show every scan)",
    )
    _add_interpretation_options(listen)
    listen.set_defaults(func=scan_listen)

    sheet = sub.add_parser(
        "command-sheet",
        help="print a PDF sheet of the command barcodes, a section per role (picker, packer, lead override)",
    )
    sheet.add_argument("--out", metavar="FILE", required=True, help="PDF file to write")
    sheet.set_defaults(func=command_sheet)


def _add_interpretation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per scan")
    parser.add_argument(
        "--gs1-separator",
        metavar="CHAR",
        help="a character the scanner sends instead of ASCII 29 (GS) between GS1 fields",
    )


def _separator(args: argparse.Namespace) -> str | None:
    separator = args.gs1_separator
    if separator is not None and len(separator) != 1:
        raise BadInput(f"--gs1-separator {separator!r}: give exactly one character, e.g. '~'")
    return separator


def _print_scan(scan: Scan, as_json: bool) -> None:
    if as_json:
        emit_json(scan.to_dict())
    else:
        print(describe_scan(scan), flush=True)


def scan_parse(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise BadInput(
            "TEXT is empty: give the scanned string, e.g. shipshape scan-parse 4006381333931"
        )
    _print_scan(interpret(args.text, gs1_separator=_separator(args)), args.json)
    return 0


def scan_listen(args: argparse.Namespace) -> int:
    from devices.ports import check_port_spec  # only this command needs pyserial
    from devices.scanner import SerialScanner

    separator = _separator(args)
    if args.baud <= 0:
        raise BadInput(f"--baud {args.baud}: give the scanner's baud rate, e.g. 9600")
    try:
        check_port_spec(args.port)
    except ValueError as exc:
        raise BadInput(str(exc)) from exc
    events: queue.Queue = queue.Queue()  # the reader thread puts, this (main) thread prints
    scanner = SerialScanner(
        args.port,
        lambda scan: events.put(("scan", scan)),
        baudrate=args.baud,
        on_status=lambda _device, message: events.put(("status", message)),
        gs1_separator=separator,
        duplicate_window_s=max(args.dedupe_ms, 0.0) / 1000.0,
    )
    scanner.start()
    try:
        while True:
            kind, payload = events.get()
            if kind == "scan":
                _print_scan(payload, args.json)
            else:
                _report_status(args.port, payload)
    except KeyboardInterrupt:
        return 0
    finally:
        scanner.stop(timeout=1.0)


def _report_status(port: str, message: str) -> None:
    state, _, detail = message.partition(": ")
    text = {
        "connected": f"listening on {port}",
        "reconnected": f"{port} is back: listening again",
        "disconnected": f"scanner disconnected: {port} disappeared ({detail}); "
        "waiting for it to come back",
        "waiting": f"waiting for {port}: {detail}",
    }.get(state, message)
    print(f"shipshape scan-listen: {text}", file=sys.stderr, flush=True)


def command_sheet(args: argparse.Namespace) -> int:
    from printing.command_sheet import write_command_sheet

    try:
        write_command_sheet(args.out)
    except OSError as exc:
        raise BadInput(f"{args.out}: cannot write the sheet ({exc.strerror})") from exc
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
