"""Party-building instructors (党建指导员): list and registration."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from minsheng.core.errors import DomainError
from minsheng.registry.twonew import selectors, services
from minsheng.registry.twonew.forms import InstructorForm
from minsheng.registry.twonew.views.common import base_context, readers_only, refused


@readers_only
def instructor_list(request):
    instructors = selectors.instructors_visible_to(request.user).order_by("region__code", "name")
    may_edit = selectors.may_edit_somewhere(request.user)
    form = InstructorForm(request.POST or None, user=request.user) if may_edit else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied  # a leader reads; only the registrar registers
        if form.is_valid():
            try:
                services.instructor_create(actor=request.user, **form.cleaned_data)
            except DomainError as e:
                status = refused(request, form, e)
            else:
                messages.success(request, _("已登记党建指导员。"))
                return redirect("registry:twonew:instructors")
        else:
            status = 400
    context = base_context(request, "instructors", instructors=instructors, form=form)
    return render(request, "twonew/instructors.html", context, status=status)
