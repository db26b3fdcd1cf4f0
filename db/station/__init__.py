"""The station side of the database: what runs on a station, not on central.

`store` is the station's local SQLite store (outbox of facts, cached work, site copy); `sync` is
its sync thread (push the outbox, pull changes); `pull` and `packing` hold the pullers that keep
the store up to date; `backend` (picking), `packing` and `sign_in` serve the screens from the
store, offline first; `headless` is a station without a screen. Central's repositories, unit of
work and migrations stay in `db/`; the door facts take to central is `db/fact_door.py`, shared
with the central applier.
"""
