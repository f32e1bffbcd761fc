"""两新组织: non-public and mixed-ownership enterprises, new economic and new social organizations, the
party organizations that cover them, and the party-building instructors (党建指导员) sent to the others."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.orgs.models import Region
from minsheng.registry.industry import Industry


class Coverage(models.TextChoices):
    """How a unit is covered by a party organization; kept by the services that change organizations."""

    NONE = "", _("未覆盖")
    OWN = "own", _("单独建立")
    JOINT = "joint", _("联合建立")


class Instructor(models.Model):
    """A party-building instructor (党建指导员) sent to units without an organization of their own."""

    name = models.CharField(_("姓名"), max_length=40)
    work_unit = models.CharField(_("工作单位"), max_length=100, blank=True)
    # Personal data: stored encrypted, shown masked.
    phone_encrypted = models.TextField(blank=True, editable=False)
    phone_masked = models.CharField(_("联系电话"), max_length=20, blank=True, editable=False)
    region = models.ForeignKey(Region, verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(_("在岗"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("党建指导员")
        verbose_name_plural = _("党建指导员")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Organization(models.Model):
    """A 两新组织 unit."""

    class Kind(models.TextChoices):
        NON_PUBLIC = "non_public", _("非公有制企业")
        MIXED = "mixed", _("混合所有制企业")
        NEW_ECONOMIC = "new_economic", _("新经济组织")
        NEW_SOCIAL = "new_social", _("新社会组织")

    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("单位名称"), max_length=100)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    # A street or community, so that coverage drills down by area.
    # No index of its own: the coverage index leads with the region and serves every lookup by it, and
    # a single-column one tempted SQLite into reading the table for lists it could read from the index.
    region = models.ForeignKey(
        Region, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    industry = models.CharField(_("行业"), max_length=1, choices=Industry.choices)
    employees = models.PositiveIntegerField(_("从业人员数"), default=0)
    full_members = models.PositiveIntegerField(_("正式党员数"), default=0)
    probationary_members = models.PositiveIntegerField(_("预备党员数"), default=0)
    operating = models.BooleanField(_("在营"), default=True)
    # A party-work contact (党建联络员) in the unit; counts for work coverage under one formula.
    party_contact = models.CharField(_("党建联络员"), max_length=40, blank=True)
    instructor = models.ForeignKey(
        Instructor,
        verbose_name=_("党建指导员"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    # Derived from the active party organizations covering the unit; written only by services.
    coverage = models.CharField(
        _("组织覆盖"),
        max_length=5,
        choices=Coverage.choices,
        default=Coverage.NONE,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("两新组织")
        verbose_name_plural = _("两新组织")
        ordering = ["name", "pk"]
        indexes = [
            # Coverage by area and by industry: one GROUP BY over the area's regions that reads this
            # index only (it holds every column the counts look at), never the table.
            models.Index(
                fields=["region", "operating", "coverage", "full_members", "instructor", "industry"],
                name="twonew_org_coverage_idx",
            ),
            models.Index(
                fields=["industry", "operating", "coverage", "full_members", "instructor", "region"],
                name="twonew_org_industry_idx",
            ),
            models.Index(fields=["kind"], name="twonew_org_kind_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def covered(self) -> bool:
        return bool(self.coverage)


class PartyOrganization(models.Model):
    """A party organization set up in one unit (单独建立) or jointly for several (联合建立)."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("党委")
        GENERAL_BRANCH = "general_branch", _("党总支")
        BRANCH = "branch", _("党支部")
        JOINT_BRANCH = "joint_branch", _("联合党支部")

    name = models.CharField(_("组织名称"), max_length=100)
    kind = models.CharField(_("组织类型"), max_length=20, choices=Kind.choices)
    joint = models.BooleanField(_("联合建立"), default=False)
    # The smallest area holding every covered unit; access follows it.
    region = models.ForeignKey(Region, verbose_name=_("所在区域"), on_delete=models.PROTECT, related_name="+")
    members = models.PositiveIntegerField(_("党员人数"))
    has_committee = models.BooleanField(_("已设支部委员会"), default=False)
    founded_on = models.DateField(_("成立日期"))
    dissolved_on = models.DateField(_("撤销日期"), null=True, blank=True)
    units = models.ManyToManyField(
        Organization, verbose_name=_("覆盖单位"), through="CoveredUnit", related_name="party_organizations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("党组织")
        verbose_name_plural = _("党组织")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def active(self) -> bool:
        return self.dissolved_on is None


class CoveredUnit(models.Model):
    party_organization = models.ForeignKey(PartyOrganization, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("覆盖单位")
        verbose_name_plural = _("覆盖单位")
        constraints = [
            models.UniqueConstraint(
                fields=["party_organization", "organization"], name="twonew_covered_unit_unique"
            )
        ]
