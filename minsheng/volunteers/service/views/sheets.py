"""Excel in (history of hours, with a dry run) and out (the records the user sees)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from minsheng.core import sheets as core_sheets
from minsheng.core.errors import InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.volunteers.service import selectors
from minsheng.volunteers.service import sheets as hour_sheets
from minsheng.volunteers.service.forms import ImportForm, RecordFilterForm
from minsheng.volunteers.service.views import staff_scope

MAX_UPLOAD = 20 * 1024 * 1024


@login_required
def import_hours(request):
    scope = staff_scope(request)
    teams = list(selectors.writable_teams(scope))
    form = ImportForm(request.POST or None, request.FILES or None, teams=teams)
    report, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            team = next((t for t in teams if str(t.pk) == form.cleaned_data["team"]), None)
            if team is None:
                raise Http404
            try:
                if upload.size > MAX_UPLOAD:
                    raise InvalidInput(_("文件过大。"), field="file")
                report = hour_sheets.import_hours(
                    content=upload.read(), filename=upload.name, team=team, actor=request.user,
                    now=timezone.now(), dry_run=not form.cleaned_data["commit"],
                )  # fmt: skip
                status = 200 if report.ok else 400
            except InvalidInput as error:
                apply_errors(form, error)
    context = {"form": form, "report": report, "columns": hour_sheets.COLUMNS, "nav": "import"}
    return render(request, "volunteer_service/import.html", context, status=status)


@login_required
def export_hours(request):
    scope = staff_scope(request)
    form = RecordFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    team = next((t for t in selectors.visible_teams(scope) if t.pk == filters.get("team")), None)
    records = selectors.records_for(
        scope,
        status=filters.get("status", ""),
        team=team,
        area=filters.get("area", ""),
        month=filters.get("month"),
    )
    name = f"volunteer-hours-{timezone.localdate():%Y%m%d}.xlsx"
    return core_sheets.xlsx_response(hour_sheets.export_hours(records), name)


@login_required
def import_template(request):
    staff_scope(request)
    headers = [c.header for c in hour_sheets.COLUMNS]
    return core_sheets.xlsx_response(core_sheets.workbook_bytes(headers, []), "volunteer-hours-template.xlsx")
