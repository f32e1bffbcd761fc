"""The demo part seeds on its own (other parts of demo_seed may be broken while people work)."""

import random

import pytest
from django.utils import timezone

from minsheng.registry.associations import demo, selectors
from minsheng.registry.associations.deadlines import Deadline, report_year
from minsheng.registry.associations.models import AnnualReport, Association
from minsheng.registry.associations.workflow import S

pytestmark = pytest.mark.django_db


def test_it_seeds_bodies_in_several_states_and_an_overdue_list(settings, tmp_path):
    from minsheng.demo.world import build

    settings.DATA_DIR = tmp_path
    world = build("demo-pass-1234")
    now = timezone.now()
    lines = demo.seed(world, now=now, rng=random.Random(7))
    assert lines and Association.objects.count() == len(demo.BODIES)
    states = set(Association.objects.values_list("status", flat=True))
    assert {S.ACTIVE, S.DECOUPLING, S.DECOUPLED, S.PREPARING, S.DISSOLVED, S.TRANSFORMING} <= states
    decoupling = Association.objects.get(status=S.DECOUPLING)
    assert len(decoupling.decoupling) == 3
    assert AnnualReport.objects.filter(state=AnnualReport.State.ACCEPTED).exists()
    older = report_year(now.date()) - 1
    registrar = world.users["registrar"]
    overdue = selectors.overdue(
        registrar, year=older, deadline=Deadline.REGISTRAR, today=now.date(), filters=selectors.Filters()
    )
    assert overdue.exists()
