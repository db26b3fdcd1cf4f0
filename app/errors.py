"""Errors the use cases raise; the CLI and the UI turn them into messages a person can act on.

Each carries a `Message` (app/messages.py): the UI shows it translated, `str(error)` is the
English text the CLI prints. A plain string is still accepted and shown as it is (verbatim).
"""

from app.messages import Message, message, verbatim


class ShipshapeError(Exception):
    """Base for every error Shipshape raises on purpose."""

    def __init__(self, message: "Message | str" = "", *args) -> None:
        self.message = message if isinstance(message, Message) else verbatim(str(message))
        super().__init__(self.message.english(), *args)


class BadInput(ShipshapeError):
    """The input (a file, a row, a scan, a code) is wrong. CLI exit status 2.

    The message names the file, row or code at fault and, where it helps, what to do next.
    """


class NotAllowed(ShipshapeError):
    """The signed-in user's role may not do this."""


class NotFound(ShipshapeError):
    """A thing the caller named does not exist."""


class IllegalTransition(ShipshapeError):
    """A state machine refused a move (e.g. an order shipped before it was packed)."""


class PinLocked(NotAllowed):
    """Too many wrong PINs for this badge: no PIN is checked until `until` (or a lead unlocks)."""

    def __init__(self, name: str, minutes: int) -> None:
        super().__init__(message("sign_in.pin_locked", name=name, minutes=minutes))
        self.name, self.minutes = name, minutes


class NotSetUp(NotAllowed):
    """A write that needs a lead's badge and PIN, or the site's set-up identity, got neither."""


class PinRequired(ShipshapeError):
    """The badge belongs to a lead: ask for the PIN and sign in again with it."""


class Conflict(ShipshapeError):
    """Someone else changed the same thing at the same time (a unique key, a version). Retry."""


class Offline(ShipshapeError):
    """This needs the central database (claiming new work) and the station cannot reach it.
    `waiting` is how many pick lists wait in released waves, as far as the station knows."""

    def __init__(self, message: "Message | str", waiting: int | None = None) -> None:
        super().__init__(message)
        self.waiting = waiting


class CarrierUnavailable(ShipshapeError):
    """The carrier could not answer now (network down, timeout, a 5xx): nothing a person must
    fix. The carton waits for its label and the purchase is retried with the same reference.
    `detail` is the technical cause, for the log only."""

    def __init__(self, carrier: str, detail: str = "") -> None:
        super().__init__(message("carrier.unavailable", carrier=carrier))
        self.carrier, self.detail = carrier, detail


class CarrierRefused(ShipshapeError):
    """The carrier answered no (a 4xx): its `reason` says what a person must fix first."""

    def __init__(self, carrier: str, reason: str) -> None:
        super().__init__(message("carrier.refused", carrier=carrier, reason=reason))
        self.carrier, self.reason = carrier, reason
