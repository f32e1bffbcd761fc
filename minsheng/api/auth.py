"""Who is calling: another system with a bearer token, or a staff member's logged-in browser."""

from django.conf import settings
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from minsheng.accounts.models import ApiToken

# sha256 hex of a key we issued is 64 chars; anything much longer is not one of ours.
MAX_KEY_LENGTH = 200


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``; only the key's sha256 is stored, so we compare hashes."""

    def authenticate(self, request, token):
        if not token or len(token) > MAX_KEY_LENGTH:
            return None
        # One query: the token and its user together (the intake benchmark path).
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=ApiToken.hash_key(token), revoked=False)
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """Django's session, for the staff pages that call the API; CSRF is enforced on unsafe methods.

    Unlike ninja's own SessionAuth, a request without a session is simply unauthenticated (401),
    not a CSRF failure (403): there is nothing to forge without a session.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=True)

    def _get_key(self, request):
        return request.COOKIES.get(self.param_name)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(403, _("CSRF校验失败，请刷新页面后重试。"))
        return user

    def authenticate(self, request, key):  # required by the base class; __call__ does the work
        return self(request)
