"""What a viewer may count: the same rules as the owning apps' selectors, stated over rollup rows.

Each source keeps its own rule, so a figure never counts a case the drill-down list (read through that
app's selector) would not show: petitions — the viewer's units (responsible or intake) and the areas
of their petition bureaus; hotline orders — their hotline centres and handling units; suggestions —
their suggestion offices and study units; service hours — the teams they manage and the areas of their
social work departments.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from minsheng.insight.models import Source
from minsheng.orgs.selectors import within_regions


@dataclass(frozen=True)
class Scope:
    units: frozenset[int] = frozenset()  # every unit the viewer works in
    bureau_paths: tuple[str, ...] = ()  # petitions: areas overseen
    offices: frozenset[int] = frozenset()  # suggestions: offices
    study_units: frozenset[int] = frozenset()  # suggestions: units asked to study
    teams: frozenset[int] = frozenset()  # service hours: teams managed
    social_work_paths: tuple[str, ...] = ()  # service hours: areas of the social work departments
    area_paths: tuple[str, ...] = field(default=())  # region_scope: everything in these areas
    report_units: frozenset[int] = frozenset()  # units whose generated reports the viewer may read

    @property
    def is_empty(self) -> bool:
        return not (self.units or self.teams or self.area_paths)

    def rows(self) -> Q:
        """The rollup rows this scope may count (matches nothing for an empty scope)."""
        if self.area_paths:
            return within_regions(list(self.area_paths), field="region_path")
        units = list(self.units)
        petition = Q(unit_id__in=units) | Q(owner_id__in=units)
        if self.bureau_paths:
            petition |= within_regions(list(self.bureau_paths), field="region_path")
        # A 检举控告 is never counted for the unit it accuses (Arts. 30, 46), as the case list hides it.
        petition &= ~Q(kind="report", accused_id__in=units)
        hotline = Q(unit_id__in=units) | Q(owner_id__in=units)
        suggestion = Q(owner_id__in=list(self.offices)) | Q(unit_id__in=list(self.study_units))
        volunteer = Q(owner_id__in=list(self.teams))
        if self.social_work_paths:
            volunteer |= within_regions(list(self.social_work_paths), field="region_path")
        return (
            (Q(source=Source.PETITION) & petition)
            | (Q(source=Source.HOTLINE) & hotline)
            | (Q(source=Source.SUGGESTION) & suggestion)
            | (Q(source=Source.VOLUNTEER) & volunteer)
        )


def scope_of(user) -> Scope:
    """The viewer's scope, read through the owning apps' own rules (a few small queries)."""
    from minsheng.orgs.selectors import units_and_bureau_paths
    from minsheng.suggestions.permissions import office_unit_ids
    from minsheng.suggestions.selectors import study_unit_ids
    from minsheng.volunteers.permissions import scope_of as volunteer_scope

    if user is None or not user.is_authenticated:
        return Scope()
    unit_ids, paths = units_and_bureau_paths(user)
    units = frozenset(unit_ids)
    volunteers = volunteer_scope(user)
    return Scope(
        units=units,
        bureau_paths=tuple(paths),
        offices=frozenset(office_unit_ids(user)),
        study_units=frozenset(study_unit_ids(user)),
        teams=frozenset(volunteers.team_ids),
        social_work_paths=tuple(volunteers.read_paths),
        report_units=units,
    )


def region_scope(region, *, unit=None) -> Scope:
    """Everything in ``region`` and below (scheduled reports, benchmarks); ``unit`` owns its reports."""
    return Scope(area_paths=(region.path,), report_units=frozenset({unit.pk}) if unit else frozenset())


def as_scope(viewer) -> Scope:
    return viewer if isinstance(viewer, Scope) else scope_of(viewer)
