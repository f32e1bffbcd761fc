"""The staff workbench: queue, overdue list, intake, the case page and its steps.

Every workbench view is wrapped by ``staff_page`` here, once, rather than in each module: a citizen
who logs in and types /staff/ belongs on the portal's "my petitions", not in an empty queue.
"""

from functools import wraps

from django.shortcuts import redirect

from minsheng.orgs.models import Membership
from minsheng.petitions.views.case import attachment, case, document, identity
from minsheng.petitions.views.hot import hot, hot_digest
from minsheng.petitions.views.intake import intake
from minsheng.petitions.views.intake_assist import intake_assist
from minsheng.petitions.views.queue import overdue, queue
from minsheng.petitions.views.receptions import booking_receive, reception, reception_action, receptions
from minsheng.petitions.views.reply_quality import reply_quality
from minsheng.petitions.views.steps import step


def is_citizen_only(user) -> bool:
    """A portal account that holds no role in any unit."""
    return bool(
        user.is_authenticated
        and getattr(user, "is_citizen", False)
        and not Membership.objects.filter(user=user).exists()
    )


def staff_page(view):
    """Send a citizen-only account to its own petitions; everyone else goes on to ``view``."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_citizen_only(request.user):
            return redirect("portal:mine")
        return view(request, *args, **kwargs)

    return wrapped


attachment, case, document, identity = map(staff_page, (attachment, case, document, identity))
intake, intake_assist, overdue, queue, step = map(staff_page, (intake, intake_assist, overdue, queue, step))

reply_quality = staff_page(reply_quality)
hot, hot_digest = map(staff_page, (hot, hot_digest))
receptions, reception, reception_action, booking_receive = map(
    staff_page, (receptions, reception, reception_action, booking_receive)
)

__all__ = [
    "attachment",
    "booking_receive",
    "case",
    "document",
    "hot",
    "hot_digest",
    "identity",
    "intake",
    "intake_assist",
    "is_citizen_only",
    "overdue",
    "queue",
    "reception",
    "reception_action",
    "receptions",
    "reply_quality",
    "staff_page",
    "step",
]
