"""The role × endpoint matrix (issue 8): every page and API operation, called as seven personas.

The expected answers are the one table in ``access_table.py``. One test per endpoint calls it with GET
and with an empty POST as each persona (a fresh client, in a savepoint rolled back after the call).
A mismatch, a 5xx, a refused call that wrote an audit event, or a private record's number or name on a
non-public page shown to another unit or area fails the test with the whole row.
"""

import pytest
from django.test import Client
from django.urls import reverse

from minsheng.audit.models import AuditEvent
from tests.security import access_table as table
from tests.security import targets
from tests.security.calls import ERROR, LOGIN, OK, REFUSALS, call, logged_in
from tests.security.objects import PERSONAS, private_markers

PAGE_KEYS = sorted(k for k in table.PAGES if k != "admin:*")


def _problems(key, method, expected, answers, markers, public) -> list[str]:
    problems = []
    for persona in PERSONAS:
        want, got = expected[persona], answers[persona]
        if got.cls != want:
            detail = f" ({got.detail})" if got.cls == ERROR or got.detail else ""
            problems.append(f"{method} as {persona}: expected {want}, got {got.cls} [{got.status}]{detail}")
        refused = got.cls in REFUSALS or (got.cls == LOGIN and persona == "anonymous")
        if refused and got.wrote:
            problems.append(f"{method} as {persona}: refused ({got.cls}) but left an audit event")
        if not public and got.cls == OK:
            seen = [m for m in markers.get(persona, ()) if m and m in got.body]
            if seen:
                problems.append(f"{method} as {persona}: shows another's record {seen}")
    return problems


def _report(key, problems, answers_by_method):
    lines = [f"{key}:"] + [f"  {p}" for p in problems]
    for method, answers in answers_by_method.items():
        lines.append(f"  answered {method}: {''.join(a.cls for a in answers.values())}")
    return "\n".join(lines)


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_it_answers_each_persona_as_the_table_says(objects, db, key):
    route = targets.pages().get(key)
    assert route is not None, f"{key}: the row names no endpoint any more (remove it)"
    url = targets.page_url(key, route, objects)
    expected_row = table.PAGES[key]
    public = expected_row.get[0] == OK
    markers = private_markers(objects)
    problems, seen = [], {}
    for method in ("GET", "POST"):
        answers = {p: call(objects.personas[p], method, url) for p in PERSONAS}
        seen[method] = answers
        problems += _problems(key, method, expected_row.expected(method), answers, markers, public)
    assert not problems, _report(f"{key} {url}", problems, seen)


@pytest.mark.parametrize("operation", sorted(table.API))
def test_it_answers_each_api_caller_as_the_table_says(objects, db, operation):
    assert operation in targets.api_operations(), f"{operation}: no such operation any more (remove it)"
    method, url, body, headers = targets.api_call(operation, objects)
    expected = dict(zip(PERSONAS, table.API[operation].replace(" ", ""), strict=True))
    public = expected["anonymous"] == OK
    answers = {p: call(objects.personas[p], method, url, json=body, headers=headers) for p in PERSONAS}
    problems = _problems(operation, method, expected, answers, private_markers(objects), public)
    assert not problems, _report(f"{operation} {url}", problems, {method: answers})


@pytest.mark.parametrize("name, kwargs", table.ADMIN_SAMPLES, ids=[s[0] for s in table.ADMIN_SAMPLES])
def test_it_lets_only_the_administrator_into_the_admin_site(objects, db, name, kwargs):
    records = {"admin": objects.personas["admin"].pk, "unit": objects.world.units["housing"].pk}
    url = reverse(name, kwargs={k: records.get(v, v) for k, v in (kwargs or {}).items()} or None)
    problems, seen = [], {}
    for method in ("GET", "POST"):
        answers = {p: call(objects.personas[p], method, url) for p in PERSONAS}
        seen[method] = answers
        expected = table.PAGES["admin:*"].expected(method)
        problems += _problems(name, method, expected, answers, {}, True)
    assert not problems, _report(f"{name} {url}", problems, seen)


def test_it_declares_every_endpoint():
    pages, operations = targets.pages(), targets.api_operations()
    declared = set(table.PAGES)
    missing = sorted(k for k in pages if k not in declared and not k.startswith("admin:"))
    missing += sorted(op for op in operations if op not in table.API)
    stale = sorted(k for k in declared - set(pages) if k != "admin:*")
    stale += sorted(op for op in table.API if op not in operations)
    assert not missing and not stale, (
        "tests/security/access_table.py is out of date.\n"
        f"Endpoints without a row ({len(missing)}): {missing}\n"
        f"Rows without an endpoint ({len(stale)}): {stale}"
    )


def test_it_hides_a_report_from_the_unit_it_accuses(objects, db):
    """A 检举控告 against the housing bureau does not exist for it (Arts. 30, 46), on every case URL."""
    number = objects.report.number
    urls = [
        reverse("petitions:case", kwargs={"number": number}),
        reverse("petitions:identity", kwargs={"number": number}),
        reverse("petitions:step", kwargs={"number": number, "step_name": "accept"}),
        reverse("petitions:reply_quality", kwargs={"number": number}),
        reverse("petitions:document", kwargs={"number": number, "kind": "transfer"}),
    ]
    handler, discipline = objects.personas["accused_handler"], objects.world.users["discipline_handler"]
    assert call(discipline, "GET", urls[0]).cls == OK  # the unit handling it sees it
    for url in urls:
        get, post = call(handler, "GET", url), call(handler, "POST", url)
        assert get.status in (404, 405) and post.status == 404, (url, get.status, post.status)
        assert not get.wrote and not post.wrote
    assert call(handler, "GET", f"{targets.API_PREFIX}petitions/{number}").status == 404
    queue = call(handler, "GET", reverse("petitions:queue")).body
    assert number not in queue and objects.petition.number in queue


