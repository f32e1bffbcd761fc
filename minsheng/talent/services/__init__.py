"""Every write of the talent registry: keyword-only, atomic, with an explicit actor, audited."""

from minsheng.talent.services.education import ce_add, ce_delete
from minsheng.talent.services.registration import certificate_add, registration_register, registration_renew
from minsheng.talent.services.workers import WorkerData, worker_create, worker_update

__all__ = [
    "WorkerData",
    "ce_add",
    "ce_delete",
    "certificate_add",
    "registration_register",
    "registration_renew",
    "worker_create",
    "worker_update",
]
