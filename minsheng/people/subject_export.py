"""Everything held about one person, for a lawful request (个人信息保护法 Art. 45: access and copy).

A person is found by the blind index of their ID number or phone, never by scanning clear text.
Each domain has one collector, listed in ``COLLECTORS``: it gets the matching people and returns a
``Section`` with its records (dates and states), their attachments and the audit targets whose
events belong in the export. ``subject_export`` decrypts the identities and records the export in the
audit log (a PII view), so it is the only entry point; pages and the command call it.

Domain models are imported inside the collectors: this module looks at every domain, while the
domains depend on ``people`` and not the other way round.
"""

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.audit.models import AuditEvent
from minsheng.people import crypto
from minsheng.people.blind_index import id_number_index, phone_index
from minsheng.people.models import Person


@dataclass(frozen=True)
class Subject:
    """Who is asked about: the people records and the inline identities matched by one key."""

    persons: list
    volunteers: list
    workers: list
    id_number_bi: str = ""
    phone_bi: str = ""

    @property
    def found(self) -> bool:
        return bool(self.persons or self.volunteers or self.workers)


@dataclass
class Section:
    key: str
    title: str
    rows: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    targets: list[tuple[str, str]] = field(default_factory=list)  # (model label, pk) for audit events


@dataclass
class SubjectExport:
    generated_at: str
    identities: list[dict]
    sections: list[Section]
    audit_events: list[dict]

    @property
    def attachments(self) -> list[dict]:
        return [a for s in self.sections for a in s.attachments]

    def as_dict(self) -> dict:
        return {
            "generated_at": self.generated_at,
            "identities": self.identities,
            "records": {s.key: s.rows for s in self.sections},
            "attachments": self.attachments,
            "audit_events": self.audit_events,
        }


def _when(value) -> str:
    return timezone.localtime(value).isoformat(timespec="minutes") if value else ""


def _target(obj) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


# -- one collector per domain


def _petitions(subject: Subject) -> Section:
    from minsheng.petitions.models import Attachment, Petition, ReceptionBooking

    section = Section("petitions", _("信访件"))
    mine = Q(petitioner__in=subject.persons) | Q(representatives__person__in=subject.persons)
    for p in (
        Petition.objects.filter(mine).distinct().select_related("unit", "region").order_by("received_at")
    ):
        section.rows.append(
            {
                "number": p.number,
                "title": p.title,
                "kind": p.get_kind_display(),
                "channel": p.get_channel_display(),
                "status": p.get_status_display(),
                "received_at": _when(p.received_at),
                "closed_at": _when(p.closed_at),
                "unit": str(p.unit or ""),
                "region": str(p.region),
                "request": p.request,
            }
        )
        section.targets.append(_target(p))
    for a in Attachment.objects.filter(petition__in=Petition.objects.filter(mine)).distinct():
        section.attachments.append(
            {
                "record": a.petition.number,
                "name": a.original_name,
                "size": a.size,
                "uploaded_at": _when(a.uploaded_at),
            }
        )
    for b in ReceptionBooking.objects.filter(person__in=subject.persons).select_related("reception"):
        section.rows.append(
            {
                "number": _("接访预约 %(id)s") % {"id": b.pk},
                "title": str(b.reception),
                "status": b.get_status_display(),
                "received_at": _when(b.created_at),
                "request": b.matter,
            }
        )
        section.targets.append(_target(b))
    return section


def _hotline(subject: Subject) -> Section:
    from minsheng.hotline.models import Order

    section = Section("hotline", _("接诉即办工单"))
    for o in (
        Order.objects.filter(requester__in=subject.persons).select_related("unit").order_by("received_at")
    ):
        section.rows.append(
            {
                "number": o.number,
                "title": o.title,
                "kind": o.get_kind_display(),
                "status": o.get_status_display(),
                "received_at": _when(o.received_at),
                "closed_at": _when(o.closed_at),
                "unit": str(o.unit or ""),
                "content": o.content,
            }
        )
        section.targets.append(_target(o))
    return section


