"""领导接访下访 on the workbench: schedule reception days, see bookings, register what was received."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.people.services import masked
from minsheng.petitions import selectors
from minsheng.petitions.reception_forms import CancelForm, ReceiveForm, ReceptionForm
from minsheng.petitions.services import receptions as service


@login_required
def receptions(request):
    """The user's units' reception days, and the form to schedule one."""
    units = selectors.reception_units(request.user)
    if not units:
        raise PermissionDenied(_("只有登记员、单位负责人或领导可以安排接访。"))
    form = ReceptionForm(request.POST or None, units=units)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                reception = service.reception_schedule(
                    unit=form.cleaned_data["unit"],
                    plan=form.plan(),
                    actor=request.user,
                    now=timezone.now(),
                    publish=form.cleaned_data["publish"],
                )
            except InvalidInput as e:
                apply_errors(form, e)
            except DomainError as e:
                form.add_error(None, str(e.message))
            else:
                messages.success(request, _("已安排接访。"))
                return redirect("petitions:reception", pk=reception.pk)
    rows = selectors.receptions_organized_by(request.user).order_by("-starts_at")[:100]
    context = {"form": form, "rows": rows, "nav": "receptions"}
    return render(request, "petitions/receptions.html", context, status=status)


@login_required
def reception(request, pk: int):
    item = selectors.reception_for(request.user, pk=pk)
    bookings = item.bookings.select_related("person", "petition")
    rows = [{"booking": b, "who": masked(b.person), "form": ReceiveForm(prefix=f"b{b.pk}",
             initial={"request": b.matter})} for b in bookings]  # fmt: skip
    context = {"item": item, "rows": rows, "cancel_form": CancelForm(), "nav": "receptions"}
    return render(request, "petitions/reception.html", context)


@login_required
@require_POST
def reception_action(request, pk: int, action: str):
    """Publish or cancel a reception day."""
    item = selectors.reception_for(request.user, pk=pk)
    try:
        if action == "publish":
            service.reception_publish(reception=item, actor=request.user)
        elif action == "cancel":
            reason = request.POST.get("reason", "")
            service.reception_cancel(reception=item, actor=request.user, reason=reason)
        else:
            raise DomainError(_("未知操作。"))
    except DomainError as e:
        messages.error(request, str(e.message))
    return redirect("petitions:reception", pk=item.pk)


@login_required
@require_POST
def booking_receive(request, pk: int, booking_id: int):
    """Register the booked matter as a petition received at the reception."""
    item = selectors.reception_for(request.user, pk=pk)
    booking = get_object_or_404(item.bookings, pk=booking_id)
    form = ReceiveForm(request.POST, prefix=f"b{booking.pk}")
    form.is_valid()
    try:
        receipt = service.booking_receive(
            booking=booking, actor=request.user, now=timezone.now(), **form.cleaned_data
        )
    except DomainError as e:
        messages.error(request, str(e.message))
        return redirect("petitions:reception", pk=item.pk)
    messages.success(request, _("已登记为信访件 %(number)s，查询码 %(code)s（请告知信访人）。") % {
        "number": receipt.petition.number, "code": receipt.query_code})  # fmt: skip
    return redirect("petitions:case", number=receipt.petition.number)
