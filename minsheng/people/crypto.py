"""Encryption at rest for personal data (Fernet: AES-128-CBC + HMAC-SHA256, from ``cryptography``).

The first key of MINSHENG_PII_KEYS encrypts; all of them decrypt, so keys can be rotated.
"""

import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver


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


# -- key rotation and backups (minsheng.ops): fingerprints name a key without revealing it --------


def fingerprint(key: str) -> str:
    """SHA-256 of a key, hex: safe to print, log and keep in a backup manifest."""
    return hashlib.sha256(b"minsheng-key:" + key.strip().encode()).hexdigest()


def pii_fingerprints() -> list[str]:
    """Fingerprints of MINSHENG_PII_KEYS, in order (the first one encrypts)."""
    return [fingerprint(k) for k in settings.MINSHENG_PII_KEYS]


def blind_index_fingerprint() -> str:
    return fingerprint(settings.MINSHENG_BLIND_INDEX_KEY)


@lru_cache(maxsize=1)
def _single_fernets() -> tuple[Fernet, ...]:
    return tuple(Fernet(k.encode()) for k in settings.MINSHENG_PII_KEYS)


def key_position(token: str) -> int | None:
    """Which key of MINSHENG_PII_KEYS (0 = the current one) decrypts ``token``; None if none does."""
    for position, single in enumerate(_single_fernets()):
        try:
            single.decrypt(token.encode())
        except InvalidToken:
            continue
        return position
    return None


def rotate(token: str) -> str:
    """``token`` re-encrypted under the current (first) key; empty stays empty."""
    if not token:
        return ""
    return _fernet().rotate(token.encode()).decode()


def reset() -> None:
    """Forget the cached keys (after MINSHENG_PII_KEYS changed in this process)."""
    _fernet.cache_clear()
    _single_fernets.cache_clear()


@receiver(setting_changed)
def _keys_changed(*, setting, **kwargs):
    if setting == "MINSHENG_PII_KEYS":
        reset()
