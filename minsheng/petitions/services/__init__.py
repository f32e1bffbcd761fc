"""Every write to a petition: keyword-only, atomic, audited. Import from here."""

from minsheng.petitions.services.deadlines import ScanResult, scan_deadlines
from minsheng.petitions.services.handling import (
    petition_accept,
    petition_answer,
    petition_extend,
    petition_settle,
)
from minsheng.petitions.services.intake import (
    MAX_BATCH,
    Intake,
    Receipt,
    Submission,
    check_attachment,
    petition_submit,
    petitions_submit_batch,
)
from minsheng.petitions.services.numbers import query_code_of
from minsheng.petitions.services.printing import petition_print
from minsheng.petitions.services.review import (
    petition_decide_re_review,
    petition_decide_review,
    petition_end_hearing,
    petition_rate,
    petition_request_re_review,
    petition_request_review,
    petition_start_hearing,
)
from minsheng.petitions.services.routing import (
    petition_assign,
    petition_decline,
    petition_forward,
    petition_link_repeat,
    petition_object,
    petition_redirect,
)

__all__ = [
    "MAX_BATCH",
    "Intake",
    "Receipt",
    "ScanResult",
    "Submission",
    "check_attachment",
    "petition_accept",
    "petition_answer",
    "petition_assign",
    "petition_decide_re_review",
    "petition_decide_review",
    "petition_decline",
    "petition_end_hearing",
    "petition_extend",
    "petition_forward",
    "petition_link_repeat",
    "petition_object",
    "petition_print",
    "petition_rate",
    "petition_redirect",
    "petition_request_re_review",
    "petition_request_review",
    "petition_settle",
    "petition_start_hearing",
    "petition_submit",
    "petitions_submit_batch",
    "query_code_of",
    "scan_deadlines",
]
