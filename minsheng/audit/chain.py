"""The hash chain: append an event, verify the whole log.

Each hash covers the previous hash and the event's content, so editing, deleting or re-ordering
any row breaks every hash after it.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from minsheng.audit.models import AuditEvent, ChainHead

GENESIS = "0" * 64
MASK = "***"


def _digest(
    prev_hash: str, *, at: datetime, actor_id, actor_label, action, target_type, target_id, data
) -> str:
    body = json.dumps(
        [prev_hash, at.isoformat(), actor_id, actor_label, action, target_type, target_id, data],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _target(target) -> tuple[str, str]:
    if target is None:
        return "", ""
    if isinstance(target, tuple):
        return str(target[0]), str(target[1])
    return target._meta.label_lower, str(target.pk)


def record(
    *,
    actor,
    action: str,
    target=None,
    data: dict | None = None,
    sensitive: tuple[str, ...] = (),
    actor_label: str = "",
):
    """Append an event to the log in the caller's transaction.

    ``action`` is a dotted code (``petitions.petition.accepted``); keys named in ``sensitive`` are
    stored masked so the log itself never becomes a copy of personal data.
    """
    event = dict(actor=actor, action=action, target=target, data=data, sensitive=sensitive)
    return record_many([{**event, "actor_label": actor_label}])[0]


def record_many(events: list[dict]) -> list[AuditEvent]:
    """Append events (each given as ``record``'s keyword arguments) in order, in the caller's
    transaction, locking the chain's head once and inserting them in one statement: a batch of
    registrations appends one event each."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction of the write it records")
    if not events:
        return []
    prev_hash = _lock_head()
    rows = []
    for event in events:
        fields = _fields(**event)
        digest = _digest(prev_hash, **fields)
        rows.append(AuditEvent(prev_hash=prev_hash, hash=digest, **fields))
        prev_hash = digest
    # One INSERT keeps the list's order in the ids, which is the order ``verify`` walks the chain.
    created = AuditEvent.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_head_table()} SET last_hash = %s, last_event_id = %s WHERE id = 1",
            [created[-1].hash, created[-1].pk],
        )
    return created


def _fields(*, actor, action, target=None, data=None, sensitive=(), actor_label="") -> dict:
    clean = {k: (MASK if k in sensitive and v not in (None, "") else v) for k, v in (data or {}).items()}
    clean = json.loads(json.dumps(clean, ensure_ascii=False, default=str))
    target_type, target_id = _target(target)
    return dict(
        at=timezone.now(),
        actor_id=getattr(actor, "pk", None),
        actor_label=actor_label or (getattr(actor, "username", "") if actor is not None else "system"),
        action=action,
        target_type=target_type,
        target_id=target_id,
        data=clean,
    )


def _head_table() -> str:
    return connection.ops.quote_name(ChainHead._meta.db_table)


def _lock_head() -> str:
    """The newest hash, with the head row locked until the caller's transaction ends.

    Plain SQL rather than the ORM: every audited write passes here, and building the query costs more
    than running it. On SQLite there is no ``FOR UPDATE``; its one write lock already serializes appends.
    """
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    sql = f"SELECT last_hash FROM {_head_table()} WHERE id = 1{lock}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
        if row is None:  # the very first event: create the head, then lock it like any other time
            ChainHead.objects.get_or_create(id=1, defaults={"last_hash": GENESIS})
            cursor.execute(sql)
            row = cursor.fetchone()
    return row[0]


@dataclass(frozen=True)
class Verdict:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str = ""


def verify(batch: int = 5000, using: str | None = None) -> Verdict:
    """Walk the whole log in order and recompute every hash (``using``: another database alias)."""
    prev, checked, last_id = GENESIS, 0, 0
    while True:
        events = list(AuditEvent.objects.using(using).filter(id__gt=last_id).order_by("id")[:batch])
        if not events:
            break
        for e in events:
            if e.prev_hash != prev:
                return Verdict(False, checked, e.pk, "prev_hash does not match the event before it")
            expected = _digest(
                prev,
                at=e.at,
                actor_id=e.actor_id,
                actor_label=e.actor_label,
                action=e.action,
                target_type=e.target_type,
                target_id=e.target_id,
                data=e.data,
            )
            if e.hash != expected:
                return Verdict(False, checked, e.pk, "content does not match its hash")
            prev, checked, last_id = e.hash, checked + 1, e.pk
    head = ChainHead.objects.using(using).filter(id=1).first()
    if head and head.last_hash != prev:
        return Verdict(False, checked, head.last_event_id, "the newest events were removed")
    return Verdict(True, checked)
