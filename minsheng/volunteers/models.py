"""Volunteers, their teams and brand projects, activities with shifts, and sign-ups.

Identity data of a volunteer is stored like ``people.Person``: Fernet tokens in ``*_enc``, keyed blind
indexes in ``*_bi`` for exact lookup (the ID number's index is unique: one person, one volunteer), and
``*_masked`` values for lists, so a list page never decrypts anything.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped


class Skill(models.Model):
    """A skill (医疗护理, 心理疏导, 外语…) or a qualification (急救证, 驾驶证…) a volunteer may have."""

    class Kind(models.TextChoices):
        SKILL = "skill", _("技能")
        QUALIFICATION = "qualification", _("资质")

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40, unique=True)
    kind = models.CharField(_("类型"), max_length=15, choices=Kind.choices, default=Kind.SKILL)

    class Meta:
        verbose_name = _("技能/资质")
        verbose_name_plural = _("技能/资质")
        ordering = ["kind", "code"]

    def __str__(self):
        return self.name


class Gender(models.TextChoices):
    MALE = "m", _("男")
    FEMALE = "f", _("女")


class Volunteer(TimeStamped):
    """A registered volunteer (实名注册志愿者)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("在册")
        SUSPENDED = "suspended", _("暂停")
        WITHDRAWN = "withdrawn", _("已注销")

    class Source(models.TextChoices):
        PORTAL = "portal", _("网上注册")
        IMPORT = "import", _("表格导入")
        STAFF = "staff", _("工作人员登记")

    name_enc = models.TextField()
    id_number_enc = models.TextField()
    phone_enc = models.TextField(blank=True)
    id_number_bi = models.CharField(max_length=64, unique=True)
    phone_bi = models.CharField(max_length=64, blank=True, db_index=True)
    name_bi = models.CharField(max_length=64, blank=True, db_index=True)  # exact full name (0002)
    name_masked = models.CharField(_("姓名"), max_length=60)
    phone_masked = models.CharField(_("电话"), max_length=20, blank=True)

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="volunteer"
    )
    birth_date = models.DateField(_("出生日期"))
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices, blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("技能/资质"), blank=True, related_name="volunteers")
    languages = models.JSONField(_("语言"), default=list, blank=True)
    # Weekly availability as a bit set: bit (weekday * 3 + part), weekday 0 = Monday, part 0 = 上午,
    # 1 = 下午, 2 = 晚上 (see availability.py). One integer is filterable with a bitwise AND.
    availability = models.PositiveIntegerField(_("可服务时间"), default=0)
    service_regions = models.ManyToManyField(
        "orgs.Region", verbose_name=_("服务区域"), blank=True, related_name="+"
    )
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="volunteers"
    )

    guardian_name_enc = models.TextField(blank=True)
    guardian_phone_enc = models.TextField(blank=True)
    guardian_name_masked = models.CharField(_("监护人"), max_length=60, blank=True)
    guardian_consent_at = models.DateTimeField(_("监护人同意时间"), null=True, blank=True)

    registered_at = models.DateTimeField(_("注册时间"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.PORTAL)

    # Maintained by the service records app (volunteer_service): approved service time and star level.
    approved_minutes = models.PositiveIntegerField(_("认定服务时长（分钟）"), default=0)
    stars = models.PositiveSmallIntegerField(_("星级"), default=0)

    class Meta:
        verbose_name = _("志愿者")
        verbose_name_plural = _("志愿者")
        ordering = ["-registered_at", "-id"]
        indexes = [
            models.Index(fields=["region", "status"], name="vol_region_status"),
            models.Index(fields=["registered_at"], name="vol_registered"),
        ]

    def __str__(self):
        return self.name_masked


class Team(TimeStamped):
    """A volunteer service team or organisation (志愿服务队/组织)."""

    name = models.CharField(_("名称"), max_length=80)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="volunteer_teams"
    )
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    description = models.TextField(_("简介"), blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    is_active = models.BooleanField(_("有效"), default=True)
    members = models.ManyToManyField(Volunteer, verbose_name=_("队员"), blank=True, related_name="teams")

    class Meta:
        verbose_name = _("志愿服务队")
        verbose_name_plural = _("志愿服务队")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="vol_team_region_name")]

    def __str__(self):
        return self.name


class TeamManager(models.Model):
    """A user who organises a team's projects and activities (the "organizer" persona)."""

    team = models.ForeignKey(
        Team, verbose_name=_("服务队"), on_delete=models.CASCADE, related_name="managers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="managed_teams",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("服务队管理员")
        verbose_name_plural = _("服务队管理员")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="vol_team_manager_unique")]

    def __str__(self):
        return f"{self.team} / {self.user}"


