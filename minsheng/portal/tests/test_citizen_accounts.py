"""Optional citizen accounts: sign up, log in, "my petitions", and the rule that an account sees only
its own cases without the query code."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Membership
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Rating
from minsheng.portal.services import citizen_sign_up
from minsheng.testing import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
STRONG = "lantern-harbour-2026"


def _signup(client, **overrides):
    data = {"username": "13900001111", "display_name": "老王", "password1": STRONG, "password2": STRONG}
    data.update(overrides)
    return client.post("/portal/signup/", data)


@pytest.fixture
def limit_of_two(settings):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 2}


@pytest.fixture
def neighbour(world):
    """Another citizen with a portal account, who filed nothing."""
    return User.objects.create_user(username="neighbour", password=PASSWORD, is_citizen=True)


@pytest.fixture
def own_case(file_petition, citizen):
    return file_petition(account=citizen, title="我家门前道路积水")


def test_it_opens_a_citizen_account_without_staff_rights_and_logs_in(client, world):
    response = _signup(client)
    assert response.status_code == 302 and response.url == "/portal/mine/"
    user = User.objects.get(username="13900001111")
    assert user.is_citizen and not user.is_staff and not user.is_superuser
    assert user.display_name == "老王" and user.check_password(STRONG)
    assert not Membership.objects.filter(user=user).exists()
    assert client.get("/portal/mine/").status_code == 200
    event = AuditEvent.objects.get(action="accounts.citizen.signed_up")
    assert event.actor_id == user.pk and "13900001111" not in str(event.data)


@pytest.mark.parametrize(
    "passwords",
    [("12345678", "12345678"), ("short", "short"), (STRONG, STRONG + "x")],
    ids=["common", "too-short", "mismatched"],
)
def test_it_refuses_a_weak_or_mismatched_password_and_creates_nothing(client, world, passwords):
    before = User.objects.count()
    response = _signup(client, password1=passwords[0], password2=passwords[1])
    assert response.status_code == 400
    assert response.context["form"].errors["password2"]
    assert User.objects.count() == before
    assert "_auth_user_id" not in client.session
    assert not AuditEvent.objects.filter(action="accounts.citizen.signed_up").exists()


def test_it_refuses_a_username_that_is_taken_whatever_its_case(client, citizen):
    response = _signup(client, username="CITIZEN")
    assert response.status_code == 400 and response.context["form"].errors["username"]
    # Two sign-ups racing past the form meet the unique index: a field error, never a 500.
    with pytest.raises(InvalidInput) as refused:
        citizen_sign_up(username="citizen", display_name="", password=STRONG)
    assert "username" in refused.value.errors


def test_it_lists_a_logged_in_citizens_petition_and_opens_it_without_the_code(client, form_data, citizen):
    client.force_login(citizen)
    assert client.post("/portal/submit/", form_data()).status_code == 302
    petition = Petition.objects.get(account=citizen)

    # A new browser: nothing proven in this session, only the login.
    browser = Client()
    browser.force_login(citizen)
    page = browser.get("/portal/mine/").content.decode()
    assert petition.number in page and "小区楼道照明长期损坏" in page and "已登记" in page
    assert f'href="/portal/track/{petition.number}/"' in page
    assert "青川区信访局" in page and "2026-" in page  # the unit in charge and the deadline date
    status = browser.get(f"/portal/track/{petition.number}/")
    assert status.status_code == 200 and "小区楼道照明长期损坏" in status.content.decode()


def test_it_lists_the_newest_case_first_and_only_the_accounts_own(client, file_petition, citizen, own_case):
    newer = file_petition(account=citizen, title="新的一件")
    stranger = file_petition(title="别人的事")
    client.force_login(citizen)
    page = client.get("/portal/mine/").content.decode()
    assert page.index(newer.number) < page.index(own_case.number)
    assert stranger.number not in page and "别人的事" not in page


def test_it_gives_another_citizen_what_a_wrong_code_gives(client, neighbour, own_case):
    url = f"/portal/track/{own_case.number}/"
    unproven = Client().get(url)
    client.force_login(neighbour)
    response = client.get(url)
    assert unproven.status_code == response.status_code == 302
    assert response.url == unproven.url == f"/portal/track/?number={own_case.number}"
    assert own_case.number not in client.get("/portal/mine/").content.decode()


def test_it_does_not_let_another_citizen_rate_the_case(client, answer, citizen, neighbour):
    petition, _code = answer(account=citizen)
    client.force_login(neighbour)
    response = client.post(f"/portal/track/{petition.number}/rate/", {"rating": Rating.DISSATISFIED})
    assert response.status_code == 302 and response.url.startswith("/portal/track/?number=")
    petition.refresh_from_db()
    assert petition.rating == "" and petition.status == "answered"


def test_it_lets_the_owner_rate_an_answered_case_without_the_code(client, answer, citizen):
    petition, _code = answer(account=citizen)
    client.force_login(citizen)
    assert "评价办理结果" in client.get(f"/portal/track/{petition.number}/").content.decode()
    response = client.post(f"/portal/track/{petition.number}/rate/", {"rating": Rating.SATISFIED})
    assert response.status_code == 302 and response.url == f"/portal/track/{petition.number}/"
    petition.refresh_from_db()
    assert petition.rating == Rating.SATISFIED
    # The audit log names the account that rated its own case.
    assert AuditEvent.objects.get(action="petitions.petition.rate").actor_id == citizen.pk


def test_it_sends_a_citizen_on_a_staff_page_to_my_petitions(client, citizen, own_case):
    client.force_login(citizen)
    for url in ("/staff/", "/staff/overdue/", "/staff/new/", f"/staff/cases/{own_case.number}/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/portal/mine/", url


def test_it_still_opens_the_workbench_for_staff(client, clerk):
    client.force_login(clerk)
    assert client.get("/staff/").status_code == 200


def test_it_sends_an_anonymous_visitor_of_my_petitions_to_the_portal_login(client, world):
    response = client.get("/portal/mine/")
    assert response.status_code == 302 and response.url == "/portal/login/?next=/portal/mine/"


def test_it_logs_in_a_citizen_to_my_petitions(client, citizen):
    response = client.post("/portal/login/", {"username": "citizen", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/portal/mine/"


def test_it_sends_staff_to_the_staff_login_page(client, clerk):
    response = client.post("/portal/login/", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 400
    assert "工作人员请从工作人员登录页面登录" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_shows_the_account_links_that_fit_the_visitor(client, citizen):
    page = client.get("/portal/").content.decode()
    assert 'href="/portal/login/"' in page and 'href="/portal/signup/"' in page
    assert 'href="/portal/mine/"' not in page
    client.force_login(citizen)
    page = client.get("/portal/").content.decode()
    assert 'href="/portal/mine/"' in page and 'action="/portal/logout/"' in page
    assert 'href="/portal/login/"' not in page
    assert client.post("/portal/logout/").status_code == 302
    assert client.get("/portal/mine/").status_code == 302


def test_it_limits_failed_logins_but_not_successful_ones(client, citizen, limit_of_two):
    for _ in range(3):
        assert client.post("/portal/login/", {"username": "citizen", "password": PASSWORD}).status_code == 302
        client.post("/portal/logout/")
    for _ in range(2):
        wrong = client.post("/portal/login/", {"username": "citizen", "password": "guess-0000"})
        assert wrong.status_code == 400 and wrong.context["form"].non_field_errors()
    # Once the allowance is spent even the right password waits: otherwise guessing would go on.
    refused = client.post("/portal/login/", {"username": "citizen", "password": PASSWORD})
    assert refused.status_code == 429 and "_auth_user_id" not in client.session


def test_it_limits_sign_ups(client, world, limit_of_two):
    for i in range(2):
        _signup(Client(), username=f"user{i}")
    assert _signup(client, username="user9").status_code == 429
    assert not User.objects.filter(username="user9").exists()
