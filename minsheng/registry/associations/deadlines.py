"""Annual report due dates: pure functions of the year (numbers in conf.py)."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.registry.associations import conf


class Deadline(models.TextChoices):
    SUPERVISOR = "supervisor", _("报业务主管单位初审")
    REGISTRAR = "registrar", _("报登记管理机关")


def due_date(year: int, deadline: str) -> date:
    """The report of ``year`` is due in the following year: 03-31 (supervisor), 05-31 (registrar)."""
    month, day = conf.get("SUPERVISOR_DUE" if deadline == Deadline.SUPERVISOR else "REGISTRAR_DUE")
    return date(year + 1, month, day)


def report_year(today: date) -> int:
    """The year whose report is being collected on ``today``: the last finished one."""
    return today.year - 1
