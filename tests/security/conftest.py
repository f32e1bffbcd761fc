"""One world for the whole access matrix, built once per module and rolled back at its end.

Building the world and a record of every kind takes seconds; the matrix calls ~250 endpoints, so
the records are made once in an outer transaction (each test's own transaction nests in it as a
savepoint, and each call in another savepoint that is rolled back: see ``calls.call``).
"""

import pytest
from django.db import transaction
from django.test.utils import override_settings


@pytest.fixture(scope="module")
def objects(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, the seven personas and one record of each kind (``tests.security.objects``)."""
    from tests.security.calls import forget_sessions, login_once
    from tests.security.objects import build_objects

    files = tmp_path_factory.mktemp("matrix")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(MEDIA_ROOT=files, DATA_DIR=files, PASSWORD_HASHERS=fast):
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
            try:
                built = build_objects()
                # The personas, and those the extra tests call as (``head`` stays unverified: a control).
                others = [
                    built.world.users[name] for name in ("discipline_handler", "other_registrar", "registrar")
                ]
                for user in [*built.personas.values(), *others]:
                    if user is not None:
                        login_once(user)
                yield built
            finally:
                forget_sessions()
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
