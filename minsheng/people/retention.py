"""The end of a retention period: erase the personal data, keep what statistics count.

Each kind of record has a ``Rule``: which records are past their period (``retention_conf.TABLE``
says how long and why), who they point at, and what in them is personal. ``purge`` scrubs those
records in batches, one transaction each, lists each in ``Erasure`` (so a second run finds nothing
to do), then erases a ``Person`` once *no* record about them is still within its period (a citizen
with an old closed petition and a recent hotline order keeps their identity until both expired).

Dates, area, unit, category, channel, kind and state are never touched, so counts by month, area,
category and state are the same before and after. Audit rows are never edited; one
``people.purged`` event records the counts.

Each domain registers its own rules (its app's ``retention.py``, imported in ``AppConfig.ready``),
and a ``Hold`` for records that keep their people as long as they exist: the domains depend on
``people``, never the other way round.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from minsheng import audit
from minsheng.people import retention_conf
from minsheng.people.models import Erasure, Person

# What a scrubbed title reads: lists and PDFs of old cases still have something to show.
PURGED_TITLE = _("（个人信息已按保管期限清除）")


@dataclass(frozen=True)
class Link:
    """Where a kind of record names a person: ``model.<person>``, the record reached by ``path``."""

    model: type
    person: str  # the FK to people.Person
    path: str = ""  # lookup prefix from ``model`` to the record the rule governs ("petition__")


@dataclass(frozen=True)
class Rule:
    key: str  # retention_conf key
    record_type: str  # model label, as Erasure lists it
    model: type
    # ended(cutoff, path) is a Q on a model reaching the record by ``path``: its period ended before
    # ``cutoff``. As a Q (not a queryset) it also serves as NOT ended, and inside EXISTS subqueries,
    # which the databases run as (anti-)joins however many records there are.
    ended: Callable[[datetime, str], Q]
    scrub: Callable[[list[int]], None]  # erase the personal fields of these records
    links: tuple[Link, ...] = ()  # none: the record holds its identity inline
    governs: Q = field(default_factory=Q)  # the model's rows this rule is about (default: all)


@dataclass(frozen=True)
class Hold:
    """People kept whatever their records' periods, while ``persons`` (a Q on ``Person``) matches."""

    key: str  # retention_conf key, whose period is None: never purged automatically
    persons: Q


_RULES: dict[str, Rule] = {}
_HOLDS: dict[str, Hold] = {}


def register(rule: Rule) -> Rule:
    """Add a domain's rule (by its ``retention_conf`` key: registering the key again replaces it)."""
    if rule.key not in retention_conf.BY_KEY:
        # A rule without a period and a reason in the table would be a policy nobody wrote down.
        raise ValueError(f"retention rule {rule.key!r} has no entry in retention_conf.TABLE")
    _RULES[rule.key] = rule
    return rule


def register_hold(hold: Hold) -> Hold:
    """Add a domain's hold on its people (by its ``retention_conf`` key, as ``register``)."""
    if hold.key not in retention_conf.BY_KEY:
        raise ValueError(f"retention hold {hold.key!r} has no entry in retention_conf.TABLE")
    _HOLDS[hold.key] = hold
    return hold


def rules() -> list[Rule]:
    """The registered rules in the order of ``retention_conf.TABLE``.

    Not in registration order: that follows INSTALLED_APPS, and the purge (and its report) should
    run in the order the policy lists the records, whichever app happens to load first.
    """
    order = list(retention_conf.BY_KEY)
    return sorted(_RULES.values(), key=lambda rule: order.index(rule.key))


def holds() -> list[Hold]:
    return list(_HOLDS.values())


@dataclass
class PurgeReport:
    as_of: datetime
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def cutoff_for(key: str, as_of: datetime) -> datetime | None:
    years = retention_conf.years(key)
    # 365.25 days a year: a period of whole years never ends a leap day early.
    return None if years is None else as_of - timedelta(days=round(365.25 * years))


