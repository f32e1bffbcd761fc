"""Retention: personal data past its period is erased; statistics, recent records and the audit chain
are not touched; a dry run changes nothing; a second run finds nothing more."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import TruncMonth

from minsheng.audit.chain import verify
from minsheng.audit.models import AuditEvent
from minsheng.hotline.models import Category as HotlineCategory
from minsheng.hotline.models import Order
from minsheng.hotline.services import OrderIntake, order_receive
from minsheng.people import crypto, retention
from minsheng.people.blind_index import name_index
from minsheng.people.models import Person
from minsheng.people.services import Identity, find_by_id_number, find_by_phone
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import S
from minsheng.registry.newemployment.models import Platform, WorkerRegistration
from minsheng.registry.newemployment.services.workers import worker_register
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.services import SuggestionInput, suggestion_submit
from minsheng.suggestions.workflow import S as SS
from minsheng.volunteers.models import Volunteer
from minsheng.volunteers.services.registration import Registration, volunteer_register

OLD_ID, OLD_PHONE, OLD_NAME = "110101199003074477", "13811112222", "赵旧案"
NEW_ID, NEW_PHONE, NEW_NAME = "110101198507120014", "13933334444", "钱新案"


def _years_before(now, years, days=0):
    return now - timedelta(days=round(365.25 * years) + days)


@pytest.fixture
def records(world, clerk, operator, now, file_petition):
    """Closed 11 years ago (expired), closed 2 years ago (kept), still open (kept): one of each kind."""
    old = Identity(name=OLD_NAME, id_number=OLD_ID, phone=OLD_PHONE, address="东湖街道旧宅1号")
    new = Identity(name=NEW_NAME, id_number=NEW_ID, phone=NEW_PHONE, address="东湖街道新居2号")
    p_old = file_petition(petitioner=old, title="赵旧案反映楼道照明", accused_person="钱某")
    p_new = file_petition(petitioner=new)
    p_open = file_petition(petitioner=Identity(name="孙在办", phone="13755556666", address="东湖街道3号"))
    Petition.objects.filter(pk=p_old.pk).update(status=S.CLOSED, closed_at=_years_before(now, 11))
    Petition.objects.filter(pk=p_new.pk).update(status=S.CLOSED, closed_at=_years_before(now, 2))

    cat = HotlineCategory.objects.create(code="01", name="市政设施")
    orders = []
    for who, years in ((old, 6), (new, 1)):
        intake = OrderIntake(
            kind="consult", title="路灯咨询", content=f"{who.name}咨询路灯维修", category=cat,
            region=world.regions["county"], address="幸福路12号", requester=who,
        )  # fmt: skip
        order = order_receive(intake=intake, actor=operator, now=now, action="answer", answer_text="已答复")
        Order.objects.filter(pk=order.pk).update(closed_at=_years_before(now, years))
        orders.append(order)

    s_old = suggestion_submit(
        data=SuggestionInput(
            title="加装电梯", reason="老人上下楼困难。", proposal="按楼层分摊。",
            name=OLD_NAME, phone=OLD_PHONE, region=world.regions["county"],
        ),
        actor=None,
        now=now,
    ).suggestion  # fmt: skip
    Suggestion.objects.filter(pk=s_old.pk).update(
        status=SS.NOT_ADOPTED, decided_at=_years_before(now, 6), public_name="赵先生", reply="赵先生您好"
    )

    vol = volunteer_register(
        registration=Registration(
            name="周退出", id_number="44030519991231002X", phone="13600007777", region=world.regions["county"]
        ),
        actor=None,
        now=now,
    )
    Volunteer.objects.filter(pk=vol.pk).update(
        status=Volunteer.Status.WITHDRAWN, updated_at=_years_before(now, 6)
    )
    platform = Platform.objects.create(name="快送", kind="delivery", region=world.regions["county"])
    worker_register(
        platform=platform, work_kind="rider", region=world.regions["county"], nickname="小吴",
        phone="13500008888", consent=True, now=_years_before(now, 4),
    )  # fmt: skip
    return dict(p_old=p_old, p_new=p_new, p_open=p_open, orders=orders, s_old=s_old, vol=vol)


def _statistics():
    """What the monthly rollups count: cases by month, area, category, channel and state."""

    def by(qs, *fields):
        rows = qs.annotate(month=TruncMonth("received_at")).values("month", *fields).annotate(n=Count("id"))
        return sorted((tuple(r.values()) for r in rows), key=str)

    return (
        by(Petition.objects, "region", "category", "channel", "kind", "status", "unit"),
        by(Order.objects, "region", "category", "channel", "kind", "status", "unit", "satisfaction"),
        by(Suggestion.objects, "region", "office", "status"),
        sorted(WorkerRegistration.objects.values_list("region", "platform", "withdrawn_at")),
        sorted(Volunteer.objects.values_list("region", "status", "approved_minutes")),
    )


def test_it_erases_expired_personal_data_and_keeps_the_statistics(records, now):
    before = _statistics()

    report = retention.purge(as_of=now)

    assert report.counts == {
        "petitions": 1,
        "receptions": 0,
        "hotline": 1,
        "suggestions": 1,
        "newemployment": 1,
        "volunteers": 1,
        "persons": 2,  # the old petitioner (also the old caller) and the suggestion's proposer
    }
    assert _statistics() == before
    p_old = Petition.objects.get(pk=records["p_old"].pk)
    assert (p_old.request, p_old.facts, p_old.accused_person) == ("", "", "")
    assert "赵旧案" not in p_old.title
    person = p_old.petitioner
    assert person.purged_at is not None
    assert (person.name_enc, person.phone_enc, person.id_number_enc, person.address_enc) == ("",) * 4
    vol = Volunteer.objects.get(pk=records["vol"].pk)
    assert (vol.name_enc, vol.name_masked, vol.birth_date) == ("", "", date(1999, 1, 1))
    assert WorkerRegistration.objects.get().phone_enc == ""


def test_it_leaves_the_insight_rollups_unchanged(records, now):
    from minsheng.insight import rollups
    from minsheng.insight.models import Rollup

    def snapshot():
        rollups.rebuild()
        return sorted(
            Rollup.objects.values_list(*[f.attname for f in Rollup._meta.fields if f.name != "id"]), key=str
        )

    before = snapshot()
    assert before, "the records are counted"
    retention.purge(as_of=now)
    assert snapshot() == before


def test_it_leaves_people_and_records_within_retention_untouched(records, now):
    p_new = Petition.objects.get(pk=records["p_new"].pk)
    keep = (p_new.title, p_new.request, p_new.petitioner.name_enc, p_new.petitioner.phone_bi)
    retention.purge(as_of=now)

    p_new.refresh_from_db()
    assert (p_new.title, p_new.request, p_new.petitioner.name_enc, p_new.petitioner.phone_bi) == keep
    assert crypto.decrypt(p_new.petitioner.name_enc) == NEW_NAME
    assert Petition.objects.get(pk=records["p_open"].pk).request
    assert Order.objects.get(pk=records["orders"][1].pk).content.startswith(NEW_NAME)
    assert find_by_phone(NEW_PHONE).exists()


def test_it_lets_a_reception_booking_go_with_its_petition(records, world, now):
    from minsheng.petitions.models import Reception, ReceptionBooking

    day = _years_before(now, 11, days=10)
    reception = Reception.objects.create(
        unit=world.units["bureau"], leader_name="李局长", leader_title="局长", region=world.regions["county"],
        place="信访接待大厅", starts_at=day, ends_at=day + timedelta(hours=3), published=True,
    )  # fmt: skip
    p_old = records["p_old"]
    booking = ReceptionBooking.objects.create(
        reception=reception, person=p_old.petitioner, account=world.users["citizen"], matter="赵旧案反映照明",
        status="received", petition=p_old,
    )  # fmt: skip
    report = retention.purge(as_of=now)
    assert report.counts["receptions"] == 0  # not on its own: with the petition
    assert report.counts["persons"] == 2
    booking.refresh_from_db()
    assert booking.matter == ""


def test_it_cannot_find_a_purged_person_by_name_phone_or_id_number(records, now):
    assert find_by_phone(OLD_PHONE).exists()
    retention.purge(as_of=now)
    assert not find_by_phone(OLD_PHONE).exists()
    assert not find_by_id_number(OLD_ID).exists()
    assert not Person.objects.filter(name_bi=name_index(OLD_NAME)).exists()


def test_it_keeps_a_person_while_any_record_about_them_is_within_retention(records, now, operator):
    # The old petitioner calls the hotline again: their identity must stay for that order.
    cat = HotlineCategory.objects.get()
    order_receive(
        intake=OrderIntake(
            kind="consult", title="再次咨询", content="咨询", category=cat, requester=Identity(
                name=OLD_NAME, id_number=OLD_ID, phone=OLD_PHONE
            ),
        ),
        actor=operator, now=now, action="answer", answer_text="已答复",
    )  # fmt: skip
    report = retention.purge(as_of=now)
    assert report.counts["petitions"] == 1
    assert report.counts["persons"] == 1  # only the proposer of the old suggestion
    assert find_by_id_number(OLD_ID).exists()


def test_it_changes_nothing_on_a_dry_run(records, now):
    events = AuditEvent.objects.count()
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", f"--as-of={now:%Y-%m-%d}", stdout=out)
    assert "将清除 petitions" in out.getvalue()
    assert Petition.objects.get(pk=records["p_old"].pk).request
    assert find_by_phone(OLD_PHONE).exists()
    assert AuditEvent.objects.count() == events


def test_it_records_the_purge_and_the_audit_chain_still_verifies(records, now):
    retention.purge(as_of=now)
    event = AuditEvent.objects.filter(action="people.purged").get()
    assert event.data["counts"]["petitions"] == 1
    assert verify().ok


def test_it_purges_nothing_more_when_run_twice(records, now):
    out = StringIO()
    call_command("purge_personal_data", f"--as-of={now:%Y-%m-%d}", stdout=out)
    assert "合计 7" in out.getvalue()
    again = retention.purge(as_of=now)
    assert again.total == 0
    assert AuditEvent.objects.filter(action="people.purged").count() == 1


def test_it_follows_a_department_s_own_period(records, now, settings):
    settings.MINSHENG = {**settings.MINSHENG, "RETENTION": {"petitions": 1, "hotline": None}}
    report = retention.purge(as_of=now, dry_run=True)
    assert report.counts["petitions"] == 2
    assert "hotline" not in report.counts


def test_it_rejects_a_malformed_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("purge_personal_data", "--as-of=2026-13-40")


def test_it_runs_as_a_daily_task(settings, records):
    from minsheng.people.tasks import purge_personal_data

    entry = settings.CELERY_BEAT_SCHEDULE["people-purge-personal-data"]
    assert (entry["task"], entry["schedule"]) == (purge_personal_data.name, 86400.0)
    # Today (not the fixture's 2026-03-11) is later still: the same records are past their period.
    assert purge_personal_data.delay().get()["petitions"] == 1


def test_it_gives_the_demo_old_cases_to_purge(world, now):
    from random import Random

    from minsheng.petitions import demo_retention as demo

    demo.seed(world, now=now, rng=Random(1))
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", f"--as-of={now:%Y-%m-%d}", stdout=out)
    assert "将清除 petitions (信访件（含代表、附件）): 3" in out.getvalue()
