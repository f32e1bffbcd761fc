"""Coverage counts by area and by industry, and the lists of units behind every number.

One table (``status_filters``) defines each number: the counts aggregate it in one GROUP BY and the
drill-down list filters by it, so a list always has as many rows as the number that links to it.

组织覆盖率 = operating units covered by an organization (own + joint) / operating units.
工作覆盖率 = operating units reached by party work / operating units, where "reached" is the formula
chosen in ``conf.WORK_COVERAGE`` (default: covered by an organization or given an instructor).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import Region
from minsheng.registry.twonew import conf, rules
from minsheng.registry.twonew.models import Coverage, Industry, Organization

STATUS_LABELS = {
    "operating": _("在营单位"),
    "covered": _("已建党组织"),
    "own": _("单独建立"),
    "joint": _("联合建立"),
    "uncovered": _("未建党组织"),
    "gaps": _("应建未建"),
    "work_covered": _("工作覆盖"),
    "work_uncovered": _("工作未覆盖"),
}


def _work_q(formula: str) -> Q:
    covered = ~Q(coverage=Coverage.NONE)
    if formula == "organization_only":
        return covered
    if formula == "organization_or_instructor":
        return covered | Q(instructor__isnull=False)
    if formula == "organization_or_instructor_or_contact":
        return covered | Q(instructor__isnull=False) | ~Q(party_contact="")
    raise ValueError(f"unknown WORK_COVERAGE formula {formula!r}")


def status_filters() -> dict[str, Q]:
    """Each number's definition, applied to operating units (mirrors ``rules.is_gap``/``work_covered``)."""
    work = _work_q(conf.get("WORK_COVERAGE"))
    return {
        "operating": Q(),
        "covered": ~Q(coverage=Coverage.NONE),
        "own": Q(coverage=Coverage.OWN),
        "joint": Q(coverage=Coverage.JOINT),
        "uncovered": Q(coverage=Coverage.NONE),
        "gaps": Q(coverage=Coverage.NONE, full_members__gte=conf.get("GAP_MIN_FULL_MEMBERS")),
        "work_covered": work,
        "work_uncovered": ~work,
    }


def units_with_status(units: QuerySet, status: str) -> QuerySet:
    """The drill-down list: operating units of ``units`` counted under ``status``."""
    return units.filter(status_filters()[status], operating=True)


@dataclass
class Row:
    key: str  # region code or industry code; "" for the total
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    def __getattr__(self, name):
        counts = self.__dict__.get("counts", {})
        if name in counts:
            return counts[name]
        raise AttributeError(name)

    @property
    def org_rate(self) -> Decimal | None:
        return rules.rate(self.counts.get("covered", 0), self.counts.get("operating", 0))

    @property
    def work_rate(self) -> Decimal | None:
        return rules.rate(self.counts.get("work_covered", 0), self.counts.get("operating", 0))


def _counters() -> dict:
    # "uncovered" and "work_uncovered" are differences; counting them again would cost two more CASEs.
    filters = status_filters()
    wanted = ("covered", "own", "joint", "gaps", "work_covered")
    counters = {"operating": Count("pk")}
    counters.update({key: Count("pk", filter=filters[key]) for key in wanted})
    return counters


def _complete(counts: dict) -> dict:
    counts["uncovered"] = counts["operating"] - counts["covered"]
    counts["work_uncovered"] = counts["operating"] - counts["work_covered"]
    return counts


def _add(into: dict, counts: dict) -> None:
    for key, value in counts.items():
        into[key] = into.get(key, 0) + value


def subtree_region_ids(region: Region) -> dict[int, str]:
    return dict(Region.objects.filter(path__startswith=region.path).values_list("id", "path"))


def by_area(region: Region) -> tuple[list[Row], Row]:
    """One row per child area of ``region`` (plus one for units placed on ``region`` itself) and the total.

    One GROUP BY region over the subtree; the regions (a few thousand at most) fold into the children
    in Python, which is cheaper than a join on the region path for every unit.
    """
    paths = subtree_region_ids(region)
    children = {c.pk: c for c in Region.objects.filter(parent=region).order_by("code")}
    rows = {pk: Row(key=c.code, label=c.name) for pk, c in children.items()}
    own = Row(key=region.code, label=str(_("%(name)s本级") % {"name": region.name}))
    grouped = (
        Organization.objects.filter(region_id__in=list(paths), operating=True)
        .values("region_id")
        .annotate(**_counters())
        .order_by()
    )
    total = Row(key="", label=str(_("合计")))
    prefix = len(region.path)
    for entry in grouped:
        region_id = entry.pop("region_id")
        child_id = paths[region_id][prefix:].split("/")[0]
        row = rows.get(int(child_id)) if child_id else own
        _add(row.counts, entry)
        _add(total.counts, entry)
    result = [r for r in rows.values()] + ([own] if own.counts else [])
    for row in [*result, total]:
        row.counts.setdefault("operating", 0)
        for key in ("covered", "own", "joint", "gaps", "work_covered"):
            row.counts.setdefault(key, 0)
        _complete(row.counts)
    return result, total


def by_industry(region: Region) -> tuple[list[Row], Row]:
    """One row per industry with operating units in ``region``'s subtree, and the total."""
    paths = subtree_region_ids(region)
    grouped = (
        Organization.objects.filter(region_id__in=list(paths), operating=True)
        .values("industry")
        .annotate(**_counters())
        .order_by("industry")
    )
    labels = dict(Industry.choices)
    rows, total = [], Row(key="", label=str(_("合计")))
    for entry in grouped:
        code = entry.pop("industry")
        rows.append(Row(key=code, label=str(labels.get(code, code)), counts=_complete(dict(entry))))
        _add(total.counts, entry)
    for key in ("operating", "covered", "own", "joint", "gaps", "work_covered"):
        total.counts.setdefault(key, 0)
    _complete(total.counts)
    return rows, total
