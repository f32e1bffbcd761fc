"""Setting up, changing and dissolving party organizations; they keep ``Organization.coverage``.

A unit is covered by at most one active organization (its own or a joint one): the covering rows are
locked while an organization is recorded, so two registrars cannot cover the same unit twice.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.orgs.models import Region
from minsheng.registry.twonew import rules, selectors
from minsheng.registry.twonew.models import Coverage, CoveredUnit, Organization, PartyOrganization


def common_region(regions: list[Region]) -> Region:
    """The smallest region containing all of ``regions``."""
    chains = [r.path.strip("/").split("/") for r in regions]
    common = []
    for parts in zip(*chains, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return Region.objects.get(pk=int(common[-1]))


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)


@transaction.atomic
def party_org_create(
    *,
    actor,
    name: str,
    kind: str,
    joint: bool,
    units: list[Organization],
    members: int,
    has_committee: bool,
    founded_on: date,
) -> PartyOrganization:
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("请填写组织名称。"), field="name")
    if kind not in PartyOrganization.Kind.values:
        raise InvalidInput(_("请选择组织类型。"), field="kind")
    ids = sorted({u.pk for u in units})
    _refuse(rules.party_org_refusals(kind=kind, joint=joint, unit_count=len(ids), members=members or 0))
    locked = list(Organization.objects.select_for_update().filter(pk__in=ids).select_related("region"))
    for unit in locked:
        selectors.require_editor(actor, unit.region)
        if unit.coverage:
            raise DomainError(_("%(unit)s已有党组织覆盖，请先撤销原组织。") % {"unit": unit.name})
    org = PartyOrganization.objects.create(
        name=name,
        kind=kind,
        joint=joint,
        region=common_region([u.region for u in locked]),
        members=members,
        has_committee=has_committee,
        founded_on=founded_on,
    )
    CoveredUnit.objects.bulk_create(CoveredUnit(party_organization=org, organization=u) for u in locked)
    Organization.objects.filter(pk__in=ids).update(coverage=rules.coverage_of(joint=joint))
    audit.record(
        actor=actor,
        action="twonew.party_org.created",
        target=org,
        data={"name": name, "kind": kind, "joint": joint, "units": ids, "members": members},
    )
    return org


@transaction.atomic
def party_org_update(
    *, actor, party_org: PartyOrganization, name: str, members: int, has_committee: bool
) -> PartyOrganization:
    org = PartyOrganization.objects.select_for_update().get(pk=party_org.pk)
    selectors.require_editor(actor, org.region)
    if not org.active:
        raise DomainError(_("该党组织已撤销。"))
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("请填写组织名称。"), field="name")
    count = CoveredUnit.objects.filter(party_organization=org).count()
    _refuse(rules.party_org_refusals(kind=org.kind, joint=org.joint, unit_count=count, members=members or 0))
    before = {"name": org.name, "members": org.members, "has_committee": org.has_committee}
    org.name, org.members, org.has_committee = name, members, has_committee
    org.save(update_fields=["name", "members", "has_committee"])
    after = {"name": org.name, "members": org.members, "has_committee": org.has_committee}
    changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changed:
        audit.record(actor=actor, action="twonew.party_org.updated", target=org, data={"changed": changed})
    return org


@transaction.atomic
def party_org_dissolve(*, actor, party_org: PartyOrganization, on: date, reason: str) -> PartyOrganization:
    """Dissolve (撤销) an organization: its units are no longer covered by it."""
    org = PartyOrganization.objects.select_for_update().get(pk=party_org.pk)
    selectors.require_editor(actor, org.region)
    if not org.active:
        raise DomainError(_("该党组织已撤销。"))
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("请填写撤销原因。"), field="reason")
    if on < org.founded_on:
        raise InvalidInput(_("撤销日期不能早于成立日期。"), field="on")
    org.dissolved_on = on
    org.save(update_fields=["dissolved_on"])
    ids = list(CoveredUnit.objects.filter(party_organization=org).values_list("organization_id", flat=True))
    Organization.objects.filter(pk__in=ids).update(coverage=Coverage.NONE)
    audit.record(
        actor=actor,
        action="twonew.party_org.dissolved",
        target=org,
        data={"on": on, "reason": reason, "units": ids},
    )
    return org
