"""Topics (征集活动) and their moderated comments: every write audited."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core import uploads
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.orgs.models import Unit
from minsheng.petitions.services import check_attachment
from minsheng.suggestions.models import Comment, Topic, TopicAttachment
from minsheng.suggestions.permissions import is_office_clerk
from minsheng.suggestions.workflow import CommentStatus

COMMENT_MAX = 1000


@dataclass
class TopicInput:
    title: str
    description: str
    starts_on: date
    ends_on: date


def _check_topic(data: TopicInput) -> None:
    errors = {}
    if not (data.title or "").strip():
        errors["title"] = _("请填写征集主题。")
    elif len(data.title.strip()) > 120:
        errors["title"] = _("征集主题不能超过120字。")
    if not (data.description or "").strip():
        errors["description"] = _("请填写征集说明。")
    if not isinstance(data.starts_on, date):
        errors["starts_on"] = _("请填写开始日期。")
    if not isinstance(data.ends_on, date):
        errors["ends_on"] = _("请填写截止日期。")
    elif isinstance(data.starts_on, date) and data.ends_on < data.starts_on:
        errors["ends_on"] = _("截止日期不能早于开始日期。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)


def _require_clerk(actor, office_id: int) -> None:
    if not is_office_clerk(actor, office_id):
        raise DomainError(_("只有征集办公室的登记员可以管理征集活动。"), code="forbidden")


def _save_attachments(topic: Topic, files: tuple[UploadedFile, ...]) -> int:
    extensions = [check_attachment(f) for f in files]  # every file judged before any is written
    for upload, ext in zip(files, extensions, strict=True):
        uploads.save_attachment(TopicAttachment, upload, ext, topic=topic)
    return len(files)


@transaction.atomic
def topic_create(
    *, office: Unit, data: TopicInput, actor, attachments: tuple[UploadedFile, ...] = ()
) -> Topic:
    _require_clerk(actor, office.pk)
    _check_topic(data)
    topic = Topic.objects.create(
        office=office,
        title=data.title.strip(),
        description=data.description.strip(),
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        created_by=actor,
    )
    n = _save_attachments(topic, attachments)
    audit.record(
        actor=actor,
        action="suggestions.topic.created",
        target=topic,
        data={"title": topic.title, "starts_on": topic.starts_on, "ends_on": topic.ends_on, "attachments": n},
    )
    return topic


@transaction.atomic
def topic_update(
    *, topic: Topic, data: TopicInput, actor, attachments: tuple[UploadedFile, ...] = ()
) -> Topic:
    _require_clerk(actor, topic.office_id)
    _check_topic(data)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    topic.title, topic.description = data.title.strip(), data.description.strip()
    topic.starts_on, topic.ends_on = data.starts_on, data.ends_on
    topic.save(update_fields=["title", "description", "starts_on", "ends_on", "updated_at"])
    n = _save_attachments(topic, attachments)
    audit.record(
        actor=actor,
        action="suggestions.topic.updated",
        target=topic,
        data={"title": topic.title, "starts_on": topic.starts_on, "ends_on": topic.ends_on, "attachments": n},
    )
    return topic


@transaction.atomic
def topic_publish(*, topic: Topic, actor, now: datetime) -> Topic:
    _require_clerk(actor, topic.office_id)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    if topic.published_at is not None:
        raise DomainError(_("该征集活动已经发布。"), code="done")
    topic.published_at = now
    topic.save(update_fields=["published_at", "updated_at"])
    audit.record(actor=actor, action="suggestions.topic.published", target=topic, data={"title": topic.title})
    return topic


def comment_submit(
    *, topic: Topic, nickname: str, body: str, now: datetime, account=None, idempotency_key: str | None = None
) -> Comment:
    """A citizen's comment, waiting for moderation; a retry with the same key returns the first."""
    if idempotency_key:
        existing = Comment.objects.filter(idempotency_key=idempotency_key).first()
        if existing:
            return existing
    errors = {}
    body = (body or "").strip()
    if not body:
        errors["body"] = _("请填写评论内容。")
    elif len(body) > COMMENT_MAX:
        errors["body"] = _("评论不能超过%(n)d字。") % {"n": COMMENT_MAX}
    if len((nickname or "").strip()) > 30:
        errors["nickname"] = _("昵称不能超过30字。")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)
    if not topic.is_open_on(now.astimezone(CHINA).date()):
        raise DomainError(_("该征集活动不在征集期内，不能发表评论。"), code="closed")
    try:
        return _comment_create(topic, nickname, body, now, account, idempotency_key)
    except IntegrityError:
        existing = (
            Comment.objects.filter(idempotency_key=idempotency_key).first() if idempotency_key else None
        )
        if existing is None:
            raise
        return existing


@transaction.atomic
def _comment_create(topic, nickname, body, now, account, idempotency_key) -> Comment:
    comment = Comment.objects.create(
        topic=topic,
        nickname=(nickname or "").strip() or _("网友"),
        body=body,
        account=account,
        idempotency_key=idempotency_key or None,
        created_at=now,
    )
    audit.record(
        actor=account,
        action="suggestions.comment.submitted",
        target=comment,
        data={"topic": topic.pk},
        actor_label="" if account else "portal",
    )
    return comment


@transaction.atomic
def comment_moderate(*, comment: Comment, actor, now: datetime, approve: bool, reason: str = "") -> Comment:
    """Approve (publish) or reject a pending comment; a rejection states its reason."""
    _require_clerk(actor, comment.topic.office_id)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status != CommentStatus.PENDING:
        raise DomainError(_("该评论已经审核过。"), code="done")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise InvalidInput(_("请填写不予发布的理由。"), field="reason")
    comment.status = CommentStatus.PUBLISHED if approve else CommentStatus.REJECTED
    comment.moderated_at, comment.moderated_by = now, actor
    comment.reject_reason = "" if approve else reason[:200]
    comment.save(update_fields=["status", "moderated_at", "moderated_by", "reject_reason"])
    audit.record(
        actor=actor,
        action="suggestions.comment.approved" if approve else "suggestions.comment.rejected",
        target=comment,
        data={"topic": comment.topic_id, "reason": comment.reject_reason},
    )
    return comment
