"""This domain's part of `manage.py demo_seed`: the demo administrator gets an authenticator (TOTP).

So the demo shows two-factor login without any setting: ``admin`` is asked for a code after the
password (a user who enrolled is always asked), everyone else only when ``MINSHENG_STAFF_2FA=1``
(then each staff user enrols at first login). The secret is printed once, like the API token; the
current code is also shown by ``manage.py totp_code admin`` (refused in production).
"""

from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from minsheng.accounts import twofactor

USERNAME = "admin"


def seed(demo, *, now, rng) -> list[str]:
    """Give the demo ``admin`` a confirmed authenticator; return the lines to print."""
    user = demo.users.get(USERNAME)
    if user is None or USERNAME in demo.kept_users or twofactor.confirmed_device(user) is not None:
        return []
    device = TOTPDevice.objects.create(user=user, name=twofactor.DEVICE_NAME, confirmed=True)
    return [
        _("两步验证：%(u)s 登录时还需输入验证器应用的6位验证码。密钥 %(secret)s（只显示这一次）；")
        % {"u": USERNAME, "secret": twofactor.secret_text(device)},
        _("  或运行 .venv/bin/python manage.py totp_code %(u)s 查看当前验证码。") % {"u": USERNAME},
        _("  设置 MINSHENG_STAFF_2FA=1 后，所有工作人员登录后都需两步验证（未绑定的先扫码绑定）。"),
    ]
