"""Reads that carry the access rule: a social-work registrar reads and edits the records of its area's
subtree, a social-work leader reads them, anyone else may not open the pages (403) and a record of
another area does not exist for them (404)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404
from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.orgs.models import Region
from minsheng.orgs.selectors import social_work_region_paths, within_regions
from minsheng.people.blind_index import id_number_index, name_index
from minsheng.talent import conf, rules
from minsheng.talent.models import Certificate, Field, Level, Registration, SocialWorker

# -- access


def readable_paths(user) -> list[str]:
    return social_work_region_paths(user)


def editable_paths(user) -> list[str]:
    return social_work_region_paths(user, roles=(Role.REGISTRAR,))


def require_reader(user) -> list[str]:
    """The staff pages are for social-work departments only (403 for everybody else)."""
    paths = readable_paths(user)
    if not paths:
        raise PermissionDenied(_("仅社会工作部门的登记管理员和领导可以使用社会工作人才库。"))
    return paths


def require_editor(user) -> list[str]:
    paths = editable_paths(user)
    if not paths:
        raise PermissionDenied(_("仅社会工作部门的登记管理员可以修改社会工作人才信息。"))
    return paths


def workers_visible_to(user) -> QuerySet[SocialWorker]:
    return SocialWorker.objects.filter(within_regions(readable_paths(user)))


def worker_for(user, pk: int, *, edit: bool = False) -> SocialWorker:
    # 404, not 403: the registrar of another county must not learn that a person is on our register.
    worker = workers_visible_to(user).select_related("person", "region", "account").filter(pk=pk).first()
    if worker is None:
        raise Http404
    if edit and not may_edit(user, worker):
        raise PermissionDenied(_("您只能查看，不能修改该社会工作者的信息。"))
    return worker


def may_edit(user, worker: SocialWorker) -> bool:
    return may_edit_region(user, worker.region)


def may_edit_region(user, region: Region) -> bool:
    """A registrar keeps the workers of its own area's subtree."""
    return any(region.path.startswith(p) for p in editable_paths(user))


def regions_editable_by(user) -> QuerySet[Region]:
    return Region.objects.filter(within_regions(editable_paths(user), field="path")).order_by("code")


def areas_readable_by(user) -> QuerySet[Region]:
    """Areas a user may filter and count by: their own and every county/street below."""
    return Region.objects.filter(
        within_regions(readable_paths(user), field="path"), level__lte=Region.Level.STREET
    ).order_by("code")


def area_for(user, code: str) -> Region | None:
    if not code:
        return None
    return Region.objects.filter(within_regions(readable_paths(user), field="path"), code=code).first()


# -- the register


@dataclass(frozen=True)
class Filters:
    area: Region | None = None
    level: str = ""
    field: str = ""
    status: str = ""
    reg: str = ""  # registration state: valid / soon / lapsed / none
    q: str = ""


def workers(user, *, filters: Filters, today: date) -> QuerySet[SocialWorker]:
    qs = (
        workers_visible_to(user)
        .select_related("person", "region")
        # The end of the latest registration: a correlated subquery on (worker, valid_until), so that
        # counting and paging need no GROUP BY over every registration.
        .annotate(
            last_until=Subquery(
                Registration.objects.filter(worker=OuterRef("pk"))
                .order_by("-valid_until")
                .values("valid_until")[:1]
            )
        )
    )
    f = filters
    if f.area is not None:
        qs = qs.filter(region__path__startswith=f.area.path)
    if f.level:
        qs = qs.filter(level=f.level)
    if f.field:
        qs = qs.filter(field=f.field)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.reg == "none":
        qs = qs.filter(last_until__isnull=True)
    elif f.reg == "lapsed":
        qs = qs.filter(last_until__lt=today)
    elif f.reg == "soon":
        qs = qs.filter(
            last_until__gte=today, last_until__lte=today + timedelta(days=conf.get("DUE_SOON_DAYS"))
        )
    elif f.reg == "valid":
        qs = qs.filter(last_until__gte=today)
    if f.q:
        qs = qs.filter(_search(f.q))
    return qs.order_by("region__code", "-id")


def _search(q: str) -> Q:
    # Names and ID numbers are encrypted: they are found by exact value through their blind index.
    q = q.strip()
    found = Q(person__name_bi=name_index(q)) | Q(employer__icontains=q)
    found |= Q(pk__in=Certificate.objects.filter(number__istartswith=q).values("worker_id"))
    if len(q) == 18:
        found |= Q(person__id_number_bi=id_number_index(q))
    return found


def counts_by_level(qs: QuerySet[SocialWorker]) -> dict:
    # One aggregate over the filtered register: the figures above the list.
    named = {lv.value: Count("pk", filter=Q(level=lv.value)) for lv in Level}
    row = qs.order_by().aggregate(total=Count("pk"), **named)
    return {"total": row.pop("total"), "levels": [(lv.label, row[lv.value]) for lv in Level]}


# -- continuing education


