"""The pages: who sees what (registrar writes, leader reads, other county 404, others 403), forms
with clear messages, the Excel export and the public register."""

from datetime import date

import pytest
from django.urls import reverse

from minsheng.registry.associations.models import AnnualReport, Association
from minsheng.registry.associations.services import Filing, annual_report_submit
from minsheng.registry.associations.tests.factories import credit_code, make_association
from minsheng.registry.associations.workflow import S

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["list", "export", "dashboard", "reports", "overdue", "overdue_export"]
REGISTRAR_PAGES = ["create", "import", "import_template"]


@pytest.fixture
def association(world, registrar, now):
    return make_association(world, registrar, now)


def _url(name, *args):
    return reverse(f"registry:associations:{name}", args=args)


@pytest.mark.parametrize("page", STAFF_PAGES + REGISTRAR_PAGES)
def test_the_registrar_opens_every_page(client, registrar, association, page):
    client.force_login(registrar)
    assert client.get(_url(page)).status_code == 200


@pytest.mark.parametrize("page", STAFF_PAGES)
def test_the_leader_reads(client, social_work_leader, association, page):
    client.force_login(social_work_leader)
    assert client.get(_url(page)).status_code == 200


@pytest.mark.parametrize("page", REGISTRAR_PAGES)
def test_the_leader_may_not_write(client, social_work_leader, page):
    client.force_login(social_work_leader)
    assert client.get(_url(page)).status_code == 403


@pytest.mark.parametrize("page", STAFF_PAGES + REGISTRAR_PAGES)
def test_staff_without_a_social_work_role_are_refused(client, handler, page):
    client.force_login(handler)
    assert client.get(_url(page)).status_code == 403


