"""Seeded layouts and pick lists for tests and benchmarks (no files needed)."""

from __future__ import annotations

import random

from app.routing.layout import Layout, load_layout


def grid_layout(
    aisles: int = 10,
    blocks: int = 1,
    bays: int = 30,
    depot: str = "corner",
    aisle_gap: float = 4.0,
    bay_depth: float = 1.0,
    levels: int = 1,
) -> Layout:
    """A regular layout: `bays` bays per side per block, 2 m cross aisles between blocks.

    `depot` is "corner" (front of the first aisle), "middle" (mid-front, between aisles when
    the count is even) or "left" (front cross aisle, 2 m left of the first aisle).
    """
    cross_width = 2.0
    block_length = bays * bay_depth
    length = blocks * block_length + (blocks - 1) * cross_width
    cross = [0.0] + [b * (block_length + cross_width) - cross_width / 2 for b in range(1, blocks)]
    cross.append(length)
    ids = [f"A{i + 1:02d}" for i in range(aisles)]
    width = (aisles - 1) * aisle_gap
    depot_x = {"corner": 0.0, "middle": width / 2, "left": -2.0}[depot]
    locations = []
    for aisle in ids:
        for b in range(blocks):
            start = b * (block_length + cross_width)
            for bay in range(bays):
                y = start + (bay + 0.5) * bay_depth
                for side in "LR":
                    for level in range(1, levels + 1):
                        number = b * bays + bay + 1
                        locations.append(
                            {
                                "code": f"{aisle}-{number:03d}-{side}-{level}",
                                "aisle": aisle,
                                "y": round(y, 3),
                                "side": side,
                                "level": level,
                            }
                        )
    return load_layout(
        {
            "format": "shipshape.layout/1",
            "name": f"grid {aisles}x{blocks}",
            "aisle_length": length,
            "aisles": [{"id": a, "x": i * aisle_gap} for i, a in enumerate(ids)],
            "cross_aisles": cross,
            "depot": {"x": depot_x, "y": 0.0},
            "locations": locations,
        }
    )


def random_picks(layout: Layout, count: int, rng: random.Random) -> list[str]:
    """`count` distinct location codes drawn with `rng`."""
    return rng.sample([loc.code for loc in layout.locations], count)
