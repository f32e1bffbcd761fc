from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped


class Whistle(TimeStamped):
    """街乡吹哨: a street office calls departments to a matter in its area; each must report (报到)."""

    class Kind(models.TextChoices):
        DAILY = "daily", _("日常哨")
        PRIORITY = "priority", _("攻坚哨")
        EMERGENCY = "emergency", _("应急哨")

    class Status(models.TextChoices):
        RAISED = "raised", _("已吹哨")
        CLOSED = "closed", _("已办结")
        RATED = "rated", _("已评价")

    number = models.CharField(_("编号"), max_length=20, unique=True)
    kind = models.CharField(_("哨类"), max_length=10, choices=Kind.choices)
    street = models.ForeignKey(
        "orgs.Unit", verbose_name=_("吹哨街乡"), on_delete=models.PROTECT, related_name="whistles"
    )
    region = models.ForeignKey("orgs.Region", verbose_name=_("所在社区/街乡"), on_delete=models.PROTECT)
    place = models.CharField(_("地点"), max_length=120)
    title = models.CharField(_("事项"), max_length=120)
    description = models.TextField(_("情况说明"))
    duty_item = models.ForeignKey(
        "orgs.DutyItem", verbose_name=_("职责清单事项"), null=True, blank=True, on_delete=models.PROTECT
    )
    street_leads = models.BooleanField(_("街乡牵头"), default=False)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.RAISED)
    raised_at = models.DateTimeField(_("吹哨时间"))
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    summary = models.TextField(_("办结情况"), blank=True)

    class Meta:
        verbose_name = _("吹哨")
        verbose_name_plural = _("吹哨")
        ordering = ["-raised_at", "-id"]
        indexes = [
            models.Index(fields=["street", "status", "raised_at"], name="whistle_street_idx"),
            models.Index(fields=["region", "raised_at"], name="whistle_region_idx"),
        ]

    def __str__(self):
        return self.number


class Call(TimeStamped):
    """部门报到: one department called by a whistle, from the call to its reported result."""

    class Status(models.TextChoices):
        CALLED = "called", _("待响应")
        ACKNOWLEDGED = "acknowledged", _("已响应")
        ARRIVED = "arrived", _("已到场")
        REPORTED = "reported", _("已反馈结果")

    whistle = models.ForeignKey(Whistle, on_delete=models.CASCADE, related_name="calls")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("报到部门"), on_delete=models.PROTECT, related_name="whistle_calls"
    )
    lead = models.BooleanField(_("牵头部门"), default=False)
    status = models.CharField(_("状态"), max_length=14, choices=Status.choices, default=Status.CALLED)
    acknowledged_at = models.DateTimeField(_("响应时间"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("到场时间"), null=True, blank=True)
    reported_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    arrive_due_at = models.DateTimeField(_("到场期限"))
    result_due_at = models.DateTimeField(_("反馈期限"))
    result = models.TextField(_("办理结果"), blank=True)
    rating = models.PositiveSmallIntegerField(_("街乡评价"), null=True, blank=True)
    rating_comment = models.CharField(_("评价意见"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("部门报到")
        verbose_name_plural = _("部门报到")
        ordering = ["-lead", "id"]
        constraints = [models.UniqueConstraint(fields=["whistle", "unit"], name="call_once_per_unit")]
        indexes = [
            # A department's open calls by deadline, and the overdue scan.
            models.Index(
                fields=["unit", "arrive_due_at"],
                name="call_open_idx",
                condition=~Q(status="reported"),
            ),
        ]

    def __str__(self):
        return f"{self.whistle} → {self.unit}"

    @property
    def arrived_late(self) -> bool:
        return self.arrived_at is not None and self.arrived_at > self.arrive_due_at

    @property
    def reported_late(self) -> bool:
        return self.reported_at is not None and self.reported_at > self.result_due_at

    @property
    def minutes_to_arrive(self) -> int | None:
        if self.arrived_at is None:
            return None
        return int((self.arrived_at - self.whistle.raised_at).total_seconds() // 60)
