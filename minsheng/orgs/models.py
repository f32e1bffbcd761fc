from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import Role


class Region(models.Model):
    """An administrative area; ``path`` (ids from the root: ``/1/4/9/``) makes subtree reads one scan."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("省")
        CITY = 2, _("市")
        COUNTY = 3, _("县/区")
        STREET = 4, _("街道/乡镇")
        COMMUNITY = 5, _("社区/村")

    code = models.CharField(_("区划代码"), max_length=12, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    level = models.PositiveSmallIntegerField(_("层级"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    # Resident population, for rates "per 10,000 residents"; unknown stays empty, not zero.
    population = models.PositiveIntegerField(_("常住人口"), null=True, blank=True)

    class Meta:
        verbose_name = _("行政区域")
        verbose_name_plural = _("行政区域")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.pk:
            super().save(*args, **kwargs)
            kwargs.pop("force_insert", None)
        self.path = (self.parent.path if self.parent else "/") + f"{self.pk}/"
        super().save(*args, **kwargs)


class Unit(models.Model):
    """A body that receives or handles work: a petition bureau, a department, a street office…"""

    class Kind(models.TextChoices):
        PETITION_BUREAU = "bureau", _("信访部门")
        DEPARTMENT = "department", _("职能部门")
        STREET_OFFICE = "street", _("街道办事处/乡镇政府")
        GOVERNMENT = "government", _("人民政府")
        POLITICS_LAW = "politics_law", _("政法部门")
        DISCIPLINE = "discipline", _("纪检监察机关")
        SOCIAL_WORK = "social_work", _("社会工作部门")
        HOTLINE_CENTRE = "hotline", _("接诉即办中心")

    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="units"
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["region__code", "name"]
        indexes = [models.Index(fields=["kind", "region"], name="unit_kind_region_idx")]

    def __str__(self):
        return self.short_name or self.name


class Membership(models.Model):
    """A staff member holds a role in a unit."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("单位")
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("任职")
        verbose_name_plural = _("任职")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} @ {self.unit} ({self.get_role_display()})"


class DutyItem(models.Model):
    """职责清单: a matter a street/township or community is responsible for.

    The guard against "小马拉大车": a matter outside the list cannot be given to the street or
    community as the main handler; a department must lead it.
    """

    region = models.ForeignKey(
        Region, verbose_name=_("街道/社区"), on_delete=models.CASCADE, related_name="duty_items"
    )
    code = models.CharField(_("事项编码"), max_length=20)
    name = models.CharField(_("事项"), max_length=100)
    basis = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("职责清单事项")
        verbose_name_plural = _("职责清单")
        ordering = ["region__code", "code"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="duty_item_unique")]

    def __str__(self):
        return f"{self.code} {self.name}"
