"""Every write of volunteer administration: keyword-only, atomic, with an actor, audited."""

from minsheng.volunteers.services.organizing import (
    activity_cancel,
    activity_close,
    activity_publish,
    activity_save,
    insurance_record,
    project_save,
    shift_add,
    shift_set_capacity,
    team_create,
    team_manager_add,
    team_manager_remove,
)
from minsheng.volunteers.services.registration import (
    Registration,
    volunteer_register,
    volunteer_set_status,
    volunteer_unmask,
    volunteer_update_profile,
)
from minsheng.volunteers.services.sheets import template_bytes, volunteers_export, volunteers_import
from minsheng.volunteers.services.signups import send_shift_reminders, signup_cancel, signup_create

__all__ = [
    "Registration",
    "activity_cancel",
    "activity_close",
    "activity_publish",
    "activity_save",
    "insurance_record",
    "project_save",
    "send_shift_reminders",
    "shift_add",
    "shift_set_capacity",
    "signup_cancel",
    "signup_create",
    "team_create",
    "team_manager_add",
    "team_manager_remove",
    "template_bytes",
    "volunteer_register",
    "volunteer_set_status",
    "volunteer_unmask",
    "volunteer_update_profile",
    "volunteers_export",
    "volunteers_import",
]
