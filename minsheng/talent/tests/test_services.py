"""Writing the register: workers, certificates, registrations, renewals and continuing education."""

from datetime import date
from decimal import Decimal

import pytest

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.people.services import Identity
from minsheng.talent import services
from minsheng.talent.models import Certificate, ContinuingEducation, Level, Registration, SocialWorker
from minsheng.talent.tests.conftest import id_number

pytestmark = pytest.mark.django_db


def test_it_stores_identity_only_encrypted_and_audits_masked(world, registrar):
    w = services.worker_create(
        identity=Identity(name="林晓雨", id_number=id_number(1), phone="13900001111"),
        data=services.WorkerData(region=world.regions["street"], employer="东湖社工站"),
        actor=registrar,
    )
    assert w.person.name_masked and w.person.name_masked != "林晓雨"
    assert "林晓雨" not in w.person.name_enc
    event = AuditEvent.objects.get(action="talent.worker.created")
    assert event.data["id_number"] == "***"
    assert id_number(1) not in str(event.data)


def test_it_refuses_the_same_id_number_twice_with_a_clear_message(world, registrar, make_worker):
    make_worker()
    with pytest.raises(InvalidInput) as e:
        services.worker_create(
            identity=Identity(name="另一人", id_number=id_number(1)),
            data=services.WorkerData(region=world.regions["street"]),
            actor=registrar,
        )
    assert "已在社会工作者名册中" in e.value.errors["id_number"]


def test_it_refuses_a_region_outside_the_registrars_area(world, registrar):
    with pytest.raises(InvalidInput) as e:
        services.worker_create(
            identity=Identity(name="王五", id_number=id_number(2)),
            data=services.WorkerData(region=world.regions["other_county"]),
            actor=registrar,
        )
    assert "region" in e.value.errors
    assert not SocialWorker.objects.exists()


def test_it_checks_the_credit_code(world, registrar):
    with pytest.raises(InvalidInput) as e:
        services.worker_create(
            identity=Identity(name="王五", id_number=id_number(2)),
            data=services.WorkerData(
                region=world.regions["street"], employer="某机构", employer_credit_code="123"
            ),
            actor=registrar,
        )
    assert "employer_credit_code" in e.value.errors


def test_it_keeps_the_highest_level_on_the_worker(make_worker, registrar, today):
    w = make_worker(level=Level.ASSISTANT)
    assert w.level == Level.ASSISTANT
    services.certificate_add(
        worker=w,
        level=Level.SENIOR,
        number="GJ0001",
        passed_on=date(2025, 10, 1),
        actor=registrar,
        today=today,
    )
    w.refresh_from_db()
    assert w.level == Level.SENIOR


def test_it_refuses_a_duplicate_certificate_number(make_worker, registrar, today):
    w = make_worker()
    with pytest.raises(InvalidInput) as e:
        services.certificate_add(
            worker=w,
            level=Level.SENIOR,
            number="ZS000001",
            passed_on=date(2025, 1, 1),
            actor=registrar,
            today=today,
        )
    assert "已登记过" in e.value.errors["number"]


def _cert(make_worker, registrar, today, passed_on):
    w = make_worker(level=None)
    return services.certificate_add(
        worker=w,
        level=Level.ASSISTANT,
        number=f"A{passed_on:%Y%m%d}",
        passed_on=passed_on,
        actor=registrar,
        today=today,
    )


def test_it_registers_within_a_year_of_passing_and_sets_three_years(make_worker, registrar, today):
    cert = _cert(make_worker, registrar, today, date(2025, 3, 11))
    reg = services.registration_register(
        certificate=cert, registered_on=date(2026, 3, 11), actor=registrar, today=today
    )
    assert (reg.valid_until, reg.late) == (date(2029, 3, 11), False)


def test_it_refuses_a_late_first_registration_without_an_explanation(make_worker, registrar, today):
    cert = _cert(make_worker, registrar, today, date(2025, 3, 10))
    with pytest.raises(InvalidInput) as e:
        services.registration_register(
            certificate=cert, registered_on=date(2026, 3, 11), actor=registrar, today=today
        )
    assert "2026-03-10" in e.value.errors["late_reason"]
    assert not Registration.objects.exists()
    reg = services.registration_register(
        certificate=cert, registered_on=date(2026, 3, 11), actor=registrar, today=today, late_reason="病休"
    )
    assert reg.late and reg.late_reason == "病休"


def test_it_refuses_a_registration_in_the_future(make_worker, registrar, today):
    cert = _cert(make_worker, registrar, today, date(2025, 6, 1))
    with pytest.raises(InvalidInput):
        services.registration_register(
            certificate=cert, registered_on=date(2026, 3, 12), actor=registrar, today=today
        )


def test_it_refuses_registering_again_while_still_registered(make_worker, registrar, today):
    w = make_worker(registered_on=date(2024, 1, 1))
    with pytest.raises(DomainError) as e:
        services.registration_register(
            certificate=w.certificates.get(), registered_on=date(2026, 3, 1), actor=registrar, today=today
        )
    assert e.value.code == "still_valid"
    assert "2026-10-01" in str(e.value.message)  # when the renewal opens


def test_it_registers_anew_after_a_lapse_without_the_one_year_rule(make_worker, registrar, today):
    w = make_worker(passed_on=date(2019, 5, 1), registered_on=date(2019, 6, 1))  # ended 2022-06-01
    reg = services.registration_register(
        certificate=w.certificates.get(), registered_on=date(2026, 3, 1), actor=registrar, today=today
    )
    assert not reg.late and reg.renewed_from is None
    from minsheng.talent import selectors

    assert not selectors.lapsed(registrar, today=today).exists()  # the old period is superseded
    with pytest.raises(DomainError) as e:
        services.registration_renew(
            registration=w.registrations.get(superseded=True), actor=registrar, today=date(2022, 5, 1)
        )
    assert e.value.code == "not_last"


