"""The pages a registrar works in: the register, a worker, the actions and their refusals."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.audit.models import AuditEvent
from minsheng.talent.models import Certificate, ContinuingEducation, Registration, SocialWorker
from minsheng.talent.tests.conftest import id_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def rclient(client, registrar):
    client.force_login(registrar)
    return client


@pytest.fixture
def worker(make_worker, real_today):
    return make_worker(
        passed_on=real_today - timedelta(days=900),
        registered_on=real_today - timedelta(days=800),
        today=real_today,
    )


def test_it_creates_a_worker_and_shows_them_masked(rclient, world):
    response = rclient.post(
        reverse("talent:worker_create"),
        {
            "name": "周明亮",
            "id_number": id_number(9),
            "phone": "13912345678",
            "region": world.regions["street"].pk,
            "employer": "东湖社工站",
            "field": "elderly",
            "status": "active",
        },
    )
    w = SocialWorker.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("talent:worker", args=[w.pk])
    page = rclient.get(response["Location"]).content.decode()
    assert "周明亮" not in page and id_number(9) not in page and w.person.name_masked in page


def test_it_shows_bad_input_beside_the_fields_and_writes_nothing(rclient, world):
    response = rclient.post(
        reverse("talent:worker_create"),
        {
            "name": "",
            "id_number": "123",
            "phone": "abc",
            "region": world.regions["street"].pk,
            "field": "elderly",
            "status": "active",
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"name", "id_number", "phone"} <= set(errors)
    assert "身份证号码应为18位" in errors["id_number"][0]
    assert not SocialWorker.objects.exists()


def test_it_offers_only_regions_of_the_registrars_area(rclient, world):
    response = rclient.post(
        reverse("talent:worker_create"),
        {
            "name": "甲",
            "id_number": id_number(3),
            "region": world.regions["other_county"].pk,
            "field": "elderly",
            "status": "active",
        },
    )
    assert response.status_code == 400 and "region" in response.context["form"].errors


def test_it_edits_a_worker_and_audits_what_changed(rclient, worker):
    response = rclient.post(
        reverse("talent:worker_edit", args=[worker.pk]),
        {"region": worker.region_id, "employer": "新单位", "field": "medical", "status": "active"},
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.employer, worker.field) == ("新单位", "medical")
    event = AuditEvent.objects.filter(action="talent.worker.updated").get()
    assert event.data["changes"]["field"] == ["community", "medical"]


def test_it_corrects_the_identity_only_with_name_and_id_together(rclient, worker):
    response = rclient.post(
        reverse("talent:worker_edit", args=[worker.pk]),
        {"phone": "13900009999", "region": worker.region_id, "field": "community", "status": "active"},
    )
    assert response.status_code == 400
    assert "name" in response.context["form"].errors


def test_it_shows_the_clear_identity_only_on_request_and_audits_it(rclient, worker):
    response = rclient.post(reverse("talent:identity", args=[worker.pk]), {"reason": "核对证书"})
    assert response.status_code == 200
    assert id_number(1) in response.content.decode()
    event = AuditEvent.objects.get(action="people.person.unmasked")
    assert event.data["reason"] == "核对证书"


def test_it_adds_a_certificate_and_refuses_a_duplicate_number_on_the_page(rclient, worker):
    url = reverse("talent:certificate_add", args=[worker.pk])
    assert (
        rclient.post(url, {"level": "senior", "number": "GJ-9", "passed_on": "2025-05-01"}).status_code == 302
    )
    response = rclient.post(url, {"level": "assistant", "number": "GJ-9", "passed_on": "2025-05-01"})
    assert response.status_code == 400
    assert "已登记过" in str(response.context["certificate_form"].errors)
    assert Certificate.objects.filter(number="GJ-9").count() == 1


def test_it_refuses_a_malformed_date_with_400(rclient, worker):
    response = rclient.post(
        reverse("talent:certificate_add", args=[worker.pk]),
        {"level": "senior", "number": "Q", "passed_on": "昨天"},
    )
    assert response.status_code == 400
    assert not Certificate.objects.filter(number="Q").exists()


def test_it_asks_for_an_explanation_of_a_late_registration(rclient, make_worker, real_today):
    w = make_worker(passed_on=real_today - timedelta(days=400), registered_on=None, today=real_today)
    url = reverse("talent:register", args=[w.pk])
    data = {"certificate": w.certificates.get().pk, "registered_on": real_today.isoformat()}
    response = rclient.post(url, data)
    assert response.status_code == 400
    assert "逾期登记情况说明" in str(response.context["register_form"].errors)
    assert rclient.post(url, {**data, "late_reason": "长期病假"}).status_code == 302
    assert Registration.objects.get(worker=w).late


def test_it_refuses_an_early_renewal_on_the_page_with_the_opening_date(rclient, worker):
    reg = worker.registrations.get()
    response = rclient.post(reverse("talent:renew", args=[worker.pk, reg.pk]))
    assert response.status_code == 409
    assert reg.renewal_opens.isoformat() in response.content.decode()
    assert Registration.objects.count() == 1


def test_it_renews_in_the_window_when_hours_are_complete(rclient, make_worker, real_today):
    w = make_worker(
        passed_on=real_today - timedelta(days=1200),
        registered_on=real_today - timedelta(days=1060),
        hours=[("training", 90, None)],
        today=real_today,
    )
    reg = w.registrations.get()
    assert reg.renewal_opens <= real_today <= reg.valid_until
    assert rclient.post(reverse("talent:renew", args=[w.pk, reg.pk])).status_code == 302
    assert Registration.objects.filter(renewed_from=reg).exists()


def test_it_records_education_and_shows_progress(rclient, worker, real_today):
    url = reverse("talent:education_add", args=[worker.pk])
    on = (real_today - timedelta(days=10)).isoformat()
    assert (
        rclient.post(url, {"kind": "training", "title": "危机干预", "on": on, "hours": "24"}).status_code
        == 302
    )
    page = rclient.get(reverse("talent:worker", args=[worker.pk])).content.decode()
    assert "危机干预" in page and "继续教育 24 / 90 学时" in page
    bad = rclient.post(url, {"kind": "training", "title": "x", "on": on, "hours": "0"})
    assert bad.status_code == 400 and ContinuingEducation.objects.count() == 1


def test_it_filters_the_register_and_counts_by_level(rclient, make_worker, world):
    make_worker(level="assistant", field="elderly")
    make_worker(level="senior", field="medical")
    page = rclient.get(reverse("talent:home"), {"level": "senior"})
    assert page.context["counts"]["total"] == 1
    assert (
        rclient.get(reverse("talent:home"), {"field": "elderly", "area": "990102001"}).context["counts"][
            "total"
        ]
        == 1
    )
    assert rclient.get(reverse("talent:home"), {"level": "nonsense"}).status_code == 200


def test_it_finds_a_worker_by_full_name_and_id_number(rclient, make_worker):
    w = make_worker(name="韩梅")
    for q in ("韩梅1", id_number(1), "ZS000001"):
        assert [x.pk for x in rclient.get(reverse("talent:home"), {"q": q}).context["page"]] == [w.pk], q
    assert not rclient.get(reverse("talent:home"), {"q": "韩"}).context["page"].object_list


def test_it_exports_the_register_and_a_list_as_excel(rclient, worker):
    import io

    from openpyxl import load_workbook

    response = rclient.get(reverse("talent:export"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == worker.person.name_masked and len(rows) == 2
    assert rclient.get(reverse("talent:list_export", args=["short"])).status_code == 200


def test_it_shows_statistics_with_a_dash_for_unknown_population(rclient, world, worker):
    page = rclient.get(reverse("talent:statistics"), {"area": "990102"})
    assert page.status_code == 200
    row = page.context["stats"]["rows"][0]
    assert (row["count"], row["per_10k"]) == (1, None)
    assert "links" in page.context["by_area"]


def test_it_answers_an_unknown_list_with_404(rclient):
    assert rclient.get("/talent/lists/nope/").status_code == 404


def test_the_demo_fills_every_list_and_the_statistics(world, registrar, real_today):
    """The demo's part, run on the test world (the social-work unit of 青川区 has a registrar)."""
    import random

    from minsheng.orgs.models import Region
    from minsheng.talent import demo, selectors

    for code, name, parent in (("990102002", "西山街道", "990102"), ("990102003", "南门街道", "990102"),
                               ("990102101", "柳溪镇", "990102"), ("990103001", "白石街道", "990103"),
                               ("990103002", "北湾街道", "990103")):  # fmt: skip
        Region.objects.create(
            code=code, name=name, level=Region.Level.STREET, parent=Region.objects.get(code=parent)
        )

    class Demo:
        regions = {r.code: r for r in Region.objects.all()}
        units = world.units  # no "b_social_work" registrar, as in the demo: written directly

    lines = demo.seed(Demo, now=timezone.now(), rng=random.Random(7))
    assert lines and SocialWorker.objects.count() == 30
    for kind in ("short_of_hours", "due_soon", "lapsed", "unregistered"):
        assert getattr(selectors, kind)(registrar, today=real_today).exists(), kind
    stats = selectors.statistics(registrar, area=Region.objects.get(code="990102"))
    assert stats["per_10k"] is not None and all(r["per_10k"] is not None for r in stats["rows"])
    assert ContinuingEducation.objects.filter(kind="degree").count() == 1
    assert Registration.objects.filter(late=True).count() == 1
    assert SocialWorker.objects.filter(region__code__startswith="990103").count() == 6


