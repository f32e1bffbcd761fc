"""The registries' front page: where a social work department's registrar starts."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from minsheng.orgs.selectors import social_work_region_paths


@login_required
def home(request):
    if not social_work_region_paths(request.user):
        raise PermissionDenied(_("只有社会工作部门的工作人员可以查看登记管理。"))
    return render(request, "registry/home.html", {"nav": "registry"})
