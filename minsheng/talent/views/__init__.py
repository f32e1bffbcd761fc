from minsheng.talent.views.actions import (
    certificate_add,
    education_add,
    education_delete,
    register,
    renew,
)
from minsheng.talent.views.lists import reminder_export, reminder_list
from minsheng.talent.views.register import export, home, identity, worker, worker_create, worker_edit
from minsheng.talent.views.statistics import statistics
from minsheng.talent.views.transfer import import_template, import_view

__all__ = [
    "certificate_add",
    "education_add",
    "education_delete",
    "export",
    "home",
    "identity",
    "import_template",
    "import_view",
    "register",
    "reminder_export",
    "reminder_list",
    "renew",
    "statistics",
    "worker",
    "worker_create",
    "worker_edit",
]
