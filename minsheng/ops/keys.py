"""Rotation of the personal-data keys (MINSHENG_PII_KEYS) without downtime.

1. a new key goes in front of MINSHENG_PII_KEYS (``rotate_keys --new-key`` for the embedded default's
   secrets.json; the environment in production) and every process is restarted: new writes use it, old
   rows still decrypt with the old key;
2. ``rotate_keys`` re-encrypts every encrypted field under the new key, in short transactions of a
   batch of rows each; rows already under the new key are skipped, so a run can stop and start again;
3. ``rotate_keys --retire FINGERPRINT`` removes an old key once no row needs it any more.

Encrypted fields are found by name: every text column of a model whose name ends in ``_enc`` or
``_encrypted`` holds a Fernet token (the convention of people.Person, followed by every app).
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext as _

from config import secrets as secret_store
from minsheng import audit
from minsheng.ops.errors import OpsError
from minsheng.people import crypto

SUFFIXES = ("_enc", "_encrypted")
SHORT = 16  # characters of a fingerprint shown to people


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted columns, and those columns' attribute names."""
    found = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        names = [
            f.attname
            for f in meta.concrete_fields
            if isinstance(f, models.TextField | models.CharField) and f.name.endswith(SUFFIXES)
        ]
        if names:
            found.append((model, names))
    return sorted(found, key=lambda pair: pair[0]._meta.label)


def _tokens(model, names):
    """(field, token) of every non-empty encrypted value, in batches that do not hold a transaction."""
    last = None
    while True:
        query = model._base_manager.order_by("pk").values_list("pk", *names)
        rows = list((query.filter(pk__gt=last) if last is not None else query)[:2000])
        if not rows:
            return
        for row in rows:
            for name, token in zip(names, row[1:], strict=True):
                if token:
                    yield name, token
        last = rows[-1][0]


def status() -> dict[str, Counter]:
    """For each encrypted field (``app.Model.field``): how many values each key decrypts."""
    labels = [fp[:SHORT] for fp in crypto.pii_fingerprints()]
    result = {}
    for model, names in encrypted_fields():
        for name in names:
            result[f"{model._meta.label}.{name}"] = Counter()
        for name, token in _tokens(model, names):
            position = crypto.key_position(token)
            result[f"{model._meta.label}.{name}"][labels[position] if position is not None else "?"] += 1
    return result


@dataclass
class RotationReport:
    scanned: int = 0
    rotated: int = 0
    unreadable: int = 0
    by_field: Counter = field(default_factory=Counter)


def _rotate_batch(model, names, after, batch: int, report: RotationReport):
    """Re-encrypt one batch of rows under a row lock; returns the last primary key seen (None: done)."""
    with transaction.atomic():
        query = model._base_manager.select_for_update().order_by("pk").only("pk", *names)
        rows = list((query.filter(pk__gt=after) if after is not None else query)[:batch])
        changed = []
        for row in rows:
            dirty = False
            for name in names:
                token = getattr(row, name)
                if not token:
                    continue
                report.scanned += 1
                position = crypto.key_position(token)
                if position is None:
                    report.unreadable += 1
                elif position > 0:
                    setattr(row, name, crypto.rotate(token))
                    report.by_field[f"{model._meta.label}.{name}"] += 1
                    report.rotated += 1
                    dirty = True
            if dirty:
                changed.append(row)
        if changed:
            model._base_manager.bulk_update(changed, names)
    return rows[-1].pk if rows else None