def test_it_shows_the_history_of_a_worker_including_views_and_deletions(rclient, worker, real_today):
    rclient.post(reverse("talent:identity", args=[worker.pk]))
    on = (real_today - timedelta(days=5)).isoformat()
    rclient.post(
        reverse("talent:education_add", args=[worker.pk]),
        {"kind": "training", "title": "t", "on": on, "hours": "4"},
    )
    ce = ContinuingEducation.objects.get()
    assert rclient.post(reverse("talent:education_delete", args=[worker.pk, ce.pk])).status_code == 302
    labels = [e.label for e in rclient.get(reverse("talent:worker", args=[worker.pk])).context["events"]]
    assert labels == ["登记入册", "添加证书", "办理登记", "查看身份信息", "记录继续教育", "删除继续教育记录"]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("talent:home", ()),
        ("talent:list", ("short",)),
        ("talent:list", ("lapsed",)),
        ("talent:statistics", ()),
    ],
)
def test_it_reads_a_list_in_the_same_number_of_queries_for_3_or_12_workers(
    rclient, make_worker, django_assert_max_num_queries, name, args
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert rclient.get(reverse(name, args=args)).status_code == 200
        return len(ctx.captured_queries)

    for _i in range(3):
        make_worker(level="assistant", registered_on=date(2023, 1, 1))
    few = count()
    for _i in range(9):
        make_worker(level="assistant", registered_on=date(2023, 1, 1))
    assert count() == few
