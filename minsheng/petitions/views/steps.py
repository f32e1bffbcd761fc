"""The step endpoint: one URL per workflow step, dispatched through ``actions.STEP_ACTIONS``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.petitions import selectors, workflow
from minsheng.petitions.views.actions import STEP_ACTIONS, step_form
from minsheng.petitions.views.case import case_context


@login_required
@require_POST
def step(request, number: str, step_name: str):
    """Take ``step_name`` on the case; errors re-show the case page with the message (400/409)."""
    petition = selectors.petition_for(request.user, number=number)
    if step_name not in STEP_ACTIONS:
        raise Http404
    service = STEP_ACTIONS[step_name][1]
    form = step_form(step_name, user=request.user, petition=petition, data=request.POST)
    try:
        # A stale page: refuse by state before judging fields; roles are the service's to judge
        # (review steps first name the review unit, then judge its roles).
        workflow.check_state(step_name, petition.status)
        if not form.is_valid():
            raise InvalidInput(_("请检查填写的内容。"))
        service(petition=petition, actor=request.user, now=timezone.now(), **form.service_kwargs())
    except InvalidInput as e:
        if e.errors:
            apply_errors(form, e)
        messages.error(request, e.message)
        return _case_page(request, number, (step_name, form), status=400)
    except DomainError as e:
        messages.error(request, e.message)
        return _case_page(request, number, None, status=e.status_code)
    messages.success(request, _("已完成：%(step)s。") % {"step": workflow.BY_NAME[step_name].label})
    return redirect("petitions:case", number=number)


def _case_page(request, number: str, failed, *, status: int):
    # Re-read: the service may have locked and refreshed the row before refusing.
    petition = selectors.petition_for(request.user, number=number)
    return render(
        request, "petitions/case.html", case_context(request, petition, failed=failed), status=status
    )
