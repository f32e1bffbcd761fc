"""An order from the call to the closing: dispatch by the catalogue, deadlines, objection, extension,
reply, return visit, and the rules that guard each step."""

from datetime import datetime, timedelta

import pytest

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.hotline import services
from minsheng.hotline.models import DispatchRule, Order, OrderCopy
from minsheng.hotline.workflow import S
from minsheng.people.services import Identity


def test_it_dispatches_by_the_most_specific_area(make_order, world):
    county_order = make_order()
    street_order = make_order(region=world.regions["street"])
    assert county_order.status == S.DISPATCHED
    assert county_order.unit == world.units["housing"]
    assert street_order.unit == world.units["street_office"]


def test_it_uses_the_parent_categorys_rule_when_the_subcategory_has_none(make_order, world, cats):
    order = make_order(category=cats["roads"])
    assert order.unit == world.units["housing"]


def test_it_copies_orders_to_a_street_office_to_the_district_government(make_order, world):
    street_order = make_order(region=world.regions["street"])
    county_order = make_order()
    assert list(OrderCopy.objects.filter(order=street_order).values_list("unit_id", flat=True)) == [
        world.units["government"].pk
    ]
    assert not OrderCopy.objects.filter(order=county_order).exists()


def test_it_asks_for_a_unit_when_the_catalogue_has_no_rule(make_order, world, cats):
    DispatchRule.objects.all().delete()
    with pytest.raises(InvalidInput) as e:
        make_order()
    assert e.value.code == "no_rule"
    assert not Order.objects.exists()  # nothing half-written
    order = make_order(unit=world.units["labour"])
    assert order.unit == world.units["labour"]


def test_it_saves_a_manual_choice_as_a_rule(world, cats, operator, now, make_order):
    DispatchRule.objects.all().delete()
    order = make_order(action="hold")
    services.order_dispatch(order=order, actor=operator, now=now, unit=world.units["labour"], save_rule=True)
    assert services.resolve_unit(cats["lights"], world.regions["county"]) == world.units["labour"]


@pytest.mark.parametrize(
    ("urgency", "expected"),
    [
        ("urgent", datetime(2026, 3, 11, 12, 0, tzinfo=CHINA)),
        ("utility", datetime(2026, 3, 12, 10, 0, tzinfo=CHINA)),
        # 7 natural days after Wed 11 March: Wed 18 March, end of day.
        ("ordinary", datetime(2026, 3, 18, 23, 59, 59, tzinfo=CHINA)),
        # 15 natural days: Thu 26 March.
        ("complex", datetime(2026, 3, 26, 23, 59, 59, tzinfo=CHINA)),
    ],
)
def test_it_sets_the_deadline_by_urgency(make_order, urgency, expected):
    assert make_order(urgency=urgency).due_at == expected


def test_it_moves_a_natural_day_deadline_that_ends_on_a_rest_day(make_order, now):
    # 10 days after Wed 11 March is Sat 21 March: the deadline moves to Monday 23 March.
    order = make_order(at=now + timedelta(days=3), urgency="ordinary")  # Sat 14 → Sat 21
    assert order.due_at.date() == datetime(2026, 3, 23).date()


def test_it_reads_deadlines_from_the_configuration(make_order, settings, now):
    settings.MINSHENG = {**settings.MINSHENG, "HOTLINE": {"DEADLINES": {"urgent": ("hours", 1)}}}
    assert make_order(urgency="urgent").due_at == now + timedelta(hours=1)


def test_it_walks_an_order_to_closing(make_order, handler, head, operator, now):
    order = make_order()
    order = services.order_accept(order=order, actor=handler, now=now)
    assert order.status == S.ACCEPTED
    order = services.order_reply(order=order, actor=handler, now=now, result="已更换灯泡，路灯恢复照明。")
    assert order.status == S.REPLIED
    order = services.order_visit(
        order=order,
        actor=operator,
        now=now,
        reached=True,
        contacted=True,
        solved=True,
        satisfaction="satisfied",
    )
    assert order.status == S.VISITED and order.valid_visit
    order = services.order_close(order=order, actor=operator, now=now)
    assert order.status == S.CLOSED and order.closed_at == now


