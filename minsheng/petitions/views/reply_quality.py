"""The reply-quality check of the answer form: a score and the missing elements, before the answer is sent."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError
from minsheng.petitions import permissions, selectors, workflow
from minsheng.petitions.models import compose_text
from minsheng.petitions.views.actions import step_form
from minsheng.textmine.replies import score_reply

TEMPLATE = "petitions/_reply_quality.html"


@login_required
@never_cache
@require_POST
def reply_quality(request, number: str):
    """Score the draft answer posted from the "answer" step form; nothing is saved."""
    petition = selectors.petition_for(request.user, number=number)
    roles = permissions.roles_by_unit(request.user, petition)
    try:
        # Only someone who may answer now: a stale page or a clerk looking on gets the refusal.
        answer = workflow.step_by_unit("answer", petition.status, roles)
    except DomainError as e:
        return render(request, TEMPLATE, {"error": e.message}, status=e.status_code)
    form = step_form(answer.name, user=request.user, petition=petition, data=request.POST)
    form.is_valid()  # a draft: score whatever text fields parse, however incomplete
    draft = form.cleaned_data
    parts = (draft.get(k, "") for k in ("facts", "reasons", "decision", "basis"))
    score = answer_score(petition, parts, answered_at=timezone.now(), due_at=petition.due_at)
    return render(request, TEMPLATE, {"p": petition, "score": score})


def answer_score(petition, parts, *, answered_at, due_at=None):
    """The reply-quality score of an answer (facts, reasons, decision, basis) to ``petition``."""
    return score_reply(
        petition.text,
        compose_text(*parts),
        asked_at=petition.accepted_at or petition.received_at,
        answered_at=answered_at,
        due_at=due_at,
    )


def sent_answer_score(petition):
    """The score of the answer already given, or None. The deadline it met is not kept once the
    case moves on, so timeliness is judged by the statutory 60 days from acceptance."""
    if not (petition.answered_at and petition.answer_facts):
        return None
    parts = (petition.answer_facts, petition.answer_reasons, petition.answer_decision, petition.answer_basis)
    return answer_score(petition, parts, answered_at=petition.answered_at)
