"""领导接访下访 on the portal: the published reception days, booking a place, cancelling it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.petitions import selectors
from minsheng.petitions.reception_forms import BookingForm
from minsheng.petitions.services import receptions as service
from minsheng.portal.ratelimit import rate_limited


def receptions(request):
    rows = selectors.public_receptions(now=timezone.now())[:100]
    return render(request, "portal/receptions.html", {"rows": rows})


@never_cache
@rate_limited("reception")
def reception(request, pk: int):
    """A reception day and, for a logged-in citizen, the booking form."""
    item = get_object_or_404(selectors.public_receptions(now=timezone.now()), pk=pk)
    form = BookingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('portal:login')}?next={request.path}")
        status = 400
        if form.is_valid():
            try:
                service.reception_book(
                    reception_id=item.pk,
                    account=request.user,
                    identity=form.identity(),
                    matter=form.cleaned_data["matter"],
                    now=timezone.now(),
                )
            except InvalidInput as e:
                apply_errors(form, e)
            except DomainError as e:
                form.add_error(None, str(e.message))
                status = e.status_code
            else:
                messages.success(request, _("预约成功。请按时到场，并携带身份证件。"))
                return redirect("portal:mine")
    return render(request, "portal/reception.html", {"item": item, "form": form}, status=status)


@login_required(login_url="portal:login")
@require_POST
def booking_cancel(request, pk: int):
    booking = selectors.booking_of(request.user, pk=pk)
    try:
        service.booking_cancel(booking=booking, account=request.user, now=timezone.now())
    except DomainError as e:
        messages.error(request, str(e.message))
    else:
        messages.success(request, _("预约已取消。"))
    return redirect("portal:mine")
