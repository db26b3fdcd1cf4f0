"""The in-memory repositories (tests/fakes) stay faithful to the ports: every public method a
fake has is a method of its port with the same parameters (mypy checks the types, in
tests/type_checks/conformance.py), and the fake unit of work names them as UnitOfWork does."""

from __future__ import annotations

import inspect

import pytest

from app.services import ports
from tests.fakes.uow import REPOSITORIES, FakeUnitOfWork

PORT_OF = {
    "orders": ports.OrderRepository,
    "catalog": ports.CatalogRepository,
    "stock": ports.StockRepository,
    "users": ports.UserRepository,
    "events": ports.EventLog,
    "settings": ports.Settings,
    "packing": ports.PackingRepository,
    "picking": ports.PickingRepository,
    "dispatch": ports.DispatchRepository,
    "customers": ports.CustomerRepository,
}


def test_the_fake_unit_of_work_has_the_ports_repositories_and_only_inside_the_block():
    uow = FakeUnitOfWork()
    assert set(REPOSITORIES) == set(PORT_OF)
    assert set(REPOSITORIES) <= {
        n for n, v in vars(ports.UnitOfWork).items() if isinstance(v, property)
    }
    with uow:
        assert all(hasattr(uow, name) for name in REPOSITORIES)
    assert not any(hasattr(uow, name) for name in REPOSITORIES)


@pytest.mark.parametrize("name", sorted(PORT_OF))
def test_a_fake_repository_has_only_its_ports_methods_with_their_parameters(name):
    port = PORT_OF[name]
    with FakeUnitOfWork() as uow:
        fake = type(getattr(uow, name))
    methods = {n: m for n, m in vars(fake).items() if callable(m) and not n.startswith("_")}
    assert methods, fake
    for method_name, method in methods.items():
        assert hasattr(port, method_name), (
            f"{fake.__name__}.{method_name} is not in {port.__name__}"
        )
        ours = list(inspect.signature(method).parameters)
        theirs = list(inspect.signature(getattr(port, method_name)).parameters)
        assert ours == theirs, f"{fake.__name__}.{method_name}{ours} != {port.__name__}{theirs}"
