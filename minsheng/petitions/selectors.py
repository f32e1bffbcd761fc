"""Reads that carry access rules. A case you may not see does not exist (404, not 403)."""

from datetime import datetime, timedelta

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from minsheng.orgs.models import Membership, Region, Unit
from minsheng.orgs.selectors import bureau_region_paths, unit_ids_of, units_and_bureau_paths, within_regions
from minsheng.people.blind_index import id_number_index, name_index, phone_index
from minsheng.people.models import Person
from minsheng.petitions.fulltext import text_rule
from minsheng.petitions.models import Petition, Reception, ReceptionBooking, Supervision
from minsheng.petitions.permissions import RECEPTION_ORGANIZERS
from minsheng.petitions.workflow import CONCLUDED, IN_HANDLING, PAUSED, TERMINAL, WINDOWS, Kind, S


def petitions_visible_to(user, *, units: set[int] | None = None) -> QuerySet[Petition]:
    """Cases routed to the user's units, plus the subordinate areas of the user's petition bureaus.

    A 检举控告 is invisible to the unit it accuses, whatever else would show it (Arts. 30, 46).
    ``units``: the user's unit ids when the caller has read them already (``unit_ids_of``).
    """
    if not user.is_authenticated:
        return Petition.objects.none()
    if units is None:
        units, paths = units_and_bureau_paths(user)
    else:
        paths = bureau_region_paths(user) if units else []
    if not units:
        return Petition.objects.none()
    rule = Q(unit_id__in=units) | Q(intake_unit_id__in=units) | Q(review_unit_id__in=units)
    if paths:
        # The areas as a subquery, not a join: the planner has one table to plan for and checks a
        # case's area in a hash of their ids (a list page's queries planned in half the time at 10M).
        rule |= Q(region_id__in=Region.objects.filter(within_regions(paths, field="path")).values("id"))
    return Petition.objects.filter(rule).exclude(kind=Kind.REPORT, accused_unit_id__in=units)


def running_duty() -> Q:
    """Cases on a staff deadline now: not concluded, not stopped by a hearing (Art. 36), not waiting on
    a petitioner's window. Overdue once their day has passed."""
    return Q(due_at__isnull=False) & ~Q(status__in=TERMINAL | PAUSED) & ~Q(due_clock__in=WINDOWS)


def supervised_for(clock: str) -> Exists:
    """Whether the case was supervised (督办) for missing its ``clock`` deadline: it was late there."""
    return Exists(Supervision.objects.filter(petition=OuterRef("pk"), clock=clock))


def petition_for(user, *, number: str) -> Petition:
    try:
        return (
            petitions_visible_to(user)
            .select_related(
                "region",
                "unit",
                "intake_unit",
                "review_unit",
                "category",
                "petitioner",
                "repeat_of",
                "accused_unit",
                "reception",
            )
            .get(number=number)
        )
    except Petition.DoesNotExist:
        raise Http404 from None


def petition_for_citizen(*, number: str, code: str) -> Petition | None:
    """The case a petitioner proves by number and query code; None when either is wrong."""
    from minsheng.petitions.services.numbers import query_code_matches

    petition = Petition.objects.select_related("unit", "region").filter(number=number.strip().upper()).first()
    if petition is None or not query_code_matches(petition, code):
        return None
    return petition


def queue(
    user,
    *,
    now: datetime,
    state: str = "",
    search: str = "",
    due: str = "",
    manual: bool = False,
    units: set[int] | None = None,
) -> QuerySet[Petition]:
    """The user's work: open cases, nearest deadline first. ``due`` is "overdue" or "soon"; ``manual``
    keeps the cases to be routed that the router was not sure about (需人工分派); ``units`` as for
    ``petitions_visible_to``."""
    units = unit_ids_of(user) if units is None else units
    qs = petitions_visible_to(user, units=units).exclude(status__in=TERMINAL)
    if state:
        qs = qs.filter(status=state)
    if manual:
        qs = qs.filter(manual_routing=True, status=S.REGISTERED)
    if due == "overdue":
        # A hearing stops the clock (Art. 36): a paused case is not overdue.
        qs = qs.filter(due_at__lt=now).exclude(due_clock__in=WINDOWS).exclude(status__in=PAUSED)
    elif due == "soon":
        from django.conf import settings

        soon = now + timedelta(days=settings.MINSHENG["DUE_SOON_DAYS"])
        qs = qs.filter(due_at__gte=now, due_at__lt=soon).exclude(due_clock__in=WINDOWS)
    if search:
        qs = qs.filter(_search_rule(search.strip(), accused_units=units))
    # The petitioner (a large table, wide rows) is read for the shown page only: joined, it was read
    # for every case a search matched before the sort kept 50 of them.
    petitioner = Prefetch("petitioner", queryset=Person.objects.only("id", "name_masked"))
    qs = qs.select_related("unit", "region", "category").prefetch_related(petitioner)
    return qs.order_by("due_at", "id")


