"""The case page and what hangs off it: identity, attachments, printable documents."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.audit.models import AuditEvent
from minsheng.people.services import masked, person_unmask
from minsheng.petitions import documents, permissions, selectors, services, workflow
from minsheng.petitions.forms import UnmaskForm
from minsheng.petitions.models import Attachment, Petition
from minsheng.petitions.services import proposals
from minsheng.petitions.views.actions import step_form
from minsheng.petitions.views.htmx import is_htmx
from minsheng.petitions.views.reply_quality import sent_answer_score
from minsheng.petitions.workflow import S


def case_context(request, petition: Petition, *, failed=None) -> dict:
    """Everything the case page shows; ``failed`` is (step name, bound form) of a refused step."""
    user = request.user
    actions = [
        (s, failed[1] if failed and failed[0] == s.name else step_form(s.name, user=user, petition=petition))
        for s in workflow.allowed(petition.status, permissions.roles_by_unit(user, petition))
    ]
    text = petition.text
    # Other cases of the same person on a similar matter (repeat candidates), and cases of anyone
    # with nearly the same text (one matter, many people): only cases this user may see anyway.
    repeats = selectors.same_person_cases(user, text, selectors.open_cases_of_same_petitioner(petition))
    similar = selectors.similar_cases(user, text, exclude=petition.pk)
    if repeats and repeats[0][1] >= selectors.SAME_PERSON_SIMILARITY:
        # The likely original is offered in the "认定重复信访" form; the clerk still decides.
        for s, form in actions:
            if s.name == "link_repeat" and not form.is_bound:
                form.fields["original"].initial = repeats[0][0].number
    # The unit complained about sees not even the masked name: a surname and the last four digits
    # are enough in a small place (Arts. 30, 46; the API hides the petitioner the same way).
    hidden = permissions.is_accused(user, petition)
    files = permissions.may_see_petitioner_files(user, petition)
    return {
        "p": petition,
        "now": timezone.now(),
        "petitioner": masked(petition.petitioner) if petition.petitioner_id and not hidden else None,
        "representatives": []
        if hidden
        else [masked(r.person) for r in petition.representatives.select_related("person")],
        "may_unmask": permissions.may_unmask(user, petition),
        "unmask_form": UnmaskForm(),
        "actions": actions,
        "proposal_rows": _proposal_rows(petition),
        "answer_score": sent_answer_score(petition),
        "routing_threshold": proposals.threshold(),
        "repeats": repeats,
        "similar": similar,
        "similar_people": _people(petition, similar),
        "repeat_bar": selectors.SAME_PERSON_SIMILARITY,
        # The unit complained about gets only the note that the petition bureau keeps the files.
        "attachments": list(petition.attachments.order_by("pk")) if files else [],
        "attachments_withheld": not files and petition.attachments.exists(),
        "documents": documents.available(petition),
        "events": list(
            AuditEvent.objects.filter(target_type="petitions.petition", target_id=str(petition.pk))
            .select_related("actor")
            .order_by("id")
        ),
    }


def _people(petition: Petition, similar: list) -> int:
    """How many distinct petitioners (anonymous ones each counted) raised this matter, this case included."""
    people = {p.petitioner_id or f"#{p.pk}" for p, _s in similar}
    people.add(petition.petitioner_id or f"#{petition.pk}")
    return len(people)


def _proposal_rows(petition: Petition) -> list:
    # The router's proposal matters only while the case waits to be routed.
    if petition.status != S.REGISTERED:
        return []
    proposal = proposals.routing_proposal(petition.text)
    return [(_("问题分类"), proposal.categories), (_("责任单位"), proposal.units)]


@login_required
@never_cache
def case(request, number: str):
    """One case: facts, deadline, people (masked), files, history and the steps allowed now."""
    petition = selectors.petition_for(request.user, number=number)
    return render(request, "petitions/case.html", case_context(request, petition))


@login_required
@never_cache
@require_POST
def identity(request, number: str):
    """The petitioner's clear identity, for staff who may see it; every look is audited."""
    petition = selectors.petition_for(request.user, number=number)
    if not permissions.may_unmask(request.user, petition):
        # The accused unit (Arts. 30, 46) and anonymous cases: nothing to show, nothing recorded.
        raise PermissionDenied(_("您无权查看信访人身份信息。"))
    form = UnmaskForm(request.POST)
    reason = (form.cleaned_data["reason"] if form.is_valid() else "") or _("办理信访事项需要")
    clear = person_unmask(
        person=petition.petitioner, actor=request.user, reason=reason, context=petition.number
    )
    template = "petitions/_identity_clear.html" if is_htmx(request) else "petitions/identity.html"
    return render(request, template, {"p": petition, "clear": clear})


@login_required
def attachment(request, number: str, token: str):
    """A file of the case, only to those who may see the case (never a public media URL)."""
    petition = selectors.petition_for(request.user, number=number)
    if not permissions.may_see_petitioner_files(request.user, petition):
        raise Http404
    item = get_object_or_404(Attachment, petition=petition, token=token)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )


@login_required
@never_cache
def document(request, number: str, kind: str):
    """A printable document as PDF; the petitioner's identity is printed only for those who may see it."""
    petition = selectors.petition_for(request.user, number=number)
    if kind not in dict(documents.available(petition)):
        raise Http404
    pdf = services.petition_print(
        petition=petition,
        kind=kind,
        actor=request.user,
        reveal_identity=permissions.may_unmask(request.user, petition),
        hide_identity=permissions.is_accused(request.user, petition),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{petition.number}-{kind}.pdf"'
    return response
