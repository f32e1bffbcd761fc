"""Check-in links: a shift's id signed with the secret key, so a link cannot be made up for another shift.

Valid only around the shift's own time (see ``services.records``): a photographed QR code is useless
the next day, and nothing needs to be stored or rotated.
"""

from django.core import signing

SALT = "minsheng.volunteer_service.checkin"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def checkin_token(shift_id: int) -> str:
    """The same token every time for a shift (no timestamp): a printed QR code stays valid for the day."""
    return _signer().sign_object(shift_id)


def shift_id_of(token: str) -> int | None:
    try:
        value = _signer().unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return value if isinstance(value, int) else None
