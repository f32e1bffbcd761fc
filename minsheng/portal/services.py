"""The portal's own writes. Petitions are written by ``minsheng.petitions.services``."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput


@transaction.atomic
def citizen_sign_up(*, username: str, display_name: str, password: str):
    """Open a citizen's portal account: no staff rights, no unit, no personal data beyond a name.

    The caller has checked the password against the configured validators (the sign-up form does).
    """
    User = get_user_model()
    try:
        # A savepoint: two people choosing the same name at the same moment meet the unique index.
        with transaction.atomic():
            user = User.objects.create_user(
                username=username,
                password=password,
                display_name=display_name.strip(),
                is_citizen=True,
                is_staff=False,
            )
    except IntegrityError:
        raise InvalidInput(_("该用户名已被使用，请换一个。"), field="username") from None
    # The username may be a phone number: the log names the account by id only.
    audit.record(actor=user, action="accounts.citizen.signed_up", target=user)
    return user
