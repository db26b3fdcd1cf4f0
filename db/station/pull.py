"""What the sync thread pulls from central into the station store.

A puller keeps one kind of central data in the store. On every pull round the sync thread
calls each puller with what changed on central since the last round (topic -> ids), read by
central's change sequence, so nothing that changed while the station was offline is missed.
Pullers run on the sync thread only; the station's screens read the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.services import sync
from app.services.ports import UnitOfWork
from db.station.store import StationStore

Changes = dict[str, set[int]]  # topic ("pick_list", "stock", ...) -> ids changed on central


class Puller(Protocol):
    def pull(
        self, uow_factory: Callable[[], UnitOfWork], changed: Changes | None, reconnected: bool
    ) -> None:
        """`changed` None: the station starts from nothing, load it all. `reconnected`: the
        station was offline just before (the changes are complete all the same)."""
        ...


class PickWorkPuller:
    """The pick lists of the users signed in here: assignments, reassignments, progress."""

    def __init__(self, store: StationStore, on_work: Callable[[list[int]], None]) -> None:
        self.store, self.on_work = store, on_work

    def pull(
        self, uow_factory: Callable[[], UnitOfWork], changed: Changes | None, reconnected: bool
    ) -> None:
        users, cached = self.store.followed_users(), self.store.work_ids()
        if not (users or cached):
            return
        lists = None  # look at all of our work again: first start, reconnect, product changes
        if changed is not None and not reconnected and "product" not in changed:
            lists = changed.get("pick_list", set())
        through = self.store.sent_through()  # before the read: the views include these
        views = sync.work_for(uow_factory(), users, cached, lists)
        taken = self.store.save_work(views, users, through)
        if views:
            self.on_work(taken)


class SiteCachePuller:
    """Users (people sign in while offline), products, stock and the released waves."""

    BY_ID = ("user", "product", "stock")
    LOADED = "site_cache_loaded"

    def __init__(self, store: StationStore) -> None:
        self.store = store

    def pull(
        self, uow_factory: Callable[[], UnitOfWork], changed: Changes | None, reconnected: bool
    ) -> None:
        everything = changed is None or not self.store.get_meta(self.LOADED)
        changed = changed or {}
        pepper, kept = _pepper_of(uow_factory()), cached_pepper(self.store)
        # A new pepper (the login registered again) or a change between hashes and verifiers
        # (the login's rights changed) makes every cached user's PIN check stale.
        users_anew = everything or pepper != kept
        for topic in self.BY_ID:
            whole = everything or (topic == "user" and users_anew)
            refs = None if whole else sorted(changed.get(topic, ()))
            if refs == []:
                continue
            docs = sync.site_documents(uow_factory(), topic, refs)
            gone = set(refs or ()) - docs.keys()
            self.store.cache_documents(topic, docs, gone, everything=whole)
        if pepper != kept:  # after the verifiers it unlocks
            self.store.set_meta(PEPPER_META, pepper.hex() if pepper else None)
        if everything or changed.keys() & {"wave", "pick_list"}:
            # Few released waves, and claims change their counts: always read them all.
            waves = sync.site_documents(uow_factory(), "wave", None)
            self.store.cache_documents("wave", waves, everything=True)
        if everything:
            self.store.set_meta(self.LOADED, True)


PEPPER_META = "pin_pepper"  # hex; a secret like the verifiers it unlocks: never logged or shown


def _pepper_of(uow: UnitOfWork) -> bytes | None:
    """Fetched once per pull, so PIN checks work offline with what the last pull brought."""
    with uow:
        return uow.users.pin_pepper()


def cached_pepper(store: StationStore) -> bytes | None:
    """The station's pepper as the last pull kept it: the key to the cached PIN verifiers."""
    value = store.get_meta(PEPPER_META)
    return bytes.fromhex(value) if value else None
