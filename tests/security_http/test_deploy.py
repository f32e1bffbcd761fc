"""Production settings: `manage.py check --deploy` finds nothing, and the headers and cookies are
those docs/security.md promises. Run in a subprocess with MINSHENG_ENV=production and its secrets."""

import base64
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOST = "minsheng.example.org"

PROBE = f"""
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="{HOST}")
secure = client.get("/accounts/login/", secure=True)
plain = client.get("/accounts/login/")
print(json.dumps({{
    "session_cookie": settings.SESSION_COOKIE_NAME,
    "csrf_cookie": settings.CSRF_COOKIE_NAME,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "staff_2fa": settings.MINSHENG["STAFF_2FA"],
    "secure_status": secure.status_code,
    "headers": dict(secure.headers),
    "cookies": {{name: dict(c) for name, c in secure.cookies.items()}},
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
}}))
"""


def production_env(tmp_path, **extra) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' Playwright fixture, never in production.
        if k
        not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
        and not k.startswith("MINSHENG_")
    }
    env.update(
        MINSHENG_ENV="production",
        MINSHENG_DATA_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        MINSHENG_PII_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        MINSHENG_BLIND_INDEX_KEY=secrets.token_hex(32),
    )
    env.update(extra)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )


def test_the_deploy_check_finds_no_warning_in_production(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prod")
    result = run(["-c", PROBE], production_env(tmp, MINSHENG_PROXY_SSL_HEADER="X-Forwarded-Proto"))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_the_security_headers(production):
    headers = production["headers"]
    assert production["secure_status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_production_redirects_plain_http_to_https(production):
    assert production["plain_status"] == 301
    assert production["plain_location"] == f"https://{HOST}/accounts/login/"
    assert production["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_cookies_are_host_only_secure_and_hidden_from_scripts(production):
    assert production["session_cookie"] == "__Host-sessionid"
    assert production["csrf_cookie"] == "__Host-csrftoken"
    csrf = production["cookies"]["__Host-csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["path"] == "/" and not csrf["domain"]


def test_production_asks_staff_for_a_second_factor(production):
    assert production["staff_2fa"] is True