def test_it_exports_each_list_only_as_far_as_each_persona_may_see(objects, db):
    """Every registered export list, as each persona: nobody outside gets another's records in a file."""
    from minsheng.core import exports

    exports.get_list("petitions.queue")  # registers the lists
    markers = private_markers(objects)
    wrong = []
    for key in sorted(exports.REGISTRY):
        for fmt in ("csv", "xlsx"):
            url = reverse("exports:export", kwargs={"key": key, "fmt": fmt})
            for persona in PERSONAS:
                answer = call(objects.personas[persona], "GET", url)
                leaked = [m for m in markers.get(persona, ()) if m in answer.body]
                if (
                    answer.cls not in (OK, LOGIN)
                    or leaked
                    or (answer.cls == LOGIN) != (persona == "anonymous")
                ):
                    wrong.append(f"{key}.{fmt} as {persona}: {answer.cls} [{answer.status}] {leaked}")
    clerk = call(
        objects.personas["clerk"],
        "GET",
        reverse("exports:export", kwargs={"key": "petitions.queue", "fmt": "csv"}),
    )
    assert objects.petition.number in clerk.body  # the control: the list does hold the case
    assert not wrong, "\n".join(wrong)


OBJECT_KWARGS = {"pk", "team_pk", "activity_pk", "signup_pk", "volunteer", "reg", "ce"}
REGISTRY_APPS = ("registry:", "volunteers:", "volunteer_service:", "talent:")


def test_it_hides_another_areas_records_from_its_registrar(objects, db):
    """The registrar of 白石区 may edit its own registries; 青川区's records do not exist for it (404)."""
    from tests.security.targets import _kwarg_names

    registrar = objects.world.users["other_registrar"]
    pages = targets.pages()
    wrong = []
    checked = 0
    for key in sorted(pages):
        if not key.startswith(REGISTRY_APPS) or not OBJECT_KWARGS & set(_kwarg_names(key)):
            continue
        url = targets.page_url(key, pages[key], objects)
        answers = [call(registrar, method, url) for method in ("GET", "POST")]
        checked += 1
        if {a.cls for a in answers} - {"H", "M"} or any(a.wrote for a in answers):
            wrong.append(f"{key}: {[a.status for a in answers]}")
    assert checked > 40
    assert not wrong, "\n".join(wrong)


# Rows rerun with the second factor enforced (production's setting): verified staff sessions get the
# same answers. A sample across the apps keeps it quick; the whole table holds too (see the README).
ENFORCED_SAMPLE = (
    "petitions:case",
    "petitions:identity",
    "suggestions:suggestion",
    "hotline:order",
    "whistles:whistle",
    "registry:associations:list",
    "volunteers:activity",
    "talent:home",
    "portal:mine",
    "staff_home",
)


@pytest.mark.parametrize("key", ENFORCED_SAMPLE)
def test_it_answers_the_same_with_the_second_factor_enforced(objects, db, settings, key):
    settings.MINSHENG = {**settings.MINSHENG, "STAFF_2FA": True}
    url = targets.page_url(key, targets.pages()[key], objects)
    problems, seen = [], {}
    for method in ("GET", "POST"):
        answers = {p: call(objects.personas[p], method, url) for p in PERSONAS}
        seen[method] = answers
        problems += _problems(key, method, table.PAGES[key].expected(method), answers, {}, True)
    assert not problems, _report(f"{key} {url}", problems, seen)
    # Control: a staff session that has not passed the second factor is sent to it first (staff pages).
    if not key.startswith("portal:"):
        assert call(objects.world.users["head"], "GET", url).cls == LOGIN


def test_it_finds_each_marker_where_it_belongs(objects, db):
    """The control of the leak check: the lists of those who hold the records do show their markers."""
    holder, registrar = objects.personas["accused_handler"], objects.world.users["registrar"]
    expected = [
        (holder, "petitions:queue", objects.petition.number),
        (objects.world.users["discipline_handler"], "petitions:queue", objects.report.number),
        (holder, "suggestions:list", objects.suggestion.number),
        (holder, "hotline:queue", objects.order.number),
        (holder, "whistles:list", objects.whistle.number),
        (registrar, "registry:associations:list", objects.association.name),
        (registrar, "registry:twonew:units", objects.organization.name),
        (registrar, "registry:newemployment:platforms", objects.platform.name),
        (registrar, "registry:newemployment:stations", objects.station.name),
        (registrar, "registry:newemployment:activities", objects.care_activity.title),
        (registrar, "talent:home", objects.worker.employer),
    ]
    missing = [
        (name, marker)
        for user, name, marker in expected
        if marker not in call(user, "GET", reverse(name)).body
    ]
    assert not missing


def test_it_refuses_a_session_post_without_its_csrf_token(objects, db):
    """The matrix's client skips CSRF, as Django's test client does; a browser session may not."""
    client = logged_in(Client(enforce_csrf_checks=True), objects.personas["accused_handler"])
    number = objects.petition.number
    before = AuditEvent.objects.count()
    page = client.post(reverse("petitions:step", kwargs={"number": number, "step_name": "accept"}))
    api = client.post(
        f"{targets.API_PREFIX}petitions/{number}/steps/accept", {}, content_type="application/json"
    )
    assert (page.status_code, api.status_code) == (403, 403)
    assert AuditEvent.objects.count() == before
