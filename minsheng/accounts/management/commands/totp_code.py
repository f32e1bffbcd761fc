"""`manage.py totp_code USERNAME`: the user's current authenticator code, for the demo and tests.

Refused in production: there a code must come from the user's own phone.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_otp.oath import totp

from minsheng.accounts import twofactor


class Command(BaseCommand):
    help = "显示用户验证器当前的6位验证码（仅用于演示和测试环境，生产环境拒绝执行）。"

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        if settings.PRODUCTION:
            raise CommandError(_("生产环境不能查看验证码：验证码只应来自用户本人的手机。"))
        user = get_user_model().objects.filter(username=username).first()
        device = twofactor.confirmed_device(user) if user else None
        if device is None:
            raise CommandError(_("用户 %(u)s 没有已绑定的验证器。") % {"u": username})
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        left = device.step - int(time.time() - device.t0) % device.step
        self.stdout.write(f"{code:0{device.digits}d}")
        self.stderr.write(_("（%(s)s秒内有效）") % {"s": left})
