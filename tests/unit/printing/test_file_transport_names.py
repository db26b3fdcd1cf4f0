from printing.transports.file import FileTransport


def test_two_transports_on_one_folder_never_overwrite_each_other(tmp_path):
    first, second = FileTransport(tmp_path, ".zpl"), FileTransport(tmp_path, ".zpl")
    for n in range(3):
        first.send(f"label {n}".encode())
        second.send(f"slip {n}".encode())
    written = sorted(p.read_bytes() for p in tmp_path.iterdir())
    assert len(written) == 6 and len(set(written)) == 6
