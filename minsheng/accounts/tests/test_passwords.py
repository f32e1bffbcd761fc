"""Passwords are hashed with Argon2 in production; older hashes are upgraded at the next login."""

import importlib

import pytest
from django.contrib.auth.hashers import make_password

from minsheng.accounts.models import User
from minsheng.testing import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_hashes_with_argon2_first_in_the_real_settings():
    # The tests themselves run with MD5 (an autouse fixture); the settings module keeps the real list.
    real = importlib.import_module("config.settings")
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_a_login_upgrades_an_older_hash_to_argon2(client, settings, world):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    user = world.users["clerk"]
    User.objects.filter(pk=user.pk).update(password=make_password(PASSWORD, hasher="md5"))
    assert client.post("/accounts/login/", {"username": "clerk", "password": PASSWORD}).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2")
    assert user.check_password(PASSWORD)
