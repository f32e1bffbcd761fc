"""Every write of 吹哨报到: keyword-only, atomic, with an actor, audited."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.notices.services import notify
from minsheng.orgs.models import DutyItem, Membership, Region, Unit
from minsheng.orgs.selectors import duty_list_allows, roles_in
from minsheng.whistles import conf, workflow
from minsheng.whistles.models import Call, Whistle

MAX_DEPARTMENTS = 12
CALLABLE = (Unit.Kind.DEPARTMENT, Unit.Kind.GOVERNMENT, Unit.Kind.POLITICS_LAW)


@dataclass(frozen=True)
class WhistlePlan:
    kind: str
    title: str
    description: str
    region: Region
    place: str
    departments: tuple[Unit, ...]
    lead: Unit | None = None  # None: the street office leads itself
    duty_item: DutyItem | None = None


def _check(plan: WhistlePlan, street: Unit) -> None:
    errors = {}
    if not plan.title.strip():
        errors["title"] = _("请写明吹哨事项。")
    if not plan.description.strip():
        errors["description"] = _("请说明情况。")
    if not plan.place.strip():
        errors["place"] = _("请填写地点。")
    if not plan.region.path.startswith(street.region.path):
        errors["region"] = _("吹哨事项须在本街乡辖区内。")
    if not plan.departments:
        errors["departments"] = _("请至少点名一个部门。")
    elif len(plan.departments) > MAX_DEPARTMENTS:
        errors["departments"] = _("一次最多点名%(n)s个部门。") % {"n": MAX_DEPARTMENTS}
    elif any(u.kind not in CALLABLE for u in plan.departments):
        errors["departments"] = _("只能点名职能部门。")
    if plan.lead is not None and plan.lead not in plan.departments:
        errors["lead"] = _("牵头部门须是被点名的部门之一。")
    if plan.lead is None and plan.duty_item is None:
        errors["lead"] = _("职责清单以外的事项须由部门牵头，请指定牵头部门。")
    elif plan.lead is None and not duty_list_allows(street.region, plan.duty_item.code):
        errors["lead"] = _("该事项不在本街乡职责清单内，须由部门牵头。")
    if errors:
        raise InvalidInput(_("请更正标出的内容。"), errors=errors)


@transaction.atomic
def whistle_raise(*, street: Unit, plan: WhistlePlan, actor, now: datetime) -> Whistle:
    """Blow the whistle: every named department is called at once, with its report times."""
    if street.kind != Unit.Kind.STREET_OFFICE or not roles_in(actor, street) & workflow.STREET:
        raise DomainError(_("只有街道（乡镇）的工作人员可以吹哨。"), code="forbidden")
    _check(plan, street)
    whistle = Whistle.objects.create(
        number="",
        kind=plan.kind,
        street=street,
        region=plan.region,
        place=plan.place.strip(),
        title=plan.title.strip(),
        description=plan.description.strip(),
        duty_item=plan.duty_item,
        street_leads=plan.lead is None,
        raised_at=now,
        raised_by=actor,
    )
    whistle.number = f"CS{now:%Y}-{whistle.pk:06d}"
    whistle.save(update_fields=["number"])
    periods, calendar = conf.periods(plan.kind), official_calendar()
    arrive_due = periods["arrive"].due(now, calendar).due_at
    result_due = periods["result"].due(now, calendar).due_at
    Call.objects.bulk_create(
        Call(whistle=whistle, unit=u, lead=u == plan.lead, arrive_due_at=arrive_due, result_due_at=result_due)
        for u in plan.departments
    )
    audit.record(
        actor=actor,
        action="whistles.whistle.raised",
        target=whistle,
        data={"kind": plan.kind, "departments": [u.pk for u in plan.departments]},
    )
    _tell_departments(whistle)
    return whistle


def _department_staff(unit_ids) -> dict[int, list]:
    """Handlers and heads of the called departments, read once for a batch of calls."""
    staff: dict[int, dict] = {}
    members = Membership.objects.filter(unit_id__in=set(unit_ids), role__in=list(workflow.DEPARTMENT))
    for m in members.select_related("user"):
        staff.setdefault(m.unit_id, {})[m.user_id] = m.user  # a handler who is also head: once
    return {unit_id: list(users.values()) for unit_id, users in staff.items()}


def _tell_departments(whistle: Whistle) -> None:
    calls = list(whistle.calls.all())
    staff = _department_staff(c.unit_id for c in calls)
    subject = _("%(street)s吹哨：%(title)s") % {"street": whistle.street, "title": whistle.title}
    for call in calls:
        for user in staff.get(call.unit_id, ()):
            notify(
                user=user,
                key=f"whistles.called:{call.pk}",
                subject=subject,
                body=_("请于%(due)s前到场报到。") % {"due": f"{call.arrive_due_at:%Y-%m-%d %H:%M}"},
                url=f"/whistles/{whistle.number}/",
            )


@transaction.atomic
def call_take(*, call: Call, step_name: str, actor, now: datetime, result: str = "") -> Call:
    """A called department responds, arrives or reports its result."""
    step = workflow.call_step(step_name)
    if not roles_in(actor, call.unit) & step.roles:
        raise DomainError(_("只有被点名部门的工作人员可以报到。"), code="forbidden")
    if call.status not in step.source or call.whistle.status != Whistle.Status.RAISED:
        raise DomainError(_("当前状态下不能执行此操作。"))
    if step.name == "report" and not result.strip():
        raise InvalidInput(_("请写明办理结果。"), field="result")
    fields = ["status", "updated_at"]
    if step.name == "acknowledge" or call.acknowledged_at is None:
        call.acknowledged_at = now
        fields.append("acknowledged_at")
    if step.name == "arrive":
        call.arrived_at = now
        fields.append("arrived_at")
    if step.name == "report":
        call.reported_at, call.result = now, result.strip()
        fields += ["reported_at", "result"]
    call.status = step.target
    call.save(update_fields=fields)
    audit.record(actor=actor, action=f"whistles.call.{step.name}", target=call, data={"unit": call.unit_id})
    return call


@transaction.atomic
def whistle_close(*, whistle: Whistle, actor, now: datetime, summary: str) -> Whistle:
    if not roles_in(actor, whistle.street) & workflow.CLOSE_ROLES:
        raise DomainError(_("只有吹哨街乡可以办结。"), code="forbidden")
    if whistle.status != Whistle.Status.RAISED:
        raise DomainError(_("当前状态下不能执行此操作。"))
    if whistle.calls.exclude(status=Call.Status.REPORTED).exists():
        raise DomainError(_("还有部门未反馈结果，不能办结。"))
    if not summary.strip():
        raise InvalidInput(_("请写明办结情况。"), field="summary")
    whistle.status, whistle.closed_at, whistle.summary = Whistle.Status.CLOSED, now, summary.strip()
    whistle.save(update_fields=["status", "closed_at", "summary", "updated_at"])
    audit.record(actor=actor, action="whistles.whistle.closed", target=whistle)
    return whistle


@transaction.atomic
def call_rate(*, call: Call, actor, rating: int, comment: str = "") -> Call:
    """The street office rates a department's report; the whistle is rated when every call is."""
    whistle = call.whistle
    if not roles_in(actor, whistle.street) & workflow.RATE_ROLES:
        raise DomainError(_("只有吹哨街乡的负责人可以评价部门。"), code="forbidden")
    if whistle.status == Whistle.Status.RAISED or call.rating is not None:
        raise DomainError(_("办结后才能评价，且每个部门只评价一次。"))
    if rating not in workflow.RATINGS:
        raise InvalidInput(_("评分应为1至5分。"), field="rating")
    call.rating, call.rating_comment = rating, comment.strip()[:200]
    call.save(update_fields=["rating", "rating_comment", "updated_at"])
    if not whistle.calls.filter(rating__isnull=True).exists():
        whistle.status = Whistle.Status.RATED
        whistle.save(update_fields=["status", "updated_at"])
    audit.record(actor=actor, action="whistles.call.rated", target=call, data={"rating": rating})
    return call


def scan_overdue(*, now: datetime) -> int:
    """Remind departments whose arrival or result is overdue (once per call and deadline)."""
    reminded = 0
    late = Call.objects.filter(whistle__status=Whistle.Status.RAISED).select_related("whistle")
    late = late.filter(status__in=[Call.Status.CALLED, Call.Status.ACKNOWLEDGED], arrive_due_at__lt=now) | (
        late.filter(status=Call.Status.ARRIVED, result_due_at__lt=now)
    )
    late = list(late)
    staff = _department_staff(c.unit_id for c in late)
    for call in late:
        which = "arrive" if call.status != Call.Status.ARRIVED else "result"
        for user in staff.get(call.unit_id, ()):
            sent = notify(
                user=user,
                key=f"whistles.overdue:{call.pk}:{which}",
                subject=_("吹哨报到已超时：%(title)s") % {"title": call.whistle.title},
                url=f"/whistles/{call.whistle.number}/",
            )
            reminded += sent is not None
    return reminded
