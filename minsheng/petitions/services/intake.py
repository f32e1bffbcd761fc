"""Registering a petition (Arts. 17–20): from any channel, by a clerk, a citizen or another system."""

import os
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core import uploads
from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import InvalidInput
from minsheng.core.periods import days
from minsheng.orgs.models import Region, Unit
from minsheng.orgs.selectors import bureau_of
from minsheng.people import crypto
from minsheng.people.services import Identity, person_record, person_records
from minsheng.people.validators import check_id_number, check_phone
from minsheng.petitions.models import (
    Attachment,
    Category,
    Petition,
    Reception,
    Representative,
    compose_text,
)
from minsheng.petitions.services.numbers import new_query_code, next_numbers, query_code_of
from minsheng.petitions.services.proposals import (
    Proposal,
    proposal_fields,
    record_choices,
    routing_proposal,
    routing_proposals,
)
from minsheng.petitions.textsource import DOMAIN
from minsheng.petitions.workflow import Channel, Clock, Kind, S
from minsheng.textmine import neardup
from minsheng.textmine.sources import CATEGORY

MAX_REPRESENTATIVES = 5  # Art. 20
# Petitions in one batch from another system: 100 long messages still fit the JSON body limit
# (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB), and one batch holds SQLite's write lock for a fraction of a second.
MAX_BATCH = 100
ROUTING_PERIOD = days(15)  # Art. 22: forward or assign within 15 days of registration


@dataclass
class Intake:
    channel: str
    kind: str
    title: str
    request: str
    facts: str
    reasons: str
    region: Region
    petitioner: Identity | None = None
    representatives: list[Identity] = field(default_factory=list)
    headcount: int = 1
    category: Category | None = None
    accused_unit: Unit | None = None
    accused_person: str = ""
    anonymous: bool = False
    reception: Reception | None = None  # received by a leader on a reception day (领导接访下访)


@dataclass(frozen=True)
class Receipt:
    petition: Petition
    query_code: str
    created: bool


@dataclass(frozen=True)
class Submission:
    """One petition of a batch: what was sent, the sender's key for it, the bureau registering it."""

    intake: Intake
    idempotency_key: str
    intake_unit: Unit | None = None


def _check(intake: Intake) -> None:
    """Art. 19: name, address, request, facts and reasons; only a 检举控告 may be anonymous."""
    errors: dict[str, str] = {}
    if intake.channel not in Channel.values:
        errors["channel"] = _("信访渠道无效。")
    if intake.kind not in Kind.values:
        errors["kind"] = _("信访类别无效。")
    for name, label in (
        ("title", _("标题")),
        ("request", _("诉求")),
        ("facts", _("事实")),
        ("reasons", _("理由")),
    ):
        if not (getattr(intake, name) or "").strip():
            errors[name] = _("请填写%(label)s。") % {"label": label}
    if len(intake.title or "") > 120:
        errors["title"] = _("标题不能超过120字。")
    if intake.anonymous:
        if intake.kind != Kind.REPORT:
            errors["anonymous"] = _("只有检举控告可以匿名提出。")
    else:
        errors.update(_check_petitioner(intake.petitioner))
    errors.update(_check_group(intake))
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)


def _check_petitioner(who: Identity | None) -> dict[str, str]:
    """Art. 19: the petitioner's name (名称 for an organization) and address; a valid ID number and phone."""
    errors: dict[str, str] = {}
    if who is None or not (who.name or "").strip():
        errors["name"] = _("请填写信访人姓名（单位请填写名称）。")
    if who is None or not (who.address or "").strip():
        errors["address"] = _("请填写信访人住址（单位请填写地址）。")
    if who is not None:
        errors.update(_identity_errors(who))
    return errors


def _identity_errors(who: Identity) -> dict[str, str]:
    # Checked before anything is written, so a bad number never costs a case number.
    errors: dict[str, str] = {}
    for check, value in ((check_id_number, who.id_number), (check_phone, who.phone)):
        if value:
            try:
                check(value)
            except InvalidInput as e:
                errors.update(e.errors)
    return errors


def _check_group(intake: Intake) -> dict[str, str]:
    """Art. 20: a collective visit speaks through at most five representatives."""
    errors: dict[str, str] = {}
    if isinstance(intake.headcount, bool) or not isinstance(intake.headcount, int) or intake.headcount < 1:
        errors["headcount"] = _("人数至少为1。")
    elif intake.headcount >= 5 and intake.channel == Channel.VISIT and not intake.representatives:
        errors["representatives"] = _("5人以上走访须推选代表（不超过5人）。")
    if len(intake.representatives) > MAX_REPRESENTATIVES:
        errors["representatives"] = _("集体访推选的代表不得超过5人。")
    for who in intake.representatives:
        if not (who.name or "").strip() or _identity_errors(who):
            errors["representatives"] = _("请核对代表的姓名、身份证号码和电话。")
    return errors