def test_it_allows_one_objection_only(make_order, handler, dispatcher, now):
    order = make_order()
    order = services.order_object(order=order, actor=handler, now=now, reason="路灯归街道管理。")
    assert order.status == S.OBJECTED
    order = services.order_uphold(order=order, actor=dispatcher, now=now, decision="该路段由住建局维护。")
    assert order.status == S.DISPATCHED and order.unit.name == "青川区住房和城乡建设局"
    with pytest.raises(DomainError) as e:
        services.order_object(order=order, actor=handler, now=now, reason="再次退单")
    assert e.value.code == "objected_before"


def test_it_reassigns_on_an_upheld_objection_and_restarts_the_clock(
    make_order, handler, dispatcher, world, now
):
    order = make_order()
    services.order_object(order=order, actor=handler, now=now, reason="非本单位职责。")
    later = now + timedelta(hours=3)
    order = services.order_reassign(
        order=order, actor=dispatcher, now=later, unit=world.units["street_office"], decision="改派街道。"
    )
    assert order.unit == world.units["street_office"] and order.dispatched_at == later
    assert order.due_at == datetime(2026, 3, 18, 23, 59, 59, tzinfo=CHINA)
    assert OrderCopy.objects.filter(order=order, unit=world.units["government"]).exists()


def test_an_operator_cannot_decide_an_objection(make_order, handler, operator, now):
    order = make_order()
    services.order_object(order=order, actor=handler, now=now, reason="非本单位职责。")
    with pytest.raises(DomainError) as e:
        services.order_uphold(order=order, actor=operator, now=now, decision="驳回")
    assert e.value.code == "forbidden"


def test_it_extends_with_reason_and_explanation_once(make_order, handler, head, now):
    order = make_order()
    services.order_accept(order=order, actor=handler, now=now)
    with pytest.raises(DomainError):
        services.order_extend(order=order, actor=handler, now=now, days_more=5, reason="r", explanation="e")
    with pytest.raises(InvalidInput) as e:
        services.order_extend(
            order=order, actor=head, now=now, days_more=5, reason="需要采购灯具", explanation=""
        )
    assert "explanation" in e.value.errors
    order = services.order_extend(
        order=order,
        actor=head,
        now=now,
        days_more=5,
        reason="需要采购灯具",
        explanation="已电话告知诉求人延期原因。",
    )
    assert order.due_at.date() == datetime(2026, 3, 23).date()  # 18 March + 5 days
    assert order.extension_explanation == "已电话告知诉求人延期原因。"
    with pytest.raises(DomainError) as e:
        services.order_extend(order=order, actor=head, now=now, days_more=2, reason="r", explanation="e")
    assert e.value.code == "extended_before"


def test_it_requires_a_requester_except_for_consultations(make_order):
    with pytest.raises(InvalidInput) as e:
        make_order(requester=None)
    assert "requester_name" in e.value.errors
    order = make_order(kind="consult", requester=None, action="hold")
    assert order.is_anonymous and order.requester is None


def test_it_records_the_knowledge_answer_given(world, operator, now, kb, cats, rules):
    from minsheng.hotline.services import OrderIntake, order_receive

    order = order_receive(
        intake=OrderIntake(kind="consult", title="居住证办理", content="外地来青川区工作，怎么办居住证？"),
        actor=operator, now=now, action="answer", knowledge_answer=kb,
    )  # fmt: skip
    assert order.status == S.ANSWERED and order.knowledge_answer == kb
    assert order.answer_text == kb.answer and order.due_at is None
    kb.refresh_from_db()
    assert kb.use_count == 1


