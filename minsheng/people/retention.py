"""The end of a retention period: erase the personal data, keep what statistics count.

Each kind of record has a ``Rule``: which records are past their period (``retention_conf.TABLE``
says how long and why), who they point at, and what in them is personal. ``purge`` scrubs those
records in batches, one transaction each, lists each in ``Erasure`` (so a second run finds nothing
to do), then erases a ``Person`` once *no* record about them is still within its period (a citizen
with an old closed petition and a recent hotline order keeps their identity until both expired).

Dates, area, unit, category, channel, kind and state are never touched, so counts by month, area,
category and state are the same before and after. Audit rows are never edited; one
``people.purged`` event records the counts.

The domain models are imported inside the rules: retention looks at every domain, while the
domains depend on ``people`` and not the other way round.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Concat, TruncYear
from django.db.models.lookups import LessThan
from django.utils.translation import gettext_lazy as _

from minsheng import audit
from minsheng.people import retention_conf
from minsheng.people.models import Erasure, Person

# What a scrubbed title reads: lists and PDFs of old cases still have something to show.
PURGED_TITLE = _("（个人信息已按保管期限清除）")


@dataclass(frozen=True)
class Link:
    """Where a kind of record names a person: ``model.<person>``, the record reached by ``path``."""

    model: Callable[[], type]
    person: str  # the FK to people.Person
    path: str = ""  # lookup prefix from ``model`` to the record the rule governs ("petition__")


@dataclass(frozen=True)
class Rule:
    key: str  # retention_conf key
    record_type: str  # model label, as Erasure lists it
    model: Callable[[], type]
    # ended(cutoff, path) is a Q on a model reaching the record by ``path``: its period ended before
    # ``cutoff``. As a Q (not a queryset) it also serves as NOT ended, and inside EXISTS subqueries,
    # which the databases run as (anti-)joins however many records there are.
    ended: Callable[[datetime, str], Q]
    scrub: Callable[[list[int]], None]  # erase the personal fields of these records
    links: tuple[Link, ...] = ()  # none: the record holds its identity inline
    governs: Q = field(default_factory=Q)  # the model's rows this rule is about (default: all)


def _model(label: str) -> Callable[[], type]:
    from django.apps import apps

    return lambda: apps.get_model(label)


def _petition_ended(cutoff, p=""):
    from minsheng.petitions.workflow import TERMINAL

    return Q(**{f"{p}status__in": TERMINAL, f"{p}closed_at__lt": cutoff})


def _booking_ended(cutoff, p=""):
    return Q(**{f"{p}reception__ends_at__lt": cutoff})


def _order_ended(cutoff, p=""):
    from minsheng.hotline.workflow import TERMINAL

    ended = Coalesce(f"{p}closed_at", f"{p}visited_at", f"{p}replied_at", f"{p}received_at")
    return Q(**{f"{p}status__in": TERMINAL}) & Q(LessThan(ended, cutoff))


def _suggestion_ended(cutoff, p=""):
    from minsheng.suggestions.workflow import DECIDED, S

    ended = Coalesce(f"{p}replied_at", f"{p}decided_at", f"{p}received_at")
    return Q(**{f"{p}status__in": DECIDED | {S.CONVERTED, S.REDIRECTED}}) & Q(LessThan(ended, cutoff))


def _worker_ended(cutoff, p=""):
    # Only rows with personal data left: a withdrawal has erased the others already.
    left = ~Q(**{f"{p}nickname": "", f"{p}phone_enc": "", f"{p}withdraw_code_bi": ""})
    return Q(LessThan(Coalesce(f"{p}withdrawn_at", f"{p}created_at"), cutoff)) & left


def _volunteer_ended(cutoff, p=""):
    return Q(**{f"{p}status": "withdrawn", f"{p}updated_at__lt": cutoff})


def _petitions_scrub(ids):
    from minsheng.petitions.models import Attachment, Petition, ReceptionBooking

    texts = (
        "request facts reasons accused_person decision_note extension_reason answer_facts "
        "answer_reasons answer_decision answer_basis rating_comment review_decision "
        "re_review_decision"
    ).split()
    blank = dict.fromkeys(texts, "")
    Petition.objects.filter(pk__in=ids).update(title=str(PURGED_TITLE), account=None, **blank)
    ReceptionBooking.objects.filter(petition_id__in=ids).update(matter="")
    # Materials a petitioner sent (ID cards, letters) identify them: the files go with the rows.
    for attachment in Attachment.objects.filter(petition_id__in=ids):
        attachment.file.delete(save=False)
        attachment.delete()


def _bookings_scrub(ids):
    from minsheng.petitions.models import ReceptionBooking

    ReceptionBooking.objects.filter(pk__in=ids).update(matter="")


def _orders_scrub(ids):
    from minsheng.hotline.models import Order

    texts = (
        "content address answer_text redirect_reason objection_reason objection_decision "
        "extension_reason extension_explanation reply visit_note"
    ).split()
    # The exact spot can be someone's door; the area (region) stays for the maps and counts.
    Order.objects.filter(pk__in=ids).update(
        title=str(PURGED_TITLE), lat=None, long=None, **dict.fromkeys(texts, "")
    )


def _suggestions_scrub(ids):
    from minsheng.suggestions.models import Suggestion

    # The proposal itself is about public matters (and published when adopted): it stays; the
    # proposer's name and the personal answer go. Query codes stay: they are random, not personal,
    # and an empty one would match an empty guess.
    Suggestion.objects.filter(pk__in=ids).update(public_name="", reply="", rating_comment="", account=None)


def _workers_scrub(ids):
    from minsheng.registry.newemployment.models import WorkerRegistration

    # As a withdrawal does, but the row keeps counting as registered: the statistics do not move.
    WorkerRegistration.objects.filter(pk__in=ids).update(
        nickname="", phone_enc="", phone_bi="", phone_masked="", withdraw_code_bi=""
    )


def _volunteers_scrub(ids):
    from minsheng.volunteers.models import Volunteer

    Volunteer.objects.filter(pk__in=ids).update(
        name_enc="",
        id_number_enc="",
        phone_enc="",
        # The index is unique and required: a value no hash can equal keeps both rules.
        id_number_bi=Concat(Value("purged:"), Cast("id", CharField())),
        phone_bi="",
        name_bi="",
        name_masked="",
        phone_masked="",
        guardian_name_enc="",
        guardian_phone_enc="",
        guardian_name_masked="",
        account=None,
        # The year of birth is enough for the age statistics.
        birth_date=TruncYear("birth_date"),
    )


RULES = (
    Rule(
        "petitions",
        "petitions.petition",
        _model("petitions.Petition"),
        _petition_ended,
        _petitions_scrub,
        links=(
            Link(_model("petitions.Petition"), "petitioner"),
            Link(_model("petitions.Representative"), "person", "petition__"),
            # A booking that became a petition is kept (and let go) with the petition.
            Link(_model("petitions.ReceptionBooking"), "person", "petition__"),
        ),
    ),
    Rule(
        "receptions",
        "petitions.receptionbooking",
        _model("petitions.ReceptionBooking"),
        _booking_ended,
        _bookings_scrub,
        links=(Link(_model("petitions.ReceptionBooking"), "person"),),
        governs=Q(petition=None),
    ),
    Rule(
        "hotline",
        "hotline.order",
        _model("hotline.Order"),
        _order_ended,
        _orders_scrub,
        links=(Link(_model("hotline.Order"), "requester"),),
    ),
    Rule(
        "suggestions",
        "suggestions.suggestion",
        _model("suggestions.Suggestion"),
        _suggestion_ended,
        _suggestions_scrub,
        links=(Link(_model("suggestions.Suggestion"), "proposer"),),
    ),
    Rule(
        "newemployment",
        "newemployment.workerregistration",
        _model("newemployment.WorkerRegistration"),
        _worker_ended,
        _workers_scrub,
    ),
    Rule(
        "volunteers",
        "volunteers.volunteer",
        _model("volunteers.Volunteer"),
        _volunteer_ended,
        _volunteers_scrub,
    ),
)


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
    return rule.model().objects.filter(rule.governs).filter(rule.ended(cutoff)).exclude(Exists(done))


def _prefixed(q: Q, path: str) -> Q:
    """``governs`` of a rule, seen from a model that reaches the record by ``path``."""
    return Q(*[_prefixed(c, path) if isinstance(c, Q) else (path + c[0], c[1]) for c in q.children],
             _connector=q.connector, _negated=q.negated)  # fmt: skip


def purgeable_persons(as_of: datetime) -> QuerySet:
    """People named by an expired record and by no record still within its period."""
    named, live = Q(), Q()
    for rule in RULES:
        cutoff = cutoff_for(rule.key, as_of)
        for link in rule.links:
            rows = link.model().objects.filter(**{link.person: OuterRef("pk")})
            rows = rows.filter(_prefixed(rule.governs, link.path))
            if cutoff is None:  # never purged: every record keeps its people
                live |= Exists(rows)
                continue
            ended = rule.ended(cutoff, link.path)
            named |= Exists(rows.filter(ended))
            live |= Exists(rows.exclude(ended))
    # The talent registry keeps its people while they are registered (retention_conf: never).
    live |= Q(social_worker__isnull=False)
    if not named:  # every period switched off
        return Person.objects.none()
    return Person.objects.filter(purged_at=None).filter(named).exclude(live)


def purge(*, as_of: datetime, dry_run: bool = False, batch: int = 500, actor=None) -> PurgeReport:
    """Erase the personal data of every record past its retention period on ``as_of``.

    Runs in batches of ``batch`` records, each in its own transaction, so a long first run can be
    stopped and resumed; a dry run only counts. Returns the counts per kind of record.
    """
    report = PurgeReport(as_of=as_of, dry_run=dry_run)
    for rule in RULES:
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
