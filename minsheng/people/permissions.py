"""Who may export everything held about a person: administrators only (a lawful request is rare,
decided by the department, and every export is audited)."""


def may_export_subject(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)
