"""Helpers of the account-security tests."""


def code_for(device, *, ahead: int = 0) -> str:
    """The device's current code (``ahead`` steps later: a code not yet used in this time step)."""
    from django_otp.oath import totp

    value = totp(device.bin_key, step=device.step, t0=device.t0 - ahead * device.step, digits=device.digits)
    return f"{value:0{device.digits}d}"


def wrong_code(device) -> str:
    """Six digits that no code of the device's tolerance window matches."""
    near = {code_for(device, ahead=a) for a in (-1, 0, 1, 2)}
    return next(c for c in ("123456", "654321", "000000", "999999") if c not in near)
