"""Reads that carry access rules. A suggestion you may not see does not exist (404, not 403)."""

from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from minsheng.orgs.models import Membership, Region, Unit
from minsheng.suggestions import conf
from minsheng.suggestions.models import Comment, Suggestion, Topic
from minsheng.suggestions.permissions import office_unit_ids
from minsheng.suggestions.workflow import ADOPTED_STATES, OPEN_ORDERED, CommentStatus, S


def suggestions_visible_to(user) -> QuerySet[Suggestion]:
    """The office's suggestions for its clerks and leaders; the assigned ones for a study unit."""
    if not user.is_authenticated:
        return Suggestion.objects.none()
    offices, units = office_unit_ids(user), study_unit_ids(user)
    # One condition where the user has one kind of unit (nearly always): the list then reads one index.
    if offices and units:
        return Suggestion.objects.filter(Q(office_id__in=offices) | Q(study_unit_id__in=units))
    if offices:
        return Suggestion.objects.filter(office_id__in=offices)
    if units:
        return Suggestion.objects.filter(study_unit_id__in=units)
    return Suggestion.objects.none()


def study_unit_ids(user) -> set[int]:
    """Units that may be asked to study a suggestion where the user works (a social work department
    never is one: it is the office)."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user)
        .exclude(unit__kind=Unit.Kind.SOCIAL_WORK)
        .values_list("unit_id", flat=True)
        .distinct()
    )


def suggestion_for(user, *, number: str) -> Suggestion:
    found = (
        suggestions_visible_to(user)
        .select_related("topic", "office", "region", "study_unit", "group", "proposer", "petition")
        .filter(number=number)
        .first()
    )
    if found is None:
        raise Http404
    return found


def may_use_workbench(user) -> bool:
    """Staff of an office or of a unit that may study suggestions; everyone else gets 403."""
    return bool(office_unit_ids(user) or study_unit_ids(user))


def _filtered(user, *, state: str, topic: int | None, search: str) -> QuerySet[Suggestion]:
    qs = suggestions_visible_to(user).select_related("topic", "study_unit", "proposer", "group")
    if state:
        qs = qs.filter(status=state)
    if topic:
        qs = qs.filter(topic_id=topic)
    if search:
        text = search.strip()
        qs = qs.filter(Q(number=text.upper()) | Q(title__icontains=text))
    return qs


def work_queryset(
    user, *, now: datetime, state: str = "", due: str = "", topic: int | None = None, search: str = ""
) -> QuerySet[Suggestion]:
    """The work list without a limit (for exports): "overdue" oldest deadline first, else newest first."""
    qs = _filtered(user, state=state, topic=topic, search=search)
    if due == "overdue":
        return qs.filter(due_at__lt=now).order_by("due_at", "id")
    return qs.order_by("-received_at", "-id")


def work_list(
    user,
    *,
    now: datetime,
    state: str = "",
    due: str = "",
    topic: int | None = None,
    search: str = "",
    limit: int = 100,
) -> list[Suggestion]:
    """The user's suggestions, at most ``limit``. ``due``: "open" (the received ones to route, then
    those under study by deadline) or "overdue" (a running deadline passed, oldest first); otherwise
    everything, newest first."""
    if due != "open":
        return list(work_queryset(user, now=now, state=state, due=due, topic=topic, search=search)[:limit])
    qs = _filtered(user, state=state, topic=topic, search=search)
    # One query a state: each reads the (unit, status, due_at, id) index in order, where one
    # ``status IN (…)`` query would sort every open row on PostgreSQL.
    rows: list[Suggestion] = []
    for status in OPEN_ORDERED:
        if len(rows) < limit:
            rows += qs.filter(status=status).order_by("due_at", "id")[: limit - len(rows)]
    return rows


def topics_of_office(user) -> QuerySet[Topic]:
    return (
        Topic.objects.filter(office_id__in=office_unit_ids(user))
        .select_related("office")
        .annotate(
            n_suggestions=Count("suggestions", distinct=True),
            n_pending=Count("comments", filter=Q(comments__status=CommentStatus.PENDING), distinct=True),
        )
    )


def topic_for_office(user, *, pk: int) -> Topic:
    found = Topic.objects.filter(pk=pk, office_id__in=office_unit_ids(user)).select_related("office").first()
    if found is None:
        raise Http404
    return found


def pending_comments(user) -> QuerySet[Comment]:
    return (
        Comment.objects.filter(topic__office_id__in=office_unit_ids(user), status=CommentStatus.PENDING)
        .select_related("topic")
        .order_by("created_at", "id")
    )


def similar_suggestions(user, suggestion: Suggestion) -> list[tuple[Suggestion, float]]:
    """Suggestions the user may see whose text is nearly the same (the duplicate index), best first."""
    from minsheng.suggestions.textsource import DOMAIN
    from minsheng.textmine import neardup

    limit = int(conf.get("SIMILAR_LIMIT"))
    matches = neardup.similar(
        DOMAIN,
        suggestion.text,
        threshold=float(conf.get("SIMILAR_THRESHOLD")),
        limit=limit * 5,
        exclude=[suggestion.pk],
    )
    scores = {m.record_id: m.similarity for m in matches}
    if not scores:
        return []
    found = suggestions_visible_to(user).filter(pk__in=scores).select_related("group", "study_unit")
    return sorted(((s, scores[s.pk]) for s in found), key=lambda x: (-x[1], x[0].pk))[:limit]


def study_units_for(office: Unit) -> QuerySet[Unit]:
    """Departments and street offices in the office's area: who may be asked to study a suggestion."""
    return (
        Unit.objects.filter(
            is_active=True,
            kind__in=[Unit.Kind.DEPARTMENT, Unit.Kind.STREET_OFFICE, Unit.Kind.GOVERNMENT],
            region__path__startswith=office.region.path,
        )
        .select_related("region")
        .order_by("region__code", "name")
    )