def _suggestions(subject: Subject) -> Section:
    from minsheng.suggestions.models import Suggestion

    section = Section("suggestions", _("人民建议"))
    for s in Suggestion.objects.filter(proposer__in=subject.persons).order_by("received_at"):
        section.rows.append(
            {
                "number": s.number,
                "title": s.title,
                "status": s.get_status_display(),
                "received_at": _when(s.received_at),
                "replied_at": _when(s.replied_at),
                "proposal": s.proposal,
            }
        )
        section.targets.append(_target(s))
    return section


def _talent(subject: Subject) -> Section:
    from minsheng.talent.models import SocialWorker

    section = Section("talent", _("社会工作者登记"))
    for w in SocialWorker.objects.filter(person__in=subject.persons).prefetch_related("certificates"):
        section.rows.append(
            {
                "number": str(w.pk),
                "status": w.get_status_display(),
                "level": w.get_level_display(),
                "employer": w.employer,
                "received_at": _when(w.created_at),
                "certificates": [c.number for c in w.certificates.all()],
            }
        )
        section.targets.append(_target(w))
    return section


def _volunteers(subject: Subject) -> Section:
    from minsheng.volunteers.service.models import ServiceRecord

    section = Section("volunteers", _("志愿服务"))
    for v in subject.volunteers:
        section.rows.append(
            {
                "number": str(v.pk),
                "title": _("志愿者注册"),
                "status": v.get_status_display(),
                "received_at": _when(v.registered_at),
                "approved_hours": round(v.approved_minutes / 60, 1),
                "stars": v.stars,
            }
        )
        section.targets.append(_target(v))
        for r in ServiceRecord.objects.filter(volunteer=v).select_related("team").order_by("check_in_at"):
            section.rows.append(
                {
                    "number": str(r.pk),
                    "title": r.title,
                    "status": r.get_status_display(),
                    "received_at": _when(r.check_in_at),
                    "minutes": r.minutes,
                    "team": str(r.team),
                }
            )
            section.targets.append(_target(r))
    return section


def _newemployment(subject: Subject) -> Section:
    section = Section("newemployment", _("新就业群体自愿登记"))
    for w in subject.workers:
        section.rows.append(
            {
                "number": str(w.pk),
                "title": str(w.platform),
                "work_kind": w.get_work_kind_display(),
                "status": _("已撤回") if w.withdrawn_at else _("有效"),
                "received_at": _when(w.created_at),
                "nickname": w.nickname,
            }
        )
        section.targets.append(_target(w))
    return section


COLLECTORS: tuple[Callable[[Subject], Section], ...] = (
    _petitions,
    _hotline,
    _suggestions,
    _talent,
    _volunteers,
    _newemployment,
)


# -- finding, exporting


def find_subject(*, id_number: str = "", phone: str = "") -> Subject:
    """The records that hold this ID number (else this phone), found through the blind indexes."""
    from minsheng.registry.newemployment.models import WorkerRegistration
    from minsheng.volunteers.models import Volunteer

    if id_number:
        key = id_number_index(id_number)
        persons = list(Person.objects.filter(id_number_bi=key)) if key else []
        # Records taken with a phone and no ID number are the same person by intake's own rule
        # (``person_record`` matches them so), e.g. a suggestion or a hotline call.
        phones = {p.phone_bi for p in persons if p.phone_bi}
        persons += Person.objects.filter(phone_bi__in=phones, id_number_bi="").order_by("pk")
        return Subject(
            persons=persons,
            volunteers=list(Volunteer.objects.filter(id_number_bi=key)) if key else [],
            workers=list(WorkerRegistration.objects.filter(phone_bi__in=phones).select_related("platform")),
            id_number_bi=key,
        )
    key = phone_index(phone)
    if not key:
        return Subject([], [], [])
    return Subject(
        persons=list(Person.objects.filter(phone_bi=key)),
        volunteers=list(Volunteer.objects.filter(phone_bi=key)),
        workers=list(WorkerRegistration.objects.filter(phone_bi=key).select_related("platform")),
        phone_bi=key,
    )


