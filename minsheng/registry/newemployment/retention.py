"""Retention of voluntary worker registrations (``people.retention``; period in ``retention_conf``).

A registration holds its identity itself (nickname, phone), not through ``people.Person``: the rule
has no links.
"""

from datetime import datetime

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan

from minsheng.people.retention import Rule, register
from minsheng.registry.newemployment.models import WorkerRegistration


def _worker_ended(cutoff: datetime, p: str = "") -> Q:
    # Only rows with personal data left: a withdrawal has erased the others already.
    left = ~Q(**{f"{p}nickname": "", f"{p}phone_enc": "", f"{p}withdraw_code_bi": ""})
    return Q(LessThan(Coalesce(f"{p}withdrawn_at", f"{p}created_at"), cutoff)) & left


def _workers_scrub(ids: list[int]) -> None:
    # As a withdrawal does, but the row keeps counting as registered: the statistics do not move.
    WorkerRegistration.objects.filter(pk__in=ids).update(
        nickname="", phone_enc="", phone_bi="", phone_masked="", withdraw_code_bi=""
    )


WORKERS = register(
    Rule(
        "newemployment",
        "newemployment.workerregistration",
        WorkerRegistration,
        _worker_ended,
        _workers_scrub,
    )
)
