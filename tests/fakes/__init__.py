"""In-memory adapters for fast use-case tests (no database): `tests.fakes.uow.FakeUnitOfWork`.

One module per repository, each holding only the methods of its port (app/services/ports/) that
the use cases tested on it call, with the port's signatures (tests/type_checks/conformance.py
has mypy check them). A method a test does not need is absent, so reaching it fails loudly.

Not faked: the picking repository's task, list and progress queries (`tasks`, `view`,
`pick_progress`, ...). They are multi-table joins and aggregates whose answers are the picking
appliers' whole input; a fake would re-implement them and then test itself. The picking
appliers stay on SQLite (tests/integration/picking, tests/integration/stranded).
"""
