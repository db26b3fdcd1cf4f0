"""Whole orders packed through the real packer screen, backend, spoolers and label files."""

from __future__ import annotations

from sqlalchemy import insert, select

from db.schema import exceptions, package_types, packages
from printing.transports import PrinterError
from tests.ui.packer.conftest import Station
from ui.marks import is_ok_html

PDF = b"%PDF"


def wait_for_files(station, folder, count: int) -> list:
    station.qtbot.waitUntil(lambda: len(station.files(folder)) >= count, timeout=15000)
    return station.files(folder)


def test_a_clean_pack_closes_prints_and_marks_the_order_packed(station):
    order = station.order()
    assert "Scan every item" in station.scan(f"T:{order.tote}")
    assert order.order_id in station.home.title.text()
    station.pack_all(order)
    assert station.home.tones.played[-1] == "ok"
    station.type_weight(station.expected_kg())
    message = station.close()
    assert is_ok_html(message) and "Packed" in message, message
    assert station.status(order) == "packed"
    labels = wait_for_files(station, station.labels, 1)
    assert labels[0].read_bytes().startswith(PDF)
    assert len(wait_for_files(station, station.slips, 1)) == 1
    station.qtbot.waitUntil(lambda: "label.printed" in station.event_kinds(order), timeout=15000)
    kinds = station.event_kinds(order)
    assert kinds.count("pack.item") == sum(line.quantity for line in order.lines)
    assert {"pack.started", "package.closed", "order.packed"} <= set(kinds)
    # Reprint is one scan away: the label's own SSCC barcode.
    sscc = station.home.state.closed[-1].numbers.sscc
    assert "sent again" in station.scan(f"00{sscc}")
    assert len(wait_for_files(station, station.labels, 2)) == 2
    assert "label.reprinted" in station.event_kinds(order)


