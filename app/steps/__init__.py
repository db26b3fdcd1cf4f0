"""The station step machines, one style for every station kind.

Each station's steps are pure functions over an immutable state: no I/O, no Qt, no clock (the
caller passes today's date where a rule needs it). A step returns a verdict: its tone or ok,
a message id the screen words, the facts to record and the state to adopt. The screen records
the facts through its backend on the worker thread and adopts the new state only once they are
durable; input that arrives meanwhile waits in order. A refused scan changes nothing but
records a mis-scan fact for the accuracy KPI.

- picking (picking_state, picking_short): cart set-up, location → item → lot → tote, shorts.
- packing (packing_state, packing_close): items into the carton, serials, typed counts,
  weighing, lead overrides and closing.
"""
