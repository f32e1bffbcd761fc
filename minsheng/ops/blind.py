"""Recomputing the blind indexes after MINSHENG_BLIND_INDEX_KEY changed (``rotate_keys --blind-index``).

A blind index is HMAC(key, value): one key, no list, so unlike the encryption keys it cannot be rotated
while the application runs — between the key change and the end of the recompute, lookups by ID number,
phone or name find nothing. The procedure is therefore: stop the application, set the new key, run
``rotate_keys --blind-index``, start the application (docs/backup.md).

Every index is recomputed from the encrypted value it indexes. One cannot be: a new-employment
worker's withdrawal code (``withdraw_code_bi``) is never stored, only its index, so after a change of
key those codes no longer work, and today no other way to withdraw exists. The command counts them and
says so; change this key only when it was exposed.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.ops.errors import OpsError
from minsheng.people import crypto
from minsheng.people.blind_index import id_number_index, name_index, phone_index

# (model label, index field, encrypted source field, index function)
RECOMPUTABLE = (
    ("people.Person", "id_number_bi", "id_number_enc", id_number_index),
    ("people.Person", "phone_bi", "phone_enc", phone_index),
    ("people.Person", "name_bi", "name_enc", name_index),
    ("volunteers.Volunteer", "id_number_bi", "id_number_enc", id_number_index),
    ("volunteers.Volunteer", "phone_bi", "phone_enc", phone_index),
    ("volunteers.Volunteer", "name_bi", "name_enc", name_index),
    ("newemployment.WorkerRegistration", "phone_bi", "phone_enc", phone_index),
)
# Indexes of values that are never stored: they cannot be recomputed.
LOST = (("newemployment.WorkerRegistration", "withdraw_code_bi"),)


def index_fields() -> set[tuple[str, str]]:
    """Every ``*_bi`` column of every model, as (model label, field)."""
    return {
        (model._meta.label, f.name)
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField) and f.name.endswith("_bi")
    }


@dataclass
class BlindReport:
    rows: int = 0
    changed: int = 0
    lost: int = 0
    by_field: dict = field(default_factory=dict)


def recompute(*, batch: int = 500, progress=None) -> BlindReport:
    """Recompute every recomputable blind index with the current key; idempotent."""
    say = progress or (lambda message: None)
    known = {(label, name) for label, name, _src, _fn in RECOMPUTABLE} | set(LOST)
    unknown = sorted(index_fields() - known)
    if unknown:
        raise OpsError(
            _("不认识的盲索引字段 %(fields)s：请先在 minsheng/ops/blind.py 中登记它由哪个字段算出。")
            % {"fields": ", ".join(f"{label}.{name}" for label, name in unknown)}
        )
    report = BlindReport()
    by_model: dict[str, list] = {}
    for label, name, source, function in RECOMPUTABLE:
        by_model.setdefault(label, []).append((name, source, function))
    for label, specs in by_model.items():
        model = apps.get_model(label)
        names = [name for name, _src, _fn in specs]
        sources = sorted({source for _name, source, _fn in specs})
        after = 0
        while True:
            with transaction.atomic():
                rows = list(
                    model._base_manager.select_for_update()
                    .filter(pk__gt=after)
                    .order_by("pk")
                    .only("pk", *names, *sources)[:batch]
                )
                changed = []
                for row in rows:
                    dirty = False
                    for name, source, function in specs:
                        token = getattr(row, source)
                        value = function(crypto.decrypt(token)) if token else ""
                        if value != getattr(row, name):
                            setattr(row, name, value)
                            report.by_field[f"{label}.{name}"] = report.by_field.get(f"{label}.{name}", 0) + 1
                            dirty = True
                    if dirty:
                        changed.append(row)
                if changed:
                    model._base_manager.bulk_update(changed, names)
            if not rows:
                break
            after = rows[-1].pk
            report.rows += len(rows)
            report.changed += len(changed)
            say(_("%(model)s：已处理到编号 %(pk)s") % {"model": label, "pk": after})
    if report.changed:  # the key did change: the codes indexed under the old one stop working
        for label, name in LOST:
            report.lost += apps.get_model(label)._base_manager.exclude(**{name: ""}).count()
    with transaction.atomic():
        audit.record(
            actor=None,
            actor_label="rotate_keys",
            action="ops.blind_index_recomputed",
            data={
                "rows": report.rows,
                "changed": report.changed,
                "by_field": report.by_field,
                "lost": report.lost,
                "key": crypto.blind_index_fingerprint()[:16],
            },
        )
    return report
