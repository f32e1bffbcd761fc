"""Set-based recomputation of approved minutes and stars (the management command and the bench use it)."""

from io import StringIO

from django.core.management import call_command

from minsheng.volunteers.models import Volunteer
from minsheng.volunteers.service import services
from minsheng.volunteers.service.models import Status
from minsheng.volunteers.service.tests.conftest import at
from minsheng.volunteers.service.tests.helpers import history
from minsheng.volunteers.tests import factories as f


def test_it_recomputes_everyone_from_approved_records_only(world, now, team, volunteer):
    second = f.volunteer(world, now=now)
    idle = f.volunteer(world, now=now)
    history(volunteer, team, minutes=300 * 60, start=at(1, 9, month=1))
    history(volunteer, team, minutes=60, start=at(2, 9, month=1), status=Status.PENDING)
    history(second, team, minutes=1000 * 60, start=at(1, 9, month=1))
    history(second, team, minutes=500 * 60, start=at(2, 9, month=1), status=Status.REJECTED)
    Volunteer.objects.filter(pk=idle.pk).update(approved_minutes=999, stars=3)  # drifted by hand
    out = StringIO()
    call_command("volunteer_stars", "recompute", stdout=out)
    assert "3 volunteers changed" in out.getvalue()
    got = dict(Volunteer.objects.values_list("pk", "stars"))
    assert got[volunteer.pk] == 2 and got[second.pk] == 4 and got[idle.pk] == 0
    assert Volunteer.objects.get(pk=second.pk).approved_minutes == 1000 * 60
    assert services.recompute() == 0  # nothing left to change


def test_it_recomputes_one_volunteer(team, volunteer):
    history(volunteer, team, minutes=1500 * 60, start=at(1, 9, month=1))
    out = StringIO()
    call_command("volunteer_stars", "recompute", "--volunteer", str(volunteer.pk), stdout=out)
    volunteer.refresh_from_db()
    assert (volunteer.approved_minutes, volunteer.stars) == (90000, 5)


def test_it_reads_star_thresholds_from_settings(settings, team, volunteer):
    settings.MINSHENG = {**settings.MINSHENG, "VOLUNTEER_SERVICE": {"STAR_HOURS": (10, 20, 30, 40, 50)}}
    history(volunteer, team, minutes=25 * 60, start=at(1, 9, month=1))
    services.recompute([volunteer.pk])
    volunteer.refresh_from_db()
    assert volunteer.stars == 2
