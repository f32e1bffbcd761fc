"""Every write of the association register (see registry.py, reports.py, sheets.py)."""

from minsheng.registry.associations.services.registry import (
    Details,
    association_create,
    association_record_decoupling,
    association_step,
    association_update,
    details_of,
)
from minsheng.registry.associations.services.reports import (
    Filing,
    annual_report_review,
    annual_report_submit,
    remind_annual_reports,
)
from minsheng.registry.associations.services.sheets import association_import, export_workbook, import_table

__all__ = [
    "Details",
    "Filing",
    "annual_report_review",
    "annual_report_submit",
    "association_create",
    "association_import",
    "association_record_decoupling",
    "association_step",
    "association_update",
    "details_of",
    "export_workbook",
    "import_table",
    "remind_annual_reports",
]
