"""Informant protection end to end (条例第30、46条; DESIGN §3): whatever path the accused unit's users
take — case pages, queues, search, Excel, PDF, notifications, the API, Open311, hotline pages,
dashboards — the informant's name, phone, ID number and address never reach them.

The accused unit X is 青川区住房和城乡建设局 (``housing``); its users are ``handler`` and ``head``.
Three matters name X: a 检举控告 (routed to the discipline body, as the rules require), a 申诉求决
complaining about X and routed to X (X acts on it but must not learn who complained), and a hotline
举报 dispatched to X (X handles it, the requester stays hidden).
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from minsheng.audit.models import AuditEvent
from minsheng.hotline.models import Category as HotlineCategory
from minsheng.hotline.services import OrderIntake, order_receive
from minsheng.petitions import documents
from minsheng.petitions.services import petition_accept, petition_assign
from minsheng.petitions.workflow import Kind
from tests.privacy.leaks import INFORMANT, assert_no_leak, get_paths_without_arguments, text_of

X_USERS = ("handler", "head")


@pytest.fixture
def matters(world, clerk, operator, now, file_petition):
    housing, discipline = world.units["housing"], world.units["discipline"]
    for key in X_USERS:  # so that any e-mail to X's users is caught in mail.outbox
        world.users[key].email = f"{key}@housing.example"
        world.users[key].save(update_fields=["email"])
    report = file_petition(
        kind=Kind.REPORT,
        petitioner=INFORMANT,
        accused_unit=housing,
        accused_person="某科长",
        title="检举住建局某科长违规审批",
        request="请依纪依法查处。",
        facts="住建局某科长在老旧小区改造项目审批中收受好处。",
    )
    report = petition_assign(petition=report, actor=clerk, now=now, unit=discipline)
    petition_accept(petition=report, actor=world.users["discipline_handler"], now=now)
    complaint = file_petition(
        kind=Kind.REQUEST,
        petitioner=INFORMANT,
        accused_unit=housing,
        title="住建局对楼道照明报修不作为",
        request="请求督促住建局修复楼道照明。",
    )
    complaint = petition_assign(petition=complaint, actor=clerk, now=now, unit=housing)
    complaint = petition_accept(petition=complaint, actor=world.users["handler"], now=now)
    category = HotlineCategory.objects.create(code="09", name="违规建设")
    order = order_receive(
        intake=OrderIntake(
            kind="report",
            title="举报幸福路违建",
            content="幸福路18号楼顶加盖违章建筑，住建部门未查处。",
            category=category,
            region=world.regions["county"],
            address="幸福路18号",
            requester=INFORMANT,
        ),
        actor=operator,
        now=now,
        action="dispatch",
        unit=housing,
    )
    return {"report": report, "complaint": complaint, "order": order}


@pytest.fixture(params=X_USERS)
def x_client(request, client, world):
    client.force_login(world.users[request.param])
    return client


def test_it_hides_the_report_itself_from_the_accused_unit(x_client, matters):
    report = matters["report"]
    pdfs = [reverse("petitions:document", args=[report.number, k]) for k, _ in documents.available(report)]
    for url in (reverse("petitions:case", args=[report.number]), f"/api/v1/petitions/{report.number}", *pdfs):
        assert x_client.get(url).status_code == 404, url
    assert x_client.post(reverse("petitions:identity", args=[report.number])).status_code == 404


def test_it_never_shows_the_informant_on_case_pages_x_may_open(x_client, matters):
    for url in (
        reverse("petitions:case", args=[matters["complaint"].number]),
        f"/api/v1/petitions/{matters['complaint'].number}",
        reverse("hotline:order", args=[matters["order"].number]),
    ):
        response = x_client.get(url)
        assert response.status_code == 200, url
        assert_no_leak(response, url)


def test_it_refuses_x_the_identity_and_records_no_unmasking(x_client, matters):
    complaint, order = matters["complaint"], matters["order"]
    for url in (
        reverse("petitions:identity", args=[complaint.number]),
        reverse("hotline:identity", args=[order.number]),
    ):
        response = x_client.post(url, {"reason": "核实"})
        assert response.status_code in (403, 404), url
        assert_no_leak(response, url)
    assert not AuditEvent.objects.filter(action="people.person.unmasked").exists()


def _found(response, number: str) -> bool:
    """Whether a queue page or the API's queue lists the case ``number`` (not just echoes the query)."""
    if response["Content-Type"].startswith("application/json"):
        return number in [item["number"] for item in response.json()["items"]]
    return reverse("petitions:case", args=[number]) in response.content.decode()


@pytest.mark.parametrize("field", ["name", "phone", "id_number", "number"])
def test_it_does_not_answer_searches_for_the_informant(x_client, matters, field):
    report, complaint = matters["report"].number, matters["complaint"].number
    typed = {"number": report, **{k: getattr(INFORMANT, k) for k in ("name", "phone", "id_number")}}[field]
    for url in ("/staff/", "/hotline/", "/api/v1/petitions"):
        response = x_client.get(url, {"q": typed})
        assert response.status_code == 200, url
        assert_no_leak(response, url, typed=typed)
        assert not _found(response, report), url
    if field != "number":
        # Nor does a search by who complained single out the complaint about X: a hit would tell X
        # that this person complained (fixed in petitions.selectors._search_rule).
        for url in ("/staff/", "/api/v1/petitions"):
            assert not _found(x_client.get(url, {"q": typed}), complaint), (url, field)