def test_a_wrong_item_is_refused_in_red_with_the_error_tone(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    message = station.scan("4006381333931")  # a GTIN that is in no demo order
    assert message.startswith("✖") and "WRONG ITEM" in message
    assert station.home.message.kind == "error" and station.home.tones.played[-1] == "error"
    assert station.home.state.packed == {line.line_id: 0 for line in order.lines}
    assert "pack.refused" in station.event_kinds(order)


def test_another_tote_replaces_an_order_until_its_first_item_is_in_the_carton(station):
    first, second = station.order("0301", n=0), station.order("0302", n=1)
    station.scan(f"T:{first.tote}")
    station.scan(f"T:{second.tote}")
    assert second.order_id in station.home.title.text()
    station.scan(second.lines[0].gtin)
    assert "Finish this order first" in station.scan(f"T:{first.tote}")
    assert second.order_id in station.home.title.text()


def test_an_extra_item_is_refused_and_not_counted(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    message = station.scan(order.lines[0].gtin)
    assert "EXTRA ITEM" in message and station.home.message.kind == "error"
    line = order.lines[0]
    assert station.home.state.packed[line.line_id] == line.quantity


def test_a_missing_item_blocks_closing_until_a_lead_overrides_with_badge_pin_and_reason(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order, skip=1)
    station.type_weight(station.expected_kg())
    assert "still open" in station.close()
    assert station.status(order) == "picked"
    form = station.home.override_form
    station.home.override_button.click()
    assert form.isVisible()
    form.submitted.emit("1011", "0000", "damaged on the shelf")
    assert "do not match" in station.home.message.text()
    form.submitted.emit("1011", "694907", "damaged on the shelf")
    assert "Maria Jansen allowed" in station.home.message.text()
    assert "Packed" in station.close()
    assert station.status(order) == "packed"
    with station.central.engine.connect() as conn:
        row = conn.execute(select(exceptions).where(exceptions.c.kind == "pack_override")).one()
    assert row.resolved_by == "Maria Jansen" and row.note == "damaged on the shelf"


def test_guessing_a_leads_override_pin_locks_the_badge(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order, skip=1)
    station.home.override_button.click()
    for _ in range(5):
        station.home.override_form.submitted.emit("1011", "0000", "guessing")
    locked = "PIN locked after too many wrong PINs. Try again in 1 min or ask another lead"
    assert locked in station.home.message.text()
    station.home.override_form.submitted.emit("1011", "694907", "the right PIN, sixth try")
    assert locked in station.home.message.text()
    assert station.home.message.kind == "error"


def test_two_cartons_get_two_labels_numbered_one_and_two_of_two(station):
    order = station.order()
    station.scan(f"T:{order.tote}")
    first = order.lines[0]
    for text in first.unit_scans():
        station.scan(text)
    station.type_weight(station.expected_kg())
    assert "Fill carton 2" in station.close(final=False)
    assert station.home.carton_title.text() == "Carton 2"
    for line in order.lines[1:]:
        for text in line.unit_scans():
            station.scan(text)
    station.type_weight(station.expected_kg())
    assert "Label 2/2" in station.close()
    assert len(wait_for_files(station, station.labels, 2)) == 2
    with station.central.engine.connect() as conn:
        assert conn.execute(
            select(packages.c.index).order_by(packages.c.index)
        ).scalars().all() == [1, 2]
    assert station.status(order) == "packed"


def test_the_scale_weight_is_taken_by_the_weigh_command(station):
    from app.scanning.weights import Weight

    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    station.home.show_weight(Weight(station.expected_kg(), True, "kg", "S S 1 kg"))
    assert "taken from the scale" in station.scan("C:WEIGH")
    assert "Packed" in station.scan("C:CONFIRM")


def test_a_printer_that_is_off_prints_the_label_once_when_it_is_back(station):
    station.labels.parent.mkdir(exist_ok=True)
    station.labels.write_text("not a folder: the printer is off")
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    station.type_weight(station.expected_kg())
    assert "Packed" in station.close()  # packing is never held up by a printer
    label_job = station.home.last_jobs[0]
    station.qtbot.waitUntil(
        lambda: station.label_spooler.state(label_job) == "retrying", timeout=15000
    )
    assert station.files(station.labels) == [] and "label.printed" not in station.event_kinds(order)
    line = station.home.printer_line
    station.qtbot.waitUntil(
        lambda: line.isVisible() and "prints when it is back" in line.text(), timeout=15000
    )
    station.labels.unlink()  # the printer is back
    labels = wait_for_files(station, station.labels, 1)
    station.label_spooler.wait_until_idle(15)
    assert station.label_spooler.state(label_job) == "printed"
    station.qtbot.waitUntil(lambda: not line.isVisible(), timeout=15000)
    assert len(station.files(station.labels)) == 1 and labels[0].read_bytes().startswith(PDF)
    assert station.event_kinds(order).count("label.printed") == 1


def test_a_short_picked_order_is_flagged_and_only_packs_when_a_lead_allowed_partial(station):
    order = station.order(short={0: 1})
    station.scan(f"T:{order.tote}")
    assert "Short pick" in station.home.flags.text()
    assert "Do not pack" in station.home.message.text() and station.home.state is None
    with station.central.engine.begin() as conn:
        conn.execute(
            insert(exceptions).values(
                kind="short_pick",
                status="resolved",
                order_ref=order.order_ref,
                details={},
                created_at=order_created(),
                resolution="backorder",
                note="",
            )
        )
    assert "Partial shipment allowed" in station.scan(f"T:{order.tote}")
    first = order.lines[0]
    for text in first.unit_scans(first.quantity - 1):
        station.scan(text)
    assert "EXTRA" in station.scan(first.unit_scans(1, first.quantity)[0])  # only what was picked


def test_a_printer_that_refuses_the_label_for_good_tells_the_packer_and_the_lead(
    qtbot, central, tmp_path
):
    class UnknownQueue:  # what `lp` says for a queue that does not exist: retrying cannot help
        name = "lp:gone"

        def send(self, job: bytes) -> None:
            raise PrinterError("lp:gone: the printer or class does not exist", retryable=False)

    station = Station(qtbot, central, tmp_path, UnknownQueue())
    try:
        order = station.order()
        station.scan(f"T:{order.tote}")
        station.pack_all(order)
        station.type_weight(station.expected_kg())
        assert "Packed" in station.close()
        line = station.home.printer_line
        qtbot.waitUntil(lambda: line.isVisible() and "Call a lead" in line.text(), timeout=15000)
        qtbot.waitUntil(lambda: "label.failed" in station.event_kinds(order), timeout=15000)
        with station.central.engine.connect() as conn:
            kinds = conn.execute(select(exceptions.c.kind)).scalars().all()
        assert "printer_failure" in kinds
    finally:
        station.stop()


def test_without_carton_types_the_packer_is_told_who_sets_them_up(station):
    with station.central.engine.begin() as conn:
        conn.execute(package_types.delete())
    order = station.order()
    station.scan(f"T:{order.tote}")
    station.pack_all(order)
    station.type_weight(1.0)
    assert "package-types --set" in station.close()
    assert station.status(order) == "picked"


def order_created():
    from datetime import UTC, datetime

    return datetime.now(UTC)