def test_anonymous_users_are_sent_to_log_in(client, association):
    response = client.get(_url("list"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_another_countys_registrar_sees_nothing(client, other_registrar, association):
    client.force_login(other_registrar)
    assert client.get(_url("detail", association.pk)).status_code == 404
    assert client.get(_url("edit", association.pk)).status_code == 404
    response = client.post(_url("step", association.pk, "dissolve"), {"reason": "x"})
    assert response.status_code == 404
    assert association.name not in client.get(_url("list")).content.decode()
    assert Association.objects.get().status == S.ACTIVE


def test_the_leader_reads_a_record_but_may_not_change_it(client, social_work_leader, association):
    client.force_login(social_work_leader)
    page = client.get(_url("detail", association.pk)).content.decode()
    assert association.name in page and "注销登记" not in page
    assert client.get(_url("edit", association.pk)).status_code == 403
    assert client.post(_url("step", association.pk, "dissolve"), {"reason": "x"}).status_code == 403
    assert client.post(_url("decoupling", association.pk), {"step": "functions"}).status_code == 403
    assert client.post(_url("report_submit", association.pk), {}).status_code == 403


def test_a_handler_gets_404_for_a_record(client, handler, association):
    client.force_login(handler)
    assert client.get(_url("detail", association.pk)).status_code == 404


def _form(**overrides):
    data = {
        "region": "",
        "status": "active",
        "name": "青川区餐饮行业协会",
        "credit_code": credit_code(99),
        "kind": "association",
        "level": "county",
        "industry": "H",
        "registration_unit": "青川区民政局",
        "supervising_unit": "",
        "individual_members": "55",
        "unit_members": "0",
        "funds": "30000",
        "legal_representative": "王五",
        "registered_on": "2024-06-01",
        "party_organization": "none",
        "party_members": "0",
    }
    data.update(overrides)
    return data


def test_the_registrar_registers_through_the_form(client, registrar, world):
    client.force_login(registrar)
    response = client.post(_url("create"), _form(region=world.regions["county"].pk))
    a = Association.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("detail", a.pk)
    assert a.registered_on == date(2024, 6, 1)


def test_the_form_shows_what_is_wrong_in_chinese(client, registrar, world):
    client.force_login(registrar)
    data = _form(
        region=world.regions["county"].pk, credit_code=credit_code(99)[:17] + "0", individual_members="12"
    )
    response = client.post(_url("create"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "校验码错误" in page and "会员数量不足" in page
    assert not Association.objects.exists()


def test_the_form_offers_only_the_registrars_own_regions(client, registrar, world):
    client.force_login(registrar)
    response = client.post(_url("create"), _form(region=world.regions["other_county"].pk))
    assert response.status_code == 400
    assert not Association.objects.exists()


def test_steps_run_from_the_detail_page(client, registrar, association):
    client.force_login(registrar)
    assert client.post(_url("step", association.pk, "start_decoupling")).status_code == 302
    assert (
        client.post(
            _url("decoupling", association.pk), {"step": "functions", "done_on": "2026-01-10"}
        ).status_code
        == 302
    )
    response = client.post(_url("step", association.pk, "finish_decoupling"))
    assert response.status_code == 409
    assert "脱钩事项尚未全部完成" in response.content.decode()
    response = client.post(_url("step", association.pk, "dissolve"))
    assert response.status_code == 409  # not from 脱钩改革中


def test_reports_are_filed_and_reviewed_from_the_pages(client, registrar, association):
    client.force_login(registrar)
    data = {
        "year": "2024",
        "submitted_on": "2025-05-01",
        "supervisor_submitted_on": "2025-03-01",
        "individual_members": "60",
        "unit_members": "0",
        "income": "1000",
        "expenses": "800",
        "net_assets": "5000",
    }
    assert client.post(_url("report_submit", association.pk), data).status_code == 302
    report = AnnualReport.objects.get()
    response = client.post(_url("report_review", report.pk), {"decision": "return", "reason": ""})
    assert response.status_code == 400 and "退回时请填写原因" in response.content.decode()
    response = client.post(_url("report_review", report.pk), {"decision": "return", "reason": "缺审计报告"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == AnnualReport.State.RETURNED


def test_the_overdue_page_and_its_export_list_the_missing(client, registrar, world, now):
    filed = make_association(world, registrar, now, n=1)
    make_association(world, registrar, now, n=2, name="未报协会")
    annual_report_submit(
        association=filed, actor=registrar, year=2024, filing=Filing(submitted_on=date(2025, 5, 1)), now=now
    )
    client.force_login(registrar)
    page = client.get(_url("overdue"), {"year": 2024, "deadline": "registrar"}).content.decode()
    assert "未报协会" in page and filed.name not in page
    response = client.get(_url("overdue_export"), {"year": 2024})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")


def test_the_list_filters_and_counts(client, registrar, world, now):
    make_association(world, registrar, now, n=1, name="甲协会", kind="association")
    make_association(world, registrar, now, n=2, name="乙商会", kind="chamber")
    client.force_login(registrar)
    page = client.get(_url("list"), {"kind": "chamber"}).content.decode()
    assert "乙商会" in page and "甲协会" not in page
    page = client.get(_url("list"), {"q": credit_code(1)}).content.decode()
    assert "甲协会" in page and "乙商会" not in page


def test_the_dashboard_links_each_bar_to_its_list(client, registrar, association):
    client.force_login(registrar)
    response = client.get(_url("dashboard"))
    area = response.context["charts"]["area"]
    assert area["links"]["青川区"] == _url("list") + "?area=990102"
    assert response.context["operating"] == 1


def test_the_public_register_shows_only_public_fields(client, world, registrar, now):
    a = make_association(world, registrar, now, contact_phone="13912345678", address="青川区某路1号")
    make_association(world, registrar, now, n=2, name="筹备中的协会", status=S.PREPARING, credit_code="")
    page = client.get(_url("public")).content.decode()
    assert a.name in page and a.credit_code in page and a.legal_representative in page
    assert "13912345678" not in page and "某路1号" not in page and "筹备中的协会" not in page


def test_the_list_reads_a_fixed_number_of_queries(
    client, registrar, world, now, django_assert_max_num_queries
):
    for n in range(1, 31):
        make_association(world, registrar, now, n=n, name=f"协会{n}")
    client.force_login(registrar)
    with django_assert_max_num_queries(12):
        assert client.get(_url("list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(_url("dashboard")).status_code == 200
