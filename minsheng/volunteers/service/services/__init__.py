"""Every write of service records and certificates (keyword-only, atomic, actor, audited)."""

from minsheng.volunteers.service.services.approval import record_reject, records_approve
from minsheng.volunteers.service.services.certificates import certificate_issue, certificate_revoke
from minsheng.volunteers.service.services.records import (
    check_in,
    check_out,
    record_correct,
    record_enter,
)
from minsheng.volunteers.service.services.stars import recompute, recompute_one

__all__ = [
    "certificate_issue",
    "certificate_revoke",
    "check_in",
    "check_out",
    "recompute",
    "recompute_one",
    "record_correct",
    "record_enter",
    "record_reject",
    "records_approve",
]
