import json

import pytest

from app.cli import main
from printing.samples import CHINESE, shipment


def write(tmp_path, data, name="s.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["pdf", "zpl"])
def test_label_is_written(tmp_path, fmt, capsys):
    out = tmp_path / f"label.{fmt}"
    assert main(["label", str(write(tmp_path, CHINESE)), "--format", fmt, "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF" if fmt == "pdf" else b"^XA^CI28^PW812^LL1218")
    assert capsys.readouterr().out == ""


def test_size_100x150_and_300_dpi(tmp_path):
    out = tmp_path / "l.zpl"
    args = ["label", str(write(tmp_path, CHINESE)), "--format", "zpl", "--out", str(out)]
    assert main([*args, "--size", "100x150", "--dpi", "300"]) == 0
    assert out.read_bytes().startswith(b"^XA^CI28^PW1181^LL1772")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (shipment(tracking_number="SF王1"), "tracking_number"),
        (shipment(sscc="376130321109103421"), "sscc"),
        ({k: v for k, v in CHINESE.items() if k != "ship_to"}, "ship_to"),
        (shipment(package={"index": 1}), "count"),
    ],
)
def test_bad_shipments_exit_2_naming_the_field(tmp_path, capsys, data, message):
    out = tmp_path / "l.pdf"
    status = main(["label", str(write(tmp_path, data)), "--format", "pdf", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_bad_json_and_missing_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    assert main(["label", str(bad), "--format", "pdf", "--out", str(tmp_path / "x")]) == 2
    assert main(["label", str(tmp_path / "none.json"), "--format", "pdf", "--out", "x"]) == 2
    assert "bad.json: not valid JSON" in capsys.readouterr().err


def test_sscc_allocated_from_the_prefix_and_never_reused(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SHIPSHAPE_GS1_PREFIX", "0614141")
    data = shipment()
    del data["sscc"]
    path = write(tmp_path, data)
    counter = tmp_path / "serial"
    seen = []
    for _ in range(3):
        args = ["label", str(path), "--format", "zpl", "--out", str(tmp_path / "l.zpl")]
        assert main([*args, "--sscc-counter", str(counter), "--json"]) == 0
        seen.append(json.loads(capsys.readouterr().out)["sscc"])
    assert seen == ["006141410000000012", "006141410000000029", "006141410000000036"]
    assert ">;>8" + "00" + seen[-1] in (tmp_path / "l.zpl").read_text()


def test_without_sscc_or_prefix_the_label_has_no_sscc_barcode(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SHIPSHAPE_GS1_PREFIX", raising=False)
    data = shipment()
    del data["sscc"]
    out = tmp_path / "l.zpl"
    assert main(["label", str(write(tmp_path, data)), "--format", "zpl", "--out", str(out)]) == 0
    assert ">8" not in out.read_text()
    assert "no GS1 company prefix" in capsys.readouterr().err
