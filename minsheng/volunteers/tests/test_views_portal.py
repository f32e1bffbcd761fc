"""The portal: registration, browsing, sign-up with clear refusals, cancellation, my activities."""

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.volunteers.ids import invented_id_number
from minsheng.volunteers.models import SignUp, Volunteer
from minsheng.volunteers.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def rnow():
    return timezone.now()


def form(world, **kw):
    data = {
        "name": "周敏",
        "id_number": invented_id_number(birth="19950305", serial=31),
        "phone": "13811112222",
        "region": world.regions["street"].pk,
        "availability": ["15", "16", "17"],
        "languages": "普通话、英语",
    }
    data.update(kw)
    return data


def test_anonymous_is_sent_to_the_portal_login(client):
    response = client.get(reverse("volunteers_public:register"))
    assert response.status_code == 302 and reverse("portal:login") in response["Location"]


def test_a_citizen_registers_and_lands_on_my_activities(client, citizen, world):
    client.force_login(citizen)
    response = client.post(reverse("volunteers_public:register"), form(world))
    assert response.status_code == 302
    v = Volunteer.objects.get(account=citizen)
    assert v.languages == ["普通话", "英语"] and v.availability == (1 << 15) | (1 << 16) | (1 << 17)
    assert client.get(reverse("volunteers_public:mine")).status_code == 200


def test_the_same_id_number_twice_gets_a_clear_message_and_no_second_volunteer(client, citizen, world, rnow):
    from minsheng.volunteers.services import Registration, volunteer_register

    existing = invented_id_number(birth="19950305", serial=31)
    volunteer_register(
        registration=Registration(
            name="周敏", id_number=existing, phone="13811112222", region=world.regions["street"]
        ),
        actor=None,
        now=rnow,
    )
    client.force_login(citizen)
    response = client.post(reverse("volunteers_public:register"), form(world, id_number=existing))
    assert response.status_code == 409 and "不能重复注册" in response.content.decode()
    assert Volunteer.objects.count() == 1 and not Volunteer.objects.filter(account=citizen).exists()


def test_a_minor_needs_the_guardian_fields(client, citizen, world):
    client.force_login(citizen)
    minor = form(world, id_number=invented_id_number(birth="20130101", serial=32))
    response = client.post(reverse("volunteers_public:register"), minor)
    assert response.status_code == 400 and "监护人" in response.content.decode()
    minor.update(guardian_name="周强", guardian_phone="13922223333", guardian_consent="on")
    assert client.post(reverse("volunteers_public:register"), minor).status_code == 302


def test_published_activities_are_listed_and_a_volunteer_signs_up_and_cancels(
    client, citizen, world, team, rnow
):
    a = f.activity(world, team, now=rnow, capacity=1)
    shift = a.shifts.get()
    v = f.volunteer(world, now=rnow, account=citizen)
    assert a.title in client.get(reverse("volunteers_public:home")).content.decode()
    client.force_login(citizen)
    assert client.post(reverse("volunteers_public:signup", args=[shift.pk])).status_code == 302
    signup = SignUp.objects.get(volunteer=v)
    assert signup.status == SignUp.Status.CONFIRMED
    assert a.title in client.get(reverse("volunteers_public:mine")).content.decode()
    assert client.post(reverse("volunteers_public:cancel", args=[signup.pk])).status_code == 302
    signup.refresh_from_db()
    assert signup.status == SignUp.Status.CANCELLED


def test_a_full_shift_puts_the_volunteer_on_the_waiting_list(client, citizen, world, team, rnow):
    from minsheng.volunteers.services import signup_create

    a = f.activity(world, team, now=rnow, capacity=1)
    shift = a.shifts.get()
    signup_create(shift=shift, volunteer=f.volunteer(world, now=rnow), actor=None, now=rnow)
    f.volunteer(world, now=rnow, account=citizen)
    client.force_login(citizen)
    response = client.post(reverse("volunteers_public:signup", args=[shift.pk]), follow=True)
    assert "候补名单" in response.content.decode()


def test_a_refused_sign_up_shows_the_reason(client, citizen, world, team, rnow):
    a = f.activity(world, team, now=rnow, skills=[f.skill("sign-language", "手语")])
    f.volunteer(world, now=rnow, account=citizen)
    client.force_login(citizen)
    response = client.post(reverse("volunteers_public:signup", args=[a.shifts.get().pk]))
    assert response.status_code == 409 and "手语" in response.content.decode()
    assert not SignUp.objects.exists()


def test_a_citizen_cannot_cancel_someone_elses_sign_up(client, citizen, world, team, rnow):
    from minsheng.volunteers.services import signup_create

    a = f.activity(world, team, now=rnow)
    other = signup_create(shift=a.shifts.get(), volunteer=f.volunteer(world, now=rnow), actor=None, now=rnow)
    f.volunteer(world, now=rnow, account=citizen)
    client.force_login(citizen)
    assert client.post(reverse("volunteers_public:cancel", args=[other.pk])).status_code == 404


def test_a_volunteer_updates_their_profile(client, citizen, world, rnow):
    v = f.volunteer(world, now=rnow, account=citizen)
    client.force_login(citizen)
    response = client.post(reverse("volunteers_public:profile"), {"availability": ["0"], "languages": "粤语"})
    assert response.status_code == 302
    v.refresh_from_db()
    assert v.availability == 1 and v.languages == ["粤语"]
