"""Staff: the home page, teams with their managers, brand projects."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers import selectors, services
from minsheng.volunteers.forms import ManagerForm, ProjectForm, TeamForm
from minsheng.volunteers.models import Activity
from minsheng.volunteers.permissions import require_registrar, require_team_write
from minsheng.volunteers.views.common import staff_view


@staff_view
def home(request, scope):
    context = {
        "scope": scope,
        "teams": selectors.teams_for(scope)[:200],
        "activities": selectors.activities_for(scope, status=Activity.Status.PUBLISHED)[:20],
        "nav": "volunteers",
    }
    return render(request, "volunteers/home.html", context)


@staff_view
def team_new(request, scope):
    require_registrar(scope)
    form = TeamForm(request.POST or None, paths=scope.write_paths)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(actor=request.user, **form.cleaned_data)
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        else:
            messages.success(request, _("服务队已创建。"))
            return redirect("volunteers:team", pk=team.pk)
    elif request.method == "POST":
        status = 400
    return render(request, "volunteers/team_form.html", {"form": form, "nav": "volunteers"}, status=status)


def _team_page(request, scope, team, *, manager_form=None, status=200):
    context = {
        "team": team,
        "may_write": scope.may_write_team(team),
        "may_manage_managers": scope.covers(team.region.path, write=True),
        "managers": team.managers.select_related("user").order_by("created_at"),
        "projects": team.projects.select_related("region").order_by("-is_active", "name"),
        "activities": selectors.activities_for(scope, team=team)[:100],
        "manager_form": manager_form or ManagerForm(),
        "nav": "volunteers",
    }
    return render(request, "volunteers/team.html", context, status=status)


@staff_view
def team(request, scope, pk: int):
    return _team_page(request, scope, selectors.team_for(scope, pk))


@require_POST
@staff_view
def team_managers(request, scope, pk: int):
    """Registrars add or remove a team's managers (the organizers)."""
    team = selectors.team_for(scope, pk)
    if not scope.covers(team.region.path, write=True):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    if request.POST.get("remove", "").isdigit():
        services.team_manager_remove(team=team, actor=request.user, manager_id=int(request.POST["remove"]))
        messages.success(request, _("已移除管理员。"))
        return redirect("volunteers:team", pk=team.pk)
    form = ManagerForm(request.POST)
    try:
        if not form.is_valid():
            raise InvalidInput(_("请填写用户名。"), field="username")
        services.team_manager_add(team=team, actor=request.user, username=form.cleaned_data["username"])
    except InvalidInput as e:
        apply_errors(form, e)
        return _team_page(request, scope, team, manager_form=form, status=400)
    except DomainError as e:
        messages.error(request, e.message)
        return _team_page(request, scope, team, manager_form=form, status=e.status_code)
    messages.success(request, _("已添加管理员。"))
    return redirect("volunteers:team", pk=team.pk)


@staff_view
def project_edit(request, scope, team_pk: int, pk: int | None = None):
    team = selectors.team_for(scope, team_pk)
    project = selectors.project_for(scope, pk) if pk else None
    if project is not None and project.team_id != team.pk:
        from django.http import Http404

        raise Http404
    initial = {}
    if project is not None:
        initial = {k: getattr(project, k) for k in ProjectForm.base_fields}
    if request.method == "POST":
        require_team_write(scope, team)
    form = ProjectForm(request.POST or None, team=team, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.project_save(actor=request.user, team=team, project=project, **form.cleaned_data)
        except InvalidInput as e:
            apply_errors(form, e)
            status = 400
        else:
            messages.success(request, _("品牌项目已保存。"))
            return redirect("volunteers:team", pk=team.pk)
    elif request.method == "POST":
        status = 400
    context = {
        "form": form,
        "team": team,
        "project": project,
        "may_write": scope.may_write_team(team),
        "nav": "volunteers",
    }
    return render(request, "volunteers/project_form.html", context, status=status)
