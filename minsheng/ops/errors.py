"""The one error of backup, restore and key rotation: a message for the operator (Chinese first)."""


class OpsError(Exception):
    """Raised with a translated, complete sentence; commands turn it into a CommandError."""
