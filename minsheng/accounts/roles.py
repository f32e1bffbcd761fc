from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a staff member may do in a unit. A person may hold several roles in several units."""

    CLERK = "clerk", _("登记员")  # registers and routes petitions at a petition bureau
    HANDLER = "handler", _("承办人")  # handles cases assigned to the unit
    HEAD = "head", _("单位负责人")  # approves extensions, signs answers
    LEADER = "leader", _("领导")  # reads dashboards, overdue lists, supervises
    ADMIN = "admin", _("管理员")  # reference data of the unit
    REGISTRAR = "registrar", _("登记管理员")  # keeps the registries and volunteer records of its area
    OPERATOR = "operator", _("话务派单员")  # takes hotline calls and dispatches work orders


# The petitioner acting on their own case (portal or API); not a unit role.
CITIZEN = "citizen"
# The periodic deadline scan.
SYSTEM = "system"
