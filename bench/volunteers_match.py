"""Volunteer benchmark: matching suggestions, sign-up, and the Excel import, at county scale.

Runs in a fresh database of its own: SQLite in a temporary data directory, and PostgreSQL too when
``DATABASE_URL`` is set (a database ``minsheng_bench_volunteers`` is created on that server and dropped
at the end). Volunteers are bulk-created (synthetic; identity fields hold placeholder tokens, since
matching never decrypts) over one county of 10 streets × 10 communities, each with 0–3 of 20 skills,
a random availability and one or two service areas. Times are wall-clock, single process, median and
worst of ``--repeat`` runs.

    .venv/bin/python bench/volunteers_match.py                         # SQLite, 20,000 volunteers
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/volunteers_match.py
    .venv/bin/python bench/volunteers_match.py --volunteers 100000 --import-rows 5000
"""

import argparse
import random
import statistics
import time
from datetime import timedelta

from harness import analyze, run_each_database, samples

PG_DB = "minsheng_bench_volunteers"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--volunteers", type=int, default=20_000)
    parser.add_argument("--import-rows", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    run_each_database(parser, run, name="volunteers", pg_db=PG_DB)


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median and worst wall-clock ms over ``repeat`` runs."""
    times, _ = samples(fn, repeat)
    return statistics.median(times), max(times)


def run(args) -> None:
    from django.utils import timezone

    world = build_world()
    start = time.perf_counter()
    fill(world, args.volunteers)
    fill_s = time.perf_counter() - start
    analyze()
    from minsheng.volunteers import matching
    from minsheng.volunteers.models import Activity, Shift, Skill

    now = timezone.now()
    label = f"[{args.child}] {args.volunteers:,} volunteers"
    print(f"{label}: bulk-created in {fill_s:.1f} s")
    team = world["team"]
    activity = Activity.objects.create(
        team=team, title="bench", place="x", region=world["streets"][0], status=Activity.Status.PUBLISHED
    )
    activity.required_skills.set(Skill.objects.filter(kind=Skill.Kind.SKILL)[:2])
    shift = Shift.objects.create(
        activity=activity,
        starts_at=now + timedelta(days=3),
        ends_at=now + timedelta(days=3, hours=3),
        capacity=1_000_000,
    )
    median, worst = timed(lambda: matching.suggest(activity, shift=shift, now=now), args.repeat)
    print(
        f"{label}: suggest 50 for one shift (scores every active volunteer of the county): "
        f"median {median:.0f} ms, worst {worst:.0f} ms"
    )
    open_activity = Activity.objects.create(
        team=team, title="open", place="x", region=world["streets"][0], status=Activity.Status.PUBLISHED
    )
    open_shift = Shift.objects.create(
        activity=open_activity, starts_at=shift.starts_at, ends_at=shift.ends_at, capacity=250
    )
    bench_signups(world, open_shift, label, now)
    bench_import(world, args, label)


def build_world() -> dict:
    from minsheng.accounts.models import User
    from minsheng.accounts.roles import Role
    from minsheng.orgs.models import Membership, Region, Unit
    from minsheng.volunteers.models import Team

    L = Region.Level
    province = Region.objects.create(code="990000", name="江南省", level=L.PROVINCE)
    city = Region.objects.create(code="990100", name="云州市", level=L.CITY, parent=province)
    county = Region.objects.create(code="990102", name="青川区", level=L.COUNTY, parent=city)
    streets, communities = [], []
    for s in range(10):
        street = Region.objects.create(
            code=f"990102{s + 1:03d}", name=f"街道{s + 1}", level=L.STREET, parent=county
        )
        streets.append(street)
        for c in range(10):
            communities.append(
                Region.objects.create(
                    code=f"{street.code}{c + 1:03d}",
                    name=f"社区{s + 1}-{c + 1}",
                    level=L.COMMUNITY,
                    parent=street,
                )
            )
    unit = Unit.objects.create(name="区委社会工作部", kind=Unit.Kind.SOCIAL_WORK, region=county)
    registrar = User.objects.create_user(username="bench_registrar", password=None)
    Membership.objects.create(user=registrar, unit=unit, role=Role.REGISTRAR)
    team = Team.objects.create(name="bench", region=county)
    return {
        "county": county,
        "streets": streets,
        "communities": communities,
        "registrar": registrar,
        "team": team,
    }


def fill(world: dict, n: int) -> None:
    from django.utils import timezone

    from minsheng.volunteers.models import Skill, Volunteer

    rng = random.Random(2026)
    skills = list(Skill.objects.all())
    places = world["communities"]
    now = timezone.now()
    for offset in range(0, n, 5_000):
        batch = [
            Volunteer(
                name_enc="x",
                id_number_enc="x",
                id_number_bi=f"bench{i}",
                name_masked=f"志*{i}",
                birth_date=now.date() - timedelta(days=365 * 30),
                region=rng.choice(places),
                availability=rng.getrandbits(21),
                registered_at=now,
            )
            for i in range(offset, min(n, offset + 5_000))
        ]
        made = Volunteer.objects.bulk_create(batch)
        Volunteer.skills.through.objects.bulk_create(
            Volunteer.skills.through(volunteer_id=v.pk, skill_id=s.pk)
            for v in made
            for s in rng.sample(skills, rng.randint(0, 3))
        )
        Volunteer.service_regions.through.objects.bulk_create(
            Volunteer.service_regions.through(volunteer_id=v.pk, region_id=r.pk)
            for v in made
            for r in {rng.choice(world["streets"]), rng.choice(places)}
        )


def bench_signups(world, shift, label, now) -> None:
    from minsheng.volunteers.models import Volunteer
    from minsheng.volunteers.services import signup_create

    volunteers = list(Volunteer.objects.order_by("pk")[:500])
    start = time.perf_counter()
    for v in volunteers:
        signup_create(shift=shift, volunteer=v, actor=None, now=now)
    s = time.perf_counter() - start
    print(
        f"{label}: {len(volunteers)} sign-ups (gates, 250 confirmed then waiting list) "
        f"in {s:.2f} s ({len(volunteers) / s:,.0f}/s)"
    )


def bench_import(world, args, label) -> None:
    from django.utils import timezone

    from minsheng.core import sheets
    from minsheng.volunteers.permissions import scope_of
    from minsheng.volunteers.services import volunteers_import
    from minsheng.volunteers.services.sheets import COLUMNS

    header = [str(c.header) for c in COLUMNS]
    codes = [c.code for c in world["communities"]]
    rows = [
        [f"导入{i}", _id(i), f"138{i:08d}", codes[i % 100], "急救证", "普通话", "周六全天", "", "", "", ""]
        for i in range(args.import_rows)
    ]
    content = sheets.workbook_bytes(header, rows)
    scope, now = scope_of(world["registrar"]), timezone.now()
    start = time.perf_counter()
    report = volunteers_import(
        actor=world["registrar"], scope=scope, content=content, filename="b.xlsx", now=now, dry_run=True
    )
    check_s = time.perf_counter() - start
    start = time.perf_counter()
    report = volunteers_import(
        actor=world["registrar"], scope=scope, content=content, filename="b.xlsx", now=now, dry_run=False
    )
    save_s = time.perf_counter() - start
    assert report.saved == args.import_rows, report.errors[:3]
    n = args.import_rows
    print(
        f"{label}: import {n:,} rows: dry run {check_s:.1f} s ({n / check_s:,.0f} rows/s), "
        f"import {save_s:.1f} s ({n / save_s:,.0f} rows/s, encryption included)"
    )


def _id(i: int) -> str:
    from datetime import date

    from minsheng.volunteers.ids import invented_id_number

    # Distinct, valid ID numbers: the serial and the birth day together number up to 365,000 people.
    day = timedelta(days=i // 1000)
    return invented_id_number(birth=(date(1980, 1, 1) + day).strftime("%Y%m%d"), serial=i % 1000)


if __name__ == "__main__":
    main()
