"""Registration of a petition by a clerk of a petition bureau."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.orgs.models import Unit
from minsheng.petitions import services
from minsheng.petitions.forms import IntakeForm


def clerk_bureau(user) -> Unit | None:
    """The petition bureau in which ``user`` is a clerk: the intake unit of what they register."""
    return (
        Unit.objects.filter(
            kind=Unit.Kind.PETITION_BUREAU,
            is_active=True,
            memberships__user=user,
            memberships__role=Role.CLERK,
        )
        .select_related("region")
        .order_by("region__level", "pk")
        .first()
    )


@login_required
def intake(request):
    """The intake form; the service's field errors are shown next to the fields, nothing is saved."""
    bureau = clerk_bureau(request.user)
    if bureau is None:
        raise PermissionDenied(_("只有信访部门的登记员可以登记信访件。"))
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
                intake_unit=bureau,
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
