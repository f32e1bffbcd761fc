"""Service records (志愿服务记录) and certificates (志愿服务证明).

Whoever organizes records and certifies (谁组织谁记录，谁记录谁证明): every record names the team that
organized the service; only that team's managers approve it, and a team's certificate covers only the
hours it recorded. ``minutes`` is stored, computed by ``hours.served_minutes`` (travel excluded), so
totals are one indexed aggregate.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped


class Source(models.TextChoices):
    QR = "qr", _("扫码签到")
    KIOSK = "kiosk", _("现场签到")
    ORGANIZER = "organizer", _("组织者录入")
    IMPORT = "import", _("表格导入")


class Status(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已认定")
    REJECTED = "rejected", _("未认定")


class ServiceRecord(TimeStamped):
    """One stretch of service of one volunteer, organized (and certified) by one team."""

    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("志愿者"),
        on_delete=models.PROTECT,
        related_name="service_records",
    )
    shift = models.ForeignKey(
        "volunteers.Shift",
        verbose_name=_("班次"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_records",
    )
    team = models.ForeignKey(
        "volunteers.Team",
        verbose_name=_("记录单位"),
        on_delete=models.PROTECT,
        related_name="service_records",
    )
    # Where the service took place (the activity's region, else the team's): region dashboards and
    # the registrars' access rule read it without joining activities.
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("服务区域"), on_delete=models.PROTECT, related_name="+"
    )
    area = models.CharField(_("服务领域"), max_length=15, blank=True)
    title = models.CharField(_("服务内容"), max_length=100)
    check_in_at = models.DateTimeField(_("签到时间"))
    check_out_at = models.DateTimeField(_("签退时间"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("服务时长（分钟）"), default=0)
    source = models.CharField(_("记录方式"), max_length=10, choices=Source.choices)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    notes = models.CharField(_("备注"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("志愿服务记录")
        verbose_name_plural = _("志愿服务记录")
        ordering = ["-check_in_at", "-id"]
        indexes = [
            # Approved totals (stars, profile, the full recomputation) read only this partial index, in
            # volunteer order: no table access, no hashing of a million groups.
            models.Index(
                fields=["volunteer", "minutes"], condition=Q(status="approved"), name="vs_rec_vol_approved"
            ),
            models.Index(fields=["team", "status", "check_in_at"], name="vs_rec_team_status"),
            models.Index(fields=["status", "check_in_at"], name="vs_rec_status_in"),
            models.Index(fields=["region", "check_in_at"], name="vs_rec_region_in"),
        ]
        constraints = [
            # A second check-in to the same shift finds this record instead of making another.
            models.UniqueConstraint(
                fields=["volunteer", "shift"], condition=Q(shift__isnull=False), name="vs_rec_one_per_shift"
            ),
            models.CheckConstraint(
                condition=Q(check_out_at__isnull=True) | Q(check_out_at__gte=models.F("check_in_at")),
                name="vs_rec_order",
            ),
        ]

    def __str__(self):
        return f"{self.volunteer} {self.title} {self.check_in_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.check_out_at is None

    @property
    def hours(self) -> str:
        return f"{self.minutes / 60:.1f}"


class Certificate(models.Model):
    """A certificate of service as issued: the figures are frozen at issue time, the code verifies it."""

    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        verbose_name=_("志愿者"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    team = models.ForeignKey(
        "volunteers.Team", verbose_name=_("出具队伍"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="certificates",
    )  # fmt: skip
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("出具单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issuer_name = models.CharField(_("出具单位"), max_length=100)
    # The holder's name as printed (encrypted like every identity field): the verification page shows it.
    name_enc = models.TextField()
    minutes = models.PositiveIntegerField(_("累计服务时长（分钟）"))
    stars = models.PositiveSmallIntegerField(_("星级"), default=0)
    period_start = models.DateField(_("起始日期"), null=True, blank=True)
    period_end = models.DateField(_("截止日期"))
    code = models.CharField(_("验证码"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("出具时间"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revoked = models.BooleanField(_("已撤销"), default=False)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoke_reason = models.CharField(_("撤销原因"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("志愿服务证明")
        verbose_name_plural = _("志愿服务证明")
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["volunteer", "issued_at"], name="vs_cert_vol")]
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=False) | Q(unit__isnull=False), name="vs_cert_has_issuer"
            )
        ]

    def __str__(self):
        return f"{self.issuer_name} {self.code}"

    @property
    def hours(self) -> str:
        return f"{self.minutes / 60:.1f}"
