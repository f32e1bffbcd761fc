"""The register of industry associations and chambers of commerce (行业协会商会), and their annual reports.

The registration authority (登记管理机关, the civil affairs bureau) and the supervising unit (业务主管
单位) are kept as names, not links to ``orgs.Unit``: they are usually bodies outside this platform, and
since the 2016 reform many associations register directly and have no supervising unit at all. The
association belongs to the ``Region`` where it is registered; that region decides who may see it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped
from minsheng.registry.associations.workflow import S
from minsheng.registry.industry import Industry


class Kind(models.TextChoices):
    ASSOCIATION = "association", _("行业协会")
    CHAMBER = "chamber", _("商会")


class Level(models.TextChoices):
    NATIONAL = "national", _("全国性")
    PROVINCIAL = "provincial", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class Party(models.TextChoices):
    """How the body's party members are organized (DESIGN §1.6: 3+ full members → its own)."""

    NONE = "none", _("未建立")
    OWN = "own", _("单独建立")
    JOINT = "joint", _("联合建立")


class Association(TimeStamped):
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("登记地区"), on_delete=models.PROTECT, related_name="associations"
    )
    name = models.CharField(_("名称"), max_length=100)
    # Empty while in preparation (the code is issued with the registration certificate).
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True, null=True, blank=True)
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    level = models.CharField(_("层级"), max_length=12, choices=Level.choices)
    industry = models.CharField(_("所属行业"), max_length=1, choices=Industry.choices, blank=True)
    registration_unit = models.CharField(_("登记管理机关"), max_length=100)
    supervising_unit = models.CharField(
        _("业务主管单位"), max_length=100, blank=True, help_text=_("直接登记的，可不填。")
    )
    individual_members = models.PositiveIntegerField(_("个人会员数"), default=0)
    unit_members = models.PositiveIntegerField(_("单位会员数"), default=0)
    funds = models.DecimalField(_("活动资金（元）"), max_digits=14, decimal_places=2, default=0)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    address = models.CharField(_("住所"), max_length=200, blank=True)
    registered_on = models.DateField(_("成立登记日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=14, choices=S.choices, default=S.PREPARING)
    # Decoupling step (workflow.Decoupling value) → ISO date it was done.
    decoupling = models.JSONField(_("脱钩事项"), default=dict, blank=True)
    status_reason = models.CharField(_("状态说明"), max_length=200, blank=True)
    party_organization = models.CharField(
        _("党组织"), max_length=8, choices=Party.choices, default=Party.NONE
    )
    party_members = models.PositiveIntegerField(_("正式党员数"), default=0)

    class Meta:
        verbose_name = _("行业协会商会")
        verbose_name_plural = _("行业协会商会")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["status", "region"], name="assoc_status_region"),
            models.Index(fields=["kind"], name="assoc_kind"),
            models.Index(fields=["level"], name="assoc_level"),
            models.Index(fields=["industry"], name="assoc_industry"),
            models.Index(fields=["name"], name="assoc_name"),
        ]

    def __str__(self):
        return self.name

    def decoupling_done(self) -> list[tuple[str, str, str]]:
        """(step, label, date or "") for each of the five separations, in order."""
        from minsheng.registry.associations.workflow import DECOUPLING_STEPS

        done = self.decoupling or {}
        return [(s.value, s.label, done.get(s.value, "")) for s in DECOUPLING_STEPS]


class AnnualReport(TimeStamped):
    """The annual work report (年度工作报告) of one body for one year.

    Filed first with the supervising unit for its preliminary review (初审, by 03-31 of the following
    year; not for directly registered bodies), then with the registrar (by 05-31), who accepts it or
    returns it with a reason. A returned report counts as not filed until it is filed again.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("已报送待审核")
        ACCEPTED = "accepted", _("审核通过")
        RETURNED = "returned", _("已退回")

    association = models.ForeignKey(
        Association, verbose_name=_("行业协会商会"), on_delete=models.CASCADE, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    state = models.CharField(_("审核状态"), max_length=10, choices=State.choices, default=State.SUBMITTED)
    supervisor_submitted_on = models.DateField(_("报业务主管单位初审日期"), null=True, blank=True)
    submitted_on = models.DateField(_("报登记管理机关日期"))
    individual_members = models.PositiveIntegerField(_("年末个人会员数"), default=0)
    unit_members = models.PositiveIntegerField(_("年末单位会员数"), default=0)
    income = models.DecimalField(_("年度收入（元）"), max_digits=14, decimal_places=2, default=0)
    expenses = models.DecimalField(_("年度支出（元）"), max_digits=14, decimal_places=2, default=0)
    net_assets = models.DecimalField(_("年末净资产（元）"), max_digits=14, decimal_places=2, default=0)
    summary = models.TextField(_("主要业务活动"), blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    return_reason = models.CharField(_("退回原因"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("年度工作报告")
        verbose_name_plural = _("年度工作报告")
        ordering = ["-year", "association__name"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="assoc_report_one_per_year"),
        ]
        indexes = [models.Index(fields=["year", "state"], name="assoc_report_year_state")]

    def __str__(self):
        return f"{self.association} {self.year}"
