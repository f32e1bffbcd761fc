"""Public pages: open topics, a topic page (comments, a suggestion form, adopted suggestions), free
suggestions, the receipt, tracking and rating. Every public POST is rate-limited per client address;
tracking reuses the portal's session proof (number + query code), so one idle timeout covers both."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.core.periods import CHINA
from minsheng.portal import tracking
from minsheng.portal.ratelimit import rate_limited
from minsheng.suggestions import permissions, selectors, services, workflow
from minsheng.suggestions.forms import CommentForm, RateForm, SuggestionForm, TrackForm
from minsheng.suggestions.models import Suggestion, TopicAttachment
from minsheng.suggestions.views.topics import serve_attachment

RECEIPT_KEY = "suggestion_receipt"


def _today():
    return timezone.now().astimezone(CHINA).date()


def _citizen_account(user):
    return user if user.is_authenticated and getattr(user, "is_citizen", False) else None


def index(request):
    today = _today()
    topics = list(selectors.public_topics(today=today)[:50])
    return render(
        request,
        "suggestions/public/index.html",
        {
            "open_topics": [t for t in topics if t.ends_on >= today],
            "closed_topics": [t for t in topics if t.ends_on < today],
        },
    )


def _topic_page(request, topic, *, comment_form=None, suggestion_form=None, status=200):
    return render(
        request,
        "suggestions/public/topic.html",
        {
            "topic": topic,
            "is_open": topic.is_open_on(_today()),
            "attachments": list(topic.attachments.order_by("pk")),
            "comments": list(selectors.published_comments(topic)[:200]),
            "adopted": list(selectors.published_suggestions(topic)[:100]),
            "comment_form": comment_form or CommentForm(),
            "suggestion_form": suggestion_form or SuggestionForm(topic=topic),
        },
        status=status,
    )


@never_cache
def topic(request, pk: int):
    return _topic_page(request, selectors.public_topic(pk=pk, today=_today()))


@never_cache
@rate_limited("suggestion_comment")
def comment(request, pk: int):
    found = selectors.public_topic(pk=pk, today=_today())
    if request.method != "POST":
        return redirect("suggestions_public:topic", pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_submit(
                topic=found,
                nickname=form.cleaned_data["nickname"],
                body=form.cleaned_data["body"],
                now=timezone.now(),
                account=_citizen_account(request.user),
                idempotency_key=form.idempotency_key(),
            )
        except InvalidInput as e:
            apply_errors(form, e)
        except DomainError as e:
            form.add_error(None, str(e.message))
            return _topic_page(request, found, comment_form=form, status=e.status_code)
        else:
            messages.success(request, _("评论已提交，审核通过后显示。"))
            return redirect(f"{reverse('suggestions_public:topic', args=[pk])}#comments")
    return _topic_page(request, found, comment_form=form, status=400)


def _submit(request, form, *, failed):
    """Call the service; on success remember the proof and show the receipt once."""
    try:
        receipt = services.suggestion_submit(
            data=form.suggestion_input(),
            actor=None,
            now=timezone.now(),
            account=_citizen_account(request.user),
            idempotency_key=form.idempotency_key(),
        )
    except InvalidInput as e:
        apply_errors(form, e)
        return failed(400)
    except DomainError as e:
        form.add_error(None, str(e.message))
        return failed(e.status_code)
    request.session[RECEIPT_KEY] = {"number": receipt.suggestion.number, "code": receipt.query_code}
    tracking.remember(request.session, receipt.suggestion.number)
    return redirect("suggestions_public:done")


@never_cache
@rate_limited("suggestion_submit")
def topic_suggest(request, pk: int):
    found = selectors.public_topic(pk=pk, today=_today())
    if request.method != "POST":
        return redirect("suggestions_public:topic", pk=pk)
    form = SuggestionForm(request.POST, topic=found)

    def failed(status):
        return _topic_page(request, found, suggestion_form=form, status=status)

    return _submit(request, form, failed=failed) if form.is_valid() else failed(400)


@never_cache
@rate_limited("suggestion_submit")
def new(request):
    if request.method != "POST":
        return render(request, "suggestions/public/new.html", {"form": SuggestionForm()})
    form = SuggestionForm(request.POST)

    def failed(status):
        return render(request, "suggestions/public/new.html", {"form": form}, status=status)

    return _submit(request, form, failed=failed) if form.is_valid() else failed(400)


def topic_attachment(request, pk: int, token: str):
    found = selectors.public_topic(pk=pk, today=_today())
    return serve_attachment(get_object_or_404(TopicAttachment, topic=found, token=token))


@never_cache
def done(request):
    receipt = request.session.pop(RECEIPT_KEY, None)
    if receipt is None:
        return redirect("suggestions_public:track")
    return render(request, "suggestions/public/done.html", {"receipt": receipt})


@never_cache
@rate_limited("track")
def track(request):
    if request.method != "POST":
        form = TrackForm(initial={"number": request.GET.get("number", "")[:20]})
        return render(request, "suggestions/public/track.html", {"form": form})
    form = TrackForm(request.POST)
    if form.is_valid():
        found = selectors.suggestion_for_citizen(
            number=form.cleaned_data["number"], code=form.cleaned_data["code"]
        )
        if found is not None:
            tracking.remember(request.session, found.number)
            return redirect("suggestions_public:status", number=found.number)
        form.add_error(None, _("编号或查询码不正确。"))
    return render(request, "suggestions/public/track.html", {"form": form}, status=400)


def _for_visitor(request, number: str) -> Suggestion | None:
    """Proven in this session by number and code, or filed from the logged-in account; else None."""
    qs = Suggestion.objects.select_related("topic", "study_unit", "petition")
    if tracking.is_proven(request.session, number):
        return qs.filter(number=number).first()
    if request.user.is_authenticated:
        return qs.filter(number=number, account=request.user).first()
    return None


def _track_again(number: str):
    return redirect(f"{reverse('suggestions_public:track')}?{urlencode({'number': number})}")


def _status_page(request, found, *, form=None, status=200):
    steps = {s.name for s in workflow.allowed(found, permissions.citizen_roles())}
    return render(
        request,
        "suggestions/public/status.html",
        {
            "s": found,
            "may_rate": "rate" in steps,
            "rate_form": form or RateForm(),
            "petition_code": services.petition_code_of(found),
        },
        status=status,
    )


@never_cache
def status(request, number: str):
    found = _for_visitor(request, number)
    if found is None:
        return _track_again(number)
    return _status_page(request, found)


@never_cache
@rate_limited("act")
def rate(request, number: str):
    found = _for_visitor(request, number)
    if found is None:
        return _track_again(number)
    if request.method != "POST":
        return redirect("suggestions_public:status", number=number)
    form = RateForm(request.POST)
    if not form.is_valid():
        return _status_page(request, found, form=form, status=400)
    actor = request.user if permissions.is_proposer(request.user, found) else None
    try:
        services.suggestion_rate(
            suggestion=found,
            actor=actor,
            now=timezone.now(),
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
            as_citizen=True,
        )
    except InvalidInput as e:
        apply_errors(form, e)
        return _status_page(request, found, form=form, status=400)
    except DomainError as e:
        form.add_error(None, str(e.message))
        return _status_page(request, found, form=form, status=e.status_code)
    messages.success(request, _("感谢您的评价。"))
    return redirect("suggestions_public:status", number=number)


@login_required(login_url="portal:login")
@never_cache
def mine(request):
    return render(
        request,
        "suggestions/public/mine.html",
        {"rows": selectors.suggestions_of_account(request.user)[:200]},
    )
