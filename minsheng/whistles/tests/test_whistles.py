"""街乡吹哨、部门报到: raise, respond, arrive, report, close, rate; the district sees both sides."""

from datetime import timedelta

import pytest

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.notices.models import Notice
from minsheng.orgs.models import DutyItem
from minsheng.whistles import services, workflow
from minsheng.whistles.models import Call, Whistle


@pytest.fixture
def duty(world):
    return DutyItem.objects.create(region=world.regions["street"], code="HJ01", name="背街小巷环境整治")


def plan(world, **overrides):
    values = dict(
        kind=Whistle.Kind.EMERGENCY,
        title="湖滨路燃气管道泄漏",
        description="居民闻到燃气味，已疏散两栋楼。",
        region=world.regions["street"],
        place="湖滨路12号",
        departments=(world.units["housing"], world.units["labour"]),
        lead=world.units["housing"],
    )
    return services.WhistlePlan(**(values | overrides))


@pytest.fixture
def whistle(world, street_handler, now):
    return services.whistle_raise(
        street=world.units["street_office"], plan=plan(world), actor=street_handler, now=now
    )


def call_of(whistle, unit):
    return Call.objects.get(whistle=whistle, unit=unit)


def test_it_gives_an_emergency_30_minutes_and_tells_the_called_departments(world, whistle, handler, now):
    housing = call_of(whistle, world.units["housing"])
    assert housing.lead and housing.arrive_due_at == now + timedelta(minutes=30)
    assert housing.result_due_at.date() == (now + timedelta(days=1)).date()
    assert whistle.number.startswith("CS2026-")
    assert Notice.objects.filter(user=handler, key=f"whistles.called:{housing.pk}").exists()


def test_it_takes_a_department_from_call_to_result_and_marks_a_late_arrival(world, whistle, handler, now):
    call = call_of(whistle, world.units["housing"])
    services.call_take(call=call, step_name="acknowledge", actor=handler, now=now + timedelta(minutes=5))
    services.call_take(call=call, step_name="arrive", actor=handler, now=now + timedelta(minutes=45))
    with pytest.raises(InvalidInput):
        services.call_take(call=call, step_name="report", actor=handler, now=now + timedelta(hours=2))
    services.call_take(
        call=call, step_name="report", actor=handler, now=now + timedelta(hours=2), result="已关阀抢修"
    )
    call.refresh_from_db()
    assert call.status == Call.Status.REPORTED and call.arrived_late and not call.reported_late
    assert call.minutes_to_arrive == 45


def test_it_counts_arriving_as_responding(world, whistle, outsider, now):
    call = services.call_take(
        call=call_of(whistle, world.units["labour"]), step_name="arrive", actor=outsider, now=now
    )
    assert call.acknowledged_at == now and not call.arrived_late


def test_it_lets_only_the_called_department_report(world, whistle, outsider, now):
    with pytest.raises(DomainError):
        services.call_take(
            call=call_of(whistle, world.units["housing"]), step_name="arrive", actor=outsider, now=now
        )


def test_it_closes_only_when_every_department_reported_then_rates_each(
    world, whistle, handler, outsider, street_handler, now
):
    with pytest.raises(DomainError, match="未反馈"):
        services.whistle_close(whistle=whistle, actor=street_handler, now=now, summary="已处置")
    for unit, actor in ((world.units["housing"], handler), (world.units["labour"], outsider)):
        call = call_of(whistle, unit)
        services.call_take(call=call, step_name="arrive", actor=actor, now=now)
        services.call_take(call=call, step_name="report", actor=actor, now=now, result="处置完毕")
    services.whistle_close(whistle=whistle, actor=street_handler, now=now, summary="已处置")
    services.call_rate(call=call_of(whistle, world.units["housing"]), actor=street_handler, rating=5)
    with pytest.raises(DomainError):
        services.call_rate(call=call_of(whistle, world.units["housing"]), actor=street_handler, rating=4)
    with pytest.raises(InvalidInput):
        services.call_rate(call=call_of(whistle, world.units["labour"]), actor=street_handler, rating=9)
    services.call_rate(call=call_of(whistle, world.units["labour"]), actor=street_handler, rating=3)
    whistle.refresh_from_db()
    assert whistle.status == Whistle.Status.RATED


