"""The petitions API: intake by clerks, the work queue, case steps, and progress lookup for petitioners.

Thin, like the views: parse, authorize through selectors and permissions, call one service,
respond. A case the caller may not see is a 404 (selectors), a step the workflow refuses is a
409 (DomainError), a field a service refuses is a 400 (InvalidInput).
"""

import copy
import re
import time
from collections.abc import Callable

from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Header, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle
from pydantic import Field

from minsheng.api.errors import error_body
from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import clerk_bureaus, intake_bureau, unit_ids_of
from minsheng.people.services import Identity, masked
from minsheng.petitions import permissions, selectors, services, workflow
from minsheng.petitions.models import Category, Petition
from minsheng.petitions.schemas import (
    BatchIn,
    BatchOut,
    PetitionDetail,
    PetitionPage,
    RateIn,
    ReviewIn,
    StepIn,
    SubmitIn,
    SubmitOut,
    TrackIn,
    TrackOut,
)
from minsheng.petitions.services import Intake, Submission
from minsheng.petitions.workflow import WINDOWS, S

router = Router(tags=["petitions"])
track_router = Router(tags=["track"])

NUMBER = re.compile(r"[A-Za-z0-9-]{1,30}")
KEY_TAKEN = gettext_lazy("该 Idempotency-Key 已被其他单位使用。")


def _local(value):
    return timezone.localtime(value) if value else None


# ---- intake ------------------------------------------------------------------------------------


def _identity(person) -> Identity | None:
    if person is None:
        return None
    return Identity(
        name=person.name,
        id_number=person.id_number,
        phone=person.phone,
        address=person.address,
        is_organization=person.is_organization,
    )


# Regions and categories change a few times a year, yet every submit looked both up by code. Each
# process keeps the ones it has found for REFERENCE_TTL seconds: a save or delete in this process clears
# them at once, other processes see a change within the TTL. A code not found is never cached, so a new
# one works at once. Only reference data is cached here, never who the caller is or what they may do.
REFERENCE_TTL = 60.0
REFERENCE_MAX = 5000


class _ByCode:
    def __init__(self, model):
        self.model = model
        self._found: dict[str, tuple[float, object]] = {}
        for signal in (post_save, post_delete):
            signal.connect(self.clear, sender=model, weak=False, dispatch_uid=f"by-code-{model._meta.label}")

    def get(self, code: str):
        """The row with ``code`` (a private copy: callers may hold it), or None."""
        now = time.monotonic()
        hit = self._found.get(code)
        if hit is None or hit[0] <= now:
            row = self.model.objects.filter(code=code).first()
            if row is None:
                self._found.pop(code, None)
                return None
            if len(self._found) >= REFERENCE_MAX:
                self._found.clear()
            hit = self._found[code] = (now + REFERENCE_TTL, row)
        return copy.copy(hit[1])

    def clear(self, **kwargs) -> None:
        self._found.clear()


_regions = _ByCode(Region)
_categories = _ByCode(Category)


def _category(code: str | None) -> Category | None:
    """The category with ``code``; None when no code is given; InvalidInput for an unknown one."""
    if not code:
        return None
    category = _categories.get(code)
    if category is None:
        raise InvalidInput(_("信访事项分类代码不存在。"), field="category")
    return category


def _intake(payload: SubmitIn) -> Intake:
    region = _regions.get(payload.region)
    if region is None:
        raise InvalidInput(_("区划代码“%(code)s”不存在。") % {"code": payload.region}, field="region")
    category = _category(payload.category)
    accused_unit = None
    if payload.accused_unit is not None:
        accused_unit = Unit.objects.filter(pk=payload.accused_unit).first()
        if accused_unit is None:
            raise InvalidInput(_("被反映单位不存在。"), field="accused_unit")
    return Intake(
        channel=payload.channel,
        kind=payload.kind,
        title=payload.title,
        request=payload.request,
        facts=payload.facts,
        reasons=payload.reasons,
        region=region,
        category=category,
        petitioner=_identity(payload.petitioner),
        representatives=[_identity(p) for p in payload.representatives],
        headcount=payload.headcount,
        accused_unit=accused_unit,
        accused_person=payload.accused_person,
        anonymous=payload.anonymous,
    )


