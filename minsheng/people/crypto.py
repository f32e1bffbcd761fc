"""Encryption at rest for personal data (Fernet: AES-128-CBC + HMAC-SHA256, from ``cryptography``).

The first key of MINSHENG_PII_KEYS encrypts; all of them decrypt, so keys can be rotated.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


@lru_cache(maxsize=1)
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in settings.MINSHENG_PII_KEYS])


def encrypt(value: str) -> str:
    if not value:
        return ""
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    return _fernet().decrypt(token.encode()).decode()