def test_it_still_finds_the_complaint_for_those_who_may_know(client, world, matters):
    client.force_login(world.users["clerk"])
    response = client.get("/staff/", {"q": INFORMANT.phone})
    assert _found(response, matters["complaint"].number)
    exported = client.get(reverse("exports:export", args=["petitions.queue", "csv"]), {"q": INFORMANT.phone})
    assert matters["complaint"].number in text_of(exported)


def test_it_prints_no_informant_in_x_s_pdf_documents(x_client, matters):
    complaint = matters["complaint"]
    kinds = [kind for kind, _ in documents.available(complaint)]
    assert kinds, "the complaint has documents X may print"
    for kind in kinds:
        url = reverse("petitions:document", args=[complaint.number, kind])
        response = x_client.get(url)
        assert response.status_code == 200, url
        assert_no_leak(response, url)


def test_it_exports_no_informant_to_x_in_excel(x_client, matters):
    for url in (
        "/staff/hot/digest.xlsx",
        "/hotline/rates/?format=xlsx",
        "/hotline/monthly/?format=xlsx",
        "/hotline/catalogue.xlsx",
    ):
        response = x_client.get(url)
        assert response.status_code in (200, 403, 404), url
        assert_no_leak(response, url)


def test_it_exports_no_informant_to_x_from_any_list(x_client, matters):
    """``/exports/<list>.<csv|xlsx>``: every registered list, plain and searched for the informant."""
    from minsheng.core.exports import REGISTRY

    assert REGISTRY, "the lists are registered"
    for key in REGISTRY:
        for fmt in ("csv", "xlsx"):
            url = reverse("exports:export", args=[key, fmt])
            for typed in ("", INFORMANT.name, INFORMANT.phone, INFORMANT.id_number):
                response = x_client.get(url, {"q": typed} if typed else {})
                assert response.status_code in (200, 403, 404), url
                text = text_of(response)  # a streamed CSV can be read once
                assert_no_leak(text, f"{url}?q={typed}", typed=typed)
                if typed:  # a search by who complained does not pick out the complaint about X
                    assert matters["complaint"].number not in text, (url, typed)


def test_it_notifies_x_without_the_informant(world, matters, now, client, django_capture_on_commit_callbacks):
    from minsheng.hotline.services import scan_overdue
    from minsheng.petitions.services import scan_deadlines

    later = now + timedelta(days=120)
    with django_capture_on_commit_callbacks(execute=True):
        scan_deadlines(now=later)
        scan_overdue(now=later)
    assert mail.outbox, "the overdue order is e-mailed to X's head"
    for message in mail.outbox:
        assert_no_leak(f"{message.subject}\n{message.body}", f"mail to {message.to}")
    for key in X_USERS:
        client.force_login(world.users[key])
        response = client.get(reverse("notices:inbox"))
        assert response.status_code == 200
        assert_no_leak(response, f"/notices/ of {key}")


def test_it_keeps_the_informant_out_of_open311(client, matters):
    order = matters["order"]
    for url in (
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        f"/open311/v2/requests/{order.number}.json",
        f"/open311/v2/tokens/{order.token}.json",
    ):
        response = client.get(url)
        assert_no_leak(response, url)
    assert client.get(f"/open311/v2/requests/{order.number}.json").status_code == 404


def test_it_leaks_nothing_on_any_page_x_can_open(x_client, matters):
    """Every page without arguments, as X sees it: lists, queues, dashboards, reports, exports."""
    opened = 0
    for url in get_paths_without_arguments():
        response = x_client.get(url)
        assert_no_leak(response, url)
        opened += response.status_code == 200
    assert opened > 10, "X's users open the pages of their work"


def test_it_leaks_nothing_on_the_insight_dashboards(x_client, world, matters, settings, tmp_path):
    """察民情 (minsheng/insight) as X's users: dashboard, drill-down lists, hot issues, reports."""
    from minsheng.insight import rollups

    settings.MEDIA_ROOT = tmp_path  # stored reports are files

    rollups.rebuild()
    housing = world.units["housing"].pk
    drilldowns = [
        {"source": "petition"},
        {"source": "petition", "accused": housing},
        {"source": "petition", "unit": housing, "kind": Kind.REPORT},
        {"source": "petition", "kind": Kind.REQUEST, "measure": "overdue"},
        {"source": "hotline"},
        {"source": "hotline", "unit": housing, "kind": "report"},
    ]
    pages = [("/insight/", {}), ("/insight/", {"source": "hotline"}), ("/insight/hot/", {})]
    pages += [("/insight/cases/", params) for params in drilldowns]
    pages += [
        (f"/insight/reports/{kind}.{fmt}", {"year": 2026, "month": "2026-03"})
        for kind in ("annual", "monthly")
        for fmt in ("pdf", "xlsx")
    ]
    from minsheng.insight import services as insight_services
    from minsheng.insight.models import Report

    insight_services.generate_due_reports(now=matters["report"].received_at + timedelta(days=40))
    stored = Report.objects.values_list("pk", flat=True)
    pages += [(f"/insight/reports/{pk}/file.{fmt}", {}) for pk in stored for fmt in ("pdf", "xlsx")]
    opened = 0
    for url, params in pages:
        response = x_client.get(url, params)
        assert response.status_code in (200, 403, 404), (url, params)
        assert_no_leak(response, f"{url} {params}")
        if url == "/insight/cases/" and response.status_code == 200:
            assert not _found(response, matters["report"].number), params
        opened += response.status_code == 200
    assert opened, "X's users read the dashboards of their unit"
