"""Worker registrations in a subject-access export (``people.subject_export``). A registration holds
its identity itself (nickname, phone), not through ``people.Person``: this finds them by phone too."""

from collections.abc import Collection

from django.utils.translation import gettext as _

from minsheng.people import crypto
from minsheng.people.subject_export import (
    Inline,
    Section,
    Subject,
    register,
    register_inline,
    target_of,
    when,
)
from minsheng.registry.newemployment.models import WorkerRegistration


def _find(*, id_number_bi: str, phone_bis: Collection[str]) -> list[WorkerRegistration]:
    # Only by phone: a registration takes no ID number.
    return list(WorkerRegistration.objects.filter(phone_bi__in=phone_bis).select_related("platform"))


def _identity(w: WorkerRegistration) -> dict:
    return {
        "source": "newemployment.workerregistration",
        "name": w.nickname,
        "phone": crypto.decrypt(w.phone_enc),
    }


# "workers": the key the ``people.exported`` audit events have always listed them under.
WORKERS = register_inline(Inline("workers", _find, _identity))


def registrations_of(subject: Subject) -> Section:
    """The subject's registrations, withdrawn or in force."""
    section = Section("newemployment", _("新就业群体自愿登记"))
    for w in subject.inline.get("workers", []):
        section.rows.append(
            {
                "number": str(w.pk),
                "title": str(w.platform),
                "work_kind": w.get_work_kind_display(),
                "status": _("已撤回") if w.withdrawn_at else _("有效"),
                "received_at": when(w.created_at),
                "nickname": w.nickname,
            }
        )
        section.targets.append(target_of(w))
    return section


register("newemployment", registrations_of)
