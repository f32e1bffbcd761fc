"""The queue, intake (with the knowledge-base search as the operator types), the order page, its steps."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.hotline import forms, permissions, selectors, services, workflow
from minsheng.hotline.models import Order
from minsheng.hotline.views.access import is_htmx, staff_page
from minsheng.people.services import masked, person_unmask

PAGE_SIZE = 50

# Which form and which service perform each step: the one table the step endpoint reads.
STEP_ACTIONS = {
    "answer": (forms.AnswerForm, services.order_answer),
    "redirect": (forms.RedirectForm, services.order_redirect),
    "dispatch": (forms.DispatchForm, services.order_dispatch),
    "accept": (forms.StepForm, services.order_accept),
    "object": (forms.ReasonForm, services.order_object),
    "uphold": (forms.DecisionForm, services.order_uphold),
    "reassign": (forms.ReassignForm, services.order_reassign),
    "extend": (forms.ExtendForm, services.order_extend),
    "reply": (forms.ReplyForm, services.order_reply),
    "visit": (forms.VisitForm, services.order_visit),
    "close": (forms.StepForm, services.order_close),
}


def step_form(name: str, *, order: Order, data=None):
    return STEP_ACTIONS[name][0](data, order=order, auto_id=f"id_{name}_%s")


@staff_page
def queue(request):
    form = forms.QueueFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    done = request.GET.get("done") == "1"
    orders = selectors.queue(
        request.user, now=now, state=filters.get("state", ""), due=filters.get("due", ""),
        search=filters.get("q", ""), done=done,
    )  # fmt: skip
    page = Paginator(orders, PAGE_SIZE).get_page(request.GET.get("page"))
    is_operator = bool(permissions.centres_of(request.user, roles=(Role.OPERATOR,)))
    context = {"form": form, "page": page, "now": now, "nav": "done" if done else "queue", "done": done,
               "is_operator": is_operator}  # fmt: skip
    template = "hotline/_queue_table.html" if is_htmx(request) else "hotline/queue.html"
    return render(request, template, context)


@staff_page
def intake(request):
    """The operator's intake page; one POST registers the order and takes its first step."""
    if not permissions.centres_of(request.user, roles=(Role.OPERATOR,)):
        raise PermissionDenied
    form = forms.IntakeForm(request.POST or None, initial={"action": "dispatch"})
    status = 200
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise InvalidInput(_("请检查填写的内容。"))
            order = services.order_receive(
                intake=form.intake(), actor=request.user, now=timezone.now(), **form.action_kwargs()
            )
        except InvalidInput as e:
            apply_errors(form, e)
            messages.error(request, e.message)
            status = 400
        except DomainError as e:
            messages.error(request, e.message)
            status = e.status_code
        else:
            messages.success(
                request,
                _("已登记工单 %(number)s（%(state)s）。")
                % {"number": order.number, "state": order.get_status_display()},
            )
            return redirect("hotline:order", number=order.number)
    return render(request, "hotline/intake.html", {"form": form, "nav": "intake"}, status=status)


@staff_page
def knowledge(request):
    """htmx: knowledge-base answers matching what the operator typed so far."""
    text = (request.GET.get("q") or request.GET.get("title") or "")[:100]
    found = selectors.search_knowledge(text)
    return render(request, "hotline/_knowledge.html", {"answers": found, "q": text})


def order_context(request, order: Order, *, failed=None) -> dict:
    user = request.user
    roles = permissions.roles_by_unit(user, order)
    now = timezone.now()
    actions = [
        (s, failed[1] if failed and failed[0] == s.name else step_form(s.name, order=order))
        for s in workflow.allowed(order.status, roles)
        if not (s.name == "visit" and workflow.visit_too_early(order, now))
    ]
    hidden = permissions.hides_requester(user, order, roles)
    return {
        "o": order,
        "now": now,
        "actions": actions,
        "requester": None if hidden or order.requester_id is None else masked(order.requester),
        "requester_hidden": hidden,
        "may_unmask": permissions.may_unmask(user, order, roles),
        "unmask_form": forms.UnmaskForm(),
        "copies": list(order.copies.select_related("unit")),
        "read_only": not any(roles.values()),
        "timeline": selectors.order_timeline(order),
    }


@staff_page
def order(request, number: str):
    found = selectors.order_for(request.user, number=number)
    return render(request, "hotline/order.html", order_context(request, found))


@staff_page
@require_POST
def step(request, number: str, step_name: str):
    found = selectors.order_for(request.user, number=number)
    if step_name not in STEP_ACTIONS:
        raise Http404
    form = step_form(step_name, order=found, data=request.POST)
    try:
        workflow.check_state(step_name, found.status)
        if not form.is_valid():
            raise InvalidInput(_("请检查填写的内容。"))
        STEP_ACTIONS[step_name][1](
            order=found, actor=request.user, now=timezone.now(), **form.service_kwargs()
        )
    except InvalidInput as e:
        apply_errors(form, e)
        messages.error(request, e.message)
        return _order_page(request, number, (step_name, form), status=400)
    except DomainError as e:
        messages.error(request, e.message)
        return _order_page(request, number, None, status=403 if e.code == "forbidden" else e.status_code)
    messages.success(request, _("已完成：%(step)s。") % {"step": workflow.BY_NAME[step_name].label})
    return redirect("hotline:order", number=number)


def _order_page(request, number, failed, *, status):
    found = selectors.order_for(request.user, number=number)
    return render(request, "hotline/order.html", order_context(request, found, failed=failed), status=status)


@staff_page
@require_POST
@never_cache
def identity(request, number: str):
    """The requester in clear text, for those who may see it; every view is audited."""
    found = selectors.order_for(request.user, number=number)
    if not permissions.may_unmask(request.user, found):
        raise PermissionDenied
    form = forms.UnmaskForm(request.POST)
    reason = (form.cleaned_data.get("reason") if form.is_valid() else "") or _("办理工单需要")
    clear = person_unmask(person=found.requester, actor=request.user, reason=reason, context=found.number)
    return render(request, "hotline/_identity.html", {"o": found, "clear": clear})