def check_attachment(upload: UploadedFile) -> str:
    """The file's extension if its type, size and content are accepted; else InvalidInput."""
    ext = os.path.splitext(upload.name or "")[1].lower()
    allowed = settings.MINSHENG["ATTACHMENT_TYPES"]
    if ext not in allowed:
        raise InvalidInput(
            _("不支持的附件类型“%(ext)s”，可上传：%(types)s。")
            % {"ext": ext or "?", "types": " ".join(allowed)},
            field="attachments",
        )
    if upload.size > settings.MINSHENG["ATTACHMENT_MAX_BYTES"]:
        raise InvalidInput(
            _("附件“%(name)s”超过%(mb)sMB。")
            % {"name": upload.name, "mb": settings.MINSHENG["ATTACHMENT_MAX_BYTES"] // (1024 * 1024)},
            field="attachments",
        )
    # By content too: an executable or a web page renamed .pdf/.jpg is refused (minsheng.core.uploads).
    uploads.check_upload(upload, ext=ext, field="attachments")
    return ext


def petition_submit(
    *,
    intake: Intake,
    actor,
    now: datetime,
    intake_unit: Unit | None = None,
    account=None,
    idempotency_key: str | None = None,
    attachments: tuple[UploadedFile, ...] = (),
) -> Receipt:
    """Register a petition and start the 15-day routing clock. A retry with the same key returns the first.

    Every write happens in one transaction (``_register_all``); the retry lookup and the checks only
    read, so they run before it: the transaction (on SQLite, the database's one write lock) is held no
    longer than the writes take, and needs no savepoint of its own.
    """
    if idempotency_key:
        existing = _by_key(idempotency_key)
        if existing:
            return Receipt(existing, query_code_of(existing), created=False)
    _check(intake)
    extensions = [check_attachment(f) for f in attachments]
    # The router reads the text before the write transaction: it needs no lock.
    # Only the top proposal is kept; the top 3 with their words are for pages.
    pending = _Pending(
        intake, _bureau(intake, intake_unit), idempotency_key, routing_proposal(_text_of(intake), k=1),
        account, list(zip(attachments, extensions, strict=True)),
    )  # fmt: skip
    return _register_or_retried(pending, actor, now)


def petitions_submit_batch(
    *, submissions: list[Submission], actor, now: datetime
) -> list[Receipt | InvalidInput]:
    """Register petitions sent together by another system (a hotline, a portal, a transfer), in order.

    Each is checked and registered as ``petition_submit`` does, under its own idempotency key; a
    refused one comes back as its ``InvalidInput`` and does not stop the others. What makes a batch
    cheaper than as many requests: one query finds the retries, the routers read every text at once,
    and the writes are one transaction of a few statements for all (``_register_all``), so an
    unexpected error writes nothing at all.
    """
    if len(submissions) > MAX_BATCH:
        raise InvalidInput(_("每批最多%(n)s件。") % {"n": MAX_BATCH}, field="items")
    results: list[Receipt | InvalidInput | None] = [None] * len(submissions)
    earlier = {p.idempotency_key: p for p in Petition.objects.filter(
        idempotency_key__in=[s.idempotency_key for s in submissions])}  # fmt: skip
    todo, seen = [], set()
    for i, submission in enumerate(submissions):
        key = submission.idempotency_key
        if key in seen:
            results[i] = InvalidInput(_("同一批中 Idempotency-Key 重复。"), field="idempotency_key")
            continue
        seen.add(key)
        if key in earlier:
            results[i] = Receipt(earlier[key], query_code_of(earlier[key]), created=False)
            continue
        try:
            _check(submission.intake)
            todo.append((i, _bureau(submission.intake, submission.intake_unit)))
        except InvalidInput as refused:
            results[i] = refused
    # As for one petition, the routers read before the write transaction: they need no lock.
    proposals = routing_proposals([_text_of(submissions[i].intake) for i, _unit in todo], k=1)
    pending = [
        _Pending(submissions[i].intake, unit, submissions[i].idempotency_key, proposal)
        for (i, unit), proposal in zip(todo, proposals, strict=True)
    ]
    try:
        receipts = _register_all(pending, actor, now) if pending else []
    except IntegrityError:
        # Another request registered one of these keys meanwhile, and nothing of the batch was kept:
        # register them one by one, each key answering for itself.
        with transaction.atomic():
            receipts = [_register_or_retried(p, actor, now) for p in pending]
    for (i, _unit), receipt in zip(todo, receipts, strict=True):
        results[i] = receipt
    return results


@dataclass
class _Pending:
    """A checked petition, its bureau and the router's proposal, waiting for its writes."""

    intake: Intake
    intake_unit: Unit
    idempotency_key: str | None
    proposal: Proposal
    account: object = None
    files: list = field(default_factory=list)


def _bureau(intake: Intake, intake_unit: Unit | None) -> Unit:
    intake_unit = intake_unit or bureau_of(intake.region)
    if intake_unit is None:
        raise InvalidInput(_("该区域没有信访部门，无法登记。"), field="region")
    return intake_unit


def _text_of(intake: Intake) -> str:
    return compose_text(intake.title, intake.request, intake.facts, intake.reasons)


def _register_or_retried(pending: _Pending, actor, now: datetime) -> Receipt:
    try:
        return _register_all([pending], actor, now)[0]
    except IntegrityError:
        # Two retries raced; the loser returns what the winner created. ``_register_all`` is atomic (a
        # savepoint when the caller holds a transaction), so the failed insert left nothing behind
        # and the connection is usable for this lookup.
        existing = _by_key(pending.idempotency_key) if pending.idempotency_key else None
        if existing is None:
            raise
        return Receipt(existing, query_code_of(existing), created=False)


def _by_key(idempotency_key: str) -> Petition | None:
    # Every clerk request carries a key and almost never finds a row: probe with one column in plain
    # SQL (building the ORM query for the whole row costs more than running it), load the case if found.
    table = connection.ops.quote_name(Petition._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE idempotency_key = %s", [idempotency_key])
        row = cursor.fetchone()
    return Petition.objects.filter(pk=row[0]).first() if row else None


@transaction.atomic
def _register_all(pending: list[_Pending], actor, now: datetime) -> list[Receipt]:
    """Write checked petitions in one transaction: their petitioners, the cases (numbered in order),
    the duplicate index, the clerk's category choices, representatives, attachments and one audit
    event each. Each kind of row is one statement for all the petitions: a batch pays for few."""
    named = [p for p in pending if not p.intake.anonymous and p.intake.petitioner is not None]
    people = person_records(
        [p.intake.petitioner for p in named], actor=actor, accounts=[p.account for p in named]
    )
    petitioner_of = {id(p): person for p, person in zip(named, people, strict=True)}
    deadline = ROUTING_PERIOD.due(now, official_calendar())
    codes = [new_query_code() for _p in pending]
    petitions = [
        _new_petition(p, number, code, deadline, petitioner_of.get(id(p)), now)
        for p, number, code in zip(pending, next_numbers(now, len(pending)), codes, strict=True)
    ]
    Petition.objects.bulk_create(petitions)
    # In the same transaction: the duplicate index changes exactly when the cases commit.
    neardup.index_new(DOMAIN, [(petition.pk, petition.text) for petition in petitions])
    # A category the clerk (or the sending system) chose is kept beside the proposal.
    written = list(zip(pending, petitions, strict=True))
    record_choices([(petition, CATEGORY, p.intake.category) for p, petition in written], now=now)
    for p, petition in written:
        for identity in p.intake.representatives:
            person = person_record(identity=identity, actor=actor)
            Representative.objects.get_or_create(petition=petition, person=person)
        for upload, ext in p.files:
            uploads.save_attachment(Attachment, upload, ext, petition=petition)
    audit.record_many([
        dict(
            actor=actor,
            action="petitions.petition.registered",
            target=petition,
            data={"number": petition.number, "channel": petition.channel, "kind": petition.kind,
                  "anonymous": petition.is_anonymous, "attachments": len(p.files)},
            actor_label="" if actor else "portal",
        )
        for p, petition in written
    ])  # fmt: skip
    return [Receipt(petition, code, created=True) for petition, code in zip(petitions, codes, strict=True)]


def _new_petition(p: _Pending, number: str, code: str, deadline, petitioner, now: datetime) -> Petition:
    intake = p.intake
    return Petition(
        number=number,
        query_code_enc=crypto.encrypt(code),
        idempotency_key=p.idempotency_key or None,
        channel=intake.channel,
        kind=intake.kind,
        title=intake.title.strip(),
        request=intake.request.strip(),
        facts=intake.facts.strip(),
        reasons=intake.reasons.strip(),
        category=intake.category,
        region=intake.region,
        petitioner=petitioner,
        is_anonymous=intake.anonymous,
        is_collective=bool(intake.representatives) or intake.headcount > 1,
        headcount=intake.headcount,
        account=p.account,
        accused_unit=intake.accused_unit,
        accused_person=intake.accused_person.strip(),
        reception=intake.reception,
        status=S.REGISTERED,
        intake_unit=p.intake_unit,
        received_at=now,
        due_at=deadline.due_at,
        due_clock=Clock.ROUTE,
        due_warning=bool(deadline.warnings),
        **proposal_fields(p.proposal),
    )
