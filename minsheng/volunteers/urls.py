from django.urls import path

from minsheng.volunteers.views import activities, teams, volunteers

app_name = "volunteers"
urlpatterns = [
    path("", teams.home, name="home"),
    path("teams/new/", teams.team_new, name="team_new"),
    path("teams/<int:pk>/", teams.team, name="team"),
    path("teams/<int:pk>/managers/", teams.team_managers, name="team_managers"),
    path("teams/<int:team_pk>/projects/new/", teams.project_edit, name="project_new"),
    path("teams/<int:team_pk>/projects/<int:pk>/", teams.project_edit, name="project"),
    path("teams/<int:team_pk>/activities/new/", activities.activity_edit, name="activity_new"),
    path("activities/", activities.activity_list, name="activities"),
    path("activities/<int:pk>/", activities.activity, name="activity"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/match/", activities.match, name="match"),
    path("activities/<int:pk>/<slug:action>/", activities.activity_action, name="activity_action"),
    path("activities/<int:activity_pk>/shifts/<int:pk>/", activities.shift_signups, name="shift"),
    path(
        "activities/<int:activity_pk>/shifts/<int:pk>/signups/<int:signup_pk>/cancel/",
        activities.signup_cancel,
        name="signup_cancel",
    ),
    path("people/", volunteers.volunteer_list, name="volunteers"),
    path("people/export.xlsx", volunteers.volunteer_export, name="export"),
    path("people/import/", volunteers.volunteer_import, name="import"),
    path("people/import/errors.xlsx", volunteers.volunteer_import_errors, name="import_errors"),
    path("people/import/template.xlsx", volunteers.volunteer_template, name="import_template"),
    path("people/<int:pk>/", volunteers.volunteer, name="volunteer"),
]
