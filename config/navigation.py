"""What the staff navigation shows: only the areas where the user holds a role, and unread reminders.

Lazy, so a page that does not draw the navigation runs no query for it.
"""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject

from minsheng.accounts.roles import Role
from minsheng.notices.services import unread_count
from minsheng.orgs.models import Membership, Unit

K = Unit.Kind
HANDLING_UNITS = {K.DEPARTMENT, K.STREET_OFFICE, K.GOVERNMENT}
SOCIAL_WORK_STAFF = {Role.REGISTRAR, Role.LEADER}
INSIGHT_ROLES = {Role.LEADER, Role.HEAD}
INSIGHT_UNITS = {K.PETITION_BUREAU, K.HOTLINE_CENTRE, K.GOVERNMENT}


def staff_areas(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    held = set(Membership.objects.filter(user=user).values_list("unit__kind", "role"))
    kinds = {kind for kind, _role in held}
    areas = set()
    if kinds - {K.SOCIAL_WORK, K.HOTLINE_CENTRE}:
        areas.add("petitions")
    if kinds & (HANDLING_UNITS | {K.HOTLINE_CENTRE}):
        areas.add("hotline")
    if kinds & (HANDLING_UNITS | {K.POLITICS_LAW}):
        areas.add("whistles")
    if kinds & HANDLING_UNITS or (K.SOCIAL_WORK, Role.CLERK) in held:
        areas.add("suggestions")
    if any(kind == K.SOCIAL_WORK and role in SOCIAL_WORK_STAFF for kind, role in held):
        areas |= {"registry", "volunteers", "talent"}
    # 察民情 (figures, reports): leaders and heads anywhere, and staff of the bodies overseeing an area.
    if any(role in INSIGHT_ROLES for _kind, role in held) or kinds & INSIGHT_UNITS:
        areas.add("insight")
    if "volunteers" not in areas:
        managers = apps.get_model("volunteers", "TeamManager").objects
        if managers.filter(user=user).exists():
            areas.add("volunteers")
    return frozenset(areas)


def staff_navigation(request) -> dict:
    user = request.user
    return {
        "nav_areas": SimpleLazyObject(lambda: staff_areas(user)),
        "unread_notices": SimpleLazyObject(lambda: unread_count(user)),
    }


# Where a staff member lands after logging in: the first area, in this order, where they hold a role.
HOME_OF_AREA = (
    ("petitions", "petitions:queue"),
    ("hotline", "hotline:queue"),
    ("registry", "registry:home"),
    ("suggestions", "suggestions:list"),
    ("volunteers", "volunteers:home"),
)


@login_required
def staff_home(request):
    areas = staff_areas(request.user)
    home = next((name for area, name in HOME_OF_AREA if area in areas), None)
    # A citizen-only account belongs on the portal; the queue view sends it there.
    return redirect(home or "petitions:queue")
