import multiprocessing

import pytest

from app.domain.gs1 import check_digit, has_valid_check_digit
from app.domain.sscc import allocate_sscc, build_sscc
from app.errors import BadInput
from printing.serial_counter import FileSerialCounter


def test_gs1_example_sscc():
    # GS1 General Specifications example: extension 1, prefix 0614141, serial 123456789.
    assert build_sscc("0614141", 1, 123456789) == "106141411234567897"


def test_serial_must_fit_beside_the_prefix():
    body = "0" + "061414112345" + "9999"
    assert build_sscc("061414112345", 0, 9999) == body + check_digit(body)
    with pytest.raises(BadInput, match="does not fit"):
        build_sscc("061414112345", 0, 10_000)
    with pytest.raises(BadInput, match="company prefix"):
        build_sscc("12", 0, 1)
    with pytest.raises(BadInput, match="extension digit"):
        build_sscc("0614141", 12, 1)


def test_file_counter_continues_after_a_restart(tmp_path):
    path = tmp_path / "sscc-serial"
    first = [FileSerialCounter(path).next_serial() for _ in range(3)]
    again = FileSerialCounter(path)  # a new process would see the same file
    assert first == [1, 2, 3]
    assert again.next_serial() == 4
    assert path.read_text().strip() == "4"


def test_allocated_ssccs_are_valid_and_distinct(tmp_path):
    counter = FileSerialCounter(tmp_path / "c")
    codes = [allocate_sscc("0614141", 3, counter) for _ in range(20)]
    assert len(set(codes)) == 20
    assert all(len(c) == 18 and c[0] == "3" and has_valid_check_digit(c) for c in codes)


def test_a_damaged_counter_file_is_refused_not_reset(tmp_path):
    path = tmp_path / "c"
    path.write_text("garbage")
    with pytest.raises(BadInput, match="never lower it"):
        FileSerialCounter(path).next_serial()


def _take(path, n, out):
    counter = FileSerialCounter(path)
    out.put([counter.next_serial() for _ in range(n)])


def test_processes_sharing_the_file_never_get_the_same_serial(tmp_path):
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    workers = [ctx.Process(target=_take, args=(tmp_path / "c", 25, out)) for _ in range(4)]
    for w in workers:
        w.start()
    serials = [s for _ in workers for s in out.get(timeout=30)]
    for w in workers:
        w.join(10)
    assert sorted(serials) == list(range(1, 101))
