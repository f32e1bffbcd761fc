"""The work list and the suggestion page with its steps, identity and grouping."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.audit.models import AuditEvent
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.people.services import masked, person_unmask
from minsheng.suggestions import permissions, selectors, services, workflow
from minsheng.suggestions.forms import GroupForm, UnmaskForm
from minsheng.suggestions.models import Suggestion
from minsheng.suggestions.views.access import workbench
from minsheng.suggestions.views.actions import STEP_ACTIONS, step_form
from minsheng.suggestions.workflow import S

PAGE = 100


@workbench
@never_cache
def work_list(request):
    """Open suggestions first by deadline; filters: state, overdue, topic, number or words."""
    now = timezone.now()
    g = request.GET
    topic = g.get("topic", "")
    due = g.get("due", "" if g else "open")  # a first visit shows the open work
    rows = selectors.work_list(
        request.user,
        now=now,
        state=g.get("state", "") if g.get("state", "") in S.values else "",
        due=due,
        topic=int(topic) if topic.isascii() and topic.isdigit() and len(topic) < 19 else None,
        search=g.get("q", "")[:60],
        limit=PAGE,
    )
    offices = permissions.office_unit_ids(request.user)
    return render(
        request,
        "suggestions/list.html",
        {
            "rows": rows,
            "now": now,
            "states": S.choices,
            "filters": g,
            "due": due,
            "nav": "list",
            "is_office": bool(offices),
            "pending": selectors.pending_comments(request.user).count() if offices else 0,
        },
    )


def _context(request, suggestion: Suggestion, *, failed=None) -> dict:
    user = request.user
    by_unit = permissions.roles_by_unit(user, suggestion)
    actions = [
        (s, failed[1] if failed and failed[0] == s.name else step_form(s.name, suggestion=suggestion))
        for s in workflow.allowed(suggestion, by_unit)
        if s.name in STEP_ACTIONS
    ]
    office = permissions.is_office(user, suggestion)
    return {
        "s": suggestion,
        "now": timezone.now(),
        "actions": actions,
        "is_office": office,
        "is_clerk": "clerk" in by_unit.get("office", ()),
        # The study unit sees the matter, never who proposed it.
        "proposer": masked(suggestion.proposer) if office else None,
        "unmask_form": UnmaskForm(),
        "similar": selectors.similar_suggestions(user, suggestion) if office else [],
        "members": list(suggestion.group.members.select_related("study_unit").order_by("id"))
        if suggestion.group_id
        else [],
        "group_form": GroupForm(),
        "events": list(
            AuditEvent.objects.filter(target_type="suggestions.suggestion", target_id=str(suggestion.pk))
            .select_related("actor")
            .order_by("id")
        ),
        "nav": "list",
    }


@workbench
@never_cache
def suggestion(request, number: str):
    found = selectors.suggestion_for(request.user, number=number)
    return render(request, "suggestions/suggestion.html", _context(request, found))


@workbench
@require_POST
def step(request, number: str, step_name: str):
    """Take ``step_name``; errors re-show the page with the message (400/409)."""
    found = selectors.suggestion_for(request.user, number=number)
    if step_name not in STEP_ACTIONS:
        raise Http404
    form = step_form(step_name, suggestion=found, data=request.POST)
    try:
        workflow.check_state(step_name, found)
        if not form.is_valid():
            raise InvalidInput(_("请检查填写的内容。"))
        STEP_ACTIONS[step_name][1](
            suggestion=found, actor=request.user, now=timezone.now(), **form.service_kwargs()
        )
    except InvalidInput as e:
        if e.errors:
            apply_errors(form, e)
        messages.error(request, e.message)
        return _page(request, number, (step_name, form), status=400)
    except DomainError as e:
        messages.error(request, e.message)
        return _page(request, number, None, status=e.status_code)
    messages.success(request, _("已完成：%(step)s。") % {"step": workflow.BY_NAME[step_name].label})
    return redirect("suggestions:suggestion", number=number)


def _page(request, number, failed, *, status):
    found = selectors.suggestion_for(request.user, number=number)
    return render(
        request, "suggestions/suggestion.html", _context(request, found, failed=failed), status=status
    )


@workbench
@never_cache
@require_POST
def identity(request, number: str):
    """The proposer's clear identity, for the office only; every look is audited."""
    found = selectors.suggestion_for(request.user, number=number)
    if not permissions.may_unmask(request.user, found):
        raise PermissionDenied(_("研究单位无权查看建议人信息。"))
    form = UnmaskForm(request.POST)
    reason = (form.cleaned_data["reason"] if form.is_valid() else "") or _("联系建议人")
    clear = person_unmask(person=found.proposer, actor=request.user, reason=reason, context=found.number)
    return render(request, "suggestions/identity.html", {"s": found, "clear": clear, "nav": "list"})


@workbench
@require_POST
def group(request, number: str):
    """Join this suggestion and the ticked similar ones into one issue (or into this one's issue)."""
    found = selectors.suggestion_for(request.user, number=number)
    numbers = [n for n in request.POST.getlist("numbers") if n != found.number][:50]
    others = list(selectors.suggestions_visible_to(request.user).filter(number__in=numbers))
    form = GroupForm(request.POST)
    title = form.cleaned_data["title"] if form.is_valid() else ""
    try:
        if found.group_id:
            services.suggestions_group(
                suggestions=others, actor=request.user, now=timezone.now(), group=found.group
            )
        else:
            services.suggestions_group(
                suggestions=[found, *others], actor=request.user, now=timezone.now(), title=title
            )
    except DomainError as e:
        messages.error(request, e.message)
        return _page(request, number, None, status=e.status_code)
    messages.success(request, _("已合并为议题，研究单位将统一办理、分别答复每位建议人。"))
    return redirect("suggestions:suggestion", number=number)


@workbench
@require_POST
def ungroup(request, number: str):
    found = selectors.suggestion_for(request.user, number=number)
    try:
        services.suggestion_ungroup(suggestion=found, actor=request.user)
    except DomainError as e:
        messages.error(request, e.message)
        return _page(request, number, None, status=e.status_code)
    messages.success(request, _("已移出议题。"))
    return redirect("suggestions:suggestion", number=number)
