"""The pages as an operator and a handler use them; bad input answers 400 in Chinese."""

from django.urls import reverse

from minsheng.hotline.models import Order
from minsheng.hotline.workflow import S
from minsheng.testing import PASSWORD, password_login


def login(client, user):
    assert password_login(client, user.username, PASSWORD)


def intake_data(world, cats, **overrides):
    data = {
        "kind": "complaint", "channel": "phone", "urgency": "ordinary", "title": "路灯不亮",
        "content": "幸福路路灯不亮一周", "category": cats["lights"].pk, "region": world.regions["street"].pk,
        "requester_name": "赵六", "requester_phone": "13600004444", "action": "dispatch",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_an_operator_registers_and_dispatches_in_one_go(client, world, cats, rules, operator):
    login(client, operator)
    response = client.post(reverse("hotline:intake"), intake_data(world, cats))
    order = Order.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/orders/{order.number}/")
    assert order.status == S.DISPATCHED and order.unit == world.units["street_office"]


def test_bad_intake_answers_400_in_chinese_and_writes_nothing(client, world, cats, rules, operator):
    login(client, operator)
    response = client.post(
        reverse("hotline:intake"), intake_data(world, cats, title="", requester_phone="12345", lat="95")
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "请检查填写的内容" in body
    assert not Order.objects.exists()
    response = client.post(reverse("hotline:intake"), intake_data(world, cats, requester_phone="12345"))
    assert response.status_code == 400 and "电话号码格式不正确" in response.content.decode()
    assert not Order.objects.exists()


def test_the_intake_page_searches_the_knowledge_base_as_one_types(client, kb, operator):
    login(client, operator)
    found = client.get(reverse("hotline:knowledge"), {"title": "居住证"}, HTTP_HX_REQUEST="true")
    assert kb.answer in found.content.decode()
    nothing = client.get(reverse("hotline:knowledge"), {"title": "火星移民"})
    assert "知识库中没有匹配的答复" in nothing.content.decode()


def test_an_operator_answers_a_consultation_on_the_spot(client, world, cats, kb, operator):
    login(client, operator)
    data = intake_data(world, cats, kind="consult", anonymous="on", requester_name="", requester_phone="",
                       action="answer", knowledge_answer=kb.pk)  # fmt: skip
    assert client.post(reverse("hotline:intake"), data).status_code == 302
    order = Order.objects.get()
    assert order.status == S.ANSWERED and order.knowledge_answer == kb and order.is_anonymous


def test_a_step_with_missing_reasons_answers_400(client, make_order, handler):
    order = make_order()
    login(client, handler)
    response = client.post(reverse("hotline:step", args=[order.number, "object"]), {"reason": ""})
    assert response.status_code == 400 and "请填写退单理由" in response.content.decode()
    order.refresh_from_db()
    assert order.status == S.DISPATCHED and order.objection_count == 0


def test_a_step_in_the_wrong_state_answers_409(client, make_order, handler):
    order = make_order()
    login(client, handler)
    response = client.post(reverse("hotline:step", args=[order.number, "reply"]), {"result": "已修复"})
    assert response.status_code == 409 and "不能执行" in response.content.decode()


def test_the_order_page_shows_the_steps_and_the_timeline(client, make_order, handler):
    order = make_order()
    login(client, handler)
    body = client.get(reverse("hotline:order", args=[order.number])).content.decode()
    assert "签收" in body and "申请退单" in body and "登记" in body and "派单" in body


def test_the_queue_filters_overdue_and_lists_finished_orders(client, make_order, operator, now, kb):
    from datetime import timedelta

    from minsheng.hotline import services
    from minsheng.hotline.services import OrderIntake, order_receive

    late = make_order(urgency="urgent", at=now - timedelta(days=1))
    from django.utils import timezone

    # The page judges by the real clock: an order dispatched just now is not overdue.
    on_time = make_order(urgency="complex", at=timezone.now())
    services.scan_overdue(now=now)
    answered = order_receive(
        intake=OrderIntake(kind="consult", title="居住证", content="怎么办居住证"),
        actor=operator, now=now, action="answer", knowledge_answer=kb,
    )  # fmt: skip
    login(client, operator)
    overdue = client.get(reverse("hotline:queue"), {"due": "overdue"}).content.decode()
    assert late.number in overdue and on_time.number not in overdue and "已超期" in overdue
    done = client.get(reverse("hotline:queue"), {"done": "1"}).content.decode()
    assert answered.number in done and late.number not in done
