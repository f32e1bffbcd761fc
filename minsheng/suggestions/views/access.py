"""The gates of the staff pages: login, then staff of a unit (403 otherwise), citizens to the portal."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from minsheng.petitions.views import is_citizen_only
from minsheng.suggestions.permissions import office_unit_ids
from minsheng.suggestions.selectors import may_use_workbench


def workbench(view):
    """Any staff member of a unit (office or study unit)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_citizen_only(request.user):
            return redirect("suggestions_public:mine")
        if not may_use_workbench(request.user):
            raise PermissionDenied(_("您不是人民建议征集或研究单位的工作人员。"))
        return view(request, *args, **kwargs)

    return wrapped


def office_page(view):
    """The office's own pages (topics, moderation, reports): clerks and leaders of a social work unit."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_citizen_only(request.user):
            return redirect("suggestions_public:mine")
        if not office_unit_ids(request.user):
            raise PermissionDenied(_("只有人民建议征集办公室的工作人员可以访问本页。"))
        return view(request, *args, **kwargs)

    return wrapped
