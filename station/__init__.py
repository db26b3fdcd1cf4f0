"""The station's composition root: `build_station(settings)` wires one floor station.

It lives beside the adapters, not in `app/`: it is the one package that imports all of them
(db, devices, printing, ui) to put a station together, which the import contracts forbid to
the domain and use cases (pyproject.toml, docs/architecture.md).
"""

from station.root import Station, StationSettings, build_station

__all__ = ["Station", "StationSettings", "build_station"]