def _pending(rule: Rule, as_of: datetime) -> QuerySet | None:
    cutoff = cutoff_for(rule.key, as_of)
    if cutoff is None:
        return None
    done = Erasure.objects.filter(record_type=rule.record_type, record_id=OuterRef("pk"))
    return rule.model.objects.filter(rule.governs).filter(rule.ended(cutoff)).exclude(Exists(done))


def _prefixed(q: Q, path: str) -> Q:
    """``governs`` of a rule, seen from a model that reaches the record by ``path``."""
    return Q(*[_prefixed(c, path) if isinstance(c, Q) else (path + c[0], c[1]) for c in q.children],
             _connector=q.connector, _negated=q.negated)  # fmt: skip


def purgeable_persons(as_of: datetime) -> QuerySet:
    """People named by an expired record and by no record still within its period."""
    named, live = Q(), Q()
    for rule in rules():
        cutoff = cutoff_for(rule.key, as_of)
        for link in rule.links:
            rows = link.model.objects.filter(**{link.person: OuterRef("pk")})
            rows = rows.filter(_prefixed(rule.governs, link.path))
            if cutoff is None:  # never purged: every record keeps its people
                live |= Exists(rows)
                continue
            ended = rule.ended(cutoff, link.path)
            named |= Exists(rows.filter(ended))
            live |= Exists(rows.exclude(ended))
    for hold in holds():
        live |= hold.persons
    if not named:  # every period switched off
        return Person.objects.none()
    return Person.objects.filter(purged_at=None).filter(named).exclude(live)


def purge(*, as_of: datetime, dry_run: bool = False, batch: int = 500, actor=None) -> PurgeReport:
    """Erase the personal data of every record past its retention period on ``as_of``.

    Runs in batches of ``batch`` records, each in its own transaction, so a long first run can be
    stopped and resumed; a dry run only counts. Returns the counts per kind of record.
    """
    report = PurgeReport(as_of=as_of, dry_run=dry_run)
    for rule in rules():
        pending = _pending(rule, as_of)
        if pending is None:
            continue
        if dry_run:
            report.counts[rule.key] = pending.count()
            continue
        report.counts[rule.key] = _purge_records(rule, pending, as_of, batch)
    persons = purgeable_persons(as_of)
    report.counts["persons"] = persons.count() if dry_run else _purge_persons(persons, as_of, batch)
    if not dry_run and report.total:
        with transaction.atomic():
            audit.record(
                actor=actor,
                actor_label="" if actor else "retention",
                action="people.purged",
                data={"as_of": as_of.isoformat(), "counts": report.counts},
            )
    return report


def _purge_records(rule: Rule, pending: QuerySet, now: datetime, batch: int) -> int:
    done, last = 0, 0
    # Keyset pages: each batch reads on from the last id instead of scanning from the start again.
    while ids := list(pending.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch]):
        with transaction.atomic():
            rule.scrub(ids)
            Erasure.objects.bulk_create(
                [Erasure(record_type=rule.record_type, record_id=pk, erased_at=now) for pk in ids]
            )
        done, last = done + len(ids), ids[-1]
    return done


def _purge_persons(persons: QuerySet, now: datetime, batch: int) -> int:
    done = 0
    candidates = list(persons.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(candidates), batch):
        with transaction.atomic():
            # Checked again by id inside the transaction: a record about the person may have come in
            # since the candidates were read (intake finds people by ID number and reuses the row).
            ids = list(persons.filter(pk__in=candidates[start : start + batch]).values_list("pk", flat=True))
            done += Person.objects.filter(pk__in=ids).update(
                name_enc="",
                id_number_enc="",
                phone_enc="",
                address_enc="",
                id_number_bi="",
                phone_bi="",
                name_bi="",
                name_masked="",
                phone_masked="",
                account=None,
                purged_at=now,
            )
    return done
