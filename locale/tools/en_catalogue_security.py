# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of account security: lockout page, two-factor pages, idle logout, admin, demo."""

# fmt: off
CATALOGUE_PART = {
    # Lockout page (django-axes), staff and portal
    "登录已暂时锁定": "Login temporarily locked",
    "这个账号从您所在的网络连续多次输入了错误的密码，为防止他人猜测密码，已暂停登录。请在 %(time)s 以后（约%(minutes)s分钟后）再试。": "A wrong password was entered for this account from your network several times in a row. To stop anyone guessing the password, logging in is paused. Please try again after %(time)s (in about %(minutes)s minutes).",
    "锁定期间再次尝试不会延长等待时间，但也不会成功，即使密码正确。": "Trying again during the lockout does not make the wait longer, but it will not succeed either, even with the right password.",
    "忘记密码的，可以不登录直接提交信访件，或凭信访件编号和查询码查询办理进度。": "If you forgot your password, you can still submit a petition without logging in, or track it with its case number and query code.",
    "如果不是您本人在尝试，或急需登录，请联系本单位的系统管理员解除锁定。": "If it was not you, or you need to log in urgently, ask your unit's administrator to lift the lock.",
    "返回登录页面": "Back to the login page",
    # Two-factor: verify
    "两步验证": "Two-step verification",
    "请打开手机上的验证器应用，输入“民声 Minsheng”当前显示的6位验证码。每次登录都需要验证。": "Open the authenticator app on your phone and enter the 6-digit code it shows for “Minsheng”. Every login asks for it.",
    "验证": "Verify",
    "手机丢失或更换的，请联系系统管理员重置两步验证，然后重新绑定。": "Lost or changed your phone? Ask an administrator to reset your two-step verification, then set it up again.",
    "退出登录": "Log out",
    "验证码错误次数较多，请在%(s)s秒后再试。": "Too many wrong codes. Please try again in %(s)s seconds.",
    "验证码不正确，请输入验证器应用中当前显示的6位数字。": "That code is not right. Enter the 6 digits your authenticator app shows now.",
    "请在%(s)s秒后再试。": "Please try again in %(s)s seconds.",
    # Two-factor: enrol
    "绑定验证器": "Set up an authenticator",
    "工作人员账号需要两步验证：登录时除了密码，还要输入手机验证器应用生成的验证码。": "Staff accounts need two-step verification: besides the password, each login asks for a code from an authenticator app on your phone.",
    "在手机上打开验证器应用（支持 TOTP 的任一应用均可，如 FreeOTP、Google Authenticator、Microsoft Authenticator 或常用的国产身份验证器）。": "Open an authenticator app on your phone (any app that supports TOTP, such as FreeOTP, Google Authenticator, Microsoft Authenticator or a common Chinese authenticator).",
    "用应用扫描下面的二维码；无法扫描的，可以手动输入密钥。": "Scan the QR code below with the app; if you cannot scan it, type in the secret key.",
    "输入应用显示的6位验证码，完成绑定。": "Enter the 6-digit code the app shows to finish.",
    "密钥（手动输入时使用，请勿告诉他人）：": "Secret key (for typing in by hand; tell no one): ",
    "完成绑定": "Finish setup",
    # Sessions
    "您已%(m)s分钟未操作，为安全起见已自动退出，请重新登录。": "You were logged out after %(m)s minutes without activity, for your security. Please log in again.",
    # Admin
    "重置两步验证（手机丢失或更换）": "Reset two-step verification (lost or changed phone)",
    "已重置%(n)s个用户的两步验证；他们下次登录时需重新绑定验证器。": "Two-step verification reset for %(n)s users; they set up an authenticator again at their next login.",
    # Demo and the totp_code command
    "两步验证：%(u)s 登录时还需输入验证器应用的6位验证码。密钥 %(secret)s（只显示这一次）；": "Two-step verification: %(u)s also enters a 6-digit code from an authenticator app. Secret %(secret)s (shown only this once);",
    "  或运行 .venv/bin/python manage.py totp_code %(u)s 查看当前验证码。": "  or run .venv/bin/python manage.py totp_code %(u)s to see the current code.",
    "  设置 MINSHENG_STAFF_2FA=1 后，所有工作人员登录后都需两步验证（未绑定的先扫码绑定）。": "  With MINSHENG_STAFF_2FA=1 every staff login needs two-step verification (those without an authenticator set one up first).",
    "生产环境不能查看验证码：验证码只应来自用户本人的手机。": "Codes cannot be shown in production: a code must come from the user's own phone.",
    "用户 %(u)s 没有已绑定的验证器。": "User %(u)s has no authenticator set up.",
    "（%(s)s秒内有效）": "(valid for %(s)s seconds)",
}
# fmt: on