@router.post("", response={201: SubmitOut, 200: SubmitOut}, summary="登记信访件")
def submit(
    request,
    payload: SubmitIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=100),
):
    """Register a petition at the caller's petition bureau (clerks only).

    A retry with the same ``Idempotency-Key`` returns the first registration with 200 and creates nothing.
    """
    bureaus = _clerk_bureaus(request.auth)
    intake = _intake(payload)
    receipt = services.petition_submit(
        intake=intake,
        actor=request.auth,
        now=timezone.now(),
        intake_unit=intake_bureau(bureaus, intake.region),
        idempotency_key=idempotency_key or None,
    )
    if _key_of_another_bureau(receipt, bureaus):
        raise HttpError(409, str(KEY_TAKEN))
    petition = receipt.petition
    similar = selectors.similar_case_numbers(request.auth, petition.text, exclude=petition.pk)
    return Status(_status(receipt), _receipt_body(receipt, similar))


@router.post("/batch", response=BatchOut, summary="批量登记信访件")
def submit_batch(request, payload: BatchIn):
    """Register up to 100 petitions sent together by another system (clerks only), in their order.

    Each item carries its own ``idempotency_key``: a batch sent again after a timeout registers nothing
    twice (those items answer 200 with the first registration). An item refused (400, 409) does not
    stop the others; its ``error`` says why, in the same shape as the single registration's errors.
    """
    bureaus = _clerk_bureaus(request.auth)
    results: list[dict | None] = [None] * len(payload.items)
    accepted: list[tuple[int, Submission]] = []
    for i, item in enumerate(payload.items):
        try:
            intake = _intake(item.petition)
        except InvalidInput as refused:
            results[i] = _refusal(refused)
            continue
        accepted.append((i, Submission(intake, item.idempotency_key, intake_bureau(bureaus, intake.region))))
    receipts = services.petitions_submit_batch(
        submissions=[s for _i, s in accepted], actor=request.auth, now=timezone.now()
    )
    answered = {}
    for (i, _submission), receipt in zip(accepted, receipts, strict=True):
        if isinstance(receipt, InvalidInput):
            results[i] = _refusal(receipt)
        elif _key_of_another_bureau(receipt, bureaus):
            results[i] = {"status": 409, "error": error_body(KEY_TAKEN, "conflict")}
        else:
            answered[i] = receipt
    cases = [(r.petition.text, r.petition.pk) for r in answered.values()]
    similar = selectors.similar_case_numbers_many(request.auth, cases)
    for (i, receipt), found in zip(answered.items(), similar, strict=True):
        results[i] = {"status": _status(receipt), "petition": _receipt_body(receipt, found)}
    created = sum(1 for r in results if r["status"] == 201)
    refused = sum(1 for r in results if r["status"] >= 400)
    return {"created": created, "refused": refused, "results": results}


def _clerk_bureaus(user) -> list[Unit]:
    bureaus = clerk_bureaus(user)
    if not bureaus:
        raise HttpError(403, _("只有信访部门的登记员可以登记信访件。"))
    return bureaus


def _key_of_another_bureau(receipt, bureaus: list[Unit]) -> bool:
    # A key is not a way to read another bureau's case.
    return not receipt.created and receipt.petition.intake_unit_id not in {b.pk for b in bureaus}


def _refusal(refused: InvalidInput) -> dict:
    return {"status": refused.status_code, "error": error_body(refused.message, refused.code, refused.errors)}


def _status(receipt) -> int:
    return 201 if receipt.created else 200  # 200: a retry, answered with the first registration


