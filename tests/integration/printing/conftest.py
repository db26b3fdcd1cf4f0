"""Round-trip helpers: rasterise a PDF (pdftoppm) or a ZPL label (zpl-renderer-js under Node),
then read the barcodes back with zxing-cpp, as a scanner would read the printed label."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

REPO = Path(__file__).resolve().parents[3]
ZPL_RENDERER = REPO / "tools" / "zpl-render"
SIZES_MM = {"4x6": (101.6, 152.4), "100x150": (100.0, 150.0)}


def need(tool: str, why: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed ({why}); .ci/apt-packages.txt lists it")


@pytest.fixture
def rasterise_pdf():
    need("pdftoppm", "poppler-utils")

    def run(pdf: bytes, dpi: int = 203) -> Image.Image:
        png = subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-mono", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout
        return Image.open(io.BytesIO(png))

    return run


def zpl_renderer_ready() -> None:
    need("node", "Node.js runs the offline ZPL renderer")
    if not (ZPL_RENDERER / "node_modules" / "zpl-renderer-js").is_dir():
        pytest.skip("zpl-renderer-js not installed: run .ci/setup-extra")


def rasterise_zpl_batch(labels: dict, folder: Path) -> dict:
    """{key: (zpl bytes, size, dpi)} -> {key: image}, in one Node process (the renderer takes
    a second or more to load)."""
    zpl_renderer_ready()
    jobs = []
    for n, (key, (zpl, size, dpi)) in enumerate(labels.items()):
        source, target = folder / f"label{n}.zpl", folder / f"label{n}.png"
        source.write_bytes(zpl)
        width, height = SIZES_MM[size]
        jobs.append(
            {
                "key": key,
                "in": str(source),
                "out": str(target),
                "width_mm": width,
                "height_mm": height,
                "dpmm": round(dpi / 25.4),
            }
        )
    subprocess.run(
        ["node", str(ZPL_RENDERER / "render.js"), "--batch"],
        input=json.dumps(jobs).encode(),
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {job["key"]: Image.open(job["out"]) for job in jobs}


def decode(image: Image.Image) -> dict[str, str]:
    """Every barcode on the image: decoded text -> AIM symbology identifier."""
    return {r.text: r.symbology_identifier for r in zxingcpp.read_barcodes(image)}


def pdf_text(pdf: bytes) -> str:
    need("pdftotext", "poppler-utils")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pdf_fonts(pdf: bytes) -> list[list[str]]:
    """Rows of `pdffonts`: name, type, encoding, emb, sub, uni, object, generation."""
    need("pdffonts", "poppler-utils")
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    return [line.split() for line in out.stdout.decode().splitlines()[2:] if line.strip()]
