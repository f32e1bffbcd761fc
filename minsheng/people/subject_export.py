"""Everything held about one person, for a lawful request (个人信息保护法 Art. 45: access and copy).

A person is found by the blind index of their ID number or phone, never by scanning clear text.
Each domain registers, in its app's ``subject_access.py`` (imported in ``AppConfig.ready``), one
collector: it gets the matching people and returns a ``Section`` with its records (dates and states),
their attachments and the audit targets whose events belong in the export. A domain whose records
hold an identity themselves, not through ``people.Person``, registers an ``Inline`` too, to find
those records and decrypt their identity. ``subject_export`` decrypts the identities and records the
export in the audit log (a PII view), so it is the only entry point; pages and the command call it.
The domains depend on ``people``, never the other way round.
"""

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.audit.models import AuditEvent
from minsheng.people import crypto
from minsheng.people.blind_index import id_number_index, phone_index
from minsheng.people.models import Person

# The order of an export's parts, by registered key: sections as a reply to a request lists them,
# and the identities of inline records after the people records'. Keys registered but not listed
# here come after these, in registration order (which follows INSTALLED_APPS).
SECTION_ORDER = ("petitions", "hotline", "suggestions", "talent", "volunteers", "newemployment")
INLINE_ORDER = ("volunteers", "workers")


@dataclass(frozen=True)
class Subject:
    """Who is asked about: the people records and the inline identities matched by one key."""

    persons: list
    inline: dict[str, list] = field(default_factory=dict)  # Inline.key → its matching records
    id_number_bi: str = ""
    phone_bi: str = ""

    @property
    def found(self) -> bool:
        return bool(self.persons or any(self.inline.values()))


@dataclass
class Section:
    key: str
    title: str
    rows: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    targets: list[tuple[str, str]] = field(default_factory=list)  # (model label, pk) for audit events


@dataclass(frozen=True)
class Inline:
    """A kind of record that holds a person's identity itself, not through ``people.Person``."""

    key: str  # its records in ``Subject.inline`` and, by pk, in the ``people.exported`` event
    # find(id_number_bi=, phone_bis=): the records matching the searched ID number's index (empty
    # when searched by phone) or any of ``phone_bis``: the searched phone's, or when searched by ID
    # number, the phones of the people found by it. Each kind says which of the two it matches on.
    find: Callable[..., list]
    identity: Callable[[Any], dict]  # one record's decrypted identity, with its "source" label


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


def when(value) -> str:
    """A date and time as the export shows it: local time, to the minute ("" for none)."""
    return timezone.localtime(value).isoformat(timespec="minutes") if value else ""


def target_of(obj) -> tuple[str, str]:
    """The audit target of a record, for ``Section.targets``."""
    return obj._meta.label_lower, str(obj.pk)


# -- what the domains register

_COLLECTORS: dict[str, Callable[[Subject], Section]] = {}
_INLINE: dict[str, Inline] = {}


def register(key: str, collect: Callable[[Subject], Section]) -> Callable[[Subject], Section]:
    """Add a domain's collector of the section ``key`` (registering the key again replaces it)."""
    _COLLECTORS[key] = collect
    return collect


def register_inline(inline: Inline) -> Inline:
    """Add a kind of record that holds identities inline (registering the key again replaces it)."""
    _INLINE[inline.key] = inline
    return inline


def _in_order(registry: dict, order: tuple[str, ...]) -> list:
    rank = {key: n for n, key in enumerate(order)}
    keys = sorted(registry, key=lambda key: rank.get(key, len(order)))  # stable: the rest as registered
    return [registry[key] for key in keys]


def collectors() -> list[Callable[[Subject], Section]]:
    """The registered collectors, in ``SECTION_ORDER``."""
    return _in_order(_COLLECTORS, SECTION_ORDER)


def inlines() -> list[Inline]:
    """The registered kinds of inline identity, in ``INLINE_ORDER``."""
    return _in_order(_INLINE, INLINE_ORDER)


# -- finding, exporting


def find_subject(*, id_number: str = "", phone: str = "") -> Subject:
    """The records that hold this ID number (else this phone), found through the blind indexes."""
    if id_number:
        key = id_number_index(id_number)
        persons = list(Person.objects.filter(id_number_bi=key)) if key else []
        # Records taken with a phone and no ID number are the same person by intake's own rule
        # (``person_record`` matches them so), e.g. a suggestion or a hotline call.
        phones = {p.phone_bi for p in persons if p.phone_bi}
        persons += Person.objects.filter(phone_bi__in=phones, id_number_bi="").order_by("pk")
        inline = {i.key: i.find(id_number_bi=key, phone_bis=phones) for i in inlines()}
        return Subject(persons=persons, inline=inline, id_number_bi=key)
    key = phone_index(phone)
    if not key:
        return Subject([], {i.key: [] for i in inlines()})
    return Subject(
        persons=list(Person.objects.filter(phone_bi=key)),
        inline={i.key: i.find(id_number_bi="", phone_bis={key}) for i in inlines()},
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
    for inline in inlines():
        rows += [inline.identity(record) for record in subject.inline.get(inline.key, [])]
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
            "at": when(e.at),
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
    sections = [collect(subject) for collect in collectors()]
    targets = [target_of(p) for p in subject.persons] + [t for s in sections for t in s.targets]
    export = SubjectExport(
        generated_at=when(timezone.now()),
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
            **{key: [record.pk for record in records] for key, records in subject.inline.items()},
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