def rotate_all(*, batch: int = 500, progress=None) -> RotationReport:
    """Re-encrypt every encrypted value that is not under the first key; idempotent and resumable."""
    say = progress or (lambda message: None)
    report = RotationReport()
    for model, names in encrypted_fields():
        after, before = None, report.rotated
        while True:
            after = _rotate_batch(model, names, after, batch, report)
            if after is None:
                break
            say(
                _("%(model)s：已检查到编号 %(pk)s，已重新加密 %(count)s 个值")
                % {"model": model._meta.label, "pk": after, "count": report.rotated - before}
            )
    with transaction.atomic():
        audit.record(
            actor=None,
            actor_label="rotate_keys",
            action="ops.keys_rotated",
            data={
                "scanned": report.scanned,
                "rotated": report.rotated,
                "unreadable": report.unreadable,
                "by_field": dict(report.by_field),
                "current_key": crypto.pii_fingerprints()[0][:SHORT],
            },
        )
    return report


def find_key(prefix: str) -> str:
    """The configured PII key whose fingerprint starts with ``prefix`` (at least 8 characters)."""
    prefix = prefix.strip().lower()
    if len(prefix) < 8:
        raise OpsError(_("请给出密钥指纹的至少前 8 位（rotate_keys --status 会列出）。"))
    found = [k for k in settings.MINSHENG_PII_KEYS if crypto.fingerprint(k).startswith(prefix)]
    if len(found) != 1:
        raise OpsError(_("当前配置中没有指纹以 %(prefix)s 开头的密钥。") % {"prefix": prefix})
    return found[0]


def count_under(key: str) -> Counter:
    """How many values of each encrypted field the key ``key`` decrypts."""
    single = Fernet(key.encode())
    counts = Counter()
    for model, names in encrypted_fields():
        for name, token in _tokens(model, names):
            try:
                single.decrypt(token.encode())
            except InvalidToken:
                continue
            counts[f"{model._meta.label}.{name}"] += 1
    return counts


def retire(*, prefix: str, data_dir: Path | None = None) -> dict:
    """Remove an old key once no value needs it; refuses while any value is still encrypted with it.

    Returns ``{"fingerprint", "stored"}``: ``stored`` is False when the keys come from the environment
    and the operator has to remove it there.
    """
    key = find_key(prefix)
    fp = crypto.fingerprint(key)[:SHORT]
    if key == settings.MINSHENG_PII_KEYS[0]:
        raise OpsError(
            _("%(fp)s 是当前用于加密的密钥，不能停用：先在前面加入新密钥并运行 rotate_keys。") % {"fp": fp}
        )
    remaining = count_under(key)
    if remaining:
        detail = "，".join(f"{label} {n}" for label, n in sorted(remaining.items()))
        raise OpsError(
            _("拒绝停用密钥 %(fp)s：还有 %(count)s 个值用它加密（%(detail)s）。请先运行 rotate_keys。")
            % {"fp": fp, "count": sum(remaining.values()), "detail": detail}
        )
    stored = not secret_store.from_environment("MINSHENG_PII_KEYS") and not settings.PRODUCTION
    if stored:
        secret_store.remove_stored_pii_key(Path(data_dir or settings.DATA_DIR), key)
    with transaction.atomic():
        audit.record(
            actor=None,
            actor_label="rotate_keys",
            action="ops.key_retired",
            data={"key": fp, "stored": stored},
        )
    return {"fingerprint": fp, "stored": stored}


def add_new_key(*, data_dir: Path | None = None) -> str:
    """Generate a key and put it first in the embedded default's secrets.json; returns its fingerprint."""
    if secret_store.from_environment("MINSHENG_PII_KEYS") or settings.PRODUCTION:
        raise OpsError(
            _(
                "MINSHENG_PII_KEYS 来自环境变量：请在密钥保管处生成新密钥，放在该变量的最前面（逗号分隔），"
                "重启全部进程后再运行 rotate_keys。生成方法见 docs/backup.md。"
            )
        )
    key = secret_store.new_pii_key()
    secret_store.store_pii_key_first(Path(data_dir or settings.DATA_DIR), key)
    with transaction.atomic():
        audit.record(
            actor=None,
            actor_label="rotate_keys",
            action="ops.key_added",
            data={"key": crypto.fingerprint(key)[:SHORT]},
        )
    return crypto.fingerprint(key)[:SHORT]
