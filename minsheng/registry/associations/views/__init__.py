from minsheng.registry.associations.views.dashboard import dashboard
from minsheng.registry.associations.views.imports import (
    import_confirm,
    import_errors,
    import_template,
    import_upload,
)
from minsheng.registry.associations.views.public import public_list
from minsheng.registry.associations.views.registry import (
    association_create,
    association_decoupling,
    association_detail,
    association_edit,
    association_export,
    association_list,
    association_step,
)
from minsheng.registry.associations.views.reports import (
    overdue,
    overdue_export,
    report_review,
    report_submit,
    reports,
)

__all__ = [
    "association_create",
    "association_decoupling",
    "association_detail",
    "association_edit",
    "association_export",
    "association_list",
    "association_step",
    "dashboard",
    "import_confirm",
    "import_errors",
    "import_template",
    "import_upload",
    "overdue",
    "overdue_export",
    "public_list",
    "report_review",
    "report_submit",
    "reports",
]