def _identities(subject: Subject) -> list[dict]:
    rows = [
        {
            "source": "people.person",
            "name": crypto.decrypt(p.name_enc),
            "id_number": crypto.decrypt(p.id_number_enc),
            "phone": crypto.decrypt(p.phone_enc),
            "address": crypto.decrypt(p.address_enc),
        }
        for p in subject.persons
    ]
    rows += [
        {
            "source": "volunteers.volunteer",
            "name": crypto.decrypt(v.name_enc),
            "id_number": crypto.decrypt(v.id_number_enc),
            "phone": crypto.decrypt(v.phone_enc),
            "birth_date": v.birth_date.isoformat(),
        }
        for v in subject.volunteers
    ]
    rows += [
        {
            "source": "newemployment.workerregistration",
            "name": w.nickname,
            "phone": crypto.decrypt(w.phone_enc),
        }
        for w in subject.workers
    ]
    return rows


def _audit_events(targets: list[tuple[str, str]]) -> list[dict]:
    if not targets:
        return []
    by_type: dict[str, list[str]] = {}
    for label, pk in targets:
        by_type.setdefault(label, []).append(pk)
    where = Q()
    for label, pks in by_type.items():
        where |= Q(target_type=label, target_id__in=pks)
    return [
        {
            "at": _when(e.at),
            "actor": e.actor_label,
            "action": e.action,
            "target": f"{e.target_type}:{e.target_id}",
        }
        for e in AuditEvent.objects.filter(where).order_by("id")
    ]


@transaction.atomic
def subject_export(*, subject: Subject, actor, reason: str, actor_label: str = "") -> SubjectExport:
    """Collect and decrypt everything held about ``subject``; the export is audited as a PII view.

    Callers decide whether the actor may (administrators only); this records that they did. The
    audit event names the people records and counts, never the key that was searched.
    """
    sections = [collect(subject) for collect in COLLECTORS]
    targets = [_target(p) for p in subject.persons] + [t for s in sections for t in s.targets]
    export = SubjectExport(
        generated_at=_when(timezone.now()),
        identities=_identities(subject),
        sections=[s for s in sections if s.rows],
        audit_events=_audit_events(targets),
    )
    audit.record(
        actor=actor,
        actor_label=actor_label,
        action="people.exported",
        target=subject.persons[0] if subject.persons else None,
        data={
            "reason": reason,
            "persons": [p.pk for p in subject.persons],
            "volunteers": [v.pk for v in subject.volunteers],
            "workers": [w.pk for w in subject.workers],
            "records": {s.key: len(s.rows) for s in export.sections},
        },
    )
    return export


def as_json(export: SubjectExport) -> str:
    return json.dumps(export.as_dict(), ensure_ascii=False, indent=2, default=str)


SHEET_TITLES = {
    "identities": gettext_lazy("身份信息"),
    "attachments": gettext_lazy("附件"),
    "audit": gettext_lazy("审计记录"),
}


def as_xlsx(export: SubjectExport) -> bytes:
    """One sheet per part: identities, each kind of record, attachments, audit events."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    parts = [(SHEET_TITLES["identities"], export.identities)]
    parts += [(s.title, s.rows) for s in export.sections]
    parts += [(SHEET_TITLES["attachments"], export.attachments), (SHEET_TITLES["audit"], export.audit_events)]
    for title, rows in parts:
        sheet = book.create_sheet(str(title)[:31])
        headers = list(dict.fromkeys(k for row in rows for k in row))
        sheet.append(headers)
        for row in rows:
            sheet.append([_cell(row.get(h, "")) for h in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value):
    return ", ".join(map(str, value)) if isinstance(value, list) else value