def _receipt_body(receipt, similar: list[tuple[str, float]]) -> dict:
    petition = receipt.petition
    return {
        "number": petition.number,
        "query_code": receipt.query_code,
        "status": petition.status,
        "due_at": _local(petition.due_at),
        "due_clock": petition.due_clock,
        "created": receipt.created,
        "manual_routing": petition.manual_routing,
        # Earlier cases with nearly the same text that the caller may see: possible repeats or one
        # matter raised by many people, for the clerk to look at before routing.
        "similar": [{"number": number, "similarity": round(score, 2)} for number, score in similar],
    }


# ---- the work queue and a case -----------------------------------------------------------------


class QueueIn(Schema):
    state: str = Field("", max_length=20, description="状态，如 registered、accepted")
    due: str = Field("", max_length=10, description="overdue：已超期；soon：即将到期")
    q: str = Field("", max_length=100, description="编号、身份证号、电话、姓名或标题关键词")
    manual: bool = Field(False, description="true：只列需人工分派的待转送/交办件")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


def _hidden_identity(petition: Petition, my_units: set[int]) -> bool:
    return petition.petitioner_id is None or permissions.accused_among(petition, my_units)


def _overdue(petition: Petition, now) -> bool:
    return bool(petition.due_at and petition.due_at < now and petition.due_clock not in WINDOWS)


@router.get("", response=PetitionPage, summary="待办信访件")
def queue(request, params: Query[QueueIn]):
    """Open cases the caller may see, nearest deadline first."""
    if params.state and params.state not in S.values:
        raise InvalidInput(_("状态取值无效。"), field="state")
    if params.due not in ("", "overdue", "soon"):
        raise InvalidInput(_("due 应为 overdue 或 soon。"), field="due")
    user, now = request.auth, timezone.now()
    qs = selectors.queue(
        user, now=now, state=params.state, search=params.q, due=params.due, manual=params.manual
    )
    rows = list(qs[params.offset : params.offset + params.limit + 1])
    mine = unit_ids_of(user)
    items = [
        {
            "number": p.number,
            "title": p.title,
            "kind": p.kind,
            "channel": p.channel,
            "status": p.status,
            "status_label": str(p.get_status_display()),
            "region": p.region.name,
            "category": p.category.name if p.category else None,
            "unit": p.unit.name if p.unit else None,
            "received_at": _local(p.received_at),
            "due_at": _local(p.due_at),
            "due_clock": p.due_clock,
            "overdue": _overdue(p, now),
            "manual_routing": p.manual_routing and p.status == S.REGISTERED,
            "petitioner": None if _hidden_identity(p, mine) else p.petitioner.name_masked,
        }
        for p in rows[: params.limit]
    ]
    more = len(rows) > params.limit
    return {
        "items": items,
        "limit": params.limit,
        "offset": params.offset,
        "next_offset": params.offset + params.limit if more else None,
    }


def _case(user, number: str) -> Petition:
    if not NUMBER.fullmatch(number):
        raise Http404
    return selectors.petition_for(user, number=number.upper())


def _coded(category):
    return {"code": category.code, "name": category.name} if category else None


def _named(unit):
    return {"id": unit.pk, "name": unit.name} if unit else None


def _detail(petition: Petition, user) -> dict:
    roles = permissions.roles_by_unit(user, petition)
    person = None
    if not _hidden_identity(petition, unit_ids_of(user)):
        person = {**masked(petition.petitioner), "is_organization": petition.petitioner.is_organization}
    text_fields = ("number", "title", "kind", "channel", "status", "accused_person", "is_anonymous",
                   "is_collective", "headcount", "request", "facts", "reasons", "due_clock", "due_warning",
                   "legal_channel", "decision_note", "extension_days", "extension_reason", "outcome",
                   "answer_facts", "answer_reasons", "answer_decision", "answer_basis", "rating",
                   "rating_comment", "review_decision", "re_review_decision")  # fmt: skip
    times = (
        "received_at",
        "assigned_at",
        "accepted_at",
        "answered_at",
        "closed_at",
        "due_at",
        "overdue_since",
    )
    return {
        **{name: getattr(petition, name) for name in text_fields},
        **{name: _local(getattr(petition, name)) for name in times},
        "kind_label": str(petition.get_kind_display()),
        "channel_label": str(petition.get_channel_display()),
        "status_label": str(petition.get_status_display()),
        "region": {"code": petition.region.code, "name": petition.region.name},
        "category": _coded(petition.category),
        "intake_unit": _named(petition.intake_unit),
        "unit": _named(petition.unit),
        "review_unit": _named(petition.review_unit),
        "accused_unit": _named(petition.accused_unit),
        "petitioner": person,
        "repeat_of": petition.repeat_of.number if petition.repeat_of_id else None,
        "routing": {
            "category": _coded(petition.suggested_category),
            "category_confidence": petition.category_confidence,
            "unit": _named(petition.suggested_unit),
            "unit_confidence": petition.unit_confidence,
            "manual": petition.manual_routing,
        },
        "allowed_steps": [step.name for step in workflow.allowed(petition.status, roles)],
    }


