"""Party organizations: list, set up (choosing the units covered), change, dissolve."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError
from minsheng.registry.twonew import rules, selectors, services
from minsheng.registry.twonew.forms import DissolveForm, PartyOrgEditForm, PartyOrgForm
from minsheng.registry.twonew.models import PartyOrganization
from minsheng.registry.twonew.views.common import (
    PAGE_SIZE,
    base_context,
    readers_only,
    refused,
    require_editing,
)


@readers_only
def party_list(request):
    orgs = selectors.party_orgs_visible_to(request.user)
    state = request.GET.get("state", "active")
    if state == "active":
        orgs = orgs.filter(dissolved_on__isnull=True)
    elif state == "todo":
        orgs = orgs.filter(
            dissolved_on__isnull=True,
            members__gte=rules.conf.get("COMMITTEE_MIN_MEMBERS"),
            has_committee=False,
        )
    page = Paginator(orgs.order_by("region__code", "name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    for org in page:
        org.needs_committee = org.active and rules.needs_committee(
            members=org.members, has_committee=org.has_committee
        )
    return render(request, "twonew/party_list.html", base_context(request, "party", page=page, state=state))


@readers_only
def party_create(request):
    require_editing(request.user)
    form = PartyOrgForm(
        request.POST or None, user=request.user, initial={"units": request.GET.getlist("unit")}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                org = services.party_org_create(
                    actor=request.user,
                    name=data["name"],
                    kind=data["kind"],
                    joint=data["joint"],
                    units=list(data["units"]),
                    members=data["members"],
                    has_committee=data["has_committee"],
                    founded_on=data["founded_on"],
                )
            except DomainError as e:
                status = refused(request, form, e)
            else:
                messages.success(request, _("已登记党组织。"))
                return redirect("registry:twonew:party", pk=org.pk)
        else:
            status = 400
    return render(request, "twonew/party_form.html", base_context(request, "party", form=form), status=status)


def _detail(request, org: PartyOrganization, *, edit=None, dissolve=None, status=200):
    may_edit = org.active and selectors.may_edit(request.user, org.region)
    context = base_context(
        request,
        "party",
        org=org,
        units=org.units.select_related("region").order_by("name"),
        may_edit=may_edit,
        needs_committee=org.active
        and rules.needs_committee(members=org.members, has_committee=org.has_committee),
        edit=edit or (PartyOrgEditForm(initial={"name": org.name, "members": org.members,
                                                "has_committee": org.has_committee}) if may_edit else None),
        dissolve=dissolve or (DissolveForm() if may_edit else None),
    )  # fmt: skip
    return render(request, "twonew/party_detail.html", context, status=status)


@readers_only
def party_detail(request, pk: int):
    return _detail(request, selectors.party_org_for(request.user, pk))


@readers_only
@require_POST
def party_edit(request, pk: int):
    org = selectors.party_org_for(request.user, pk)
    selectors.require_editor(request.user, org.region)
    form = PartyOrgEditForm(request.POST)
    if not form.is_valid():
        return _detail(request, org, edit=form, status=400)
    try:
        services.party_org_update(actor=request.user, party_org=org, **form.cleaned_data)
    except DomainError as e:
        return _detail(request, org, edit=form, status=refused(request, form, e))
    messages.success(request, _("已保存。"))
    return redirect("registry:twonew:party", pk=org.pk)


@readers_only
@require_POST
def party_dissolve(request, pk: int):
    org = selectors.party_org_for(request.user, pk)
    selectors.require_editor(request.user, org.region)
    form = DissolveForm(request.POST)
    if not form.is_valid():
        return _detail(request, org, dissolve=form, status=400)
    try:
        services.party_org_dissolve(actor=request.user, party_org=org, **form.cleaned_data)
    except DomainError as e:
        return _detail(request, org, dissolve=form, status=refused(request, form, e))
    messages.success(request, _("党组织已撤销，其覆盖单位已计为未覆盖。"))
    return redirect("registry:twonew:party", pk=org.pk)