def _search_rule(text: str, *, accused_units=()) -> Q:
    """A case number, an ID number, phone or full name (through the blind indexes), or words of the title.

    A search by who complained never finds a case that accuses one of ``accused_units`` (the
    searcher's): a hit would tell the unit complained about who complained (Arts. 30, 46).
    """
    if text.upper().startswith("XF"):
        return Q(number=text.upper())
    not_accused = ~Q(accused_unit_id__in=list(accused_units)) if accused_units else Q()
    digits = "".join(c for c in text if c.isdigit() or c in "xX")
    if len(digits) == 18:
        return Q(petitioner__id_number_bi=id_number_index(text)) & not_accused
    if len(digits) >= 7 and digits.isdigit():
        return Q(petitioner__phone_bi=phone_index(text)) & not_accused
    # The name's people are found first (blind index), so the OR stays on the petitions table
    # and both sides use an index.
    people = list(Person.objects.filter(name_bi=name_index(text)).values_list("pk", flat=True)[:1000])
    return text_rule(text) | (Q(petitioner_id__any=people) & not_accused)


def open_cases_of_same_petitioner(petition: Petition) -> QuerySet[Petition]:
    """Candidates for a repeat: other cases of the same person that are still being handled (Art. 19)
    or concluded by a re-review (Art. 36): exactly those ``petition_link_repeat`` accepts as originals.

    The person is found by record and by the blind index of the ID number. No access rule: callers
    intersect with ``petitions_visible_to``.
    """
    if petition.petitioner_id is None:
        return Petition.objects.none()
    return repeat_candidates(
        person_id=petition.petitioner_id, id_number_bi=petition.petitioner.id_number_bi
    ).exclude(pk=petition.pk)


def repeat_candidates(*, person_id: int | None = None, id_number_bi: str = "") -> QuerySet[Petition]:
    """Cases of a person (by record, or anyone with the same ID number's blind index) that a repeat
    may refer to: still being handled or concluded. No access rule."""
    same = Q(pk__in=[])
    if person_id:
        same |= Q(petitioner_id=person_id)
    if id_number_bi:
        same |= Q(petitioner__id_number_bi=id_number_bi)
    return Petition.objects.filter(same, status__in=IN_HANDLING | CONCLUDED).order_by("-received_at")


def overdue_and_due_soon(user, *, now: datetime) -> dict[str, QuerySet[Petition]]:
    units = unit_ids_of(user)
    return {key: queue(user, now=now, due=key, units=units) for key in ("overdue", "soon")}


SIMILAR_LIMIT = 10
# "The same person on a similar matter" asks less than "nearly the same text": a petitioner rarely
# writes the same words twice, but a repeat shares the place, the people and the request.
SAME_PERSON_SIMILARITY = 0.3


def similar_cases(user, text: str, *, exclude: int | None = None) -> list[tuple[Petition, float]]:
    """Cases the user may see whose text is nearly the same as ``text`` (the duplicate index), best
    first, with the estimated similarity."""
    return _visible_in_order(user, _nearly_the_same(text, exclude))[:SIMILAR_LIMIT]


def similar_case_numbers(user, text: str, *, exclude: int | None = None) -> list[tuple[str, float]]:
    """The numbers of ``similar_cases`` with their similarity, without loading the cases: what a
    registration answers with (its cost is paid on every intake)."""
    return similar_case_numbers_many(user, [(text, exclude)])[0]


