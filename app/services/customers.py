"""Use case: import the CRM's customers (`shipshape import-customers FILE`, docs/setup.md).

CSV `customer_id,name,email,phone,credit_limit,open_balance,currency,blocked,terms`, or JSON: a
list of objects with the same keys. Every value is checked like the other imports; a bad value
rejects its row (with its number and the field), the others are created or updated by
customer_id. A customer_id given twice in one file keeps the first row and rejects the other
(the file does not say which is right). Running a file again sets the same values again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from app.domain import fields
from app.domain.customers import Customer, parse_terms
from app.domain.events import SYSTEM, Actor, Event, utcnow
from app.domain.fields import FieldProblem, money_cents, shown
from app.errors import BadInput
from app.services.intake import ImportReport, fits_text
from app.services.order_files import csv_records, read_text_file
from app.services.ports import UnitOfWork

COLUMNS = (
    "customer_id",
    "name",
    "email",
    "phone",
    "credit_limit",
    "open_balance",
    "currency",
    "blocked",
    "terms",
)
LIMITS = {"customer_id": 80, "name": 200, "email": 254, "phone": 40}
CHUNK = 1000


def read_customer_file(path: Path) -> list[tuple[str, dict]]:
    """(where, values) per customer: `row 5` (CSV, header = row 1) or `customers[4]` (JSON)."""
    text = read_text_file(path)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("["):
        return _read_json(path, text)
    check = partial(_check_columns, path)
    return [(f"row {n}", values) for n, values in csv_records(path, text, check)]


def _check_columns(path: Path, found: list[str]) -> None:
    missing = [c for c in COLUMNS if c not in found]
    if missing:
        raise BadInput(f"{path}: row 1: missing column(s) {', '.join(missing)}")


def _read_json(path: Path, text: str) -> list[tuple[str, dict]]:
    try:
        document = fields.parse_json(text)
    except FieldProblem as exc:
        raise BadInput(f"{path}: {exc}") from None
    if not isinstance(document, list):
        raise BadInput(f"{path}: expected a list of customers (objects with {', '.join(COLUMNS)})")
    return [(f"customers[{n}]", entry) for n, entry in enumerate(document)]


def customer_from(values: object) -> Customer:
    """One customer from its values, or FieldProblem/BadInput naming the first bad field."""
    if not isinstance(values, dict):
        raise BadInput(f"expected an object with {', '.join(COLUMNS)}")
    unknown = sorted(str(k) for k in values if k not in COLUMNS)
    if unknown:
        raise BadInput(f"unknown key(s) {', '.join(shown(k) for k in unknown)}")
    texts = {k: fields.text(values.get(k), k, n, required=k in ("customer_id", "name"))
             for k, n in LIMITS.items()}  # fmt: skip
    return Customer(
        **texts,
        currency=_currency(values.get("currency")),
        credit_limit_cents=money_cents(values.get("credit_limit"), "credit_limit"),
        open_balance_cents=money_cents(values.get("open_balance"), "open_balance", negative=True)
        or 0,
        blocked=_blocked(values.get("blocked")),
        terms=parse_terms(values.get("terms")),
    )


def _currency(value: object) -> str:
    code = fields.text(value, "currency", 3, required=True)
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise FieldProblem("not_one_of", field="currency", value=shown(value), accepted="ISO 4217")
    return code.upper()


def _blocked(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if not isinstance(value, str):
        raise FieldProblem("not_flag", field="blocked", value=shown(value))
    return fields.flag(value, "blocked")


def import_customers(
    uow: UnitOfWork, found: list[tuple[str, dict]], actor: Actor = SYSTEM
) -> ImportReport:
    """`found` is `read_customer_file`'s: each customer created or updated, or rejected."""
    report = ImportReport()
    checked: list[Customer] = []
    first: dict[str, str] = {}
    for where, values in found:
        try:
            customer = customer_from(values)
        except BadInput as exc:
            report.rejected.append(f"{_label(values)}: {where}: {exc}")
            continue
        if customer.customer_id in first:
            report.rejected.append(
                f"{customer.customer_id}: {where}: repeats {first[customer.customer_id]}; "
                f"{first[customer.customer_id]} was kept, this one was not imported"
            )
            continue
        first[customer.customer_id] = where
        checked.append(customer)
    for start in range(0, len(checked), CHUNK):
        chunk = checked[start : start + CHUNK]
        with uow:
            uow.customers.save_all(chunk, utcnow())
            ids = [c.customer_id for c in chunk]
            payload = {"rows": len(ids), "customers": ids}
            uow.events.add_all([Event("site.customers_imported", payload, actor)])
            uow.commit()
        report.imported.extend(c.customer_id for c in chunk)
    return report


def _label(values: object) -> str:
    """The customer a rejection is about, as far as it can be read."""
    raw = values.get("customer_id") if isinstance(values, dict) else None
    return str(raw).strip() if fits_text(raw, LIMITS["customer_id"]) else "(customer)"
