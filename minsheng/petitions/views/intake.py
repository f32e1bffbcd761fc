"""Registration of a petition by a clerk of a petition bureau."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.orgs.selectors import clerk_bureaus, intake_bureau
from minsheng.petitions import services
from minsheng.petitions.forms import IntakeForm


@login_required
def intake(request):
    """The intake form; the service's field errors are shown next to the fields, nothing is saved."""
    bureaus = clerk_bureaus(request.user)
    if not bureaus:
        raise PermissionDenied(_("只有信访部门的登记员可以登记信访件。"))
    # The form offers the areas of the clerk's widest bureau; the matter's area picks the intake unit.
    bureau = min(bureaus, key=lambda b: len(b.region_path))
    form = IntakeForm(request.POST or None, request.FILES or None, bureau=bureau)
    if request.method != "POST":
        return render(request, "petitions/intake.html", {"form": form, "bureau": bureau, "nav": "intake"})
    status = 400
    if form.is_valid():
        try:
            receipt = services.petition_submit(
                intake=form.intake(),
                actor=request.user,
                now=timezone.now(),
                intake_unit=intake_bureau(bureaus, form.cleaned_data["region"]),
                attachments=tuple(form.cleaned_data["attachments"]),
            )
        except InvalidInput as e:
            apply_errors(form, e)
        except DomainError as e:
            form.add_error(None, str(e.message))
            status = e.status_code
        else:
            messages.success(request, _("已登记，编号 %(number)s，查询码 %(code)s（请告知信访人）。") % {
                "number": receipt.petition.number, "code": receipt.query_code})  # fmt: skip
            return redirect("petitions:case", number=receipt.petition.number)
    return render(
        request, "petitions/intake.html", {"form": form, "bureau": bureau, "nav": "intake"}, status=status
    )
