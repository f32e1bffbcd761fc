"""`generate_load`: millions of synthetic cases over ten years, for the scale benchmarks.

The world is the demo's (regions, units, categories, logins; built when missing). Petitioners come
from a pool (about one person per four cases, a few of them writing again and again, as real repeat
petitioners do) whose personal data is encrypted and blind-indexed exactly as intake does it. Case
texts are the demo's templates filled with its invented vocabulary. Volume grows ~8% a year.

Rows are written with explicit primary keys by COPY (PostgreSQL) or ``executemany`` (SQLite); on
PostgreSQL the secondary indexes of the petitions table are dropped for a large load and rebuilt
after it, then the tables are analyzed. Generated cases carry no audit events: they are history
"imported" in bulk, and their timeline is the dates on the record (see README).
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection
from django.utils import timezone

from minsheng.core.bulk import BulkWriter, analyze, next_id, suspend_indexes, sync_sequence
from minsheng.core.calendar_store import official_calendar
from minsheng.core.numbers import _ALPHABET
from minsheng.core.periods import CHINA
from minsheng.demo import data, invent, world
from minsheng.orgs.models import Region, Unit
from minsheng.people import crypto, masking
from minsheng.people.blind_index import id_number_index, name_index, phone_index
from minsheng.people.models import Person
from minsheng.petitions.models import Category, NumberSequence, Petition
from minsheng.petitions.workflow import Kind

from .cases import Deadlines, TextPool, channel, simulate

YEARS = 10
GROWTH = 1.08  # each year brings ~8% more cases than the one before
CASES_PER_PERSON = 4
BIG_LOAD = 200_000  # from this many rows, dropping and rebuilding indexes beats updating them


@dataclass
class LoadReport:
    cases: int = 0
    persons: int = 0
    seconds: float = 0.0
    index_seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return (self.cases + self.persons) / self.seconds if self.seconds else 0.0


def existing_world() -> world.DemoWorld:
    """The demo world as stored (built first when the database has none)."""
    if not world.is_seeded():
        password, _new = world.demo_password()
        return world.build(password)
    w = world.DemoWorld()
    w.regions = {r.code: r for r in Region.objects.filter(code__startswith="99")}
    by_name = {u.name: u for u in Unit.objects.filter(name__in=[v[0] for v in data.UNITS.values()])}
    w.units = {key: by_name[v[0]] for key, v in data.UNITS.items() if v[0] in by_name}
    w.categories = {c.code: c for c in Category.objects.all()}
    return w


def _year_counts(n: int, now: datetime) -> list[tuple[int, int]]:
    """(year, cases) over the last ``YEARS`` years, the current year only up to today."""
    this = now.astimezone(CHINA)
    years = list(range(this.year - YEARS + 1, this.year + 1))
    part_of_this = (this.timetuple().tm_yday) / 365
    weights = [GROWTH**i * (part_of_this if y == this.year else 1) for i, y in enumerate(years)]
    total = sum(weights)
    counts = [int(n * w / total) for w in weights]
    counts[-1] += n - sum(counts)
    return list(zip(years, counts, strict=True))


def _receipts(rng: random.Random, year: int, count: int, now: datetime) -> list[datetime]:
    """``count`` receipt times in ``year`` (not after ``now``), sorted: numbers follow receipt order."""
    start = datetime(year, 1, 1, tzinfo=CHINA)
    end = min(datetime(year + 1, 1, 1, tzinfo=CHINA), now)
    span = (end - start).total_seconds()
    return [start + timedelta(seconds=s) for s in sorted(rng.random() * span for _ in range(count))]


def _person_row(rng: random.Random, pk: int, when: datetime) -> dict:
    identity = invent.identity(rng, street="青川区东湖街道", place="", area="990102")
    return {
        "id": pk,
        "created_at": when,
        "updated_at": when,
        "name_enc": crypto.encrypt(identity.name),
        "id_number_enc": crypto.encrypt(identity.id_number),
        "phone_enc": crypto.encrypt(identity.phone),
        "address_enc": crypto.encrypt(identity.address),
        "id_number_bi": id_number_index(identity.id_number),
        "phone_bi": phone_index(identity.phone),
        "name_bi": name_index(identity.name),
        "name_masked": masking.mask_name(identity.name),
        "phone_masked": masking.mask_phone(identity.phone),
        "is_organization": False,
    }


def generate(
    n: int,
    *,
    seed: int = 1,
    now: datetime | None = None,
    persons: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> LoadReport:
    """Write ``n`` synthetic cases (and their petitioners) and return the counts and time taken."""
    now = now or timezone.now()
    rng = random.Random(seed)
    report = LoadReport()
    started = time.perf_counter()
    w = existing_world()
    pool = TextPool(rng, w, size=min(max(n, 50), 20_000))
    deadlines = Deadlines(official_calendar())
    n_persons = persons if persons is not None else max(1, n // CASES_PER_PERSON)
    big = connection.vendor == "postgresql" and n >= BIG_LOAD

    first_person = next_id(Person)
    people = BulkWriter(Person)
    oldest = now - timedelta(days=365 * YEARS)
    for i in range(n_persons):
        people.add(_person_row(rng, first_person + i, oldest))
        if progress and i % 50_000 == 0:
            progress("persons", i, n_persons)
    people.flush()
    sync_sequence(Person)
    report.persons = n_persons

    with suspend_indexes(Petition, enabled=big) as timing:
        report.cases = _write_cases(rng, n, now, w, pool, deadlines, first_person, n_persons, progress)
    report.index_seconds = timing.get("seconds", 0.0)
    analyze(Person, Petition)
    report.seconds = time.perf_counter() - started
    return report


def _write_cases(rng, n, now, w, pool, deadlines, first_person, n_persons, progress) -> int:
    pk = next_id(Petition)
    cases = BulkWriter(Petition)
    review_unit = w.units["city_bureau"].pk
    written = 0
    for year, count in _year_counts(n, now):
        prefix = f"XF{year}"
        seq, _ = NumberSequence.objects.get_or_create(prefix=prefix)
        number = seq.last
        for received in _receipts(rng, year, count, now):
            number += 1
            cases.add(_case_row(rng, pk, f"{prefix}-{number:06d}", received, now, w, pool, deadlines,
                                first_person, n_persons, review_unit))  # fmt: skip
            pk += 1
            written += 1
            if progress and written % 50_000 == 0:
                progress("cases", written, n)
        cases.flush()
        NumberSequence.objects.filter(prefix=prefix).update(last=number)
    sync_sequence(Petition)
    return written


def _case_row(rng, pk, number, received, now, w, pool, deadlines, first_person, n_persons, review_unit):
    item = rng.choice(pool.items)
    row = simulate(rng, item, received, now, deadlines)
    anonymous = item["kind"] == Kind.REPORT and rng.random() < 0.5
    # Skewed draw: low pool indexes are the repeat petitioners who write again and again.
    person = None if anonymous else first_person + int(n_persons * rng.random() ** 2.5)
    visit = channel(rng)
    collective = visit == "visit" and rng.random() < 0.05
    category = w.categories[item["category"]].pk
    row.update(
        id=pk,
        number=number,
        query_code_enc=crypto.encrypt("".join(rng.choices(_ALPHABET, k=8))),
        channel=visit,
        kind=item["kind"],
        title=item["title"],
        request=item["request"],
        facts=item["facts"],
        reasons=item["reasons"],
        category_id=category,
        suggested_category_id=category,
        region_id=w.regions[item["region"]].pk,
        petitioner_id=person,
        is_anonymous=anonymous,
        is_collective=collective,
        headcount=rng.randint(5, 40) if collective else 1,
        accused_unit_id=w.units[item["accused"]].pk if item["accused"] else None,
        accused_person=item["accused_person"],
        intake_unit_id=w.units[item["intake"]].pk,
        unit_id=w.units[item["unit"]].pk if row.get("assigned_at") else None,
        review_unit_id=review_unit if row.pop("review_unit", None) else None,
        created_at=received,
        updated_at=row.get("closed_at") or row.get("answered_at") or received,
    )
    return row
