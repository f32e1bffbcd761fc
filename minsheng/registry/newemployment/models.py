"""新就业群体: platforms and their local sites, voluntary worker registrations, service stations (暖新驿站),
care activities and workers' rights-protection requests (which become petitions).

Every record has a ``region``: the social work department of that area (or above) keeps it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped
from minsheng.orgs.models import Region


class PlatformKind(models.TextChoices):
    DELIVERY = "delivery", _("外卖配送")
    COURIER = "courier", _("快递物流")
    RIDE_HAILING = "ride_hailing", _("网约车")
    FREIGHT = "freight", _("货运")


class WorkKind(models.TextChoices):
    """What the worker does (a worker may drive for a platform of another kind)."""

    RIDER = "rider", _("外卖骑手")
    COURIER = "courier", _("快递员")
    DRIVER = "driver", _("网约车司机")
    TRUCKER = "trucker", _("货车司机")
    OTHER = "other", _("其他")


class Platform(TimeStamped):
    name = models.CharField(_("平台名称"), max_length=100)
    kind = models.CharField(_("平台类型"), max_length=20, choices=PlatformKind.choices)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("登记区域"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("平台企业")
        verbose_name_plural = _("平台企业")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="newemp_platform_region_name_uniq")
        ]
        indexes = [models.Index(fields=["kind"], name="newemp_platform_kind_idx")]

    def __str__(self):
        return self.name


class Site(TimeStamped):
    """A platform's local site or station (站点): where its workers in the area report."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("平台"), on_delete=models.PROTECT, related_name="sites"
    )
    name = models.CharField(_("站点名称"), max_length=100)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    worker_count = models.PositiveIntegerField(_("从业人数"), default=0)
    contact = models.CharField(_("联系人"), max_length=60, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("平台站点")
        verbose_name_plural = _("平台站点")
        ordering = ["platform__name", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "name"], name="newemp_site_platform_name_uniq")
        ]

    def __str__(self):
        return f"{self.platform.name} {self.name}"


class WorkerRegistration(models.Model):
    """A worker who chose to make themselves known (个人信息保护法: minimal data, with consent).

    Withdrawal erases the nickname, phone and withdrawal code and keeps the row (platform, kind of work,
    area) as an anonymous count.
    """

    platform = models.ForeignKey(
        Platform, verbose_name=_("平台"), on_delete=models.PROTECT, related_name="registrations"
    )
    work_kind = models.CharField(_("从业类型"), max_length=20, choices=WorkKind.choices)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("工作区域"), on_delete=models.PROTECT, related_name="+"
    )
    nickname = models.CharField(_("称呼"), max_length=30, blank=True)
    phone_enc = models.TextField(blank=True)
    phone_bi = models.CharField(max_length=64, blank=True, db_index=True)
    phone_masked = models.CharField(_("联系电话"), max_length=20, blank=True)
    consent_version = models.CharField(_("同意书版本"), max_length=20)
    consented_at = models.DateTimeField(_("同意时间"))
    withdraw_code_bi = models.CharField(max_length=64, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"))

    class Meta:
        verbose_name = _("从业人员自愿登记")
        verbose_name_plural = _("从业人员自愿登记")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["region", "platform"], name="newemp_worker_region_idx"),
            # The dashboard counts active registrations by area from this index alone.
            models.Index(fields=["region", "withdrawn_at"], name="newemp_worker_active_idx"),
        ]

    def __str__(self):
        return f"{self.platform_id}/{self.pk}"


