"""The devices of one station, from settings: what app.bootstrap calls to start them.

settings = DeviceSettings.from_env()
links = start_devices(settings, on_scan=bridge.on_scan, on_weight=bridge.on_weight,
                      on_status=bridge.on_status)
...
stop_devices(links)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from devices.link import SerialLink, StatusCallback
from devices.scale import PROTOCOLS, SerialScale, WeightCallback
from devices.scanner import ScanCallback, SerialScanner


@dataclass(frozen=True)
class DeviceSettings:
    scanners: tuple[str, ...] = ()  # port specs: paths, /dev/serial/by-id/..., VID:PID, URLs
    scanner_baud: int = 9600
    gs1_separator: str | None = None
    scale: str | None = None
    scale_protocol: str = "sics"
    scale_baud: int = 9600

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> DeviceSettings:
        """SHIPSHAPE_SCANNERS (comma-separated ports), SHIPSHAPE_SCANNER_BAUD,
        SHIPSHAPE_GS1_SEPARATOR, SHIPSHAPE_SCALE, SHIPSHAPE_SCALE_PROTOCOL, SHIPSHAPE_SCALE_BAUD."""
        scanners = tuple(
            p.strip() for p in env.get("SHIPSHAPE_SCANNERS", "").split(",") if p.strip()
        )
        protocol = env.get("SHIPSHAPE_SCALE_PROTOCOL", "sics")
        if protocol not in PROTOCOLS:
            raise ValueError(
                f"SHIPSHAPE_SCALE_PROTOCOL={protocol!r}: use one of {', '.join(PROTOCOLS)}"
            )
        return cls(
            scanners=scanners,
            scanner_baud=_baud(env, "SHIPSHAPE_SCANNER_BAUD"),
            gs1_separator=env.get("SHIPSHAPE_GS1_SEPARATOR") or None,
            scale=env.get("SHIPSHAPE_SCALE") or None,
            scale_protocol=protocol,
            scale_baud=_baud(env, "SHIPSHAPE_SCALE_BAUD"),
        )


def _baud(env: Mapping[str, str], name: str) -> int:
    text = env.get(name, "9600")
    if not text.isdigit():
        raise ValueError(f"{name}={text!r}: give a baud rate such as 9600 or 115200")
    return int(text)


def start_devices(
    settings: DeviceSettings,
    *,
    on_scan: ScanCallback,
    on_weight: WeightCallback,
    on_status: StatusCallback,
) -> list[SerialLink]:
    """Start one reader thread per configured device; names are `scanner`, `scanner 2`, ...,
    `scale`. The callbacks run on the reader threads (pass ui.bridge.DeviceBridge methods)."""
    links: list[SerialLink] = []
    for number, port in enumerate(settings.scanners, start=1):
        name = "scanner" if number == 1 else f"scanner {number}"
        links.append(
            SerialScanner(
                port,
                on_scan,
                name=name,
                baudrate=settings.scanner_baud,
                on_status=on_status,
                gs1_separator=settings.gs1_separator,
            )
        )
    if settings.scale:
        links.append(
            SerialScale(
                settings.scale,
                on_weight,
                protocol=settings.scale_protocol,
                baudrate=settings.scale_baud,
                on_status=on_status,
            )
        )
    for link in links:
        link.start()
    return links


def stop_devices(links: list[SerialLink]) -> None:
    for link in links:
        link.stop(timeout=1.0)
