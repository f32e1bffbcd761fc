"""Reminders: registrations about to end (with any shortfall of hours), lapsed ones, late first registrations.

Sent to the registrars of the social-work department covering the worker's area, and to the worker
when they have an account. Every notice has a key naming the record and the event, so the periodic scan
may run any number of times and remind each person of each event once.
"""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from minsheng.accounts.roles import Role
from minsheng.notices.services import notify
from minsheng.orgs.models import Membership, Unit
from minsheng.talent import rules, selectors
from minsheng.talent.models import Certificate, Registration


def _registrars() -> list[tuple[object, str]]:
    """(user, region path) of every registrar of an active social-work department."""
    return [
        (m.user, m.unit.region.path)
        for m in Membership.objects.filter(
            role=Role.REGISTRAR, unit__kind=Unit.Kind.SOCIAL_WORK, unit__is_active=True
        ).select_related("user", "unit__region")
    ]


def reminders_send(*, today: date) -> int:
    """Notify about today's lists; returns how many notices were newly created."""
    registrars = _registrars()
    sent = 0

    def tell(worker, key: str, subject: str, body: str) -> None:
        nonlocal sent
        url = reverse("talent:worker", args=[worker.pk])
        path = worker.region.path
        people = [user for user, p in registrars if path.startswith(p)]
        if worker.account_id:
            people.append(worker.account)
        for user in people:
            sent += notify(user=user, key=key, subject=subject, body=body, url=url) is not None

    for reg in selectors.due_soon_in(Registration.objects.select_related("worker__account"), today=today):
        worker = reg.worker
        subject = _("社会工作者登记即将到期：%(name)s（有效期至%(until)s）") % {
            "name": worker.person.name_masked,
            "until": reg.valid_until.isoformat(),
        }
        body = _(
            "续期登记可在%(opens)s至%(until)s期间办理。本周期继续教育已完成%(done)s学时，应完成%(required)s学时。"
        ) % {
            "opens": reg.renewal_opens.isoformat(),
            "until": reg.valid_until.isoformat(),
            "done": rules.hours_text(reg.done),
            "required": rules.hours_text(reg.required),
        }
        if reg.shortfall > 0:
            body += _("还差%(short)s学时，完成后方可续期。") % {"short": rules.hours_text(reg.shortfall)}
        tell(worker, f"talent:due:{reg.pk}", subject, body)

    for reg in selectors.lapsed_in(Registration.objects.select_related("worker__account"), today=today):
        subject = _("社会工作者登记已过期：%(name)s（有效期至%(until)s）") % {
            "name": reg.worker.person.name_masked,
            "until": reg.valid_until.isoformat(),
        }
        tell(reg.worker, f"talent:lapsed:{reg.pk}", subject, _("登记已失效，须重新办理登记。"))

    for cert in selectors.unregistered_in(Certificate.objects.select_related("worker__account"), today=today):
        subject = _("社会工作者逾期未登记：%(name)s（证书%(number)s）") % {
            "name": cert.worker.person.name_masked,
            "number": cert.number,
        }
        body = _("应在%(d)s前办理首次登记。") % {"d": cert.registration_deadline.isoformat()}
        tell(cert.worker, f"talent:unregistered:{cert.pk}", subject, body)
    return sent