def office_of(region: Region) -> Unit | None:
    """The social work department responsible for ``region`` (its own or the nearest above)."""
    node = region
    while node is not None:
        unit = Unit.objects.filter(kind=Unit.Kind.SOCIAL_WORK, region=node, is_active=True).first()
        if unit:
            return unit
        node = node.parent
    return None


# --- public ------------------------------------------------------------------------------------------


def public_topics(*, today: date) -> QuerySet[Topic]:
    """Published topics, open ones first (the portal list)."""
    return (
        Topic.objects.filter(published_at__isnull=False, starts_on__lte=today)
        .select_related("office")
        .order_by("-ends_on", "-id")
    )


def public_topic(*, pk: int, today: date) -> Topic:
    found = Topic.objects.filter(pk=pk, published_at__isnull=False, starts_on__lte=today).first()
    if found is None:
        raise Http404
    return found


def published_comments(topic: Topic) -> QuerySet[Comment]:
    return topic.comments.filter(status=CommentStatus.PUBLISHED).order_by("created_at", "id")


def published_suggestions(topic: Topic) -> QuerySet[Suggestion]:
    return topic.suggestions.filter(published_at__isnull=False, status__in=ADOPTED_STATES).order_by(
        "-published_at", "-id"
    )


def suggestion_for_citizen(*, number: str, code: str) -> Suggestion | None:
    """The suggestion a proposer proves by number and query code; None when either is wrong."""
    from minsheng.suggestions.services.numbers import query_code_matches

    found = Suggestion.objects.filter(number=(number or "").strip().upper()).first()
    if found is None or not query_code_matches(found, code):
        return None
    return found


def suggestions_of_account(user) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(account=user).select_related("topic").order_by("-received_at", "-id")


def counts_by_state(topic: Topic) -> dict[str, int]:
    rows = topic.suggestions.values_list("status").annotate(n=Count("id"))
    counts = dict.fromkeys(S.values, 0)
    counts.update({status: n for status, n in rows})
    return counts
