"""Errors that carry a message meant for the user (translated), never a stack trace."""


class DomainError(Exception):
    """A rule of the domain refused the action; the API answers 409, a page shows the message."""

    status_code = 409

    def __init__(self, message, *, code: str = "refused"):
        super().__init__(str(message))
        self.message = message
        self.code = code


class InvalidInput(DomainError):
    """The request itself is malformed or incomplete; the API answers 400.

    ``errors`` maps field names to messages when several fields are wrong at once.
    """

    status_code = 400

    def __init__(
        self, message, *, field: str | None = None, errors: dict | None = None, code: str = "invalid"
    ):
        super().__init__(message, code=code)
        self.errors = dict(errors or ({field: str(message)} if field else {}))