def test_it_refuses_renewal_before_the_window_with_the_opening_date(make_worker, registrar):
    w = make_worker(registered_on=date(2023, 6, 30), hours=[("training", 90, None)])  # until 2026-06-30
    reg = w.registrations.get()
    with pytest.raises(DomainError) as e:
        services.registration_renew(registration=reg, actor=registrar, today=date(2026, 3, 29))
    assert "2026-03-30" in str(e.value.message)
    renewal = services.registration_renew(registration=reg, actor=registrar, today=date(2026, 3, 30))
    assert (renewal.registered_on, renewal.valid_until) == (date(2026, 7, 1), date(2029, 7, 1))
    assert renewal.renewed_from == reg
    assert AuditEvent.objects.filter(action="talent.registration.renewed").count() == 1


def test_it_refuses_renewing_twice(make_worker, registrar):
    w = make_worker(registered_on=date(2023, 6, 30), hours=[("training", 90, None)])
    reg = w.registrations.get()
    services.registration_renew(registration=reg, actor=registrar, today=date(2026, 6, 1))
    with pytest.raises(DomainError) as e:
        services.registration_renew(registration=reg, actor=registrar, today=date(2026, 6, 1))
    assert e.value.code == "renewed"


def test_it_refuses_renewing_a_lapsed_registration(make_worker, registrar):
    w = make_worker(registered_on=date(2023, 3, 10), hours=[("training", 90, None)])  # until 2026-03-10
    with pytest.raises(DomainError) as e:
        services.registration_renew(
            registration=w.registrations.get(), actor=registrar, today=date(2026, 3, 11)
        )
    assert e.value.code == "lapsed"


def test_it_refuses_renewal_short_of_hours_saying_how_many(make_worker, registrar):
    w = make_worker(level=Level.ASSISTANT, registered_on=date(2023, 6, 30), hours=[("training", 60, None)])
    with pytest.raises(DomainError) as e:
        services.registration_renew(
            registration=w.registrations.get(), actor=registrar, today=date(2026, 6, 1)
        )
    assert e.value.code == "hours" and "12" in str(e.value.message)
    assert Registration.objects.count() == 1


def test_it_files_education_in_the_period_its_date_falls_in(make_worker, registrar):
    w = make_worker(registered_on=date(2023, 3, 1), hours=[("training", 90, None)])
    old = w.registrations.get()
    new = services.registration_renew(
        registration=old, actor=registrar, today=date(2026, 2, 1)
    )  # from 2026-03-02
    for on in (date(2026, 3, 1), date(2026, 3, 2)):
        services.ce_add(
            worker=w,
            actor=registrar,
            today=date(2026, 3, 11),
            kind="training",
            title="督导",
            on=on,
            hours=Decimal(6),
        )
    assert ContinuingEducation.objects.get(on=date(2026, 3, 1)).registration == old
    assert ContinuingEducation.objects.get(on=date(2026, 3, 2)).registration == new


def test_it_refuses_education_outside_any_period(make_worker, registrar, today):
    w = make_worker(registered_on=date(2024, 1, 1))
    with pytest.raises(InvalidInput) as e:
        services.ce_add(
            worker=w,
            actor=registrar,
            today=today,
            kind="training",
            title="x",
            on=date(2023, 12, 31),
            hours=Decimal(8),
        )
    assert "不在" in e.value.errors["on"]


@pytest.mark.parametrize(
    ("kind", "hours", "field"),
    [
        ("training", Decimal(0), "hours"),
        ("training", Decimal(-1), "hours"),
        ("training", None, "hours"),
        ("training", Decimal("1.25"), "hours"),
        ("bogus", Decimal(3), "kind"),
    ],
)
def test_it_refuses_bad_hours_and_kinds(make_worker, registrar, today, kind, hours, field):
    w = make_worker(registered_on=date(2024, 1, 1))
    with pytest.raises(InvalidInput) as e:
        services.ce_add(
            worker=w, actor=registrar, today=today, kind=kind, title="x", on=date(2025, 1, 1), hours=hours
        )
    assert field in e.value.errors
    assert not ContinuingEducation.objects.exists()


def test_it_accepts_a_degree_with_zero_hours(make_worker, registrar, today):
    w = make_worker(registered_on=date(2024, 1, 1))
    services.ce_add(
        worker=w,
        actor=registrar,
        today=today,
        kind="degree",
        title="社会工作硕士",
        on=date(2025, 7, 1),
        hours=Decimal(0),
    )
    assert ContinuingEducation.objects.count() == 1


def test_it_audits_the_deletion_of_a_record(make_worker, registrar):
    w = make_worker(hours=[("training", 8, None)])
    services.ce_delete(record=w.education.get(), actor=registrar)
    assert AuditEvent.objects.filter(action="talent.education.deleted").exists()


def test_it_refuses_a_leader_writing(make_worker, social_work_leader, today):
    w = make_worker()
    with pytest.raises(InvalidInput):
        services.certificate_add(
            worker=w,
            level=Level.SENIOR,
            number="X1",
            passed_on=date(2025, 1, 1),
            actor=social_work_leader,
            today=today,
        )
    assert not Certificate.objects.filter(number="X1").exists()