def test_it_keeps_a_matter_outside_the_duty_list_from_being_led_by_the_street(
    world, street_handler, duty, now
):
    other = DutyItem.objects.create(region=world.regions["county"], code="ZJ09", name="违法建设拆除")
    street = world.units["street_office"]
    with pytest.raises(InvalidInput) as error:
        services.whistle_raise(
            street=street, plan=plan(world, lead=None, duty_item=other), actor=street_handler, now=now
        )
    assert "职责清单" in error.value.errors["lead"]
    with pytest.raises(InvalidInput):  # no matter named: a department must lead
        services.whistle_raise(street=street, plan=plan(world, lead=None), actor=street_handler, now=now)
    led = services.whistle_raise(
        street=street, plan=plan(world, lead=None, duty_item=duty), actor=street_handler, now=now
    )
    assert led.street_leads and not led.calls.filter(lead=True).exists()


def test_it_refuses_a_whistle_from_a_department_or_without_departments(world, handler, street_handler, now):
    with pytest.raises(DomainError):
        services.whistle_raise(street=world.units["street_office"], plan=plan(world), actor=handler, now=now)
    with pytest.raises(InvalidInput) as error:
        services.whistle_raise(
            street=world.units["street_office"], plan=plan(world, departments=(), lead=None),
            actor=street_handler, now=now,
        )  # fmt: skip
    assert "departments" in error.value.errors


def test_it_reminds_a_late_department_once(world, whistle, handler, now):
    later = now + timedelta(hours=1)
    assert services.scan_overdue(now=later) >= 1
    assert services.scan_overdue(now=later) == 0
    assert Notice.objects.filter(user=handler, key__startswith="whistles.overdue:").count() == 1


def test_it_shows_a_whistle_to_both_sides_and_the_district_only(
    client, world, whistle, handler, street_handler, clerk
):
    url = f"/whistles/{whistle.number}/"
    for user in (handler, street_handler, world.users["district_officer"]):
        client.force_login(user)
        assert client.get(url).status_code == 200
    client.force_login(clerk)  # the petition bureau is neither side
    assert client.get(url).status_code == 404
    assert whistle.number not in client.get("/whistles/").content.decode()


def test_it_raises_a_whistle_from_the_form_and_explains_errors(client, world, street_handler):
    client.force_login(street_handler)
    assert client.get("/whistles/new/").status_code == 200
    response = client.post("/whistles/new/", {"kind": "daily", "region": world.regions["street"].pk})
    assert response.status_code == 400
    assert "请写明吹哨事项" in response.content.decode()
    housing = world.units["housing"].pk
    form = {"kind": "daily", "region": world.regions["street"].pk, "title": "井盖缺失",
            "description": "路口井盖缺失", "place": "东湖路口",
            "departments": [housing], "lead": housing}  # fmt: skip
    response = client.post("/whistles/new/", form)
    assert response.status_code == 302
    assert Whistle.objects.get(title="井盖缺失").calls.count() == 1


def test_it_lets_the_district_assess_both_sides(client, world, whistle, handler, street_handler, now):
    call = call_of(whistle, world.units["housing"])
    services.call_take(call=call, step_name="arrive", actor=handler, now=now + timedelta(minutes=10))
    client.force_login(world.users["district_officer"])
    page = client.get(
        "/whistles/assessment/", {"since": "2026-03-01", "until": "2026-03-31"}
    ).content.decode()
    assert "青川区住房和城乡建设局" in page and "东湖街道办事处" in page
    client.force_login(street_handler)
    assert client.get("/whistles/assessment/").status_code == 403


# Who may take each step of a department's report: only the called department's handler or head.
MATRIX = {"handler": True, "head": True, "outsider": False, "street_handler": False, "clerk": False}


@pytest.mark.parametrize("step_name", [s.name for s in workflow.CALL_STEPS])
@pytest.mark.parametrize("persona, allowed", MATRIX.items())
def test_it_lets_only_the_called_department_take_each_step(
    world, street_handler, now, step_name, persona, allowed
):
    only_housing = plan(world, departments=(world.units["housing"],))
    whistle = services.whistle_raise(
        street=world.units["street_office"], plan=only_housing, actor=street_handler, now=now
    )
    call = call_of(whistle, world.units["housing"])
    if step_name == "report":  # reachable only after arriving
        services.call_take(call=call, step_name="arrive", actor=world.users["handler"], now=now)
    take = lambda: services.call_take(  # noqa: E731
        call=call, step_name=step_name, actor=world.users[persona], now=now, result="已处置"
    )
    if allowed:
        assert take().status == workflow.call_step(step_name).target
    else:
        with pytest.raises(DomainError):
            take()