@router.get("/{number}", response=PetitionDetail, summary="信访件详情")
def detail(request, number: str):
    """One case, with the petitioner's identity masked and the steps the caller may take now."""
    return _detail(_case(request.auth, number), request.auth)


# ---- steps: one table from workflow step to service --------------------------------------------


def _unit(body: StepIn, user) -> Unit:
    if body.unit is None:
        raise InvalidInput(_("请选择责任单位。"), field="unit")
    unit = Unit.objects.filter(pk=body.unit).first()
    if unit is None:
        raise InvalidInput(_("责任单位不存在。"), field="unit")
    return unit


def _route_args(body: StepIn, user) -> dict:
    return {"unit": _unit(body, user), "note": body.note, "category": _category(body.category)}


def _original(body: StepIn, user) -> Petition:
    number = body.original.strip().upper()
    original = selectors.petitions_visible_to(user).filter(number=number).first() if number else None
    if original is None:
        raise InvalidInput(_("找不到原信访件“%(n)s”。") % {"n": body.original}, field="original")
    return original


def _days(body: StepIn) -> int:
    if body.days is None:
        raise InvalidInput(_("请填写延期天数。"), field="days")
    return body.days


def _nothing(body: StepIn, user) -> dict:
    return {}


StepArgs = Callable[[StepIn, object], dict]
# Step name → (service, the keyword arguments it takes from the body). "close" is the system's alone.
STEP_SERVICES: dict[str, tuple[Callable, StepArgs]] = {
    "forward": (services.petition_forward, lambda b, u: _route_args(b, u)),
    "assign": (services.petition_assign, lambda b, u: _route_args(b, u)),
    "redirect": (services.petition_redirect,
                 lambda b, u: {"legal_channel": b.legal_channel or "", "note": b.note}),
    "decline": (services.petition_decline, lambda b, u: {"reason": b.reason}),
    "link_repeat": (services.petition_link_repeat, lambda b, u: {"original": _original(b, u)}),
    "object": (services.petition_object, lambda b, u: {"reason": b.reason}),
    "accept": (services.petition_accept, _nothing),
    "extend": (services.petition_extend, lambda b, u: {"extra_days": _days(b), "reason": b.reason}),
    "answer": (services.petition_answer, lambda b, u: {"outcome": b.outcome or "", "facts": b.facts,
               "reasons": b.reasons, "decision": b.decision, "basis": b.basis}),
    "settle": (services.petition_settle, lambda b, u: {"outcome": b.outcome or "", "agreement": b.agreement}),
    "rate": (services.petition_rate, lambda b, u: {"rating": b.rating or "", "comment": b.comment}),
    "request_review": (services.petition_request_review, lambda b, u: {"reason": b.reason}),
    "decide_review": (services.petition_decide_review, lambda b, u: {"decision": b.decision}),
    "request_re_review": (services.petition_request_re_review, lambda b, u: {"reason": b.reason}),
    "start_hearing": (services.petition_start_hearing, _nothing),
    "end_hearing": (services.petition_end_hearing, _nothing),
    "decide_re_review": (services.petition_decide_re_review, lambda b, u: {"decision": b.decision}),
}  # fmt: skip


