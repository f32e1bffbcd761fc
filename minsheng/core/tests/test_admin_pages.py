"""Every admin page opens for a superuser and stays closed to everyone else."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse

from minsheng.accounts.models import ApiToken, User
from minsheng.testing import PASSWORD


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")


@pytest.fixture
def filled(world, file_petition, clerk):
    """Every admin list with at least one row, so that list columns are rendered too."""
    file_petition()
    ApiToken.issue(user=clerk, name="12345热线对接")
    return world


def _admin_urls(name):
    for model in admin.site._registry:
        yield reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}")


def test_it_opens_every_changelist_and_the_calendar_import_for_a_superuser(client, superuser, filled):
    client.force_login(superuser)
    urls = [reverse("admin:index"), *_admin_urls("changelist"), reverse("admin:core_calendaryear_import")]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_it_opens_the_first_row_of_every_changelist(client, superuser, filled):
    client.force_login(superuser)
    for model, model_admin in admin.site._registry.items():
        obj = model_admin.get_queryset(_request(superuser)).first()
        if obj is None:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
        assert client.get(url).status_code == 200, url


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_it_sends_a_non_staff_user_to_the_admin_login(client, clerk, citizen):
    for user in (clerk, citizen):
        client.force_login(user)
        for url in [reverse("admin:index"), *_admin_urls("changelist")]:
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("admin:login")), url


def test_it_refuses_staff_without_model_permissions(client, world):
    staff = User.objects.create_user(username="staffonly", password=PASSWORD, is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("admin:petitions_petition_changelist")).status_code == 403
    assert client.get(reverse("admin:people_person_changelist")).status_code == 403
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


def test_it_shows_petitions_read_only_with_the_petitioner_masked(client, superuser, file_petition):
    petition = file_petition()
    client.force_login(superuser)
    change = reverse("admin:petitions_petition_change", args=[petition.pk])
    page = client.get(change).content.decode()
    assert petition.title in page
    assert "王*明" in page and "王小明" not in page
    assert "13812341234" not in page

    # Workflow changes go through the services: no add, change or delete here, even for a superuser.
    assert client.post(change, {"title": "改过的标题"}).status_code == 403
    assert client.get(reverse("admin:petitions_petition_add")).status_code == 403
    delete = reverse("admin:petitions_petition_delete", args=[petition.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    petition.refresh_from_db()
    assert petition.title != "改过的标题"


def test_it_shows_staff_in_the_admin_only_the_petitions_they_see_at_work(
    client, file_petition, clerk, outsider
):
    petition = file_petition()
    view = Permission.objects.get(codename="view_petition")
    for user in (clerk, outsider):
        user.is_staff = True
        user.save()
        user.user_permissions.add(view)
    url = reverse("admin:petitions_petition_change", args=[petition.pk])

    client.force_login(clerk)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert petition.number not in client.get(reverse("admin:petitions_petition_changelist")).content.decode()
    # The admin answers a case it hides with a redirect to its index and a "does not exist" message.
    assert client.get(url).status_code == 302
