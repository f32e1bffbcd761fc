"""Suggest volunteers for an activity: who has the skills, is free at the time, and lives or serves near.

Score (0–100), shown with its parts so an organizer sees why someone is suggested:

- **Skills, 50 points**: the share of the activity's required skills and qualifications the volunteer
  has (an activity requiring nothing gives everyone the 50 points).
- **Availability, 30 points**: the share of the shift's half-day slots (周一上午 …) the volunteer
  marked as available; for an activity as a whole, the best of its upcoming shifts.
- **Distance, 20 points**: regions carry no coordinates, so distance is measured on the
  administrative tree between the activity's region and the nearest of the volunteer's service
  areas and home region: the same area (or a service area containing it) 20, one step apart
  (a neighbouring community of the same street, or the street above) 15, two steps 10, three 5,
  further 0.

Ties go to the volunteer with more approved service time, then the earlier record.
Candidates are active volunteers living in the activity's county or serving an area in it (or one
containing it, such as the whole city), not yet signed up for the shift; the page shows masked names.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Exists, OuterRef, Q

from minsheng.orgs.models import Region
from minsheng.volunteers import availability, conf
from minsheng.volunteers.models import Activity, Shift, SignUp, Volunteer

SKILL_POINTS, TIME_POINTS, NEAR_POINTS = 50, 30, 20
NEAR_BY_STEPS = (20, 15, 10, 5)


@dataclass(frozen=True)
class Suggestion:
    volunteer: Volunteer
    score: int
    skills: int
    time: int
    near: int
    missing: tuple[str, ...]


def _ids(path: str) -> list[str]:
    return [p for p in path.strip("/").split("/") if p]


@lru_cache(maxsize=65536)
def steps_between(a: str, b: str) -> int:
    """Edges between two regions on the tree of ``Region.path``s."""
    x, y = _ids(a), _ids(b)
    common = 0
    for i, j in zip(x, y, strict=False):
        if i != j:
            break
        common += 1
    return (len(x) - common) + (len(y) - common)


def near_points(target_path: str, home_path: str, service_paths: list[str]) -> int:
    steps = [steps_between(target_path, home_path)]
    for p in service_paths:
        steps.append(0 if target_path.startswith(p) else steps_between(target_path, p))
    best = min(steps)
    return NEAR_BY_STEPS[best] if best < len(NEAR_BY_STEPS) else 0


def county_of(region: Region) -> Region:
    node = region
    while node.level > Region.Level.COUNTY and node.parent_id:
        node = node.parent
    return node


def suggest(
    activity: Activity, *, shift: Shift | None = None, now, limit: int | None = None
) -> list[Suggestion]:
    """The best ``limit`` candidates; scores are computed on plain tuples, then only those are loaded."""
    limit = limit or conf.get("MATCH_LIMIT")
    required = {s.pk: s.name for s in activity.required_skills.all()}
    required.update({s.pk: s.name for s in activity.required_qualifications.all()})
    shifts = [shift] if shift is not None else list(activity.shifts.filter(starts_at__gt=now))
    masks = [availability.shift_mask(s.starts_at, s.ends_at) for s in shifts]
    county = county_of(activity.region)
    Through = Volunteer.service_regions.through
    # Region ids instead of path prefixes in the big query: a county has a few hundred regions at most.
    paths = dict(Region.objects.filter(path__startswith=county.path).values_list("pk", "path"))
    serve_paths = {
        **paths,
        **dict(Region.objects.filter(path__in=_ancestors(county.path)).values_list("pk", "path")),
    }
    serves_here = Through.objects.filter(volunteer_id=OuterRef("pk"), region_id__in=list(serve_paths))
    candidates = Volunteer.objects.filter(status=Volunteer.Status.ACTIVE).filter(
        Q(region_id__in=list(paths)) | Q(Exists(serves_here))
    )
    if shift is not None:
        taken = SignUp.objects.filter(
            shift=shift, status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED]
        )
        candidates = candidates.exclude(pk__in=taken.values("volunteer_id"))
    rows = list(candidates.values_list("pk", "availability", "region_id", "approved_minutes"))
    outside = {r[2] for r in rows} - set(paths)
    home_path = {**paths, **dict(Region.objects.filter(pk__in=outside).values_list("pk", "path"))}
    ids = candidates.values("pk")
    held: dict[int, frozenset[int]] = {}
    if required:
        skill_rows = Volunteer.skills.through.objects.filter(
            volunteer_id__in=ids, skill_id__in=list(required)
        )
        for vid, sid in skill_rows.values_list("volunteer_id", "skill_id"):
            held[vid] = held.get(vid, frozenset()) | {sid}
    target, none = activity.region.path, frozenset()
    # Points per path, computed once: a region that contains the activity's counts as 0 steps when it
    # is a service area (the volunteer serves anywhere in it), as its distance when it is home.
    serve_points: dict[str, int] = {}
    home_points: dict[str, int] = {}
    near_by_volunteer: dict[int, int] = {}
    for vid, path in Through.objects.filter(volunteer_id__in=ids).values_list("volunteer_id", "region__path"):
        if path not in serve_points:
            serve_points[path] = near_points(target, target if target.startswith(path) else path, [])
        near_by_volunteer[vid] = max(near_by_volunteer.get(vid, 0), serve_points[path])
    relevant = 0
    for m in masks:
        relevant |= m
    time_of: dict[int, int] = {}  # by the mask's bits that matter: few distinct values
    scored = []
    for pk, mask, home_id, minutes in rows:
        home = home_path[home_id]
        have = held.get(pk, none)
        skills = round(SKILL_POINTS * len(have) / len(required)) if required else SKILL_POINTS
        mask &= relevant
        if mask not in time_of:
            time_of[mask] = max((round(TIME_POINTS * _bits(mask & m) / _bits(m)) for m in masks), default=0)
        if home not in home_points:
            home_points[home] = near_points(target, home, [])
        near = max(home_points[home], near_by_volunteer.get(pk, 0))
        scored.append((-(skills + time_of[mask] + near), -minutes, pk, skills, time_of[mask], near, have))
    scored.sort()
    top = scored[:limit]
    loaded = Volunteer.objects.select_related("region").in_bulk([row[2] for row in top])
    return [
        Suggestion(
            loaded[pk],
            -neg,
            skills,
            time,
            near,
            tuple(sorted(n for sid, n in required.items() if sid not in have)),
        )
        for neg, _m, pk, skills, time, near, have in top
    ]


def _ancestors(path: str) -> list[str]:
    ids = _ids(path)
    return ["/" + "/".join(ids[:i]) + "/" for i in range(1, len(ids))]


def _bits(n: int) -> int:
    return bin(n).count("1")
