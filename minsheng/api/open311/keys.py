"""Open311 API keys: each key acts as its own service account, an operator of one hotline centre.

So the audit log names the client that filed a request, and revoking the key (admin, 接口令牌) cuts
off that client alone. Only the key's hash is stored (``accounts.ApiToken``).
"""

import hashlib

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.accounts.models import ApiToken, User
from minsheng.accounts.roles import Role
from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Membership, Unit


@transaction.atomic
def issue_key(*, name: str, centre: str = "") -> str:
    """Issue a key for client ``name`` at the hotline centre named (or coded) ``centre``; return it."""
    centres = Unit.objects.filter(kind=Unit.Kind.HOTLINE_CENTRE, is_active=True)
    if centre:
        centres = centres.filter(name=centre) | centres.filter(region__code=centre)
    if not centres:
        raise InvalidInput(_("没有找到接诉即办中心。"), field="centre")
    if centres.count() != 1:
        raise InvalidInput(_("请用 --centre 指明一个接诉即办中心。"), field="centre")
    unit = centres.get()
    username = f"open311-{hashlib.sha256(name.encode()).hexdigest()[:12]}"
    user, _created = User.objects.get_or_create(
        username=username, defaults={"display_name": f"Open311：{name}", "password": make_password(None)}
    )
    Membership.objects.get_or_create(user=user, unit=unit, role=Role.OPERATOR)
    token, key = ApiToken.issue(user=user, name=f"Open311：{name}")
    audit.record(
        actor=None, action="api.open311.key_issued", target=token, data={"name": name}, actor_label="open311"
    )
    return key
