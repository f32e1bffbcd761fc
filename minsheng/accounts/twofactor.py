"""Second factor for staff: a TOTP authenticator app (RFC 6238, django-otp's TOTPDevice).

Enrolment shows the secret as a QR code (inline SVG made here, no outside service) and as text, and
takes effect only once the first code from the app is confirmed. Verification marks this session only:
every new session asks again. Wrong codes slow down: django-otp's throttling on TOTPDevice makes each
next try wait 1, 2, 4, 8 … seconds (OTP_TOTP_THROTTLE_FACTOR). An administrator's reset removes the
devices, and the user enrols again at the next login.
"""

from base64 import b32encode
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from minsheng import audit
from minsheng.accounts import security
from minsheng.portal.ratelimit import client_address

DEVICE_NAME = "authenticator"


def confirmed_device(user) -> TOTPDevice | None:
    """The user's authenticator, if one was enrolled and confirmed."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


@transaction.atomic
def enrolment_device(*, user) -> TOTPDevice:
    """The unconfirmed device being enrolled: the same one (and QR code) until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, as people type it into an app."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URI as an SVG QR code, for inline use (no image request, no outside service)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=14)
    svg = image.to_string(encoding="unicode")
    return svg.replace("<svg ", '<svg role="img" class="qr" ', 1)


@dataclass(frozen=True)
class Check:
    """The outcome of a code: ok; or wrong (and how long until the next try may be made); or not
    checked at all because the wait after earlier wrong codes is not over."""

    ok: bool
    wrong: bool = False
    wait_seconds: int = 0


def _throttled(device: TOTPDevice) -> int:
    allowed, info = device.verify_is_allowed()
    if allowed:
        return 0
    until = (info or {}).get("locked_until")
    return max(1, int((until - timezone.now()).total_seconds()) + 1) if until else 1


def _check(request, device: TOTPDevice, token: str, *, action: str) -> Check:
    wait = _throttled(device)
    if wait:
        return Check(ok=False, wait_seconds=wait)
    token = "".join((token or "").split())
    if device.verify_token(token):
        otp_login(request, device)
        audit.record(
            actor=request.user,
            action=action,
            target=request.user,
            data={"username": request.user.get_username(), "ip": client_address(request)},
        )
        return Check(ok=True)
    audit.record(
        actor=request.user,
        action="accounts.2fa_failed",
        target=request.user,
        data={"username": request.user.get_username(), "ip": client_address(request)},
    )
    return Check(ok=False, wrong=True, wait_seconds=_throttled(device))


@transaction.atomic
def verify(*, request, token: str) -> Check:
    """Check a code from the user's confirmed authenticator; a right one verifies this session."""
    device = TOTPDevice.objects.select_for_update().get(pk=confirmed_device(request.user).pk)
    return _check(request, device, token, action="accounts.2fa_verified")


@transaction.atomic
def confirm_enrolment(*, request, device: TOTPDevice, token: str) -> Check:
    """Confirm a new authenticator with its first code; only then does it count (and verify)."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=request.user)
    result = _check(request, device, token, action="accounts.2fa_enrolled")
    if result.ok:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Any other authenticator of the user is replaced by this one.
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        request.session[security.DEVICE_KEY] = True
    return result


@transaction.atomic
def reset_devices(*, user, actor) -> int:
    """Remove every second-factor device of ``user`` (lost phone); they enrol again at next login."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    audit.record(
        actor=actor,
        action="accounts.2fa_reset",
        target=user,
        data={"username": user.get_username(), "devices": removed},
    )
    return removed
