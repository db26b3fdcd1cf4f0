"""Messages as ids with parameters (app/messages.py): stored, read back, carried by errors; and
no use case that feeds a screen builds an English sentence itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app import errors
from app.errors import BadInput, NotFound, Offline
from app.messages import Message, decode, encode, english, message, summary, verbatim

ROOT = Path(__file__).resolve().parents[2]


def test_a_message_reads_in_english_for_the_cli():
    m = message("pack.tote_holds_no_order", tote="0042")
    assert m.english() == str(m) == "Tote 0042 holds no order. Scan another tote or the order."


def test_an_unknown_id_is_refused_where_it_is_written():
    with pytest.raises(KeyError, match="no English template"):
        message("pack.no_such_message")


def test_stored_messages_come_back_with_nested_messages_and_lists():
    lines = [message("allocation.line_short", sku="BOLT", short=1, needed=2)]
    stored = encode([message("allocation.cannot_allocate", lines=lines)])
    (back,) = decode(stored)
    assert back.params["lines"][0] == lines[0]
    assert english(stored) == "cannot allocate: BOLT: short 1 of 2"


def test_a_text_stored_before_messages_had_ids_reads_as_it_is():
    assert decode("big order") == [verbatim("big order")]
    assert english("big order") == "big order"
    assert decode("") == [] and english(None) == ""
    assert summary("[{not json") == verbatim("[{not json")


def test_several_stored_reasons_read_as_one_line():
    stored = encode(
        [
            message("hold.address_incomplete", field="city"),
            message("hold.special_handling", sku="GLUE", what="hazmat"),
        ]
    )
    assert (
        summary(stored).english()
        == "address incomplete: city is empty; GLUE needs special handling: hazmat"
    )


def test_errors_carry_the_message_and_print_english():
    exc = NotFound(message("order.not_found", ref="web/SO-1"))
    assert exc.message == Message("order.not_found", {"ref": "web/SO-1"})
    assert str(exc) == "order web/SO-1 does not exist"
    offline = Offline(message("pick.offline_no_claim"), waiting=3)
    assert offline.waiting == 3 and offline.message.id == "pick.offline_no_claim"
    assert BadInput("a file: bad row").message == verbatim("a file: bad row")


# ---- no English sentence built in the use cases that feed a screen -----------------------------
# Functions whose errors only the CLI shows (file importers, set-up commands): their English lines
# are CLI output. Everything else raising one of our errors passes a Message.
CLI_ONLY = {
    "app/services/master_data.py": "*",
    "app/services/layouts.py": "*",  # import-layout LAYOUT [--warehouse CODE]
    # --warehouse CODE: only commands choose a warehouse so far (a station's comes with issue 22)
    "app/domain/warehouses.py": {"warehouse_code", "choose"},
    "app/services/pick_faces.py": "*",  # import-pick-faces FILE: its rejected rows
    "app/services/order_files.py": "*",
    "app/services/receipt_files.py": "*",  # import-receipts FILE, as order_files
    "app/services/rma_files.py": "*",  # import-returns FILE, as order_files
    "app/services/customers.py": "*",  # import-customers FILE
    "app/services/watch_folder.py": "*",  # intake --watch DIR: its .errors.txt and log lines
    "app/domain/shipment_label.py": "*",  # the `label` command's shipment file
    "app/services/review.py": {"read_review_rules"},  # review-rules --set FILE
    "app/domain/review_rules.py": {  # the rules' JSON document, from review-rules --set FILE
        "from_dict",
        "_text",
        "_list",
        "_mapping",
        "_pattern",
        "_customer",
    },
    "app/services/packing_central.py": {  # package-types --set FILE
        "read_package_types",
        "_check_package_columns",
        "_package_type",
        "reserve_numbers",
    },
}
OUR_ERRORS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.ShipshapeError)
}


def _english_raises(path: Path) -> list[str]:
    relative = path.relative_to(ROOT).as_posix()
    allowed = CLI_ONLY.get(relative, set())
    if allowed == "*":
        return []
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if function.name in allowed:
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in OUR_ERRORS
                and node.args
                and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)
            ):
                found.append(f"{relative}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_use_cases_raise_messages_not_english_sentences():
    found = []
    for folder in ("app/services", "app/steps", "app/domain", "db"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            found += _english_raises(path)
    assert found == [], "raise the error with message(ID, ...), see docs/architecture.md:\n" + (
        "\n".join(found)
    )
