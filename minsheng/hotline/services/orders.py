"""The steps of an order after intake; each one keyword-only, atomic, audited (through ``take``)."""

from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import days
from minsheng.hotline import conf
from minsheng.hotline.models import KnowledgeAnswer, Order, OrderCopy
from minsheng.hotline.services import rollups
from minsheng.hotline.services.catalogue import HANDLING_KINDS, resolve_unit, rule_save
from minsheng.hotline.services.transitions import take
from minsheng.hotline.workflow import Kind, RedirectChannel, Satisfaction, visit_too_early
from minsheng.orgs.models import Unit
from minsheng.orgs.selectors import duty_list_allows, nearest_unit


def _required(value: str, field: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(message, field=field)
    return value


def _check_unit(unit: Unit) -> None:
    if unit.kind not in HANDLING_KINDS or not unit.is_active:
        raise InvalidInput(_("承办单位须为启用的职能部门、街道（乡镇）或人民政府。"), field="unit")


def _check_duty_list(unit: Unit, category) -> None:
    """职责清单: a street or township leads only matters on its list (the category or its parent)."""
    if unit.kind != Unit.Kind.STREET_OFFICE:
        return
    codes = [category.code] + ([category.parent.code] if category.parent_id else [])
    if not any(duty_list_allows(unit.region, code) for code in codes):
        raise InvalidInput(
            _("“%(category)s”不在%(unit)s的职责清单内，不能派给街乡主办，请派给职能部门。")
            % {"category": category.name, "unit": unit},
            field="unit",
            code="duty_list",
        )


def government_of(unit: Unit) -> Unit | None:
    """The district (county) government above a street office, which receives copies (抄送)."""
    return nearest_unit(unit.region.parent if unit.region_id else None, Unit.Kind.GOVERNMENT)


def _copy_if_street(order: Order, unit: Unit, now: datetime) -> None:
    if unit.kind != Unit.Kind.STREET_OFFICE:
        return
    government = government_of(unit)
    if government is not None:
        OrderCopy.objects.get_or_create(order=order, unit=government, defaults={"created_at": now})


@transaction.atomic
def order_dispatch(*, order: Order, actor, now: datetime, unit: Unit | None = None, save_rule: bool = False):
    """派单: to ``unit``, or to the catalogue's unit for the order's category and area."""
    if order.category_id is None:
        raise InvalidInput(_("派单前请选择分类。"), field="category")
    if order.region_id is None:
        raise InvalidInput(_("派单前请选择问题属地。"), field="region")
    chosen = unit or resolve_unit(order.category, order.region)
    if chosen is None:
        raise InvalidInput(
            _("派单目录中没有该分类和区域的承办单位，请手动选择承办单位。"), field="unit", code="no_rule"
        )
    _check_unit(chosen)
    _check_duty_list(chosen, order.category)
    order = take(
        "dispatch",
        order=order,
        actor=actor,
        now=now,
        update={"unit": chosen, "dispatched_at": now},
        data={"unit": chosen.pk, "by_catalogue": unit is None},
    )
    if save_rule and unit is not None:
        rule_save(category=order.category, region=order.region, unit=chosen, actor=actor)
    _copy_if_street(order, chosen, now)
    rollups.bump(
        at=now, unit_id=chosen.pk, region_id=order.region_id, category_id=order.category_id, received=1
    )
    return order


@transaction.atomic
def order_answer(*, order: Order, actor, now: datetime, knowledge_answer: KnowledgeAnswer | None = None,
                 answer_text: str = ""):  # fmt: skip
    """当场答复: a consultation closed by the operator with an answer (usually from the knowledge base)."""
    text = (answer_text or "").strip() or (knowledge_answer.answer if knowledge_answer else "")

    def update(locked: Order) -> dict:
        if locked.kind != Kind.CONSULT:
            raise DomainError(_("只有咨询类诉求可以当场答复，其他诉求须派单办理。"), code="not_consult")
        _required(text, "answer_text", _("请选择知识库答复或填写答复内容。"))
        return {"knowledge_answer": knowledge_answer, "answer_text": text, "closed_at": now}

    order = take("answer", order=order, actor=actor, now=now, update=update,
                 data={"knowledge_answer": knowledge_answer.pk if knowledge_answer else None})  # fmt: skip
    if knowledge_answer is not None:
        KnowledgeAnswer.objects.filter(pk=knowledge_answer.pk).update(use_count=F("use_count") + 1)
    return order


@transaction.atomic
def order_redirect(*, order: Order, actor, now: datetime, channel: str, reason: str):
    """Emergencies to 110/119/120/122, legal-channel matters to their procedure: recorded, not dispatched."""

    def update(locked: Order) -> dict:
        if channel not in RedirectChannel.values:
            raise InvalidInput(_("请选择转接或导入的渠道。"), field="redirect_channel")
        why = _required(reason, "redirect_reason", _("请填写转接理由及告知诉求人的内容。"))
        return {"redirect_channel": channel, "redirect_reason": why, "closed_at": now}

    return take("redirect", order=order, actor=actor, now=now, update=update, data={"channel": channel})


@transaction.atomic
def order_accept(*, order: Order, actor, now: datetime):
    return take("accept", order=order, actor=actor, now=now, update={"accepted_at": now})


@transaction.atomic
def order_object(*, order: Order, actor, now: datetime, reason: str):
    """退单: the unit says the order is not its business, once per order, with reasons."""

    def update(locked: Order) -> dict:
        if locked.objection_count >= 1:
            raise DomainError(_("每张工单只能申请退单一次。"), code="objected_before")
        why = _required(reason, "reason", _("请填写退单理由。"))
        return {"objection_count": locked.objection_count + 1, "objection_reason": why}

    return take("object", order=order, actor=actor, now=now, update=update)


@transaction.atomic
def order_uphold(*, order: Order, actor, now: datetime, decision: str):
    """The centre refuses the objection: the same unit handles it, the deadline keeps running."""

    def update(locked: Order) -> dict:
        return {"objection_decision": _required(decision, "decision", _("请填写审核意见。"))}

    return take("uphold", order=order, actor=actor, now=now, update=update)


@transaction.atomic
def order_reassign(*, order: Order, actor, now: datetime, unit: Unit, decision: str):
    """The centre accepts the objection and dispatches to ``unit``; the deadline starts again."""
    before = {}

    def update(locked: Order) -> dict:
        if unit is None:
            raise InvalidInput(_("请选择改派的承办单位。"), field="unit")
        _check_unit(unit)
        _check_duty_list(unit, locked.category)
        if unit.pk == locked.unit_id:
            raise InvalidInput(_("改派单位不能是原承办单位。"), field="unit")
        why = _required(decision, "decision", _("请填写审核意见。"))
        before.update(unit_id=locked.unit_id, at=locked.dispatched_at)
        return {"unit": unit, "dispatched_at": now, "accepted_at": None, "objection_decision": why}

    order = take("reassign", order=order, actor=actor, now=now, update=update,
                 data=lambda o: {"from_unit": o.unit_id, "unit": unit.pk})  # fmt: skip
    rollups.bump(at=before["at"], unit_id=before["unit_id"], region_id=order.region_id,
                 category_id=order.category_id, received=-1)  # fmt: skip
    rollups.bump(
        at=now, unit_id=unit.pk, region_id=order.region_id, category_id=order.category_id, received=1
    )
    _copy_if_street(order, unit, now)
    return order


@transaction.atomic
def order_extend(*, order: Order, actor, now: datetime, days_more: int, reason: str, explanation: str):
    """延期: a new deadline ``days_more`` natural days after the current one, the requester told why."""
    settings = conf.conf()

    def update(locked: Order) -> dict:
        if locked.extension_count >= settings["MAX_EXTENSIONS"]:
            raise DomainError(
                _("每张工单最多延期%(n)s次。") % {"n": settings["MAX_EXTENSIONS"]}, code="extended_before"
            )
        if not isinstance(days_more, int) or not 1 <= days_more <= settings["MAX_EXTENSION_DAYS"]:
            raise InvalidInput(
                _("延期天数须在1到%(n)s之间。") % {"n": settings["MAX_EXTENSION_DAYS"]}, field="days_more"
            )
        why = _required(reason, "reason", _("请填写延期理由。"))
        told = _required(explanation, "explanation", _("请填写向诉求人的说明。"))
        deadline = days(days_more).due(max(locked.due_at or now, now), official_calendar())
        return {
            "due_at": deadline.due_at,
            "due_warning": bool(deadline.warnings),
            "overdue_since": None,
            "extension_count": locked.extension_count + 1,
            "extension_reason": why,
            "extension_explanation": told,
        }

    return take("extend", order=order, actor=actor, now=now, update=update, data={"days": days_more})


@transaction.atomic
def order_reply(*, order: Order, actor, now: datetime, result: str):
    """办结答复: the unit's result, to be checked by the return visit."""

    def update(locked: Order) -> dict:
        return {"reply": _required(result, "result", _("请填写办理结果。")), "replied_at": now}

    return take("reply", order=order, actor=actor, now=now, update=update)


@transaction.atomic
def order_visit(*, order: Order, actor, now: datetime, reached: bool, contacted: bool | None = None,
                solved: bool | None = None, satisfaction: str = "", note: str = ""):  # fmt: skip
    """回访, after the reply or after the deadline of an order not replied to: whether the requester was
    reached (a valid visit), whether the unit contacted them, whether the problem is solved and how
    satisfied they are. Counted in the rollups at once."""

    def update(locked: Order) -> dict:
        if visit_too_early(locked, now):
            raise DomainError(_("工单尚未答复且未到办理期限，不能回访。"), code="too_early")
        if not reached:
            return {"reached": False, "contacted": None, "solved": None, "satisfaction": "",
                    "visit_note": (note or "").strip(), "visited_at": now}  # fmt: skip
        errors = {}
        if contacted is None:
            errors["contacted"] = _("请选择承办单位是否联系了诉求人。")
        if solved is None:
            errors["solved"] = _("请选择问题是否已解决。")
        if satisfaction not in Satisfaction.values:
            errors["satisfaction"] = _("请选择满意度。")
        if errors:
            raise InvalidInput(_("请完整填写回访结果。"), errors=errors)
        return {"reached": True, "contacted": contacted, "solved": solved, "satisfaction": satisfaction,
                "visit_note": (note or "").strip(), "visited_at": now}  # fmt: skip

    told = {"reached": reached, "solved": solved, "satisfaction": satisfaction}
    order = take("visit", order=order, actor=actor, now=now, update=update, data=told)
    where = {"unit_id": order.unit_id, "region_id": order.region_id, "category_id": order.category_id}
    rollups.bump(at=now, **where, **rollups.visit_deltas(order))
    return order


@transaction.atomic
def order_close(*, order: Order, actor, now: datetime):
    return take("close", order=order, actor=actor, now=now, update={"closed_at": now})