class ServiceStation(TimeStamped):
    """A 暖新驿站 or similar place where workers rest, drink, charge and find help."""

    name = models.CharField(_("驿站名称"), max_length=100)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="+"
    )
    address = models.CharField(_("地址"), max_length=200)
    operator = models.CharField(_("运营单位"), max_length=100, blank=True)
    phone = models.CharField(_("服务电话"), max_length=30, blank=True)
    # Opening hours: the days (ISO weekday digits, "12345" = Mon–Fri) and one daily window; a window
    # whose end is before its start runs past midnight. ``hours.py`` answers "open now".
    open_days = models.CharField(_("开放日"), max_length=7, default="1234567")
    opens_at = models.TimeField(_("开门时间"), null=True, blank=True)
    closes_at = models.TimeField(_("关门时间"), null=True, blank=True)
    always_open = models.BooleanField(_("24小时开放"), default=False)
    hours_note = models.CharField(_("开放时间说明"), max_length=200, blank=True)
    has_water = models.BooleanField(_("饮水"), default=False)
    has_charging = models.BooleanField(_("充电"), default=False)
    has_rest = models.BooleanField(_("休息"), default=False)
    has_toilet = models.BooleanField(_("卫生间"), default=False)
    has_microwave = models.BooleanField(_("微波炉加热"), default=False)
    has_legal_aid = models.BooleanField(_("法律援助"), default=False)
    has_first_aid = models.BooleanField(_("急救药箱"), default=False)
    has_wifi = models.BooleanField(_("无线网络"), default=False)
    is_public = models.BooleanField(
        _("对外公开"), default=True, help_text=_("公开的驿站显示在门户网站的驿站查询页面。")
    )

    class Meta:
        verbose_name = _("服务驿站")
        verbose_name_plural = _("服务驿站")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["is_public", "region"], name="newemp_station_public_idx")]

    def __str__(self):
        return self.name


# The amenity flags, in the order pages show them: (key for URLs and sheets, model field).
AMENITIES = (
    ("water", "has_water"),
    ("charging", "has_charging"),
    ("rest", "has_rest"),
    ("toilet", "has_toilet"),
    ("microwave", "has_microwave"),
    ("legal_aid", "has_legal_aid"),
    ("first_aid", "has_first_aid"),
    ("wifi", "has_wifi"),
)


def amenity_label(key: str):
    return ServiceStation._meta.get_field(dict(AMENITIES)[key]).verbose_name


def region_label(region) -> str:
    """An area as staff read and type it: streets and communities with their parent (names repeat)."""
    if region.parent_id and region.level > Region.Level.COUNTY:
        return f"{region.parent.name} {region.name}"
    return region.name


class CareActivity(TimeStamped):
    """关爱活动: held at a station or in an area."""

    title = models.CharField(_("活动名称"), max_length=120)
    station = models.ForeignKey(
        ServiceStation,
        verbose_name=_("驿站"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("活动日期"))
    participants = models.PositiveIntegerField(_("参加人数"), default=0)
    note = models.TextField(_("活动内容"), blank=True)

    class Meta:
        verbose_name = _("关爱活动")
        verbose_name_plural = _("关爱活动")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["region", "held_on"], name="newemp_activity_region_idx")]

    def __str__(self):
        return self.title


class RightsChannel(models.TextChoices):
    """Where a rights request is handled. Only petitions exist today; the hotline (接诉即办) comes later."""

    PETITION = "petition", _("信访")


class RightsRequest(models.Model):
    """A worker's rights-protection request (维权诉求): a petition, tracked here by platform."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("涉及平台"), on_delete=models.PROTECT, related_name="rights_requests"
    )
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("发生地"), on_delete=models.PROTECT, related_name="+"
    )
    work_kind = models.CharField(_("从业类型"), max_length=20, choices=WorkKind.choices, blank=True)
    channel = models.CharField(
        _("办理渠道"), max_length=20, choices=RightsChannel.choices, default=RightsChannel.PETITION
    )
    petition = models.OneToOneField(
        "petitions.Petition",
        verbose_name=_("信访件"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rights_request",
    )
    created_at = models.DateTimeField(_("提出时间"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("维权诉求")
        verbose_name_plural = _("维权诉求")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["platform", "created_at"], name="newemp_rights_platform_idx")]

    def __str__(self):
        return f"{self.platform_id}/{self.petition_id}"