def similar_case_numbers_many(user, cases: list[tuple[str, int | None]]) -> list[list[tuple[str, float]]]:
    """``similar_case_numbers`` for each (text, case id to leave out), with one visibility query for
    all of them (the answer to a batch of registrations)."""
    found = [_nearly_the_same(text, exclude) for text, exclude in cases]
    wanted = set().union(*found)
    if not wanted:
        return [[] for _case in cases]
    numbers = dict(petitions_visible_to(user).filter(pk__in=wanted).values_list("pk", "number"))
    return [_best_visible(scores, numbers) for scores in found]


def _best_visible(scores: dict[int, float], numbers: dict[int, str]) -> list[tuple[str, float]]:
    visible = sorted(scores.keys() & numbers.keys(), key=lambda pk: (-scores[pk], pk))
    return [(numbers[pk], scores[pk]) for pk in visible[:SIMILAR_LIMIT]]


def _nearly_the_same(text: str, exclude: int | None) -> dict[int, float]:
    from minsheng.petitions.textsource import DOMAIN
    from minsheng.textmine import neardup

    # Ask for more than we show: some matches may be cases this user may not see.
    matches = neardup.similar(DOMAIN, text, limit=SIMILAR_LIMIT * 5, exclude=[exclude] if exclude else [])
    return {m.record_id: m.similarity for m in matches}


def same_person_cases(user, text: str, candidates: QuerySet[Petition]) -> list[tuple[Petition, float]]:
    """Of ``candidates`` (cases of the same petitioner), those the user may see, the most similar
    matter first, with the similarity; a repeat is likely from ``SAME_PERSON_SIMILARITY`` up."""
    from minsheng.petitions.textsource import DOMAIN
    from minsheng.textmine import neardup

    ids = list(candidates.values_list("pk", flat=True)[: SIMILAR_LIMIT * 5])
    scores = neardup.similarity_to(DOMAIN, text, ids)
    return _visible_in_order(user, {pk: scores.get(pk, 0.0) for pk in ids})[:SIMILAR_LIMIT]


def _visible_in_order(user, scores: dict[int, float]) -> list[tuple[Petition, float]]:
    if not scores:
        return []
    found = petitions_visible_to(user).filter(pk__in=scores).select_related("unit", "region")
    return sorted(((p, scores[p.pk]) for p in found), key=lambda x: (-x[1], x[0].pk))


def reception_units(user) -> QuerySet[Unit]:
    """The active units where the user may organize reception days (clerk, head, leader)."""
    if not user.is_authenticated:
        return Unit.objects.none()
    units = Unit.objects.filter(
        memberships__user=user, memberships__role__in=list(RECEPTION_ORGANIZERS), is_active=True
    )
    return units.select_related("region").distinct().order_by("region__code", "name")


def receptions_organized_by(user) -> QuerySet[Reception]:
    """Reception days of the units where the user may organize them."""
    units = (
        Membership.objects.filter(user=user, role__in=list(RECEPTION_ORGANIZERS))
        if user.is_authenticated
        else None
    )
    if units is None:
        return Reception.objects.none()
    return Reception.objects.filter(unit_id__in=units.values("unit_id")).select_related("unit", "region")


def reception_for(user, *, pk: int) -> Reception:
    # 404, not 403: another unit's schedule (and who booked) is none of this user's business.
    return get_object_or_404(receptions_organized_by(user), pk=pk)


def public_receptions(*, now: datetime) -> QuerySet[Reception]:
    """Published, not cancelled, not yet over: what the portal lists, with places taken."""
    taken = Count("bookings", filter=Q(bookings__status__in=["booked", "received"]))
    return (
        Reception.objects.filter(published=True, cancelled=False, ends_at__gt=now)
        .select_related("region")
        .annotate(taken=taken)
        .annotate(free=F("capacity") - F("taken"))
        .order_by("starts_at")
    )


def booking_of(account, *, pk: int) -> ReceptionBooking:
    """A citizen's own booking; anyone else's is a 404."""
    return get_object_or_404(ReceptionBooking.objects.select_related("reception"), pk=pk, account=account)


def bookings_of(account) -> QuerySet[ReceptionBooking]:
    return (
        ReceptionBooking.objects.filter(account=account)
        .select_related("reception", "petition")
        .order_by("-reception__starts_at")
    )
