"""``field__any``: a long list of values as one array parameter, with the meaning of ``__in``."""

import pytest
from django.db.models import Q

from minsheng.orgs.models import Unit

pytestmark = pytest.mark.django_db


def test_it_finds_what_in_finds_by_key_and_by_foreign_key(world):
    some = list(Unit.objects.order_by("pk").values_list("pk", flat=True)[:3])
    assert set(Unit.objects.filter(pk__any=some).values_list("pk", flat=True)) == set(some)
    region = Unit.objects.get(pk=some[0]).region_id
    assert set(Unit.objects.filter(region_id__any=[region])) == set(Unit.objects.filter(region_id=region))


def test_an_empty_list_matches_nothing_and_leaves_the_other_side_of_an_or(world):
    one = Unit.objects.order_by("pk").first()
    assert not Unit.objects.filter(pk__any=[]).exists()
    assert list(Unit.objects.filter(Q(pk__any=[]) | Q(name=one.name))) == [one]
