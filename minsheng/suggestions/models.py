from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped
from minsheng.petitions.workflow import Channel
from minsheng.suggestions.workflow import OPEN, Clock, CommentStatus, Decision, S


class Topic(TimeStamped):
    """征集活动: a question the office puts to the public for a period."""

    office = models.ForeignKey(
        "orgs.Unit", verbose_name=_("征集单位"), on_delete=models.PROTECT, related_name="suggestion_topics"
    )
    title = models.CharField(_("征集主题"), max_length=120)
    description = models.TextField(_("征集说明"))
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("截止日期"))
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("征集活动")
        verbose_name_plural = _("征集活动")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["office", "-starts_on"], name="sugg_topic_office_idx"),
            models.Index(
                fields=["ends_on"], name="sugg_topic_public_idx", condition=Q(published_at__isnull=False)
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_open_on(self, day) -> bool:
        return self.is_published and self.starts_on <= day <= self.ends_on

    @property
    def is_open(self) -> bool:
        from minsheng.core.periods import CHINA

        return self.is_open_on(timezone.now().astimezone(CHINA).date())


def topic_attachment_path(instance, filename):
    return f"suggestions/topics/{instance.topic_id}/{instance.token}{instance.extension}"


class TopicAttachment(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="attachments")
    token = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=8)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=topic_attachment_path)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("征集活动附件")
        verbose_name_plural = _("征集活动附件")


class Comment(models.Model):
    """A citizen's comment on a topic page; shown only after the office approved it."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="comments")
    nickname = models.CharField(_("昵称"), max_length=30)
    body = models.TextField(_("评论内容"))
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    status = models.CharField(
        _("审核状态"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    created_at = models.DateTimeField(_("发表时间"))
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reject_reason = models.CharField(_("不予发布的理由"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("评论")
        verbose_name_plural = _("评论")
        indexes = [models.Index(fields=["topic", "status", "created_at"], name="sugg_comment_topic_idx")]

    def __str__(self):
        return f"{self.nickname}: {self.body[:20]}"


class SuggestionGroup(TimeStamped):
    """一个议题: similar suggestions studied and answered once; a decision applies to every member."""

    office = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("议题名称"), max_length=120)
    study_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("研究单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(_("办理结果"), max_length=20, choices=Decision.choices, blank=True)
    explanation = models.TextField(_("说明"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("建议议题（合并办理）")
        verbose_name_plural = _("建议议题（合并办理）")

    def __str__(self):
        return self.title


class Suggestion(TimeStamped):
    number = models.CharField(_("建议编号"), max_length=20, unique=True)
    query_code_enc = models.TextField()  # encrypted: shown again on an idempotent retry
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)
    channel = models.CharField(_("渠道"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("征集活动"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="suggestions",
    )
    # The FKs' own indexes are left out: the composite work-list indexes below begin with them.
    office = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("征集单位"),
        on_delete=models.PROTECT,
        related_name="suggestions",
        db_index=False,
    )
    region = models.ForeignKey("orgs.Region", verbose_name=_("涉及区域"), on_delete=models.PROTECT)
    title = models.CharField(_("建议主题"), max_length=120)
    reason = models.TextField(_("建议理由"))
    proposal = models.TextField(_("具体建议"))

    proposer = models.ForeignKey(
        "people.Person", verbose_name=_("建议人"), on_delete=models.PROTECT, related_name="suggestions"
    )
    # The proposer's own choice: the name they allowed to be shown on the portal, else "" (never
    # decrypted for a public page).
    public_name = models.CharField(_("公开署名"), max_length=100, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="suggestions"
    )

    status = models.CharField(_("状态"), max_length=20, choices=S.choices, default=S.RECEIVED)
    received_at = models.DateTimeField(_("收到时间"))
    group = models.ForeignKey(
        SuggestionGroup,
        verbose_name=_("议题"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    study_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("研究单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="studied_suggestions",
        db_index=False,
    )
    assigned_at = models.DateTimeField(_("交办时间"), null=True, blank=True)
    due_at = models.DateTimeField(_("期限"), null=True, blank=True)
    due_clock = models.CharField(_("期限类型"), max_length=10, choices=Clock.choices, blank=True)
    due_warning = models.BooleanField(_("期限按周末推算"), default=False)
    reminded_at = models.DateTimeField(_("超期提醒时间"), null=True, blank=True)

    decision = models.CharField(_("办理结果"), max_length=20, choices=Decision.choices, blank=True)
    explanation = models.TextField(_("说明"), blank=True)
    decided_at = models.DateTimeField(_("作出决定时间"), null=True, blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    reply = models.TextField(_("答复内容"), blank=True)
    reward_amount = models.DecimalField(
        _("奖励金额（元）"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    rewarded_at = models.DateTimeField(_("奖励时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)

    # Told to the proposer why it left the suggestion system.
    diversion_reason = models.TextField(_("告知理由"), blank=True)
    petition = models.ForeignKey(
        "petitions.Petition",
        verbose_name=_("转为信访件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    petition_code_enc = models.TextField(blank=True)  # the petition's query code, for the proposer

    rating = models.PositiveSmallIntegerField(_("评价（1-5）"), null=True, blank=True)
    rating_comment = models.TextField(_("评价意见"), blank=True)
    rated_at = models.DateTimeField(_("评价时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("人民建议")
        verbose_name_plural = _("人民建议")
        indexes = [
            # The overdue scan reads only running deadlines.
            models.Index(fields=["due_at"], name="sugg_due_idx", condition=Q(due_at__isnull=False)),
            # Work lists: the office's and a study unit's open suggestions by deadline, their overdue
            # ones, and everything newest first (see selectors.work_list).
            # Not partial: SQLite matches a partial index only against literal values, never the
            # bound parameters of ``status IN (…)``; the open list is read in (status, due_at) order.
            models.Index(fields=["office", "status", "due_at", "id"], name="sugg_office_open_idx"),
            models.Index(fields=["study_unit", "status", "due_at", "id"], name="sugg_study_open_idx"),
            models.Index(
                fields=["office", "due_at", "id"],
                name="sugg_office_due_idx",
                condition=Q(due_at__isnull=False),
            ),
            models.Index(
                fields=["study_unit", "due_at", "id"],
                name="sugg_study_due_idx",
                condition=Q(due_at__isnull=False),
            ),
            models.Index(fields=["office", "received_at", "id"], name="sugg_office_recent_idx"),
            models.Index(fields=["study_unit", "received_at", "id"], name="sugg_study_recent_idx"),
            models.Index(fields=["topic", "status"], name="sugg_topic_status_idx"),
            models.Index(
                fields=["topic", "-published_at"],
                name="sugg_published_idx",
                condition=Q(published_at__isnull=False),
            ),
            models.Index(fields=["account", "-received_at"], name="sugg_account_idx"),
        ]

    def __str__(self):
        return self.number

    @property
    def text(self) -> str:
        return compose_text(self.title, self.reason, self.proposal)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


def compose_text(*parts: str) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


class NumberSequence(models.Model):
    """Yearly counters for suggestion numbers (JY2026-000123), incremented under a row lock."""

    prefix = models.CharField(max_length=10, primary_key=True)
    last = models.PositiveIntegerField(default=0)
