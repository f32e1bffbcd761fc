"""Social workers (社会工作者), their certificates, registrations and continuing education.

Identity (name, ID number, phone) lives in ``people.Person``: encrypted, with blind indexes and masked
copies, so a list never decrypts and every clear view is audited (``people.services.person_unmask``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped
from minsheng.talent import rules


class Level(models.TextChoices):
    # In ascending order: a worker's level is the highest certificate held.
    ASSISTANT = rules.ASSISTANT, _("助理社会工作师")
    INTERMEDIATE = "intermediate", _("社会工作师")
    SENIOR = "senior", _("高级社会工作师")


LEVEL_RANK = {Level.ASSISTANT: 1, Level.INTERMEDIATE: 2, Level.SENIOR: 3}


class Field(models.TextChoices):
    CHILDREN = "children", _("儿童")
    YOUTH = "youth", _("青少年")
    ELDERLY = "elderly", _("老年")
    DISABILITY = "disability", _("残障")
    COMMUNITY = "community", _("社区")
    MEDICAL = "medical", _("医务")
    SCHOOL = "school", _("学校")
    CORRECTION = "correction", _("司法矫治")
    DRUGS = "drugs", _("禁毒")
    ASSISTANCE = "assistance", _("救助")
    ENTERPRISE = "enterprise", _("企业")
    OTHER = "other", _("其他")


class SocialWorker(TimeStamped):
    class Status(models.TextChoices):
        ACTIVE = "active", _("在岗")
        INACTIVE = "inactive", _("离岗")

    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="social_worker", verbose_name=_("人员")
    )
    # Where they practise: decides who keeps the record and which area's statistics count them.
    region = models.ForeignKey(
        "orgs.Region", on_delete=models.PROTECT, related_name="social_workers", verbose_name=_("执业区域")
    )
    employer = models.CharField(_("工作单位"), max_length=100, blank=True)
    employer_credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    field = models.CharField(_("服务领域"), max_length=20, choices=Field.choices, default=Field.COMMUNITY)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # The highest certificate held (kept by the certificate service), for lists and statistics.
    level = models.CharField(_("等级"), max_length=20, choices=Level.choices, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="social_worker_records",
        verbose_name=_("平台账号"),
        help_text=_("有账号的社会工作者会收到登记到期和继续教育提醒。"),
    )

    class Meta:
        verbose_name = _("社会工作者")
        verbose_name_plural = _("社会工作者")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["region", "status"], name="talent_worker_region_idx"),
            models.Index(fields=["level"], name="talent_worker_level_idx"),
            models.Index(fields=["field"], name="talent_worker_field_idx"),
            models.Index(fields=["employer"], name="talent_worker_employer_idx"),
        ]

    def __str__(self):
        return self.person.name_masked or f"#{self.pk}"


class Certificate(TimeStamped):
    """A 社会工作者职业资格证书 obtained by passing the national examination."""

    worker = models.ForeignKey(
        SocialWorker, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("社会工作者")
    )
    level = models.CharField(_("等级"), max_length=20, choices=Level.choices)
    number = models.CharField(_("证书编号"), max_length=40, unique=True)
    passed_on = models.DateField(_("考试通过日期"))

    class Meta:
        verbose_name = _("职业资格证书")
        verbose_name_plural = _("职业资格证书")
        ordering = ["passed_on", "id"]
        indexes = [models.Index(fields=["passed_on"], name="talent_cert_passed_idx")]

    def __str__(self):
        return self.number

    @property
    def registration_deadline(self):
        return rules.registration_deadline(self.passed_on)


class Registration(TimeStamped):
    """A registration period (登记有效期) of a certificate; a renewal is a new row linked to the old."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("证书")
    )
    worker = models.ForeignKey(
        SocialWorker, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("社会工作者")
    )
    registered_on = models.DateField(_("登记日期"))
    valid_until = models.DateField(_("有效期至"))
    renewed_from = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewed_by",
        verbose_name=_("续期自"),
    )
    late = models.BooleanField(_("逾期登记"), default=False)
    late_reason = models.CharField(_("逾期登记情况说明"), max_length=300, blank=True)
    # Continuing education of the period, kept by the services (rules.credited_hours): the lists of
    # who is short read two columns instead of summing every record of every period. The requirement
    # is fixed when the period starts, by the certificate's level.
    # Set when the certificate is registered again (renewal or after a lapse): only the latest period
    # of a certificate can be due, lapsed or renewed, and the lists scan a partial index of those.
    superseded = models.BooleanField(_("已被后续登记取代"), default=False)
    hours_required = models.PositiveSmallIntegerField(_("应完成学时"), default=0)
    hours_done = models.DecimalField(_("已完成学时"), max_digits=7, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("登记")
        verbose_name_plural = _("登记")
        ordering = ["registered_on", "id"]
        indexes = [
            models.Index(
                fields=["valid_until"], condition=Q(superseded=False), name="talent_reg_open_until_idx"
            ),
            models.Index(fields=["worker", "valid_until"], name="talent_reg_worker_idx"),
        ]

    def __str__(self):
        return f"{self.certificate} {self.registered_on}–{self.valid_until}"

    @property
    def renewal_opens(self):
        return rules.renewal_opens(self.valid_until)

    def contains(self, day) -> bool:
        return self.registered_on <= day <= self.valid_until

    @property
    def progress(self) -> rules.Progress:
        return rules.Progress(done=self.hours_done, required=self.hours_required)

    @property
    def done(self):
        return self.hours_done

    @property
    def required(self) -> int:
        return self.hours_required

    @property
    def shortfall(self):
        return self.progress.shortfall

    @property
    def percent(self) -> int:
        return self.progress.percent


class CEKind(models.TextChoices):
    TRAINING = "training", _("培训")
    DEGREE = rules.DEGREE, _("学历教育")
    ACADEMIC = "academic", _("学术交流/研讨")
    RESEARCH = "research", _("课题研究/论文发表")
    SUPERVISION = "supervision", _("督导")
    ONLINE = "online", _("网络学习")
    OTHER = "other", _("其他")


class ContinuingEducation(TimeStamped):
    """Hours of continuing education, counted in the registration period its date falls in."""

    worker = models.ForeignKey(
        SocialWorker, on_delete=models.CASCADE, related_name="education", verbose_name=_("社会工作者")
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="education", verbose_name=_("登记周期")
    )
    kind = models.CharField(_("类型"), max_length=20, choices=CEKind.choices, default=CEKind.TRAINING)
    title = models.CharField(_("名称"), max_length=200)
    provider = models.CharField(_("举办机构"), max_length=100, blank=True)
    on = models.DateField(_("日期"))
    hours = models.DecimalField(_("学时"), max_digits=6, decimal_places=1)

    class Meta:
        verbose_name = _("继续教育记录")
        verbose_name_plural = _("继续教育记录")
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["registration", "kind"], name="talent_ce_reg_idx")]

    def __str__(self):
        return f"{self.title} ({self.hours})"
