"""Who sees which 两新组织 records: the registrar and leaders of the social work department of an area
see its subtree; anyone else is refused the pages (403) and never learns a record exists (404)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from minsheng.orgs.models import Region
from minsheng.orgs.selectors import within_regions
from minsheng.registry.scope import covers, read_paths
from minsheng.registry.scope import require_reader as require_reader  # the pages' gate, asked here
from minsheng.registry.scope import write_paths as edit_paths
from minsheng.registry.twonew.models import Instructor, Organization, PartyOrganization


def may_edit(user, region: Region) -> bool:
    return covers(edit_paths(user), region.path)


def require_editor(user, region: Region) -> None:
    if not may_edit(user, region):
        raise PermissionDenied


def may_edit_somewhere(user) -> bool:
    return bool(edit_paths(user))


def area_roots(user) -> list[Region]:
    """The top regions of the user's area (a county registrar: the county)."""
    paths = read_paths(user)
    roots = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
    return list(Region.objects.filter(path__in=roots).order_by("code"))


def region_for(user, code: str) -> Region:
    """A region inside the user's area, by code; any other is 404."""
    return get_object_or_404(Region.objects.filter(within_regions(read_paths(user), field="path")), code=code)


def regions_editable_by(user) -> QuerySet[Region]:
    return Region.objects.filter(within_regions(edit_paths(user), field="path")).order_by("code")


def _regions_under(paths: list[str]) -> QuerySet[Region]:
    # Units are filtered by region id (IN a subquery over the few thousand regions), not by a LIKE on
    # each unit's joined region path: at a million units the join was most of the list's cost.
    return Region.objects.filter(within_regions(paths, field="path")).values("pk")


def units_visible_to(user) -> QuerySet[Organization]:
    return Organization.objects.filter(region__in=_regions_under(read_paths(user))).select_related(
        "region", "instructor"
    )


def unit_for(user, pk: int) -> Organization:
    # 404, not 403: another area's registrar must not learn that the unit is registered.
    return get_object_or_404(units_visible_to(user), pk=pk)


def party_orgs_visible_to(user) -> QuerySet[PartyOrganization]:
    return (
        PartyOrganization.objects.filter(within_regions(read_paths(user)))
        .select_related("region")
        .annotate(unit_count=Count("units"))
    )


def party_org_for(user, pk: int) -> PartyOrganization:
    return get_object_or_404(party_orgs_visible_to(user), pk=pk)


def instructors_visible_to(user) -> QuerySet[Instructor]:
    return (
        Instructor.objects.filter(within_regions(read_paths(user)))
        .select_related("region")
        .annotate(unit_count=Count("units", filter=Q(units__operating=True)))
    )


def instructors_assignable_by(user) -> QuerySet[Instructor]:
    """Active instructors of the areas the user keeps: those a unit may be given."""
    return Instructor.objects.filter(within_regions(edit_paths(user)), active=True)


def filter_units(
    units: QuerySet[Organization],
    *,
    region: Region | None = None,
    industry: str = "",
    kind: str = "",
    search: str = "",
    operating: bool | None = None,
    exact: bool = False,
) -> QuerySet[Organization]:
    if region is not None:
        units = (
            units.filter(region=region) if exact else units.filter(region__in=_regions_under([region.path]))
        )
    if industry:
        units = units.filter(industry=industry)
    if kind:
        units = units.filter(kind=kind)
    if search:
        units = units.filter(Q(name__contains=search) | Q(credit_code=search.upper()))
    if operating is not None:
        units = units.filter(operating=operating)
    return units