def registrations_visible_to(user) -> QuerySet[Registration]:
    return Registration.objects.filter(within_regions(readable_paths(user), field="worker__region__path"))


def _listed(qs: QuerySet[Registration]) -> QuerySet[Registration]:
    return qs.filter(worker__status=SocialWorker.Status.ACTIVE).select_related(
        "certificate", "worker__person", "worker__region"
    )


def current_registrations(qs: QuerySet[Registration], today: date) -> QuerySet[Registration]:
    return qs.filter(registered_on__lte=today, valid_until__gte=today)


def short_of_hours(user, *, today: date, area: Region | None = None) -> QuerySet[Registration]:
    """学时不足: current periods whose credited hours are below the requirement."""
    return short_of_hours_in(_in_area(registrations_visible_to(user), area), today=today)


def short_of_hours_in(qs: QuerySet[Registration], *, today: date) -> QuerySet[Registration]:
    # A superseded period was renewed (its hours complete) or re-registered after a lapse (not current):
    # never short, and leaving it out lets the partial index on open periods serve the list.
    qs = _listed(current_registrations(qs, today)).filter(superseded=False)
    return qs.filter(hours_done__lt=F("hours_required")).order_by("valid_until", "id")


def due_soon(user, *, today: date, days: int | None = None, area: Region | None = None):
    """即将到期: current periods ending within ``days`` that have not been renewed yet."""
    return due_soon_in(_in_area(registrations_visible_to(user), area), today=today, days=days)


def due_soon_in(qs: QuerySet[Registration], *, today: date, days: int | None = None):
    days = conf.get("DUE_SOON_DAYS") if days is None else days
    qs = qs.filter(valid_until__gte=today, valid_until__lte=today + timedelta(days=days), superseded=False)
    return _listed(qs).order_by("valid_until", "id")


def lapsed(user, *, today: date, area: Region | None = None) -> QuerySet[Registration]:
    """已过期: the last registration of a certificate ended and nothing followed it."""
    return lapsed_in(_in_area(registrations_visible_to(user), area), today=today)


def lapsed_in(qs: QuerySet[Registration], *, today: date) -> QuerySet[Registration]:
    qs = qs.filter(valid_until__lt=today, superseded=False)
    return _listed(qs).order_by("valid_until", "id")


def unregistered(user, *, today: date, area: Region | None = None) -> QuerySet[Certificate]:
    """逾期未登记: certificates passed more than a year ago and never registered."""
    qs = Certificate.objects.filter(within_regions(readable_paths(user), field="worker__region__path"))
    if area is not None:
        qs = qs.filter(worker__region__path__startswith=area.path)
    return unregistered_in(qs, today=today)


def unregistered_in(qs: QuerySet[Certificate], *, today: date) -> QuerySet[Certificate]:
    cutoff = rules.add_years(today, -conf.get("REGISTER_WITHIN_YEARS"))
    qs = qs.filter(
        passed_on__lt=cutoff, registrations__isnull=True, worker__status=SocialWorker.Status.ACTIVE
    )
    return qs.select_related("worker__person", "worker__region").order_by("passed_on", "id")


def _in_area(qs, area: Region | None):
    return qs if area is None else qs.filter(worker__region__path__startswith=area.path)


def worker_periods(worker: SocialWorker) -> list[Registration]:
    """A worker's registrations, newest first, each with its hours and records (one query each)."""
    regs = list(worker.registrations.select_related("certificate").order_by("-registered_on", "-id"))
    records: dict[int, list] = {r.pk: [] for r in regs}
    for ce in worker.education.order_by("on", "id"):
        records.setdefault(ce.registration_id, []).append(ce)
    for r in regs:
        r.records = records.get(r.pk, [])
    return regs


# -- statistics


def statistics(user, *, area: Region) -> dict:
    """Active social workers in ``area`` per 10,000 residents of each child region, by level and by field."""
    base = workers_visible_to(user).filter(
        status=SocialWorker.Status.ACTIVE, region__path__startswith=area.path
    )
    children = list(area.children.order_by("code"))
    counts = base.order_by().aggregate(
        total=Count("pk"),
        **{f"r{c.pk}": Count("pk", filter=Q(region__path__startswith=c.path)) for c in children},
    )
    rows = [
        {
            "region": c,
            "count": counts[f"r{c.pk}"],
            "population": c.population,
            "per_10k": rules.per_10k(counts[f"r{c.pk}"], c.population),
        }
        for c in children
    ]
    levels = dict(base.order_by().values_list("level").annotate(n=Count("pk")))
    fields = dict(base.order_by().values_list("field").annotate(n=Count("pk")))
    return {
        "area": area,
        "total": counts["total"],
        "per_10k": rules.per_10k(counts["total"], area.population),
        "rows": rows,
        "levels": [(lv, levels.get(lv.value, 0)) for lv in Level],
        "fields": [(fd, fields.get(fd.value, 0)) for fd in Field if fields.get(fd.value)],
    }