@router.post("/{number}/steps/{step}", response=PetitionDetail, summary="办理步骤")
def take_step(request, number: str, step: str, payload: StepIn | None = None):
    """Take one workflow step (forward, accept, answer…); the body carries the fields that step needs."""
    if step not in STEP_SERVICES:
        raise Http404
    service, args = STEP_SERVICES[step]
    user = request.auth
    petition = _case(user, number)
    petition = service(petition=petition, actor=user, now=timezone.now(), **args(payload or StepIn(), user))
    return _detail(petition, user)


# ---- petitioners: the number and the query code prove who they are -----------------------------


class TrackThrottle(AnonRateThrottle):
    scope = "track"  # guessing query codes is slow by design

    def __init__(self):
        super().__init__("60/m")


def _citizen_case(body: TrackIn) -> Petition:
    petition = selectors.petition_for_citizen(number=body.number, code=body.code)
    if petition is None:
        # One message for a wrong number and a wrong code: no oracle for either.
        raise HttpError(404, _("信访件编号或查询码不正确。"))
    return petition


# What the track endpoints offer, by the workflow steps behind them.
CITIZEN_ACTIONS = {"rate": {"rate"}, "review": {"request_review", "request_re_review"}}


def _tracked(petition: Petition) -> dict:
    answered = petition.answered_at is not None
    actions = {step.name for step in workflow.allowed(petition.status, permissions.citizen_roles())}
    return {
        "number": petition.number,
        "status": petition.status,
        "status_label": str(petition.get_status_display()),
        "unit": petition.unit.name if petition.unit else None,
        "received_at": _local(petition.received_at),
        "due_at": _local(petition.due_at),
        "due_clock": petition.due_clock,
        "due_clock_label": str(petition.get_due_clock_display()) if petition.due_clock else "",
        "legal_channel": petition.legal_channel,
        # The reasons told to the petitioner in writing; an objection between units is internal.
        "decision_note": petition.decision_note if petition.status in (S.REDIRECTED, S.NOT_ACCEPTED) else "",
        "extension_days": petition.extension_days,
        "extension_reason": petition.extension_reason,
        "answer": {
            "outcome": petition.outcome,
            "outcome_label": str(petition.get_outcome_display()) if petition.outcome else "",
            "facts": petition.answer_facts,
            "reasons": petition.answer_reasons,
            "decision": petition.answer_decision,
            "basis": petition.answer_basis,
            "answered_at": _local(petition.answered_at),
        }
        if answered
        else None,
        "review_decision": petition.review_decision,
        "re_review_decision": petition.re_review_decision,
        "rating": petition.rating,
        "rating_comment": petition.rating_comment,
        "actions": [name for name, steps in CITIZEN_ACTIONS.items() if steps & actions],
    }


@track_router.post("", auth=None, response=TrackOut, throttle=[TrackThrottle()], summary="查询办理进度")
def track(request, payload: TrackIn):
    """Progress, the responsible unit, the deadline, and the answer once there is one."""
    return _tracked(_citizen_case(payload))


@track_router.post("/rate", auth=None, response=TrackOut, throttle=[TrackThrottle()], summary="评价")
def rate(request, payload: RateIn):
    """The petitioner rates the handling (满意 / 基本满意 / 不满意)."""
    petition = services.petition_rate(
        petition=_citizen_case(payload),
        actor=None,
        now=timezone.now(),
        rating=payload.rating,
        comment=payload.comment,
        as_citizen=True,
    )
    return _tracked(petition)


@track_router.post(
    "/review", auth=None, response=TrackOut, throttle=[TrackThrottle()], summary="申请复查/复核"
)
def review(request, payload: ReviewIn):
    """复查 after an answer, 复核 after a review decision: the state decides which."""
    petition = _citizen_case(payload)
    request_it = (
        services.petition_request_re_review
        if petition.status == S.REVIEWED
        else services.petition_request_review
    )
    petition = request_it(
        petition=petition, actor=None, now=timezone.now(), reason=payload.reason, as_citizen=True
    )
    return _tracked(petition)
