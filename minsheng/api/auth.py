"""Who is calling: another system with a bearer token, or a staff member's logged-in browser."""

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from minsheng.accounts.models import ApiToken, User

# sha256 hex of a key we issued is 64 chars; anything much longer is not one of ours.
MAX_KEY_LENGTH = 200


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``; only the key's sha256 is stored, so we compare hashes."""

    def authenticate(self, request, token):
        user = user_of_key(token)
        if user is not None:
            request.user = user
        return user


def user_of_key(key: str) -> User | None:
    """The active user behind an API key we issued and have not revoked (bearer tokens, Open311)."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    user = _token_user(ApiToken.hash_key(key))
    return user if user is not None and user.is_active else None


def _token_user(key_hash: str) -> User | None:
    """The user of a token that has not been revoked, read afresh on every request.

    Never cached: a revoked token or a deactivated user is refused on the very next request. One
    query in plain SQL: it runs before every token request, and building it with the ORM (a join
    with select_related) cost several times what the database spends on it.
    """
    users, tokens = (connection.ops.quote_name(m._meta.db_table) for m in (User, ApiToken))
    rows = User.objects.raw(
        f"SELECT u.* FROM {users} u JOIN {tokens} t ON t.user_id = u.id"
        " WHERE t.key_hash = %s AND t.revoked = %s",
        [key_hash, False],
    )
    return next(iter(rows), None)


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