def test_only_consultations_are_answered_on_the_spot(world, operator, now, kb):
    from minsheng.hotline.services import OrderIntake, order_receive

    with pytest.raises(DomainError) as e:
        order_receive(
            intake=OrderIntake(kind="complaint", title="噪声", content="夜间施工噪声",
                               requester=Identity(name="李四", phone="13900002222")),
            actor=operator, now=now, action="answer", knowledge_answer=kb,
        )  # fmt: skip
    assert e.value.code == "not_consult"
    assert not Order.objects.exists()


def test_it_records_a_redirect_without_dispatch(world, operator, now):
    from minsheng.hotline.services import OrderIntake, order_receive

    order = order_receive(
        intake=OrderIntake(kind="help", title="路口车祸", content="幸福路口两车相撞有人受伤",
                           urgency="urgent", requester=Identity(name="王五", phone="13700003333")),
        actor=operator, now=now, action="redirect", redirect_channel="122",
        redirect_reason="交通事故，已转接122并告知诉求人。",
    )  # fmt: skip
    assert order.status == S.REDIRECTED and order.unit is None and order.redirect_channel == "122"
    with pytest.raises(InvalidInput) as e:
        order_receive(
            intake=OrderIntake(kind="complaint", title="欠薪", content="公司拖欠工资三个月",
                               requester=Identity(name="王五", phone="13700003333")),
            actor=operator, now=now, action="redirect", redirect_channel="arbitration", redirect_reason=" ",
        )  # fmt: skip
    assert "redirect_reason" in e.value.errors


def test_it_refuses_intake_from_someone_not_an_operator(world, handler, now):
    from minsheng.hotline.services import OrderIntake, order_receive

    with pytest.raises(DomainError) as e:
        order_receive(intake=OrderIntake(kind="consult", title="t", content="c"), actor=handler, now=now)
    assert e.value.code == "forbidden"


def test_the_overdue_scan_flags_once_and_tells_the_units_head(
    make_order, now, head, django_capture_on_commit_callbacks
):
    from minsheng.notices.models import Notice

    order = make_order(urgency="urgent")
    later = now + timedelta(hours=3)
    assert services.scan_overdue(now=now).overdue == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.scan_overdue(now=later).overdue == 1
        assert services.scan_overdue(now=later + timedelta(hours=1)).overdue == 0
    order.refresh_from_db()
    assert order.overdue_since == later
    assert Notice.objects.filter(user=head).count() == 1


def test_an_extension_clears_the_overdue_flag(make_order, handler, head, now):
    order = make_order(urgency="urgent")
    services.order_accept(order=order, actor=handler, now=now)
    services.scan_overdue(now=now + timedelta(hours=3))
    order = services.order_extend(order=order, actor=head, now=now + timedelta(hours=4), days_more=2,
                                  reason="夜间无法施工", explanation="已告知")  # fmt: skip
    assert order.overdue_since is None
    assert services.scan_overdue(now=now + timedelta(hours=5)).overdue == 0


def test_a_return_visit_needs_complete_answers_when_reached(make_order, handler, operator, now):
    order = make_order()
    services.order_accept(order=order, actor=handler, now=now)
    services.order_reply(order=order, actor=handler, now=now, result="已修复")
    with pytest.raises(InvalidInput) as e:
        services.order_visit(order=order, actor=operator, now=now, reached=True, contacted=True)
    assert set(e.value.errors) == {"solved", "satisfaction"}
    order = services.order_visit(order=order, actor=operator, now=now, reached=False, note="无人接听")
    assert order.status == S.VISITED and not order.valid_visit


def test_an_unreplied_order_is_visited_only_after_its_deadline(make_order, handler, operator, now):
    order = make_order(urgency="urgent")
    services.order_accept(order=order, actor=handler, now=now)
    with pytest.raises(DomainError) as e:
        services.order_visit(order=order, actor=operator, now=now + timedelta(hours=1), reached=False)
    assert e.value.code == "too_early"
    order = services.order_visit(
        order=order, actor=operator, now=now + timedelta(hours=3), reached=True, contacted=False,
        solved=False, satisfaction="dissatisfied",
    )  # fmt: skip
    assert order.status == S.VISITED and order.valid_visit and order.replied_at is None
