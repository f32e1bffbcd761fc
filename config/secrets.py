"""Secrets come from the environment; a development machine gets its own, generated once.

Nothing secret lives in the repository. In production (MINSHENG_ENV=production) every key must
be given in the environment, because a generated key on a server's disk would be lost with it.
"""

import base64
import json
import os
import secrets
from pathlib import Path

NAMES = ("DJANGO_SECRET_KEY", "MINSHENG_PII_KEYS", "MINSHENG_BLIND_INDEX_KEY")


def _generate() -> dict[str, str]:
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        # Fernet keys: 32 random bytes, url-safe base64. A comma-separated list allows rotation.
        "MINSHENG_PII_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "MINSHENG_BLIND_INDEX_KEY": secrets.token_hex(32),
    }


def load(data_dir: Path, production: bool) -> dict[str, str]:
    """Return every secret, from the environment or from ``data_dir/secrets.json``."""
    found = {name: os.environ[name] for name in NAMES if os.environ.get(name)}
    if len(found) == len(NAMES):
        return found
    if production:
        missing = ", ".join(name for name in NAMES if name not in found)
        raise RuntimeError(f"MINSHENG_ENV=production needs these environment variables: {missing}")
    path = data_dir / "secrets.json"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(_generate(), f)
    stored = json.loads(path.read_text())
    return {**stored, **found}


# -- key rotation (``manage.py rotate_keys``): only the file of the embedded default is ever written --


def new_pii_key() -> str:
    """A fresh Fernet key."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def stored_path(data_dir: Path) -> Path:
    return data_dir / "secrets.json"


def from_environment(name: str) -> bool:
    """True when ``name`` comes from the environment (then only the operator can change it)."""
    return bool(os.environ.get(name))


def _rewrite(data_dir: Path, change) -> None:
    path = stored_path(data_dir)
    stored = json.loads(path.read_text())
    change(stored)
    # Write beside, then rename: a crash never leaves a half-written key file.
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(stored, f)
    os.replace(tmp, path)


def store_pii_key_first(data_dir: Path, key: str) -> None:
    """Put ``key`` in front of the stored MINSHENG_PII_KEYS (it will encrypt; the others still decrypt)."""

    def change(stored):
        keys = [k for k in stored["MINSHENG_PII_KEYS"].split(",") if k.strip() and k.strip() != key]
        stored["MINSHENG_PII_KEYS"] = ",".join([key, *keys])

    _rewrite(data_dir, change)


def remove_stored_pii_key(data_dir: Path, key: str) -> None:
    """Remove ``key`` from the stored MINSHENG_PII_KEYS."""

    def change(stored):
        keys = [k for k in stored["MINSHENG_PII_KEYS"].split(",") if k.strip() and k.strip() != key]
        stored["MINSHENG_PII_KEYS"] = ",".join(keys)

    _rewrite(data_dir, change)
