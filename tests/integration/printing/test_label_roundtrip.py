"""Render, rasterise at printer resolution, scan back: the decoded tracking number and
(00)+SSCC must equal the input, for every script and for fields at their longest."""

import re
import subprocess

import pytest

from app.domain.shipment_label import parse_shipment
from printing.labels import render_label_pdf, render_label_zpl
from printing.samples import ALL
from tests.integration.printing.conftest import (
    decode,
    need,
    pdf_fonts,
    pdf_text,
    rasterise_zpl_batch,
)

# Every sample at 4x6 / 203 dpi; the Chinese and the longest one also at the other size and dpi,
# and both with the captions of a Chinese site (language zh_CN).
ZH = {f"{name}-zh": ALL[name] | {"language": "zh_CN"} for name in ("chinese", "longest")}
SAMPLES = ALL | ZH
CASES = [(name, "4x6", 203) for name in sorted(SAMPLES)] + [
    (name, size, dpi)
    for name in ("chinese", "longest")
    for size, dpi in (("100x150", 203), ("4x6", 300))
]


def expected(name: str) -> dict[str, str]:
    data = SAMPLES[name]
    return {data["tracking_number"]: "]C0", f"(00){data['sscc']}": "]C1"}


@pytest.mark.parametrize(("name", "size", "dpi"), CASES)
def test_pdf_label_scans_back(rasterise_pdf, name, size, dpi):
    pdf = render_label_pdf(parse_shipment(SAMPLES[name]), size, dpi)
    assert decode(rasterise_pdf(pdf, dpi)) == expected(name)


@pytest.fixture(scope="module")
def zpl_images(tmp_path_factory):
    labels = {
        case: (
            render_label_zpl(parse_shipment(SAMPLES[case[0]]), case[1], case[2]),
            case[1],
            case[2],
        )
        for case in CASES
    }
    return rasterise_zpl_batch(labels, tmp_path_factory.mktemp("zpl"))


@pytest.mark.parametrize(("name", "size", "dpi"), CASES)
def test_zpl_label_scans_back(zpl_images, name, size, dpi):
    assert decode(zpl_images[(name, size, dpi)]) == expected(name)


@pytest.mark.parametrize("name", sorted(ALL))
def test_pdf_shows_every_address_line_as_text(name):
    label = parse_shipment(ALL[name])
    text = re.sub(r"\s+", "", pdf_text(render_label_pdf(label)))
    for line in [*label.ship_from.lines(), *label.ship_to.lines()]:
        assert re.sub(r"\s+", "", line) in text, line
    for value in (label.carrier, label.service, label.order_ref, label.tracking_number):
        assert re.sub(r"\s+", "", value) in text
    package = label.package
    assert f"{package.index}/{package.count}" in text and f"{package.weight_kg:g}kg" in text


def test_every_font_is_embedded():
    pdf = render_label_pdf(parse_shipment(ALL["chinese"]))
    fonts = pdf_fonts(pdf)
    assert fonts, "the label has text, so it has fonts"
    for row in fonts:
        assert row[-5] == "yes", f"font {row[0]} is not embedded"


@pytest.mark.parametrize(
    ("size", "points"), [("4x6", "288 x 432"), ("100x150", "283.465 x 425.197")]
)
def test_pdf_page_is_the_label_stock(size, points):
    need("pdfinfo", "poppler-utils")
    pdf = render_label_pdf(parse_shipment(ALL["ascii"]), size)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    assert f"Page size:       {points} pts" in info.decode()


@pytest.mark.parametrize("name", sorted(ZH))
def test_a_chinese_sites_label_shows_chinese_captions(name):
    label = parse_shipment(ZH[name])
    text = re.sub(r"\s+", "", pdf_text(render_label_pdf(label)))
    for caption in ("收货人", "发货人", "运单号", "物流单元码", f"订单{label.order_ref}", "千克"):
        assert caption in text, caption
    assert "SHIPTO" in text  # kept beside the Chinese word for carriers' sorters
    assert f"Order{label.order_ref}" not in text