class ServiceArea(models.TextChoices):
    ELDERLY = "elderly", _("为老服务")
    CHILDREN = "children", _("关爱儿童")
    DISABLED = "disabled", _("助残服务")
    GOVERNANCE = "governance", _("社区治理")
    EMERGENCY = "emergency", _("应急救援")
    ENVIRONMENT = "environment", _("生态环保")
    CULTURE = "culture", _("文化教育")
    HEALTH = "health", _("医疗健康")
    OTHER = "other", _("其他")


class BrandProject(TimeStamped):
    """A brand project (品牌项目) of a team in a key service area, with its goals and results."""

    team = models.ForeignKey(
        Team, verbose_name=_("服务队"), on_delete=models.PROTECT, related_name="projects"
    )
    name = models.CharField(_("项目名称"), max_length=80)
    area = models.CharField(_("服务领域"), max_length=15, choices=ServiceArea.choices)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("服务区域"), on_delete=models.PROTECT, related_name="+"
    )
    goals = models.TextField(_("项目目标"), blank=True)
    results = models.TextField(_("项目成效"), blank=True)
    started_on = models.DateField(_("启动日期"), null=True, blank=True)
    is_active = models.BooleanField(_("进行中"), default=True)

    class Meta:
        verbose_name = _("品牌项目")
        verbose_name_plural = _("品牌项目")
        ordering = ["team", "name"]

    def __str__(self):
        return self.name


class Activity(TimeStamped):
    """A volunteer activity: what, where, who may sign up; time and capacity are per shift."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        CLOSED = "closed", _("已结束")
        CANCELLED = "cancelled", _("已取消")

    team = models.ForeignKey(
        Team, verbose_name=_("服务队"), on_delete=models.PROTECT, related_name="activities"
    )
    brand_project = models.ForeignKey(
        BrandProject,
        verbose_name=_("品牌项目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    title = models.CharField(_("活动名称"), max_length=100)
    description = models.TextField(_("活动内容"), blank=True)
    area = models.CharField(_("服务领域"), max_length=15, choices=ServiceArea.choices, blank=True)
    place = models.CharField(_("活动地点"), max_length=200)
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("活动区域"), on_delete=models.PROTECT, related_name="+"
    )
    is_risky = models.BooleanField(_("有风险的活动"), default=False)
    insurance_policy_number = models.CharField(_("保单号"), max_length=60, blank=True)
    insurance_insurer = models.CharField(_("保险公司"), max_length=80, blank=True)
    insurance_recorded_at = models.DateTimeField(_("保险登记时间"), null=True, blank=True)
    required_skills = models.ManyToManyField(
        Skill, verbose_name=_("所需技能"), blank=True, related_name="activities_requiring"
    )
    required_qualifications = models.ManyToManyField(
        Skill, verbose_name=_("所需资质"), blank=True, related_name="activities_requiring_qualification"
    )
    min_age = models.PositiveSmallIntegerField(_("最低年龄"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("志愿服务活动")
        verbose_name_plural = _("志愿服务活动")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "region"], name="vol_activity_status_region")]

    def __str__(self):
        return self.title

    @property
    def insurance_missing(self) -> bool:
        return self.is_risky and self.insurance_recorded_at is None


class Shift(models.Model):
    """A time slot of an activity with its own number of places."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("活动"), on_delete=models.CASCADE, related_name="shifts"
    )
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    capacity = models.PositiveIntegerField(_("名额"))
    note = models.CharField(_("说明"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("班次")
        verbose_name_plural = _("班次")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"], name="vol_shift_starts")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="vol_shift_order")
        ]

    def __str__(self):
        return f"{self.activity} {self.starts_at:%Y-%m-%d %H:%M}"


class SignUp(models.Model):
    """A volunteer's sign-up for a shift; over capacity it waits in line (``waitlist_position``)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("已报名")
        WAITLISTED = "waitlisted", _("候补")
        CANCELLED = "cancelled", _("已取消")

    shift = models.ForeignKey(Shift, verbose_name=_("班次"), on_delete=models.CASCADE, related_name="signups")
    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("志愿者"), on_delete=models.PROTECT, related_name="signups"
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    waitlist_position = models.PositiveIntegerField(_("候补序号"), null=True, blank=True)
    created_at = models.DateTimeField(_("报名时间"))
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)
    cancel_reason = models.CharField(_("取消原因"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("报名")
        verbose_name_plural = _("报名")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["shift", "status"], name="vol_signup_shift_status"),
            models.Index(fields=["volunteer", "status"], name="vol_signup_vol_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=~Q(status="cancelled"),
                name="vol_signup_one_active",
            )
        ]

    def __str__(self):
        return f"{self.volunteer} @ {self.shift}"
