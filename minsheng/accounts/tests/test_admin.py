"""Users and API tokens in the admin."""

import re

import pytest
from django.urls import reverse

from minsheng.accounts.models import ApiToken, User
from minsheng.accounts.roles import Role
from minsheng.audit.models import AuditEvent
from minsheng.orgs.models import Membership
from minsheng.testing import PASSWORD


@pytest.fixture
def admin_client(client, db):
    root = User.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")
    client.force_login(root)
    return client


def test_it_shows_a_new_tokens_key_once_and_stores_only_its_hash(admin_client, clerk):
    add = reverse("admin:accounts_apitoken_add")
    response = admin_client.post(add, {"user": clerk.pk, "name": "12345热线"}, follow=True)
    assert response.status_code == 200
    key = re.search(r"ms_[\w-]+", response.content.decode()).group(0)

    token = ApiToken.objects.get()
    assert token.user == clerk and token.name == "12345热线"
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in str(ApiToken.objects.values().get())

    # Once shown, never again: not on the list, not on the token's page.
    assert key not in admin_client.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    page = admin_client.get(reverse("admin:accounts_apitoken_change", args=[token.pk])).content.decode()
    assert key not in page and token.key_hash not in page

    event = AuditEvent.objects.get(action="accounts.api_token.issued")
    assert event.actor.username == "root" and key not in str(event.data)


def test_it_revokes_tokens_instead_of_deleting_them(admin_client, clerk):
    token, _key = ApiToken.issue(user=clerk, name="对接")
    admin_client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    token.refresh_from_db()
    assert token.revoked
    assert AuditEvent.objects.filter(action="accounts.api_token.revoked", target_id=str(token.pk)).exists()
    delete = reverse("admin:accounts_apitoken_delete", args=[token.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_it_creates_a_user_and_gives_them_a_role_in_a_unit(admin_client, world):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "new_clerk",
            "display_name": "新登记员",
            "password1": "a-long-pass-2026",
            "password2": "a-long-pass-2026",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="new_clerk")
    assert user.display_name == "新登记员" and user.check_password("a-long-pass-2026")

    change = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert "在各单位的角色" in change.content.decode()
    data = _change_form_data(change)
    data.update(
        {
            "memberships-TOTAL_FORMS": "1",
            "memberships-0-unit": world.units["bureau"].pk,
            "memberships-0-role": Role.CLERK,
        }
    )
    response = admin_client.post(reverse("admin:accounts_user_change", args=[user.pk]), data)
    assert response.status_code == 302
    assert Membership.objects.get(user=user).unit == world.units["bureau"]


def _change_form_data(response):
    """The values the change form would send back unchanged."""
    form = response.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields
        and value is not None
        and name not in ("password", "groups", "user_permissions")
    }
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{k}": v for k, v in management.initial.items()})
    data["last_login_0"] = data["last_login_1"] = ""
    joined = form.initial["date_joined"]
    data["date_joined_0"], data["date_joined_1"] = joined.strftime("%Y-%m-%d"), joined.strftime("%H:%M:%S")
    data.pop("last_login", None)
    data.pop("date_joined", None)
    return data
