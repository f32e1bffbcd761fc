from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped
from minsheng.petitions.workflow import (
    PAUSED,
    TERMINAL,
    WINDOWS,
    Channel,
    Clock,
    Kind,
    LegalChannel,
    Outcome,
    Rating,
    S,
)


class Category(models.Model):
    """Subject domain of a matter (城乡建设, 劳动社保…), a tree of up to three levels."""

    code = models.CharField(_("代码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = _("信访事项分类")
        verbose_name_plural = _("信访事项分类")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Petition(TimeStamped):
    number = models.CharField(_("信访件编号"), max_length=20, unique=True)
    query_code_enc = models.TextField()  # encrypted: shown again on an idempotent retry
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True)

    channel = models.CharField(_("信访渠道"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("信访类别"), max_length=12, choices=Kind.choices, default=Kind.REQUEST)
    title = models.CharField(_("标题"), max_length=120)
    request = models.TextField(_("诉求"))
    facts = models.TextField(_("事实"))
    reasons = models.TextField(_("理由"), blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("分类"), null=True, blank=True, on_delete=models.PROTECT
    )
    # db_index=False where a composite index below starts with the column: every index is paid for at
    # each intake and each imported row.
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("问题属地"), on_delete=models.PROTECT, db_index=False
    )

    petitioner = models.ForeignKey(
        "people.Person", verbose_name=_("信访人"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="petitions", db_index=False,
    )  # fmt: skip
    is_anonymous = models.BooleanField(_("匿名"), default=False)
    is_collective = models.BooleanField(_("集体访"), default=False)
    headcount = models.PositiveIntegerField(_("人数"), default=1)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="petitions"
    )

    accused_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("被反映单位"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    accused_person = models.CharField(_("被反映人"), max_length=60, blank=True)

    status = models.CharField(_("状态"), max_length=20, choices=S.choices, default=S.REGISTERED)
    intake_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("登记单位"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("责任单位"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="petitions", db_index=False,
    )  # fmt: skip
    review_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("复查/复核机关"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", db_index=False,
    )  # fmt: skip
    received_at = models.DateTimeField(_("收到时间"))
    assigned_at = models.DateTimeField(_("转送/交办时间"), null=True, blank=True)
    assignment_kind = models.CharField(_("转送或交办"), max_length=10, blank=True)
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    due_at = models.DateTimeField(_("期限"), null=True, blank=True)
    due_clock = models.CharField(_("期限类型"), max_length=20, choices=Clock.choices, blank=True)
    due_warning = models.BooleanField(_("期限按周末推算"), default=False)
    overdue_since = models.DateTimeField(_("超期时间"), null=True, blank=True)
    hearing_started_at = models.DateTimeField(_("听证开始"), null=True, blank=True)

    legal_channel = models.CharField(_("法定途径"), max_length=20, choices=LegalChannel.choices, blank=True)
    decision_note = models.TextField(_("处理说明"), blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延期天数"), default=0)
    extension_reason = models.TextField(_("延期理由"), blank=True)

    outcome = models.CharField(_("处理结果"), max_length=12, choices=Outcome.choices, blank=True)
    answer_facts = models.TextField(_("查明事实"), blank=True)
    answer_reasons = models.TextField(_("理由"), blank=True)
    answer_decision = models.TextField(_("处理意见"), blank=True)
    answer_basis = models.TextField(_("法律依据"), blank=True)
    rating = models.CharField(_("评价"), max_length=12, choices=Rating.choices, blank=True)
    rating_comment = models.TextField(_("评价意见"), blank=True)
    review_decision = models.TextField(_("复查意见"), blank=True)
    re_review_decision = models.TextField(_("复核意见"), blank=True)

    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("重复于"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="repeats",
    )
    supervision_count = models.PositiveSmallIntegerField(_("督办次数"), default=0)

    # What the router proposed at registration (textmine); a person confirms or corrects it when routing.
    suggested_category = models.ForeignKey(
        Category,
        verbose_name=_("建议分类"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suggested_unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("建议责任单位"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    category_confidence = models.FloatField(_("分类置信度"), null=True, blank=True)
    unit_confidence = models.FloatField(_("单位置信度"), null=True, blank=True)
    manual_routing = models.BooleanField(
        _("需人工分派"), default=False, help_text=_("分类模型没有把握时标记，由登记员人工判断")
    )
    # 领导接访下访: the case was received by a leader on a published reception day.
    reception = models.ForeignKey(
        "petitions.Reception", verbose_name=_("领导接访"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="petitions",
    )  # fmt: skip

    class Meta:
        verbose_name = _("信访件")
        verbose_name_plural = _("信访件")
        indexes = [
            # The overdue scan and every queue read only open cases, ordered by deadline.
            models.Index(fields=["due_at"], name="petition_open_due_idx", condition=~Q(status__in=TERMINAL)),
            models.Index(fields=["unit", "status", "due_at"], name="petition_unit_queue_idx"),
            # A queue counts and pages only open cases of a unit: at millions of cases an index of open
            # cases alone keeps that read small (scale, issue 7).
            models.Index(
                fields=["unit", "due_at", "id"],
                name="petition_unit_open_idx",
                condition=~Q(status__in=TERMINAL),
            ),
            models.Index(
                fields=["intake_unit", "due_at", "id"],
                name="petition_intake_open_idx",
                condition=~Q(status__in=TERMINAL),
            ),
            models.Index(fields=["intake_unit", "status", "due_at"], name="petition_intake_queue_idx"),
            models.Index(fields=["review_unit", "status"], name="petition_review_idx"),
            models.Index(fields=["region", "status"], name="petition_region_idx"),
            models.Index(fields=["petitioner", "status"], name="petition_petitioner_idx"),
            # The queue's search by name, phone or ID number: a common name is hundreds of people with
            # thousands of cases, nearly all closed, and the queue wants the open ones.
            models.Index(
                fields=["petitioner"], name="petition_petitioner_open_idx", condition=~Q(status__in=TERMINAL)
            ),
            models.Index(fields=["received_at"], name="petition_received_idx"),
            models.Index(
                fields=["intake_unit", "due_at"],
                name="petition_manual_routing_idx",
                condition=Q(manual_routing=True, status=S.REGISTERED),
            ),
            # Staff duties only (no petitioner's window): at millions of cases the windows and the cases
            # the deadline scan has already flagged are most of the open ones past or near their day, and
            # the overdue page, the due filters and the scan would read them all to skip them.
            models.Index(
                fields=["due_at"],
                name="petition_duty_due_idx",
                condition=~Q(status__in=TERMINAL) & ~Q(due_clock__in=WINDOWS),
            ),
            models.Index(
                fields=["due_at"],
                name="petition_unflagged_due_idx",
                condition=~Q(status__in=TERMINAL | PAUSED)
                & ~Q(due_clock__in=WINDOWS)
                & Q(overdue_since=None),
            ),
            models.Index(
                fields=["due_at"],
                name="petition_window_due_idx",
                condition=Q(due_clock__in=WINDOWS) & ~Q(status__in=TERMINAL | PAUSED),
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def text(self) -> str:
        """The case's words as the text tools read them (routing, duplicates, hot issues)."""
        return compose_text(self.title, self.request, self.facts, self.reasons)

    @property
    def is_report(self) -> bool:
        return self.kind == Kind.REPORT

    @property
    def is_open(self) -> bool:
        return self.status not in TERMINAL


def compose_text(*parts: str) -> str:
    """Title, request, facts and reasons joined as one text, the same way for a form and a record."""
    return "\n".join(p.strip() for p in parts if p and p.strip())


class Representative(models.Model):
    """Art. 20: a collective petition speaks through at most five representatives."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="representatives")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("代表")
        verbose_name_plural = _("代表")
        constraints = [models.UniqueConstraint(fields=["petition", "person"], name="representative_unique")]


def attachment_path(instance, filename):
    return f"petitions/{instance.petition.number}/{instance.token}{instance.extension}"


class Attachment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    token = models.CharField(max_length=32, unique=True)
    extension = models.CharField(max_length=8)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    file = models.FileField(upload_to=attachment_path)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")


class Supervision(models.Model):
    """督办: an overdue step raised to the level above."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="supervisions")
    clock = models.CharField(max_length=20, choices=Clock.choices)
    due_at = models.DateTimeField()
    raised_at = models.DateTimeField()
    by_unit = models.ForeignKey(
        "orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("督办")
        verbose_name_plural = _("督办")
        # The scan may run twice: one supervision per missed deadline.
        constraints = [
            models.UniqueConstraint(fields=["petition", "clock", "due_at"], name="supervision_once")
        ]


class NumberSequence(models.Model):
    """Yearly counters for case numbers (XF2026-000123), incremented under a row lock."""

    prefix = models.CharField(max_length=10, primary_key=True)
    last = models.PositiveIntegerField(default=0)


class Reception(TimeStamped):
    """领导接访下访: a day and place where a leader receives petitioners, published on the portal.

    接访 is at the leader's office or the petition hall; 下访 is the leader going down to a street,
    township or community (one of the 四下基层). Citizens book a place; the cases received are marked.
    """

    class Kind(models.TextChoices):
        AT_OFFICE = "office", _("领导接访")
        VISIT_DOWN = "down", _("领导下访")

    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("组织单位"), on_delete=models.PROTECT, related_name="receptions"
    )
    kind = models.CharField(_("形式"), max_length=10, choices=Kind.choices, default=Kind.AT_OFFICE)
    leader_name = models.CharField(_("接访领导"), max_length=40)
    leader_title = models.CharField(_("职务"), max_length=60)
    region = models.ForeignKey("orgs.Region", verbose_name=_("接访地区域"), on_delete=models.PROTECT)
    place = models.CharField(_("地点"), max_length=120)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    capacity = models.PositiveSmallIntegerField(_("可预约人数"), default=10)
    topics = models.CharField(_("重点接待事项"), max_length=200, blank=True)
    published = models.BooleanField(_("已发布"), default=False)
    cancelled = models.BooleanField(_("已取消"), default=False)

    class Meta:
        verbose_name = _("领导接访日")
        verbose_name_plural = _("领导接访日")
        ordering = ["starts_at"]
        indexes = [
            models.Index(
                fields=["starts_at"],
                name="reception_public_idx",
                condition=Q(published=True, cancelled=False),
            ),
            models.Index(fields=["unit", "starts_at"], name="reception_unit_idx"),
        ]

    def __str__(self):
        return f"{self.leader_name} {self.starts_at:%Y-%m-%d}"


class ReceptionBooking(TimeStamped):
    """A citizen's booked place on a reception day; ``petition`` is the case registered there."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("已预约")
        CANCELLED = "cancelled", _("已取消")
        RECEIVED = "received", _("已接待")

    reception = models.ForeignKey(Reception, on_delete=models.PROTECT, related_name="bookings")
    person = models.ForeignKey("people.Person", verbose_name=_("预约人"), on_delete=models.PROTECT)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reception_bookings"
    )
    matter = models.TextField(_("反映事项"), max_length=500)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    petition = models.OneToOneField(
        Petition, null=True, blank=True, on_delete=models.PROTECT, related_name="booking"
    )

    class Meta:
        verbose_name = _("接访预约")
        verbose_name_plural = _("接访预约")
        ordering = ["created_at", "id"]
        constraints = [
            # One place per person and day; a cancelled booking frees it for a new one.
            models.UniqueConstraint(
                fields=["reception", "person"],
                name="booking_once_per_person",
                condition=~Q(status="cancelled"),
            )
        ]
